// The cost table (model/src/timing.cpp, docs/timing.md): which decode rows carry the FP and SVE
// integer divide/square-root, gather, scatter and first-fault classes, and what they cost. Words
// are llvm-mc's (-mattr=+v8.2a,+sve,+fullfp16 -show-encoding); the expected cycles at VL 256 are
// the Arm Neoverse V1 Software Optimization Guide latencies (as transcribed in LLVM's
// AArch64SchedNeoverseV1.td), which the defaults are built to reproduce at V1's own VL.
#include "svesim/arch/config_error.h"
#include "svesim/isa/insn_table.h"
#include "svesim/model/timing.h"

#include <catch2/catch.hpp>
#include <fmt/core.h>

using namespace svesim;
using isa::TimingClass;

namespace {

struct Row {
    std::uint32_t word;
    const char* text;
    TimingClass timing;
};

// clang-format off
const Row kRows[] = {
    {0x1e621820, "fdiv d0, d1, d2", TimingClass::FpDivSqrt},
    {0x1e21c020, "fsqrt s0, s1", TimingClass::FpDivSqrt},
    {0x1ee21820, "fdiv h0, h1, h2", TimingClass::FpDivSqrt},
    {0x6e62fc20, "fdiv v0.2d, v1.2d, v2.2d", TimingClass::FpDivSqrt},
    {0x6e423c20, "fdiv v0.8h, v1.8h, v2.8h", TimingClass::FpDivSqrt},
    {0x6ea1f820, "fsqrt v0.4s, v1.4s", TimingClass::FpDivSqrt},
    {0x6ef9f820, "fsqrt v0.8h, v1.8h", TimingClass::FpDivSqrt},
    {0x1e620820, "fmul d0, d1, d2", TimingClass::FpSimd},
    {0x6e62dc20, "fmul v0.2d, v1.2d, v2.2d", TimingClass::FpSimd},
    {0x4e22fc20, "frecps v0.4s, v1.4s, v2.4s", TimingClass::FpSimd},
    {0x4ea1c820, "urecpe v0.4s, v1.4s", TimingClass::FpSimd},
    {0x65cd8020, "fdiv z0.d, p0/m, z0.d, z1.d", TimingClass::SveFpDivSqrt},
    {0x658c8020, "fdivr z0.s, p0/m, z0.s, z1.s", TimingClass::SveFpDivSqrt},
    {0x654da020, "fsqrt z0.h, p0/m, z1.h", TimingClass::SveFpDivSqrt},
    {0x65cca020, "frecpx z0.d, p0/m, z1.d", TimingClass::SveAlu},
    {0x04d40020, "sdiv z0.d, p0/m, z0.d, z1.d", TimingClass::SveIntDiv},
    {0x04970020, "udivr z0.s, p0/m, z0.s, z1.s", TimingClass::SveIntDiv},
    {0x04d00020, "mul z0.d, p0/m, z0.d, z1.d", TimingClass::SveAlu},
    {0x65c28020, "fmul z0.d, p0/m, z0.d, z1.d", TimingClass::SveAlu},
    {0x8521c020, "ld1w {z0.s}, p0/z, [z1.s, #4]", TimingClass::SveGather},
    {0xc5e1c000, "ld1d {z0.d}, p0/z, [x0, z1.d, lsl #3]", TimingClass::SveGather},
    {0xc5a0e020, "ldff1d {z0.d}, p0/z, [z1.d]", TimingClass::SveGather},
    {0x85214000, "ld1w {z0.s}, p0/z, [x0, z1.s, uxtw #2]", TimingClass::SveGather},
    {0xe560a020, "st1w {z0.s}, p0, [z1.s]", TimingClass::SveScatter},
    {0xe581a000, "st1d {z0.d}, p0, [x0, z1.d]", TimingClass::SveScatter},
    {0xe541c000, "st1w {z0.s}, p0, [x0, z1.s, sxtw]", TimingClass::SveScatter},
    {0xe5018000, "st1w {z0.d}, p0, [x0, z1.d, uxtw]", TimingClass::SveScatter},
    {0xa5e16000, "ldff1d {z0.d}, p0/z, [x0, x1, lsl #3]", TimingClass::SveFirstFault},
    {0xa550a000, "ldnf1w {z0.s}, p0/z, [x0]", TimingClass::SveFirstFault},
    {0xa5e0a000, "ld1d {z0.d}, p0/z, [x0]", TimingClass::SveContigLdSt},
};
// clang-format on

} // namespace

