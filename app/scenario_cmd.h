// `svesim scenario list` and `svesim scenario run NAME|FILE.elf|--all ...`: each scenario (or a
// user's own program) x policy runs in this process on the plain bench (scenario_runner.h;
// --isolate forks, --systemc runs on the SystemC platform) and reports its verdict.
#pragma once

#include "exit_codes.h"

#include <string>
#include <vector>

namespace svesim::app {

namespace scenario_status {
inline constexpr int kAsExpected = exit_code::kOk;      // every verdict equals its expectation
inline constexpr int kUnexpected = exit_code::kFailed;  // some verdict differs
inline constexpr int kBadInput = exit_code::kUsage;     // unknown scenario or parameter, range
inline constexpr int kUnfinished = exit_code::kLimit;   // a run hit the instruction limit
inline constexpr int kMissing = exit_code::kUnreadable; // a scenario's program was not built
// A run stuck in WFI gives exit_code::kStuck, an exception storm kExceptionStorm (exitForFinish).
} // namespace scenario_status

int runScenario(const std::vector<std::string>& args);

} // namespace svesim::app
