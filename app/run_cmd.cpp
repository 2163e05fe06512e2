#include "run_cmd.h"

#include "check_session.h"
#include "options.h"
#include "svesim/arch/config_error.h"
#include "svesim/model/statistics.h"
#include "svesim/model/trace.h"
#include "svesim/tlm/platform.h"
#include "svesim/tlm/state_vcd.h"
#include "svesim/tlm/stop_signals.h"

#include <boost/program_options.hpp>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fmt/core.h>
#include <fstream>
#include <memory>
#include <sstream>
#include <unistd.h>

namespace po = boost::program_options;

namespace svesim::app {
namespace {

struct FileCloser {
    void operator()(std::FILE* f) const {
        if (f != nullptr && f != stdout && f != stderr) std::fclose(f);
    }
};

// --max-time: N[ps|ns|us|ms|s] (bare N: ns) of simulated time.
sc_core::sc_time parseSimTime(const std::string& text) {
    std::size_t digits = 0;
    while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9')
        ++digits;
    const std::string unit = text.substr(digits);
    double ps_per_unit = 0;
    if (unit.empty() || unit == "ns")
        ps_per_unit = 1e3;
    else if (unit == "ps")
        ps_per_unit = 1;
    else if (unit == "us")
        ps_per_unit = 1e6;
    else if (unit == "ms")
        ps_per_unit = 1e9;
    else if (unit == "s")
        ps_per_unit = 1e12;
    if (digits == 0 || ps_per_unit == 0)
        throw ConfigError("--max-time '" + text +
                          "' is not a time (allowed: N[ps|ns|us|ms|s], e.g. 10ms; bare N: ns)");
    const auto n = parseUnsigned(text.substr(0, digits), "--max-time");
    if (n == 0) throw ConfigError("--max-time '" + text + "' is out of range (allowed: > 0)");
    return sc_core::sc_time(static_cast<double>(n) * ps_per_unit, sc_core::SC_PS);
}

// --timeout: seconds of wall-clock time, decimals allowed.
double parseSeconds(const std::string& text) {
    std::size_t used = 0;
    double v = 0;
    try {
        v = std::stod(text, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != text.size() || text.empty() || !(v > 0) || v > 1e9)
        throw ConfigError("--timeout '" + text +
                          "' is not a number of seconds (allowed: > 0, e.g. 30 or 0.5)");
    return v;
}

// What the host check (Cpu::setHostCheck) looks at: Ctrl-C/SIGTERM, --timeout, and the
// --progress line on stderr.
class HostWatch {
public:
    HostWatch(model::Processor& proc, double timeout_s, bool progress)
        : proc_(proc)
        , timeout_s_(timeout_s)
        , progress_(progress)
        , tty_(isatty(STDERR_FILENO) != 0)
        , start_(Clock::now())
        , last_(start_) {}
    ~HostWatch() { clearLine(); }

    // False when the run must stop.
    bool check() {
        if (tlm::stopSignal() != 0) return false;
        const auto now = Clock::now();
        const double secs = std::chrono::duration<double>(now - start_).count();
        if (timeout_s_ > 0 && secs >= timeout_s_) {
            timed_out_ = true;
            return false;
        }
        if (progress_ && now - last_ >= std::chrono::seconds(tty_ ? 1 : 2)) {
            last_ = now;
            const double insns = static_cast<double>(proc_.instructions());
            fmt::print(stderr,
                       "{}svesim: {:.1f} M instructions, {} simulated, {:.0f} MIPS, PC "
                       "{:#x} at EL{}{}",
                       tty_ ? "\r\033[K" : "", insns / 1e6, sc_core::sc_time_stamp().to_string(),
                       insns / 1e6 / secs, proc_.arch().cpu.pc,
                       toUnsigned(proc_.arch().cpu.pstate.el), tty_ ? "" : "\n");
            shown_ = tty_;
        }
        return true;
    }
    [[nodiscard]] bool timedOut() const { return timed_out_; }
    void clearLine() {
        if (shown_) fmt::print(stderr, "\r\033[K");
        shown_ = false;
    }

private:
    using Clock = std::chrono::steady_clock;
    model::Processor& proc_;
    double timeout_s_;
    bool progress_, tty_, shown_ = false, timed_out_ = false;
    Clock::time_point start_, last_;
};

} // namespace

int runRun(const std::vector<std::string>& args) {
    po::options_description opts("svesim run [options] PROGRAM.elf");
    opts.add_options()("help,h", "show this help");
    addCpuOptions(opts);
    opts.add_options()("ram-size", po::value<std::string>()->default_value("256M"),
                       "RAM size at 0x40000000 (K/M/G suffixes)")(
        "max-insns", po::value<std::string>()->default_value("0"),
        "stop after N instructions (0: no limit); exit status 124")(
        "max-time", po::value<std::string>(),
        "stop at simulated time T (N[ps|ns|us|ms|s], e.g. 10ms); exit status 124")(
        "timeout", po::value<std::string>(),
        "stop after SECONDS of wall-clock time; exit status 124")(
        "progress",
        "a progress line on stderr (default when stderr is a terminal and no --trace goes there)")(
        "no-progress",
        "no progress line")("trace", po::value<std::string>()->default_value(""),
                            "trace categories: insn,exc,sysreg,vl,zop,mem,tlm or all")(
        "trace-file", po::value<std::string>(), "write the trace there instead of stderr")(
        "stats", "print end-of-run statistics to stderr")(
        "vcd", po::value<std::string>(),
        "write a VCD of EL, VL and world (docs/scenario-devices.md rule) to FILE, for GTKWave")(
        "stats-json", po::value<std::string>(), "write end-of-run statistics as JSON to FILE")(
        "check",
        "attach the world checker (docs/provenance.md): a summary per world and kind, the verdict "
        "of every implementation class from this one run; exit status 118 on any finding")(
        "details", "with --check: every finding with its byte range, provenance and causes")(
        "param", po::value<std::vector<std::string>>()->composing(),
        "name=value: the 64-bit word at ELF symbol param_<name> (repeatable)")(
        "gic",
        "add QEMU virt's GICv3 (GICD 0x08000000, GICR 0x080A0000; the ICC_*/ICH_* registers; "
        "timers on their PPIs, the PL011 on INTID 33, the scenario timer on INTID 48)")(
        "program", po::value<std::string>(), "the AArch64 ELF to run");
    po::positional_options_description pos;
    pos.add("program", 1);
    po::variables_map vm;
    if (!parseCommandLine(
            args, opts, pos, vm,
            "\nAn exception storm (the same synchronous exception at the same vector again and\n"
            "again with no progress) ends the run with one line and exit status 117; Ctrl-C\n"
            "and SIGTERM end it cleanly (statistics and files complete; 130, 143).\n\n" +
                exitCodeText()))
        return 0;
    if (!vm.count("program")) throw ConfigError("no PROGRAM.elf given (see svesim run --help)");

    tlm::PlatformConfig pcfg;
    pcfg.cpu = cpuConfigFrom(vm);
    pcfg.ram_size = parseSize(vm["ram-size"].as<std::string>(), "--ram-size");
    pcfg.gic = vm.count("gic") != 0;
    pcfg.cpu.max_instructions = parseUnsigned(vm["max-insns"].as<std::string>(), "--max-insns");
    if (vm.count("max-time")) pcfg.cpu.max_time = parseSimTime(vm["max-time"].as<std::string>());
    const double timeout_s =
        vm.count("timeout") ? parseSeconds(vm["timeout"].as<std::string>()) : 0.0;
    // By default only on a terminal, and not when the trace goes there too.
    const bool trace_on_stderr = !vm["trace"].as<std::string>().empty() && !vm.count("trace-file");
    const bool progress =
        !vm.count("no-progress") &&
        (vm.count("progress") || (isatty(STDERR_FILENO) != 0 && !trace_on_stderr));
    // Output paths are checked before anything runs.
    for (const char* flag : {"trace-file", "vcd", "stats-json"})
        if (vm.count(flag)) checkWritable(std::string("--") + flag, vm[flag].as<std::string>());
    const auto trace_cats = model::TraceCategories::parse(vm["trace"].as<std::string>());

    const std::string path = vm["program"].as<std::string>();
    model::ElfImage image;
    try {
        image = model::ElfImage::load(path);
    } catch (const model::ElfError& e) {
        fmt::print(stderr, "svesim: {}\n", e.what());
        switch (e.kind()) {
        case model::ElfError::Kind::Unreadable: return exit_status::kUnreadable;
        case model::ElfError::Kind::NotAArch64: return exit_status::kNotAArch64;
        default: return exit_status::kMalformedElf;
        }
    }
    // Start at the entry, in reset state at the highest EL, unless a reset vector was given.
    // (An rvbar of 0 from a config file counts as not given.)
    const bool start_at_entry = pcfg.cpu.processor.arch.rvbar == 0 && !vm.count("rvbar");
    if (start_at_entry) pcfg.cpu.processor.arch.rvbar = image.entry;

    std::unique_ptr<std::FILE, FileCloser> trace_out(stderr);
    if (vm.count("trace-file")) {
        trace_out.reset(std::fopen(vm["trace-file"].as<std::string>().c_str(), "w"));
        if (!trace_out)
            throw OutputError("--trace-file " + vm["trace-file"].as<std::string>() +
                              " cannot be written");
    }

    // SystemC's info reports (sc_stop() on SYS_EXIT, the VCD timescale) are not news, unless
    // asked for (they then go to stderr, as every SystemC message: main.cpp).
    if (std::getenv("SVESIM_SYSTEMC_INFO") == nullptr)
        sc_core::sc_report_handler::set_actions(sc_core::SC_INFO, sc_core::SC_DO_NOTHING);
    model::StdioConsole console;
    tlm::Platform platform("platform", pcfg, console);
    model::Processor& proc = platform.cpu.processor();
    model::Statistics stats;
    model::Trace trace(trace_cats, trace_out.get());
    proc.events().subscribe(stats, eventBit(EventKind::ExceptionTaken) |
                                       eventBit(EventKind::ExceptionReturn) |
                                       eventBit(EventKind::VectorLengthChange) |
                                       eventBit(EventKind::ZeroUpperDecision));
    if (const EventMask m = trace_cats.mask()) proc.events().subscribe(trace, m);

    std::unique_ptr<tlm::StateVcd> vcd;
    if (vm.count("vcd"))
        vcd = std::make_unique<tlm::StateVcd>("state_vcd", platform.cpu,
                                              vm["vcd"].as<std::string>(), vcdWorldOf);
    try {
        platform.load(image, start_at_entry);
        proc.semihosting().cmdline = path; // SYS_GET_CMDLINE: the program as named, as QEMU
    } catch (const model::ElfError& e) {
        fmt::print(stderr, "svesim: {}: {}\n", path, e.what());
        return exit_status::kOutsideRam;
    }
    std::map<std::string, std::uint64_t> params;
    if (vm.count("param"))
        for (const auto& p : vm["param"].as<std::vector<std::string>>())
            params.insert(parseParam(p));
    writeParameters(platform, image, params);
    std::unique_ptr<CheckSession> check;
    if (vm.count("check")) check = std::make_unique<CheckSession>(platform);
    if (check && platform.cpu.gdb() != nullptr)
        // With the checker the debugger hears which world the PE is in, by the checker's rule.
        platform.cpu.gdb()->addMonitorCommand(
            "info worlds", "the world the PE is in, the worlds seen, the verdict so far",
            [&checker = check->checker()](std::string_view) {
                std::string seen;
                for (const scenarios::World& w : checker.worldsSeen())
                    seen += (seen.empty() ? "" : ", ") + scenarios::name(w);
                const auto now = checker.current();
                return fmt::format("now: {}; worlds seen: {}; verdict so far: {}\n",
                                   now ? scenarios::name(*now)
                                       : std::string("no world (a privileged context)"),
                                   seen.empty() ? std::string("none") : seen, checker.verdict());
            });
    HostWatch watch(proc, timeout_s, progress);
    platform.cpu.setHostCheck([&watch] { return watch.check(); });
    tlm::installStopSignals();
    sc_core::sc_start();
    watch.clearLine();

    if (vm.count("stats")) fmt::print(stderr, "{}", stats.text(proc));
    if (vm.count("stats-json")) {
        std::ofstream out(vm["stats-json"].as<std::string>());
        if (!out)
            throw OutputError("--stats-json " + vm["stats-json"].as<std::string>() +
                              " cannot be written");
        out << stats.json(proc);
    }
    std::fflush(trace_out.get());
    if (const int sig = tlm::stopSignal(); sig != 0 && platform.cpu.stoppedByHost()) {
        fmt::print(stderr,
                   "svesim: {} at PC {:#x} after {} instructions; statistics and output files "
                   "are complete\n",
                   sig == SIGTERM ? "terminated by SIGTERM" : "interrupted by SIGINT",
                   proc.arch().cpu.pc, proc.instructions());
        return sig == SIGTERM ? exit_code::kTerminated : exit_code::kInterrupted;
    }
    if (check) {
        const bool finished = platform.cpu.exitCode().has_value();
        for (const std::string& line : check->checker().report(vm.count("details") != 0, finished))
            fmt::print("svesim check: {}\n", line);
    }
    // The debugger's kill is 119 in every mode, with or without findings.
    if (platform.cpu.killedByDebugger()) {
        fmt::print(stderr, "svesim: the debugger killed the run at PC {:#x}\n", proc.arch().cpu.pc);
        return exit_status::kKilled;
    }
    if (check && !check->checker().violations().empty()) return exit_status::kViolations;
    if (const auto code = platform.cpu.exitCode()) return *code;
    if (const auto& storm = platform.cpu.exceptionStorm()) {
        fmt::print(stderr, "svesim: {}\n", model::describe(*storm));
        return exit_code::kExceptionStorm;
    }
    if (platform.cpu.budgetExhausted()) {
        fmt::print(stderr, "svesim: stopped after --max-insns {} instructions at PC {:#x}\n",
                   pcfg.cpu.max_instructions, proc.arch().cpu.pc);
        return exit_code::kLimit;
    }
    if (platform.cpu.timeLimitReached()) {
        fmt::print(stderr, "svesim: stopped at --max-time {} simulated at PC {:#x}\n",
                   vm["max-time"].as<std::string>(), proc.arch().cpu.pc);
        return exit_code::kLimit;
    }
    if (watch.timedOut()) {
        fmt::print(stderr,
                   "svesim: stopped after --timeout {} s of wall-clock time at PC {:#x} ({} "
                   "instructions)\n",
                   vm["timeout"].as<std::string>(), proc.arch().cpu.pc, proc.instructions());
        return exit_code::kLimit;
    }
    if (const auto& pc = platform.cpu.spinForever()) {
        fmt::print(stderr,
                   "svesim: stuck at PC {:#x}: a branch to itself at EL{} with every interrupt "
                   "masked, nothing can change\n",
                   *pc, toUnsigned(proc.arch().cpu.pstate.el));
        return exit_status::kStuck;
    }
    fmt::print(stderr,
               "svesim: stopped in WFI/WFE at PC {:#x} with no interrupt source to wake it\n",
               proc.arch().cpu.pc);
    return exit_status::kStuck;
}

} // namespace svesim::app
