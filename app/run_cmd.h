// `svesim run [options] PROGRAM.elf`: runs a bare-metal AArch64 ELF on the SystemC platform.
#pragma once

#include "exit_codes.h"

#include <string>
#include <vector>

namespace svesim::app {

// Exit statuses of `svesim run` (the program's own SYS_EXIT status is passed through); the
// whole table is exit_codes.h.
namespace exit_status {
inline constexpr int kBadOption = exit_code::kUsage;
inline constexpr int kUnreadable = exit_code::kUnreadable;
inline constexpr int kMalformedElf = exit_code::kMalformedElf;
inline constexpr int kNotAArch64 = exit_code::kNotAArch64;
inline constexpr int kOutsideRam = exit_code::kDoesNotFit;
inline constexpr int kMaxInstructions = exit_code::kLimit;
inline constexpr int kStuck = exit_code::kStuck;
inline constexpr int kViolations = exit_code::kViolations;
inline constexpr int kKilled = exit_code::kKilled;
} // namespace exit_status

int runRun(const std::vector<std::string>& args);

} // namespace svesim::app
