// `svesim scenario list` and `svesim scenario run NAME|--all ...`: each scenario x policy runs
// in its own process (SystemC elaborates once per process) and reports its verdict.
#pragma once

#include <string>
#include <vector>

namespace svesim::app {

namespace scenario_status {
inline constexpr int kAsExpected = 0;   // every verdict equals its expected verdict
inline constexpr int kUnexpected = 1;   // some verdict differs from its expectation
inline constexpr int kBadInput = 2;     // unknown scenario or parameter, value out of range
inline constexpr int kUnfinished = 124; // a scenario hit the instruction limit or got stuck
inline constexpr int kMissing = 3;      // a scenario's program was not built
} // namespace scenario_status

int runScenario(const std::vector<std::string>& args);

} // namespace svesim::app
