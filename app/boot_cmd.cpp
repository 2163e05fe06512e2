#include "boot_cmd.h"

#include "boot_check.h"
#include "boot_guest.h"
#include "exit_codes.h"
#include "options.h"
#include "svesim/arch/config_error.h"
#include "svesim/boot/arm64_image.h"
#include "svesim/boot/boot_error.h"
#include "svesim/boot/device_tree.h"
#include "svesim/boot/firmware_info.h"
#include "svesim/boot/layout.h"
#include "svesim/model/trace.h"
#include "svesim/tlm/boot_platform.h"
#include "svesim/tlm/hang_watchdog.h"
#include "svesim/tlm/stop_signals.h"

#include <boost/program_options.hpp>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fmt/core.h>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <unistd.h>

namespace po = boost::program_options;

namespace svesim::app {
namespace {

// The firmware's semihosting exit statuses (firmware/src/defs.inc).
constexpr int kFirmwareSystemOff = 0, kFirmwareSystemReset = 64, kFirmwareFault = 65;
constexpr std::string_view kDefaultBootargs = "console=ttyAMA0 earlycon panic=-1";
constexpr std::string_view kPanicMarker = "Kernel panic - not syncing";

// svesim's firmware: $SVESIM_FIRMWARE, else the installed copy (bin/../share/svesim), else the
// build tree's.
std::string defaultFirmware() {
    if (const char* env = std::getenv("SVESIM_FIRMWARE")) return env;
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const auto installed =
            exe.parent_path().parent_path() / "share" / "svesim" / "firmware.bin";
        if (std::filesystem::is_regular_file(installed, ec)) return installed.string();
    }
    return SVESIM_FIRMWARE_PATH;
}

std::vector<std::uint8_t> readFile(const std::string& path, const std::string& flag) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw boot::BootError(boot::BootError::Kind::Unreadable,
                              fmt::format("{} {} cannot be read", flag, path));
    return {std::istreambuf_iterator<char>(in), {}};
}

void writeFile(const std::string& path, const std::string& flag,
               const std::vector<std::uint8_t>& bytes) {
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()),
              static_cast<std::streamsize>(bytes.size()));
    if (!out) throw OutputError(fmt::format("{} {} cannot be written", flag, path));
}

int exitFor(const boot::BootError& e) {
    using K = boot::BootError::Kind;
    switch (e.kind()) {
    case K::Unreadable: return exit_code::kUsage;
    case K::NotAnImage: return exit_code::kNotKernelImage;
    case K::DoesNotFit: return exit_code::kBootDoesNotFit;
    case K::BadDtb: return exit_code::kBadDtb;
    case K::BadFirmware: return exit_code::kBootDoesNotFit;
    }
    return exit_code::kInternal;
}

// The PL011's output to stdout, watched for the kernel's panic line (whose log stays on stdout).
class KernelConsole : public model::Console {
public:
    void write(int handle, std::string_view bytes) override {
        out_.write(handle, bytes);
        if (handle != 1 || panicked_) return;
        line_.append(bytes);
        if (line_.find(kPanicMarker) != std::string::npos) panicked_ = true;
        if (const auto nl = line_.rfind('\n'); nl != std::string::npos) line_.erase(0, nl + 1);
        if (line_.size() > 4096) line_.erase(0, line_.size() - kPanicMarker.size());
    }
    int readChar() override { return out_.readChar(); }
    [[nodiscard]] bool panicked() const { return panicked_; }

private:
    model::StdioConsole out_;
    std::string line_;
    bool panicked_ = false;
};

