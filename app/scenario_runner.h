// Runs one scenario program under one configuration in a child process (SystemC elaborates
// once per process) and brings its verdict, cycles and violations back through a pipe. Used by
// `svesim scenario run` and `svesim sweep`.
#pragma once

#include "svesim/scenarios/catalogue.h"

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <sys/types.h>
#include <vector>

namespace svesim::app {

struct RunRequest {
    const scenarios::ScenarioInfo* scenario;
    std::string policy;
    std::map<std::string, std::uint64_t> params;
    std::string elf;
    std::string timeline; // "" for none
    std::uint64_t max_insns;
    std::map<std::string, std::string> timing = {}; // TimingConfig::set overrides
    std::string vcd = {};                           // "" for none
};

struct RunResult {
    std::string verdict = "ERROR";
    std::string finish = "error"; // exit, limit, stuck, error
    int exit_code = -1;
    std::uint64_t instructions = 0, cycles = 0, entries = 0;
    double cycles_outside = 0, entry_phase = 0, exit_phase = 0, restore_phase = 0, put_phase = 0,
           window_phase = 0;
    double host_ms = 0;
    std::vector<std::string> violations;
    std::vector<std::string> violations_json; // the same, one JSON object each
    std::vector<std::string> summary;         // the checker's summary lines
    // The checker's own kinds (no software events) every implementation class would give,
    // from this one run's provenance; and where that stops being conclusive ("" if never).
    std::array<std::string, 3> class_verdicts;
    std::string inconclusive;
};

// A run in progress in a child process.
struct RunningChild {
    pid_t pid;
    int fd;
    double started_ms;
};

RunningChild startForked(const RunRequest& r);
RunResult finishForked(const RunningChild& c);

// Where the scenario ELFs are: $SVESIM_SCENARIO_DIR; else, for an installed svesim,
// <bin>/../share/svesim/scenarios; else the build tree's scenarios/programs.
std::string scenarioProgramDir();
inline RunResult runForked(const RunRequest& r) {
    return finishForked(startForked(r));
}

} // namespace svesim::app
