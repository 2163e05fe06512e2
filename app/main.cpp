// svesim: the command-line front end. `svesim help` lists the commands (help_cmd.cpp); every
// command answers --help; exit statuses are one table (exit_codes.h).
#include "exit_codes.h"
#include "help_cmd.h"
#include "svesim/arch/config_error.h"
#include "svesim/model/elf_image.h"

#include <boost/program_options/errors.hpp>
#include <cstdlib>
#include <fmt/core.h>
#include <string>
#include <systemc>
#include <vector>

namespace {

// SystemC's own messages go to stderr, never into svesim's stdout; its infos only with
// SVESIM_SYSTEMC_INFO=1. Everything else (stop, abort, throw) is SystemC's default.
void reportToStderr(const sc_core::sc_report& report, const sc_core::sc_actions& actions) {
    if ((actions & sc_core::SC_DISPLAY) != 0 &&
        (report.get_severity() != sc_core::SC_INFO || std::getenv("SVESIM_SYSTEMC_INFO"))) {
        std::string text = sc_core::sc_report_compose_message(report);
        for (char& c : text)
            if (c == '\n') c = ' ';
        fmt::print(stderr, "svesim: SystemC: {}\n", text);
    }
    sc_core::sc_report_handler::default_handler(report, actions & ~sc_core::SC_DISPLAY);
}

int dispatch(const std::vector<std::string>& argv) {
    using namespace svesim::app;
    if (argv.empty() || argv[0] == "--help" || argv[0] == "-h") {
        printCommandList();
        return 0;
    }
    const std::vector<std::string> rest(argv.begin() + 1, argv.end());
    if (argv[0] == "--version") return runVersion(rest);
    const Command* c = findCommand(argv[0]);
    if (c == nullptr) {
        std::string names;
        for (const Command& x : commands()) {
            if (!names.empty()) names += ", ";
            names += std::string(x.name);
        }
        throw svesim::ConfigError("unknown command '" + argv[0] + "' (allowed: " + names +
                                  "; see svesim help)");
    }
    return c->run(rest);
}

} // namespace

// SystemC's entry point, called by sc_elab_and_sim() from main() below.
int sc_main(int argc, char** argv) {
    namespace ec = svesim::app::exit_code;
    sc_core::sc_report_handler::set_handler(reportToStderr);
    try {
        return dispatch(std::vector<std::string>(argv + 1, argv + argc));
    } catch (const svesim::ConfigError& e) {
        fmt::print(stderr, "svesim: {}\n", e.what());
        return ec::kUsage;
    } catch (const boost::program_options::error& e) {
        fmt::print(stderr, "svesim: {}\n", e.what());
        return ec::kUsage;
    } catch (const svesim::app::OutputError& e) {
        fmt::print(stderr, "svesim: {}\n", e.what());
        return ec::kCannotWrite;
    } catch (const svesim::model::ElfError& e) {
        fmt::print(stderr, "svesim: {}\n", e.what());
        switch (e.kind()) {
        case svesim::model::ElfError::Kind::Unreadable: return ec::kUnreadable;
        case svesim::model::ElfError::Kind::NotAArch64: return ec::kNotAArch64;
        case svesim::model::ElfError::Kind::OutsideMemory: return ec::kDoesNotFit;
        default: return ec::kMalformedElf;
        }
    } catch (const std::bad_alloc&) {
        fmt::print(stderr, "svesim: out of host memory\n");
        return ec::kUsage;
    } catch (const std::exception& e) {
        fmt::print(stderr, "svesim: internal error: {}\n", e.what());
        return ec::kInternal;
    }
}

int main(int argc, char** argv) {
    // svesim prints its own output; SystemC's copyright notice would interleave with it.
    setenv("SYSTEMC_DISABLE_COPYRIGHT_MESSAGE", "1", 1);
    setenv("SC_COPYRIGHT_MESSAGE", "DISABLE", 1);
    return sc_core::sc_elab_and_sim(argc, argv);
}
