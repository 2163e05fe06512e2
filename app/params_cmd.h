// `svesim params`: the Cpu parameters (name, value, default, type, help), as a table or as the
// Markdown table of docs/embedding.md.
#pragma once

#include <string>
#include <vector>

namespace svesim::app {

int runParams(const std::vector<std::string>& args);

} // namespace svesim::app
