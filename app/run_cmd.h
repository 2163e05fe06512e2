// `svesim run [options] PROGRAM.elf`: runs a bare-metal AArch64 ELF on the SystemC platform.
#pragma once

#include <string>
#include <vector>

namespace svesim::app {

// Exit statuses of svesim itself (the program's own SYS_EXIT status is passed through).
namespace exit_status {
inline constexpr int kBadOption = 2;         // bad option or configuration value
inline constexpr int kUnreadable = 120;      // the ELF cannot be opened
inline constexpr int kMalformedElf = 121;    // not an ELF, truncated or malformed
inline constexpr int kNotAArch64 = 122;      // not a little-endian AArch64 ELF64
inline constexpr int kOutsideRam = 123;      // a segment is not entirely inside RAM
inline constexpr int kMaxInstructions = 124; // --max-insns reached before SYS_EXIT
inline constexpr int kStuck = 125;           // waiting in WFI/WFE with nothing to wake it
inline constexpr int kViolations = 118;      // --check found violations
inline constexpr int kKilled = 119;          // the debugger killed the run (gdb `kill`)
} // namespace exit_status

int runRun(const std::vector<std::string>& args);

} // namespace svesim::app
