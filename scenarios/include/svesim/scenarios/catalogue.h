// The shipped scenarios: each an A64 program (scenarios/kvm/<program>.S, assembled at
// build time) plus its metadata and its expected verdict under each policy.
#pragma once

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace svesim::scenarios {

struct ParamInfo {
    std::string_view name;
    std::uint64_t value; // default
    std::string_view help;
};

struct ScenarioInfo {
    std::string_view name;
    std::string_view program; // ELF base name in the scenario directory
    std::string_view era;
    std::string_view description; // one paragraph
    std::vector<ParamInfo> params;
    // Expected verdicts: "clean", or the violation kinds joined by '+', with alternatives
    // separated by '|' (a random policy may or may not zero the decisive registers).
    std::string_view expect_preserve, expect_zero, expect_qemu, expect_random;
    // A user's own program (ownProgram): `program` is the ELF's path.
    bool own = false;
    // A scenario on Debian's own kernel (`svesim scenario run linux_kvm_vhe`): "vhe" or
    // "nvhe", the KVM mode; empty for a program scenario.
    std::string_view linux_mode = {};
};

// The program scenarios (`scenario run --all`, `sweep`).
std::span<const ScenarioInfo> catalogue();
// The scenarios on Debian's kernel with the real KVM (run by name: each is a Linux boot per
// policy, minutes rather than milliseconds).
std::span<const ScenarioInfo> linuxScenarios();
const ScenarioInfo* findScenario(std::string_view name);
// A user's own program given by its ELF path (one ending in ".elf", docs/scenarios.md "Your own
// scenario"): named by the path, no parameters of its own, "clean" expected under every policy;
// nullptr for a name that is not such a path. Kept for the life of the process.
const ScenarioInfo* ownProgram(std::string_view path);
// findScenario(name), else ownProgram(name).
const ScenarioInfo* findScenarioOrProgram(std::string_view name);
// The ELF to run: `dir`/<program>.elf for a shipped scenario, the path of an own program.
std::string programPath(const ScenarioInfo& s, const std::string& dir);
// The expected verdicts for a policy name ("preserve", "zero", "qemu", "random:N") at the
// scenario's default parameters.
std::string_view expectedFor(const ScenarioInfo& s, std::string_view policy);
// The expected verdicts at a point of the parameter space (`svesim sweep` varies hmax_vq,
// gmax_vq and gz1_vq; a name missing from `params` takes its default): where the outcome of a
// scenario's sequence depends on them, its rule in catalogue.cpp says how; elsewhere the
// catalogue's verdicts. Meant for possible points (gmax_vq <= hmax_vq, offered maxima
// implemented): KVM never offers a guest more than the host has.
std::string expectedFor(const ScenarioInfo& s, std::string_view policy,
                        const std::map<std::string, std::uint64_t>& params);
// Whether `verdict` is one of the alternatives in `expected`.
bool verdictMatches(std::string_view expected, std::string_view verdict);
// The policies `--all` runs each scenario under.
std::span<const std::string_view> standardPolicies();

} // namespace svesim::scenarios
