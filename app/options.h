// Command-line options shared by the svesim subcommands that build a PE.
#pragma once

#include "svesim/exceptions/arch_state.h"

#include <boost/program_options.hpp>
#include <string>

namespace svesim::app {

// --max-vl, --vl-set, --policy, --has-el2, --has-el3, --reset.
void addArchOptions(boost::program_options::options_description& opts);
// Builds the architecture configuration; throws ConfigError on a bad value.
ArchConfig archConfigFrom(const boost::program_options::variables_map& vm);

} // namespace svesim::app
