// Runs one scenario program under one configuration and brings back its verdict, cycles and
// violations. By default in this process on the plain C++ bench (scenarios::Bench); with
// `isolate` in a child process (a crash or hang of one point cannot take the others along);
// on the SystemC platform (tlm::Platform) always in a child process, since SystemC elaborates
// once per process. Used by `svesim scenario run` and `svesim sweep`.
#pragma once

#include "svesim/scenarios/catalogue.h"

#include <array>
#include <cstdint>
#include <functional>
#include <future>
#include <map>
#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace svesim::app {

enum class Engine : std::uint8_t {
    Bench,   // scenarios::Bench, in-process unless isolated
    SystemC, // tlm::Platform, in a child process
};

struct RunRequest {
    const scenarios::ScenarioInfo* scenario; // nullptr for a user's own program
    std::string policy;
    std::map<std::string, std::uint64_t> params;
    std::string elf;
    std::string timeline; // "" for none
    std::uint64_t max_insns;
    std::map<std::string, std::string> timing = {}; // TimingConfig::set overrides
    std::string vcd = {};                           // "" for none
    Engine engine = Engine::Bench;
    bool isolate = false; // fork even for the bench
    // The scenario's name, or the program's file name for a user's program.
    [[nodiscard]] std::string label() const;
};

struct RunResult {
    std::string verdict = "ERROR";
    std::string finish = "error"; // exit, limit, stuck, storm, interrupted, crash, error
    int exit_code = -1;
    std::uint64_t instructions = 0, cycles = 0, entries = 0;
    double cycles_outside = 0, entry_phase = 0, exit_phase = 0, save_phase = 0, restore_phase = 0,
           put_phase = 0, window_phase = 0;
    double host_ms = 0;
    std::vector<std::string> violations;
    std::vector<std::string> violations_json; // the same, one JSON object each
    std::vector<std::string> summary;         // the checker's summary lines
    std::vector<std::string> not_checked;     // what the run could not check (never "clean")
    // The checker's own kinds (no software events) every implementation class would give,
    // from this one run's provenance; and where that stops being conclusive ("" if never).
    std::array<std::string, 3> class_verdicts;
    std::string inconclusive;
};

// Runs `r` to its end (in this process or a child, as it asks).
RunResult runPoint(const RunRequest& r);

// A run in progress: a child process, or a thread of this process.
struct RunningPoint {
    pid_t pid = -1;
    int fd = -1;
    double started_ms = 0;
    std::shared_future<RunResult> in_process;
};
RunningPoint startPoint(const RunRequest& r);
RunResult finishPoint(const RunningPoint& c);

// Where the scenario ELFs are: $SVESIM_SCENARIO_DIR; else, for an installed svesim,
// <bin>/../share/svesim/scenarios; else the build tree's scenarios/programs.
std::string scenarioProgramDir();

} // namespace svesim::app
