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
};

std::span<const ScenarioInfo> catalogue();
const ScenarioInfo* findScenario(std::string_view name);
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
