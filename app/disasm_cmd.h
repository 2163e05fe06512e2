// `svesim disasm [--rows] [--pc ADDR]`: disassembles hex instruction words read from stdin (one
// per line, "0x"-prefixed or not), or lists the decode table.
#pragma once

#include <string>
#include <vector>

namespace svesim::app {

int runDisasm(const std::vector<std::string>& args);

} // namespace svesim::app
