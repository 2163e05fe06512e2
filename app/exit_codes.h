// svesim's exit statuses: one table for every command (`svesim help exit-codes`, README,
// docs/platform.md). The same condition gives the same status in run, scenario run and sweep.
#pragma once

#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

namespace svesim::app {

namespace exit_code {
inline constexpr int kOk = 0;
inline constexpr int kFailed = 1;       // a verdict differs from its expectation; a point failed
inline constexpr int kUsage = 2;        // bad command, option, value or configuration file
inline constexpr int kInternal = 70;    // a bug in svesim (EX_SOFTWARE)
inline constexpr int kCannotWrite = 73; // an output file cannot be written (EX_CANTCREAT)
inline constexpr int kExceptionStorm = 117;
inline constexpr int kViolations = 118;   // --check found violations
inline constexpr int kKilled = 119;       // the debugger killed the run
inline constexpr int kUnreadable = 120;   // the ELF cannot be opened (or was not built)
inline constexpr int kMalformedElf = 121; // not an ELF, truncated or malformed
inline constexpr int kNotAArch64 = 122;   // not a little-endian AArch64 ELF64
inline constexpr int kDoesNotFit = 123;   // a segment outside RAM; entry outside or misaligned
inline constexpr int kLimit = 124;        // --max-insns, --max-time or --timeout reached
inline constexpr int kStuck = 125;        // WFI/WFE with nothing that could wake the PE
inline constexpr int kInterrupted = 130;  // SIGINT (Ctrl-C): 128 + 2
inline constexpr int kTerminated = 143;   // SIGTERM: 128 + 15
// svesim boot (docs/boot.md)
inline constexpr int kFirmwareFault = 110;  // the EL3 firmware took an exception it cannot handle
inline constexpr int kNotKernelImage = 111; // not a little-endian arm64 Image
inline constexpr int kBootDoesNotFit = 112; // kernel + initrd + DTB do not fit RAM (or flash)
inline constexpr int kBadDtb = 113;         // --dtb does not parse
inline constexpr int kSystemReset = 114;    // the kernel asked for PSCI SYSTEM_RESET
inline constexpr int kKernelPanic = 115;    // "Kernel panic - not syncing" on the console
} // namespace exit_code

struct ExitCodeRow {
    int code;
    std::string_view meaning;
    std::string_view commands; // which commands can end with it
};
// Every status in the order of the documented table.
std::span<const ExitCodeRow> exitCodeTable();
// The table as Markdown (README and docs/platform.md carry it verbatim) and as plain text.
std::string exitCodeMarkdown();
std::string exitCodeText();

// Of two outcomes of a batch (scenario run, sweep), the one to report: an internal error, then
// an exception storm, stuck, a limit, then a failed verdict.
int worseExit(int a, int b);
// The status for a run's finish as the scenario runner reports it (exit, limit, stuck, storm,
// interrupted, crash, error).
int exitForFinish(std::string_view finish);

// An output file (--stats-json, --trace-file, --vcd, --json, --timeline, --out) that cannot be
// written: exit_code::kCannotWrite.
class OutputError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};
// Opens `path` for writing now (so a bad path fails before the run, not after it) and throws
// OutputError naming `flag` and the path if it cannot.
void checkWritable(const std::string& flag, const std::string& path);

} // namespace svesim::app
