#include "exit_codes.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fmt/core.h>

namespace svesim::app {
namespace {

using namespace exit_code;

constexpr std::array kTable{
    ExitCodeRow{kOk, "success: the program exited with 0, every verdict as expected", "all"},
    ExitCodeRow{kFailed,
                "a verdict differs from its expectation (scenario run); a point ended in an "
                "error (sweep); a plan run or --guest did not give its expected status (boot)",
                "scenario run, sweep, boot"},
    ExitCodeRow{kUsage,
                "bad usage: unknown command or option, a bad value, a configuration, timing or "
                "grid file that cannot be read or has a bad line, RAM the host cannot give",
                "all"},
    ExitCodeRow{kInternal, "internal error in svesim (please report it)", "all"},
    ExitCodeRow{kCannotWrite,
                "an output file cannot be written (--stats-json, --trace-file, --vcd, --json, "
                "--timeline, --out), checked before the run",
                "run, scenario run, sweep, plot"},
    ExitCodeRow{kExceptionStorm,
                "exception storm: the same synchronous exception taken at the same vector again "
                "and again with no progress (one line names it, ESR, ELR, FAR and EL)",
                "run, scenario run, sweep"},
    ExitCodeRow{kViolations,
                "`--check` found violations (boot: or the kernel reported a WARN, BUG, Oops, "
                "panic, lockup or stall, and powered off)",
                "run, boot"},
    ExitCodeRow{kKilled, "the debugger killed the run (gdb `kill`)", "run"},
    ExitCodeRow{kUnreadable, "the ELF cannot be opened (scenario run: the program is not built)",
                "run, scenario run, boot --guest"},
    ExitCodeRow{kMalformedElf, "not an ELF, truncated, malformed, or not an executable",
                "run, scenario run, boot --guest"},
    ExitCodeRow{kNotAArch64, "not a little-endian AArch64 ELF64",
                "run, scenario run, boot --guest"},
    ExitCodeRow{kDoesNotFit,
                "the ELF does not fit the platform: a loadable segment not entirely inside RAM, "
                "an entry point outside the loaded segments or not 4-byte aligned (boot --guest: "
                "outside the VMM's guest RAM 0x40000000-0x43ffffff)",
                "run, scenario run, boot --guest"},
    ExitCodeRow{kLimit,
                "a limit was reached before the program exited: `--max-insns`, `--max-time` "
                "(simulated) or `--timeout` (wall clock)",
                "run, scenario run, sweep"},
    ExitCodeRow{kStuck,
                "stuck: in WFI/WFE with nothing that could wake the PE, or on a branch to "
                "itself with every interrupt masked; boot: also a hang, no instruction retired "
                "on any PE for `--hang-after` simulated seconds",
                "run, scenario run, sweep, boot"},
    ExitCodeRow{kInterrupted,
                "interrupted by SIGINT (Ctrl-C): statistics, VCD, JSON and trace are complete",
                "run"},
    ExitCodeRow{kTerminated, "terminated by SIGTERM, as cleanly as SIGINT", "run"},
    ExitCodeRow{kFirmwareFault,
                "the EL3 firmware took an exception it cannot handle (its one line names ESR_EL3 "
                "and ELR_EL3)",
                "boot"},
    ExitCodeRow{kNotKernelImage,
                "`--kernel` is not a little-endian arm64 Image (no \"ARM\\x64\" magic at 0x38, "
                "big-endian, truncated)",
                "boot"},
    ExitCodeRow{kBootDoesNotFit,
                "kernel, initrd and device tree do not fit RAM (`--mem`), or the firmware does "
                "not fit its flash",
                "boot"},
    ExitCodeRow{kBadDtb, "`--dtb` is not a valid device tree blob", "boot"},
    ExitCodeRow{kSystemReset, "the kernel asked for a reset (PSCI SYSTEM_RESET)", "boot"},
    ExitCodeRow{kKernelPanic,
                "the kernel panicked (\"Kernel panic - not syncing\" on the console; the log is "
                "kept on stdout)",
                "boot"},
};

// Severity for batches: higher wins.
int rank(int code) {
    switch (code) {
    case kOk: return 0;
    case kFailed: return 1;
    case kLimit: return 2;
    case kStuck: return 3;
    case kExceptionStorm: return 4;
    case kInterrupted: return 5;
    case kTerminated: return 6;
    case kInternal: return 7;
    default: return 1;
    }
}

} // namespace

std::span<const ExitCodeRow> exitCodeTable() {
    return kTable;
}

std::string exitCodeMarkdown() {
    std::string out = "| status | meaning | commands |\n|---|---|---|\n";
    out += "| 0-255 | `run`: the program's own SYS_EXIT status (programs that want to be told "
           "apart from svesim's own statuses exit with less than 64) | run |\n";
    for (const ExitCodeRow& r : kTable)
        out += fmt::format("| {} | {} | {} |\n", r.code, r.meaning, r.commands);
    return out;
}

std::string exitCodeText() {
    std::string out = "Exit statuses (the same for every command):\n"
                      "  0-255  run: the program's own SYS_EXIT status\n";
    for (const ExitCodeRow& r : kTable) {
        std::string meaning(r.meaning);
        meaning.erase(std::remove(meaning.begin(), meaning.end(), '`'), meaning.end());
        // Wrapped at 80 columns, continuation lines under the meaning.
        std::string line = fmt::format("  {:>5} ", r.code);
        std::size_t start = 0;
        while (start < meaning.size()) {
            std::size_t end = meaning.find(' ', start);
            if (end == std::string::npos) end = meaning.size();
            const std::string word = meaning.substr(start, end - start);
            if (line.size() + 1 + word.size() > 80) {
                out += line + "\n";
                line = std::string(9, ' ');
            } else {
                line += ' ';
            }
            line += word;
            start = end + 1;
        }
        out += line + "\n";
    }
    return out;
}

int worseExit(int a, int b) {
    return rank(b) > rank(a) ? b : a;
}

int exitForFinish(std::string_view finish) {
    if (finish == "exit") return kOk;
    if (finish == "limit") return kLimit;
    if (finish == "stuck") return kStuck;
    if (finish == "storm") return kExceptionStorm;
    if (finish == "interrupted") return kInterrupted;
    if (finish == "crash") return kInternal;
    return kFailed;
}

void checkWritable(const std::string& flag, const std::string& path) {
    std::FILE* f = std::fopen(path.c_str(), "a");
    if (f == nullptr)
        throw OutputError(
            fmt::format("{} {} cannot be written: {}", flag, path, std::strerror(errno)));
    std::fclose(f);
}

} // namespace svesim::app
