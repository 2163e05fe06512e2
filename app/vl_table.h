// `svesim vl-table`: the model's configuration and the effective VL at every EL.
#pragma once

#include <string>
#include <vector>

namespace svesim::app {

int runVlTable(const std::vector<std::string>& args);

} // namespace svesim::app
