// `svesim sweep [--grid FILE] --out FILE.csv ...`: scenarios x parameters x policies x timing
// variants, in parallel worker processes, to CSV and JSON; resumable and shardable.
#pragma once

#include <string>
#include <vector>

namespace svesim::app {

int runSweep(const std::vector<std::string>& args);

} // namespace svesim::app
