// R11/R12 through the SVE instructions: every kind of Z, P, FFR and V write an SVE instruction
// makes goes through the setters, so the bytes above VL are zeroed under the zero policy and
// kept under preserve, and no other register changes.
#include "support/isa_harness.h"

#include <catch2/catch.hpp>
#include <cstdint>

using namespace svesim;
using namespace svesim::test;

namespace {

enum class Dest { Z, P, FFR, V };
struct Write {
    std::uint32_t word;
    Dest kind;
    unsigned reg;
};
// One instruction per semantics function that writes a register.
const Write kWrites[] = {
    {0x85804801, Dest::Z, 1},   // ldr z1, [x0, #2, mul vl]
    {0xa541a402, Dest::Z, 2},   // ld1w {z2.s}, p1/z, [x0, #1, mul vl]
    {0xa4014403, Dest::Z, 3},   // ld1b {z3.b}, p1/z, [x0, x1]
    {0x2538dfe1, Dest::Z, 1},   // mov z1.b, #-1
    {0x05e03862, Dest::Z, 2},   // mov z2.d, x3
    {0x05516064, Dest::Z, 4},   // mov z4.h, p1/m, #3, lsl #8
    {0x05e8a8c5, Dest::Z, 5},   // mov z5.d, p2/m, x6
    {0x05a08907, Dest::Z, 7},   // mov z7.s, p2/m, s8
    {0x04eb4d49, Dest::Z, 9},   // index z9.d, x10, x11
    {0x05eed1ac, Dest::Z, 12},  // sel z12.d, p4, z13.d, z14.d
    {0x0420be0f, Dest::Z, 15},  // movprfx z15, z16
    {0x0451360f, Dest::Z, 15},  // movprfx z15.h, p5/m, z16.h
    {0x04233041, Dest::Z, 1},   // and z1.d, z2.d, z3.d
    {0x041804a4, Dest::Z, 4},   // orr z4.b, p1/m, z4.b, z5.b
    {0x05000e26, Dest::Z, 6},   // orr z6.b, z6.b, #0x81
    {0x04290107, Dest::Z, 7},   // add z7.b, z8.b, z9.b
    {0x0400096a, Dest::Z, 10},  // add z10.b, p2/m, z10.b, z11.b
    {0x2520d90c, Dest::Z, 12},  // add z12.b, z12.b, #200
    {0x2598e000, Dest::P, 0},   // ptrue p0.s, pow2
    {0x2518e403, Dest::P, 3},   // pfalse p3.b
    {0x25034440, Dest::P, 0},   // and p0.b, p1/z, p2.b, p3.b
    {0x2519f005, Dest::P, 5},   // rdffr p5.b
    {0x2558f025, Dest::P, 5},   // rdffrs p5.b, p1/z
    {0x25221426, Dest::P, 6},   // whilelt p6.b, x1, x2
    {0x2403a447, Dest::P, 7},   // cmpeq p7.b, p1/z, z2.b, z3.b
    {0x25108447, Dest::P, 7},   // cmpeq p7.b, p1/z, z2.b, #-16
    {0x24b28457, Dest::P, 7},   // cmphi p7.s, p1/z, z2.s, #74
    {0x85bf1403, Dest::P, 3},   // ldr p3, [x0, #-3, mul vl]
    {0x252c9000, Dest::FFR, 0}, // setffr
    {0x25289040, Dest::FFR, 0}, // wrffr p2.b
    {0x04012dcd, Dest::V, 13},  // uaddv d13, p3, z14.b
    {0x05c370a2, Dest::Z, 2},   // dupm z2.d, #0xfc0000
};

std::vector<std::uint8_t> written(const Snapshot& s, const Write& w) {
    switch (w.kind) {
    case Dest::Z:
    case Dest::V: return s.z[w.reg];
    case Dest::P: return s.p[w.reg];
    case Dest::FFR: return s.ffr;
    }
    return {};
}

// Runs every write on a register file filled with a pattern; checks the destination above VL
// (zeroed or kept) and that every other register is unchanged.
void runWrites(unsigned vl, ZeroUpperPolicy policy, bool expect_zero) {
    IsaHarness h(vl, EL::EL1, Setup{.policy = policy});
    for (const Write& w : kWrites) {
        INFO("VL " << vl << " word " << std::hex << w.word);
        fillPattern(h.arch.sve, static_cast<std::uint8_t>(w.word));
        h.setX(0, 0x11000);
        h.setX(1, 1);
        h.setX(2, 100);
        const Snapshot before = snapshot(h.arch.sve);
        h.exec(w.word);
        REQUIRE_FALSE(h.cx.faulted());
        const Snapshot after = snapshot(h.arch.sve);
        const unsigned from = w.kind == Dest::Z || w.kind == Dest::V ? vl / 8 : vl / 64;
        const auto dest = written(after, w), old = written(before, w);
        if (expect_zero)
            CHECK(allZero(dest, from, dest.size()));
        else
            CHECK(same(dest, old, from, dest.size()));
        if (w.kind == Dest::V) CHECK(allZero(dest, 8, vl / 8)); // V[d, 64] zeroes [VL-1:64]
        for (unsigned n = 0; n < SveUnit::kNumZ; ++n)
            if (!((w.kind == Dest::Z || w.kind == Dest::V) && n == w.reg))
                CHECK(after.z[n] == before.z[n]);
        for (unsigned n = 0; n < SveUnit::kNumP; ++n)
            if (!(w.kind == Dest::P && n == w.reg)) CHECK(after.p[n] == before.p[n]);
        if (w.kind != Dest::FFR) CHECK(after.ffr == before.ffr);
    }
}

} // namespace

TEST_CASE("R11: SVE instruction writes zero Z/P/FFR above VL under the zero policy",
          "[isa][sve][R11][R12]") {
    for (unsigned vl : {128U, 256U, 512U, 2048U})
        runWrites(vl, ZeroUpperPolicy::zero(), true);
}

TEST_CASE("R11: SVE instruction writes keep Z/P/FFR above VL under the preserve policy",
          "[isa][sve][R11][R12]") {
    for (unsigned vl : {128U, 256U, 512U, 2048U})
        runWrites(vl, ZeroUpperPolicy::preserve(), false);
}

TEST_CASE("R11: an SVE write at VL 256 then a wider VL exposes zeros or the old bytes",
          "[isa][sve][R11]") {
    for (bool zero : {true, false}) {
        IsaHarness h(256, EL::EL1,
                     Setup{.policy = zero ? ZeroUpperPolicy::zero() : ZeroUpperPolicy::preserve()});
        auto full = h.zFull(1);
        for (std::size_t b = 0; b < full.size(); ++b)
            full[b] = 0x5A;
        h.exec(0x2538dfe1); // mov z1.b, #-1
        REQUIRE_FALSE(h.cx.faulted());
        setLen(h.arch.cpu, 15, 15, 15); // VL 2048, as after a ZCR write by a hypervisor
        h.cx.refreshVL();
        const auto z = h.z(1);
        REQUIRE(z.size() == 256);
        for (std::size_t b = 0; b < 32; ++b)
            CHECK(z[b] == 0xFF);
        for (std::size_t b = 32; b < 256; ++b)
            CHECK(z[b] == (zero ? 0x00 : 0x5A));
    }
}
