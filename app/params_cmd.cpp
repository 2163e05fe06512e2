#include "params_cmd.h"

#include "options.h"
#include "svesim/arch/config_error.h"
#include "svesim/tlm/cpu_params.h"

#include <boost/program_options.hpp>
#include <fmt/core.h>

namespace po = boost::program_options;

namespace svesim::app {

int runParams(const std::vector<std::string>& args) {
    po::options_description opts("svesim params [--config FILE] [--NAME VALUE ...] [--markdown]");
    opts.add_options()("help,h", "show this help")("markdown",
                                                   "print the Markdown table of docs/embedding.md");
    addCpuOptions(opts);
    po::variables_map vm;
    if (!parseCommandLine(args, opts, {}, vm,
                          "\nLists every Cpu parameter with the value the given config file and "
                          "flags produce.\nThe same names are accepted by CpuConfig::set() in "
                          "C++ and as `svesim run` flags.\n"))
        return 0;
    const tlm::CpuConfig cfg = cpuConfigFrom(vm);
    if (vm.count("markdown")) {
        fmt::print("| Parameter | Flag | Type | Default | Meaning |\n|---|---|---|---|---|\n");
        for (const tlm::CpuParameter& p : tlm::cpuParameters()) {
            const std::string flag = flagOf(p.name);
            std::string type(p.type);
            for (std::size_t i = 0; (i = type.find('|', i)) != std::string::npos; i += 2)
                type.replace(i, 1, "\\|");
            const std::string def =
                p.default_value.empty() ? "none" : fmt::format("`{}`", p.default_value);
            fmt::print("| `{}` | `--{}` | {} | {} | {} |\n", p.name, flag, type, def, p.help);
        }
        return 0;
    }
    fmt::print("{:<10} {:<14} {:<12} {}\n", "name", "value", "default", "type / meaning");
    for (const tlm::CpuParameter& p : tlm::cpuParameters()) {
        const std::string value = cfg.get(p.name);
        fmt::print("{:<10} {:<14} {:<12} {}\n{:<38} {}\n", p.name, value.empty() ? "-" : value,
                   p.default_value.empty() ? "-" : p.default_value, p.type, "", p.help);
    }
    return 0;
}

} // namespace svesim::app
