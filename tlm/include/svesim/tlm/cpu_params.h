// The Cpu module's parameters: one table of name, type, default and help, from which the C++
// setters, the command-line flags, the config-file reader and `svesim params` are all derived.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace svesim::tlm {

struct CpuConfig;

struct CpuParameter {
    std::string_view name; // max_vl; the command-line flag is --max-vl
    std::string_view type; // what a value may be, e.g. "128|256|512|1024|2048"
    std::string_view default_value;
    std::string_view help;
    bool architectural; // also accepted by the commands that build a bare PE
};

// Every parameter, in the order `svesim params` lists them.
std::span<const CpuParameter> cpuParameters();
// The row named `name`, or nullptr.
const CpuParameter* findCpuParameter(std::string_view name);

// Sets one parameter from its text form. Throws ConfigError with one line for an unknown name,
// a value of the wrong type or out of range.
void setCpuParameter(CpuConfig& cfg, std::string_view name, const std::string& value);
// The parameter's value as text (the form setCpuParameter accepts).
std::string getCpuParameter(const CpuConfig& cfg, std::string_view name);

// Reads an INI-style config file (model::readIniFile: '#' or ';' comments, also after a value;
// a repeated name: the last wins): `name = value` lines, optionally under
// `[instance]` sections. Lines before any section apply to every Cpu; a section applies only to
// the Cpu of that name (its SystemC basename or full hierarchical name). Throws ConfigError
// naming the file and the offending line.
void loadCpuParameterFile(CpuConfig& cfg, const std::string& path, std::string_view instance = {});

} // namespace svesim::tlm
