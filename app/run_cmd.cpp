#include "run_cmd.h"

#include "check_session.h"
#include "options.h"
#include "svesim/arch/config_error.h"
#include "svesim/model/statistics.h"
#include "svesim/model/trace.h"
#include "svesim/tlm/platform.h"
#include "svesim/tlm/state_vcd.h"

#include <boost/program_options.hpp>
#include <cstdio>
#include <fmt/core.h>
#include <fstream>
#include <memory>
#include <sstream>

namespace po = boost::program_options;

namespace svesim::app {
namespace {

struct FileCloser {
    void operator()(std::FILE* f) const {
        if (f != nullptr && f != stdout && f != stderr) std::fclose(f);
    }
};

std::uint64_t parseSize(const std::string& text, const std::string& what) {
    std::string digits = text;
    std::uint64_t scale = 1;
    if (!digits.empty()) {
        const char s = digits.back();
        if (s == 'K' || s == 'k') scale = 1ULL << 10;
        if (s == 'M' || s == 'm') scale = 1ULL << 20;
        if (s == 'G' || s == 'g') scale = 1ULL << 30;
        if (scale != 1) digits.pop_back();
    }
    const auto v = parseUnsigned(digits, what);
    if (v == 0 || v > (64ULL << 30) / scale)
        throw ConfigError(what + " '" + text + "' is out of range (allowed: 1 byte to 64G)");
    return v * scale;
}

} // namespace

int runRun(const std::vector<std::string>& args) {
    po::options_description opts("svesim run [options] PROGRAM.elf");
    opts.add_options()("help,h", "show this help");
    addCpuOptions(opts);
    opts.add_options()("ram-size", po::value<std::string>()->default_value("256M"),
                       "RAM size at 0x40000000 (K/M/G suffixes)")(
        "max-insns", po::value<std::string>()->default_value("0"),
        "stop after N instructions (0: no limit); exit status 124")(
        "trace", po::value<std::string>()->default_value(""),
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
        "program", po::value<std::string>(), "the AArch64 ELF to run");
    po::positional_options_description pos;
    pos.add("program", 1);
    po::variables_map vm;
    if (!parseCommandLine(
            args, opts, pos, vm,
            "\nExit status: the program's SYS_EXIT status; 2 bad option; 120 ELF unreadable;\n"
            "121 malformed ELF; 122 not AArch64; 123 segment outside RAM; 124 --max-insns\n"
            "reached; 125 stopped in WFI/WFE with nothing to wake it; 118 --check found\n"
            "violations; 119 the debugger (--gdb PORT) killed the run.\n"))
        return 0;
    if (!vm.count("program")) throw ConfigError("no PROGRAM.elf given (see svesim run --help)");

    tlm::PlatformConfig pcfg;
    pcfg.cpu = cpuConfigFrom(vm);
    pcfg.ram_size = parseSize(vm["ram-size"].as<std::string>(), "--ram-size");
    pcfg.cpu.max_instructions = parseUnsigned(vm["max-insns"].as<std::string>(), "--max-insns");
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
            throw ConfigError("--trace-file " + vm["trace-file"].as<std::string>() +
                              " cannot be written");
    }

    // SystemC's info reports (sc_stop() on SYS_EXIT, the VCD timescale) are not news.
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
    sc_core::sc_start();

    if (vm.count("stats")) fmt::print(stderr, "{}", stats.text(proc));
    if (vm.count("stats-json")) {
        std::ofstream out(vm["stats-json"].as<std::string>());
        if (!out)
            throw ConfigError("--stats-json " + vm["stats-json"].as<std::string>() +
                              " cannot be written");
        out << stats.json(proc);
    }
    if (check) {
        const bool finished = platform.cpu.exitCode().has_value();
        for (const std::string& line : check->checker().report(vm.count("details") != 0, finished))
            fmt::print("svesim check: {}\n", line);
        if (!check->checker().violations().empty()) return exit_status::kViolations;
    }
    if (const auto code = platform.cpu.exitCode()) return *code;
    if (platform.cpu.killedByDebugger()) {
        fmt::print(stderr, "svesim: the debugger killed the run at PC {:#x}\n", proc.arch().cpu.pc);
        return exit_status::kKilled;
    }
    if (platform.cpu.budgetExhausted()) {
        fmt::print(stderr, "svesim: stopped after --max-insns {} instructions at PC {:#x}\n",
                   pcfg.cpu.max_instructions, proc.arch().cpu.pc);
        return exit_status::kMaxInstructions;
    }
    fmt::print(stderr,
               "svesim: stopped in WFI/WFE at PC {:#x} with no interrupt source to wake it\n",
               proc.arch().cpu.pc);
    return exit_status::kStuck;
}

} // namespace svesim::app