TEST_CASE("timing: FP divide/sqrt, SVE divides, gathers, scatters and first-fault loads have "
          "their own classes",
          "[model][timing]") {
    for (const Row& r : kRows) {
        INFO(fmt::format("{:#010x} {}", r.word, r.text));
        const isa::InsnDef* def = isa::decode(r.word);
        REQUIRE(def != nullptr);
        CHECK(isa::name(def->timing) == isa::name(r.timing));
    }
}

TEST_CASE("timing: at VL 256 the defaults give Neoverse V1's latencies", "[model][timing]") {
    const model::TimingConfig t = model::TimingConfig::neoverseV1();
    const VectorLength vl256 = VectorLength::fromBits(256);
    const auto cost = [&](std::uint32_t word) {
        const isa::InsnDef* def = isa::decode(word);
        REQUIRE(def != nullptr);
        return t.instructionCost(def->timing, vl256, word);
    };
    CHECK(cost(0x1e621820) == 15); // V1: FDIV D 15c
    CHECK(cost(0x65cd8020) == 15); // V1: SVE FDIV D 15c
    CHECK(cost(0x8521c020) == 11); // V1: gather, vector + imm, 32-bit elements 11c
    CHECK(cost(0xc5a0e020) == 9);  // V1: gather (first-fault too), 64-bit elements 9c
    CHECK(cost(0xc5e1c000) == 9);  // V1: gather, 64-bit scaled offsets 9c
    CHECK(cost(0xe560a020) == 10); // V1: scatter, vector + imm, 32-bit elements 10c
    CHECK(cost(0xe541c000) == 10); // V1: scatter, 32-bit unscaled offsets 10c
    CHECK(cost(0xe581a000) == 6);  // V1: scatter, 64-bit offsets 6c
    CHECK(cost(0xe5018000) == 6);  // V1: scatter, 32-bit unpacked offsets 6c
    // First-fault and non-fault loads: V1 6c, plus 32 bytes over the 64-byte/cycle load path.
    CHECK(cost(0xa5e16000) == 7);
    CHECK(cost(0xa550a000) == 7);
}

TEST_CASE("timing: gathers and scatters grow with the element count, and their rates are keys",
          "[model][timing]") {
    model::TimingConfig t = model::TimingConfig::neoverseV1();
    const VectorLength vl128 = VectorLength::fromBits(128);
    const VectorLength vl2048 = VectorLength::fromBits(2048);
    // 64-bit gather: 7 + elements / 2; 32-bit scatter: 2 + elements / 1.
    CHECK(t.instructionCost(TimingClass::SveGather, vl128, 0xc5a0e020) == 7 + 1);
    CHECK(t.instructionCost(TimingClass::SveGather, vl2048, 0xc5a0e020) == 7 + 16);
    CHECK(t.instructionCost(TimingClass::SveScatter, vl2048, 0xe560a020) == 2 + 64);
    t.set("sve_gather_elements_per_cycle", "4");
    t.set("sve_scatter_elements_per_cycle", "8");
    t.set("sve_gather", "3");
    t.set("fp_div_sqrt", "10");
    CHECK(t.instructionCost(TimingClass::SveGather, vl2048, 0xc5a0e020) == 3 + 8);
    CHECK(t.instructionCost(TimingClass::SveScatter, vl2048, 0xe560a020) == 2 + 8);
    CHECK(t.instructionCost(TimingClass::FpDivSqrt, vl128, 0x1e621820) == 10);
    CHECK_THROWS_AS(t.set("sve_gather_elements_per_cycle", "0"), ConfigError);
    CHECK_THROWS_AS(t.set("sve_scatter_elements_per_cycle", "4097"), ConfigError);
}