// Ctrl-C/SIGTERM and the progress line: simulated time, instructions of every PE, MIPS.
class BootWatch {
public:
    BootWatch(tlm::BootPlatform& platform, bool progress)
        : platform_(platform)
        , progress_(progress)
        , tty_(isatty(STDERR_FILENO) != 0)
        , start_(Clock::now())
        , last_(start_) {}
    ~BootWatch() { clearLine(); }
    bool check() {
        if (tlm::stopSignal() != 0) return false;
        const auto now = Clock::now();
        if (progress_ && now - last_ >= std::chrono::seconds(tty_ ? 1 : 3)) {
            last_ = now;
            const double secs = std::chrono::duration<double>(now - start_).count();
            const auto insns = static_cast<double>(platform_.instructions());
            model::Processor& p0 = platform_.cpu(0).processor();
            fmt::print(stderr,
                       "{}svesim boot: {} simulated, {:.1f} M instructions, {:.0f} MIPS, "
                       "PE0 at EL{} PC {:#x}{}",
                       tty_ ? "\r\033[K" : "", sc_core::sc_time_stamp().to_string(), insns / 1e6,
                       insns / 1e6 / secs, toUnsigned(p0.arch().cpu.pstate.el), p0.arch().cpu.pc,
                       tty_ ? "" : "\n");
            shown_ = tty_;
        }
        return true;
    }
    void clearLine() {
        if (shown_) fmt::print(stderr, "\r\033[K");
        shown_ = false;
    }
    [[nodiscard]] double seconds() const {
        return std::chrono::duration<double>(Clock::now() - start_).count();
    }

private:
    using Clock = std::chrono::steady_clock;
    tlm::BootPlatform& platform_;
    bool progress_, tty_, shown_ = false;
    Clock::time_point start_, last_;
};

std::string where(model::Processor& p) {
    return fmt::format("PC {:#x} at EL{} after {} instructions", p.arch().cpu.pc,
                       toUnsigned(p.arch().cpu.pstate.el), p.instructions());
}

// The run's exit status from how it ended, with one line on stderr unless it powered off.
int finish(tlm::BootPlatform& platform, const KernelConsole& console, std::uint64_t max_insns,
           const tlm::HangWatchdog* hang) {
    if (const int sig = tlm::stopSignal(); sig != 0) {
        fmt::print(stderr, "svesim boot: {} at {}\n",
                   sig == SIGTERM ? "terminated by SIGTERM" : "interrupted by SIGINT",
                   where(platform.cpu(0).processor()));
        return sig == SIGTERM ? exit_code::kTerminated : exit_code::kInterrupted;
    }
    if (console.panicked()) {
        fmt::print(stderr, "svesim boot: the kernel panicked (its log is above)\n");
        return exit_code::kKernelPanic;
    }
    for (std::size_t i = 0; i < platform.cpuCount(); ++i) {
        tlm::Cpu& cpu = platform.cpu(i);
        if (const auto code = cpu.exitCode()) {
            switch (*code) {
            case kFirmwareSystemOff: return exit_code::kOk;
            case kFirmwareSystemReset:
                fmt::print(stderr, "svesim boot: PE{} asked for a reset (PSCI SYSTEM_RESET)\n", i);
                return exit_code::kSystemReset;
            case kFirmwareFault:
                fmt::print(stderr,
                           "svesim boot: the firmware stopped on PE{} (its line is above)\n", i);
                return exit_code::kFirmwareFault;
            default: return *code;
            }
        }
    }
    for (std::size_t i = 0; i < platform.cpuCount(); ++i) {
        tlm::Cpu& cpu = platform.cpu(i);
        if (const auto& storm = cpu.exceptionStorm()) {
            fmt::print(stderr, "svesim boot: PE{}: {}\n", i, model::describe(*storm));
            return exit_code::kExceptionStorm;
        }
        if (cpu.budgetExhausted()) {
            fmt::print(stderr, "svesim boot: PE{} stopped after --max-insns {} at {}\n", i,
                       max_insns, where(cpu.processor()));
            return exit_code::kLimit;
        }
        if (const auto& pc = cpu.spinForever()) {
            fmt::print(stderr,
                       "svesim boot: PE{} stuck at PC {:#x}: a branch to itself with every "
                       "interrupt masked\n",
                       i, *pc);
            return exit_code::kStuck;
        }
    }
    if (hang != nullptr && hang->fired()) {
        fmt::print(stderr,
                   "svesim boot: hang: no instruction retired on any PE in {} of simulated time "
                   "(--hang-after; PE0 at {})\n",
                   hang->period().to_string(), where(platform.cpu(0).processor()));
        return exit_code::kStuck;
    }
    fmt::print(stderr,
               "svesim boot: every PE waits in WFI/WFE with no interrupt source to wake it (PE0 "
               "at {})\n",
               where(platform.cpu(0).processor()));
    return exit_code::kStuck;
}

} // namespace

