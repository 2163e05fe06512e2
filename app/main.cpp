// svesim: the command-line front end. Subcommands: run, scenario, sweep, plot, params, disasm,
// vl-table (the default), sysregs, version.
#include "disasm_cmd.h"
#include "params_cmd.h"
#include "run_cmd.h"
#include "scenario_cmd.h"
#include "svesim/arch/config_error.h"
#include "svesim/model/elf_image.h"
#include "sweep_cmd.h"
#include "sysregs_cmd.h"
#include "vl_table.h"

#include <boost/program_options/errors.hpp>
#include <cstdlib>
#include <fmt/core.h>
#include <string>
#include <systemc>
#include <vector>

// SystemC's entry point, called by sc_elab_and_sim() from main() below.
int sc_main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    std::string cmd = "vl-table";
    if (!args.empty() && args.front().rfind("-", 0) != 0) {
        cmd = args.front();
        args.erase(args.begin());
    }
    try {
        if (cmd == "vl-table") return svesim::app::runVlTable(args);
        if (cmd == "sysregs") return svesim::app::runSysregs();
        if (cmd == "run") return svesim::app::runRun(args);
        if (cmd == "disasm") return svesim::app::runDisasm(args);
        if (cmd == "scenario") return svesim::app::runScenario(args);
        if (cmd == "sweep") return svesim::app::runSweep(args);
        if (cmd == "plot") return svesim::app::runPlot(args);
        if (cmd == "params") return svesim::app::runParams(args);
        if (cmd == "--version" || cmd == "version") {
            fmt::print("svesim {}\n", SVESIM_VERSION);
            return 0;
        }
        fmt::print(stderr,
                   "svesim: unknown command '{}' (allowed: scenario, run, sweep, plot, params, "
                   "disasm, vl-table, sysregs, version)\n",
                   cmd);
        return 2;
    } catch (const svesim::ConfigError& e) {
        fmt::print(stderr, "svesim: {}\n", e.what());
        return 2;
    } catch (const boost::program_options::error& e) {
        fmt::print(stderr, "svesim: {}\n", e.what());
        return 2;
    } catch (const svesim::model::ElfError& e) {
        fmt::print(stderr, "svesim: {}\n", e.what());
        return 121;
    } catch (const std::exception& e) {
        fmt::print(stderr, "svesim: internal error: {}\n", e.what());
        return 70;
    }
}

int main(int argc, char** argv) {
    // svesim prints its own output; SystemC's copyright notice would interleave with it.
    setenv("SYSTEMC_DISABLE_COPYRIGHT_MESSAGE", "1", 1);
    return sc_core::sc_elab_and_sim(argc, argv);
}
