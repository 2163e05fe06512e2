// Command-line options shared by the svesim subcommands that build a PE.
#pragma once

#include "svesim/exceptions/arch_state.h"
#include "svesim/tlm/cpu.h"

#include <boost/program_options.hpp>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace svesim::app {

// The command-line flag of a Cpu parameter: max_vl -> max-vl.
std::string flagOf(std::string_view parameter);

// The architectural Cpu parameters as flags: --max-vl, --vl-set, --policy, --has-el2,
// --has-el3, --reset (svesim/tlm/cpu_params.h).
void addArchOptions(boost::program_options::options_description& opts);
// Every Cpu parameter as a flag (--rvbar, --quantum, --gdb-port alias --gdb, ...) plus
// --config FILE.
void addCpuOptions(boost::program_options::options_description& opts);
// Builds the architecture configuration; throws ConfigError on a bad value.
ArchConfig archConfigFrom(const boost::program_options::variables_map& vm);
// Defaults, then --config FILE, then the flags given; throws ConfigError on a bad value.
tlm::CpuConfig cpuConfigFrom(const boost::program_options::variables_map& vm);

// A size in bytes with an optional K/M/G suffix (1 byte to 64G); throws ConfigError naming
// `what` (e.g. "--ram-size").
std::uint64_t parseSize(const std::string& text, const std::string& what);

// Parses `args` against `opts` (and `pos`) into `vm`. With --help it prints the options followed
// by `epilogue` and returns false: the command has nothing more to do. Throws on a bad option.
bool parseCommandLine(const std::vector<std::string>& args,
                      const boost::program_options::options_description& opts,
                      const boost::program_options::positional_options_description& pos,
                      boost::program_options::variables_map& vm, const std::string& epilogue = "");

// Runs `command` in collecting mode: every parseCommandLine it reaches records the long option
// names of its table and returns false (as for --help), so the command does nothing. Returns the
// names ("--max-vl", ...): the shell completion is generated from the option tables this way.
std::vector<std::string> collectOptions(const std::function<void()>& command);

} // namespace svesim::app