int runBoot(const std::vector<std::string>& args) {
    po::options_description opts("svesim boot --kernel Image [--initrd FILE] [options]");
    opts.add_options()("help,h", "show this help")("kernel", po::value<std::string>(),
                                                   "the arm64 kernel Image (uncompressed)")(
        "initrd", po::value<std::string>(), "an initramfs or initrd, placed after the kernel")(
        "append", po::value<std::string>(),
        "more kernel command-line arguments, after \"console=ttyAMA0 earlycon panic=-1\"")(
        "cpus", po::value<std::string>()->default_value("1"),
        "number of PEs (1 to 64)")("mem", po::value<std::string>()->default_value("1G"),
                                   "RAM size at 0x40000000 (K/M/G suffixes)")(
        "dtb", po::value<std::string>(),
        "the user's own device tree blob instead of ours (its /chosen gets the initrd and, with "
        "--append, the command line)")("dump-dtb", po::value<std::string>(),
                                       "write the device tree the kernel gets to FILE")(
        "firmware", po::value<std::string>(),
        "EL3 firmware loaded at 0x0 instead of svesim's (its boot-info block is filled if it has "
        "one; default: $SVESIM_FIRMWARE, else the installed or built firmware.bin)")(
        "dump-firmware", po::value<std::string>(),
        "write the firmware image with its boot-info block filled to FILE")(
        "dry-run", "print where kernel, initrd and DTB go, write the dumps, do not run")(
        "max-insns", po::value<std::string>()->default_value("0"),
        "stop after N instructions of a PE (0: no limit); exit status 124")(
        "quiet", "no progress line on stderr")(
        "hang-after", po::value<std::string>()->default_value("60"),
        "a hang: no instruction retired on any PE in SECONDS of simulated time; exit status 125 "
        "(0: never; not while stdin is a terminal, where an idle kernel waits for its user)")(
        "trace", po::value<std::string>()->default_value(""),
        "trace categories of PE 0 on stderr: insn,exc,sysreg,vl,zop,mem,tlm or all")(
        "engine", po::value<std::string>()->default_value("fast"),
        "fast|general: the execution engine (svesim params; same results, counts and cycles)");
    addArchOptions(opts);
    addBootCheckOptions(opts);
    addBootGuestOptions(opts);
    po::variables_map vm;
    if (!parseCommandLine(
            args, opts, {}, vm,
            "\nBoots Linux through svesim's EL3 firmware (PSCI) on QEMU virt's memory "
            "map; the PL011 is on\nstdout and reads stdin when it is a terminal or "
            "a pipe (docs/boot.md).\n\n" +
                exitCodeText()))
        return 0;
    if (!vm.count("kernel")) throw ConfigError("no --kernel Image given (see svesim boot --help)");

    tlm::BootPlatformConfig cfg;
    cfg.cpu.processor.arch = archConfigFrom(vm);
    cfg.cpu.set("engine", vm["engine"].as<std::string>());
    cfg.cpu.max_instructions = parseUnsigned(vm["max-insns"].as<std::string>(), "--max-insns");
    boot::BootMachine& m = cfg.machine;
    const auto cpus = parseUnsigned(vm["cpus"].as<std::string>(), "--cpus");
    if (cpus < 1 || cpus > boot::BootMachine::kMaxCpus)
        throw ConfigError(fmt::format("--cpus {} is out of range (allowed: 1 to {})", cpus,
                                      boot::BootMachine::kMaxCpus));
    m.cpus = static_cast<unsigned>(cpus);
    m.ram_size = parseSize(vm["mem"].as<std::string>(), "--mem");
    const auto trace_cats = model::TraceCategories::parse(vm["trace"].as<std::string>());
    for (const char* flag : {"dump-dtb", "dump-firmware"})
        if (vm.count(flag)) checkWritable(std::string("--") + flag, vm[flag].as<std::string>());

    const std::string kernel_path = vm["kernel"].as<std::string>();
    std::vector<std::uint8_t> kernel, initrd, dtb, firmware;
    boot::BootLayout layout;
    try {
        kernel = readFile(kernel_path, "--kernel");
        const boot::Arm64ImageHeader header = boot::parseArm64Image(kernel, kernel_path);
        if (vm.count("initrd")) initrd = readFile(vm["initrd"].as<std::string>(), "--initrd");
        appendBootGuest(vm, initrd);
        layout = boot::placeBoot({m.ram_base, m.ram_size}, header, initrd.size());
        const boot::Region initrd_region = layout.initrd;
        std::string bootargs(kDefaultBootargs);
        if (vm.count("append")) bootargs += " " + vm["append"].as<std::string>();
        if (vm.count("dtb")) {
            const std::string path = vm["dtb"].as<std::string>();
            dtb = readFile(path, "--dtb");
            boot::checkDeviceTree(dtb, path);
            boot::setChosen(
                dtb, vm.count("append") ? std::optional<std::string>(bootargs) : std::nullopt,
                initrd_region);
        } else {
            dtb = boot::buildDeviceTree(m, bootargs, initrd_region);
        }
        if (dtb.size() > boot::kDtbMaxSize)
            throw boot::BootError(boot::BootError::Kind::BadDtb,
                                  "the device tree is larger than 2 MiB");
        const std::string fw_path =
            vm.count("firmware") ? vm["firmware"].as<std::string>() : defaultFirmware();
        firmware = readFile(fw_path, "--firmware");
        if (firmware.size() > m.flash_size)
            throw boot::BootError(boot::BootError::Kind::DoesNotFit,
                                  fmt::format("--firmware {} ({} bytes) does not fit the {} MiB "
                                              "flash at 0x0",
                                              fw_path, firmware.size(), m.flash_size >> 20));
        if (boot::hasBootInfo(firmware) && !cfg.cpu.processor.arch.features.has_el3)
            throw ConfigError("svesim's firmware runs at EL3: --has-el3 false needs a --firmware "
                              "of your own");
        if (boot::hasBootInfo(firmware))
            boot::writeBootInfo(
                firmware,
                boot::FirmwareBootInfo::forMachine(m, layout.kernelEntry(), layout.dtb.base),
                fw_path);
    } catch (const boot::BootError& e) {
        fmt::print(stderr, "svesim boot: {}\n", e.what());
        return exitFor(e);
    }
    if (vm.count("dump-dtb")) writeFile(vm["dump-dtb"].as<std::string>(), "--dump-dtb", dtb);
    if (vm.count("dump-firmware"))
        writeFile(vm["dump-firmware"].as<std::string>(), "--dump-firmware", firmware);
    if (vm.count("dry-run")) {
        for (const std::string& line : layout.describe())
            fmt::print("{}\n", line);
        return 0;
    }

    if (std::getenv("SVESIM_SYSTEMC_INFO") == nullptr)
        sc_core::sc_report_handler::set_actions(sc_core::SC_INFO, sc_core::SC_DO_NOTHING);
    // Several PEs may end the run in the same delta cycle (each firmware copy's exit).
    sc_core::sc_report_handler::set_actions(sc_core::SC_ID_SIMULATION_STOP_CALLED_TWICE_,
                                            sc_core::SC_DO_NOTHING);
    KernelConsole console;
    const auto check = BootCheck::fromOptions(vm, m.cpus, console);
    tlm::HostInput input;
    tlm::BootPlatform platform("boot", cfg, check ? *check : static_cast<model::Console&>(console),
                               &input);
    if (!platform.load(m.flash_base, firmware) || !platform.load(layout.kernel.base, kernel) ||
        !platform.load(layout.initrd.base, initrd) || !platform.load(layout.dtb.base, dtb))
        throw std::runtime_error("the boot images could not be written to the platform's memory");
    if (check) check->attach(platform);
    model::Trace trace(trace_cats, stderr);
    if (const EventMask mask = trace_cats.mask())
        platform.cpu(0).processor().events().subscribe(trace, mask);
    const std::uint64_t hang_after =
        parseUnsigned(vm["hang-after"].as<std::string>(), "--hang-after");
    std::unique_ptr<tlm::HangWatchdog> hang;
    if (hang_after > 0 && isatty(STDIN_FILENO) == 0)
        hang = std::make_unique<tlm::HangWatchdog>(
            "hang_watchdog", sc_core::sc_time(static_cast<double>(hang_after), sc_core::SC_SEC),
            [&platform] { return platform.instructions(); });
    BootWatch watch(platform, !vm.count("quiet"));
    for (std::size_t i = 0; i < platform.cpuCount(); ++i)
        platform.cpu(i).setHostCheck([&watch] { return watch.check(); });
    tlm::installStopSignals();
    sc_core::sc_start();
    watch.clearLine();
    int status = finish(platform, console, cfg.cpu.max_instructions, hang.get());
    if (check) status = check->finish(status);
    if (!vm.count("quiet"))
        fmt::print(stderr, "svesim boot: {} instructions in {:.1f} s ({} simulated)\n",
                   platform.instructions(), watch.seconds(), sc_core::sc_time_stamp().to_string());
    return status;
}

} // namespace svesim::app
