// The catalogue's expected verdicts at a point of the parameter space (svesim sweep's `expected`
// column). The verdicts at each scenario's default parameters are the catalogue's own (checked
// against the runs by ctest "scenario: NAME"); the rules must give exactly those there. Away
// from the defaults the sweep test (tests/cli/test_cli.sh) compares the rules with real runs.
#include "svesim/scenarios/catalogue.h"

#include <catch2/catch.hpp>
#include <string>

using namespace svesim::scenarios;

TEST_CASE("expected verdicts: the rules agree with the catalogue at the default parameters",
          "[catalogue]") {
    for (const ScenarioInfo& s : catalogue())
        for (const std::string_view policy : standardPolicies()) {
            INFO(s.name << " under " << policy);
            CHECK(expectedFor(s, policy, {}) == std::string(expectedFor(s, policy)));
        }
}

TEST_CASE("expected verdicts: the softirq's VL check follows gz1 (docs/scenarios.md S3)",
          "[catalogue]") {
    const ScenarioInfo& s3 = *findScenario("s3_v2_softirq_neon");
    // "With --param gz1_vq=2 (the guest uses its whole maximum) both are clean."
    CHECK(expectedFor(s3, "zero", {{"gz1_vq", 2}}) == "clean");
    CHECK(expectedFor(s3, "zero", {{"gz1_vq", 1}}) == "WARN");
    // 5.13's RDVL re-executes at min(gz1, hmax): a guest ZCR above the host's maximum is cut.
    const ScenarioInfo& s513 = *findScenario("s3_513_softirq_neon");
    CHECK(expectedFor(s513, "preserve", {{"hmax_vq", 4}, {"gmax_vq", 4}, {"gz1_vq", 8}}) ==
          "clean");
    CHECK(expectedFor(*findScenario("s3_v2_softirq_neon"), "preserve",
                      {{"hmax_vq", 4}, {"gmax_vq", 4}, {"gz1_vq", 8}}) == "WARN");
}

TEST_CASE("expected verdicts: random policies give the alternatives", "[catalogue]") {
    const ScenarioInfo& opt = *findScenario("opt_current_vl_save");
    CHECK(expectedFor(opt, "random:7", {{"gz1_vq", 1}, {"gmax_vq", 4}}) == "clean|LEAK");
    CHECK(expectedFor(opt, "random:7", {{"gz1_vq", 4}, {"gmax_vq", 4}}) == "clean");
    const ScenarioInfo& s17 = *findScenario("s17_too_small");
    CHECK(expectedFor(s17, "random:1", {{"gz1_vq", 2}, {"gmax_vq", 4}}) ==
          "VL_CHANGED+ZCR_CHANGED+SELFCHECK|LOSS+VL_CHANGED+ZCR_CHANGED+SELFCHECK");
    CHECK(verdictMatches(expectedFor(s17, "random:1", {{"gz1_vq", 1}, {"gmax_vq", 1}}), "clean"));
}
