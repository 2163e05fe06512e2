// R11/R12 through the SVE integer, predicate and permute instructions added for issue 11: each
// semantics function writes Z, P or V through the setters, so the bytes above VL are zeroed
// under the zero policy and kept under preserve, and no other vector register changes.
#include "support/isa_harness.h"

#include <catch2/catch.hpp>
#include <cstdint>

using namespace svesim;
using namespace svesim::test;

namespace {

enum class Dest { Z, P, V };
struct Write {
    std::uint32_t word;
    Dest kind;
    unsigned reg, vbytes; // vbytes: the width of a V write
};
// One instruction per semantics function that writes a vector or predicate register.
const Write kWrites[] = {
    {0x040085e1, Dest::Z, 1, 0}, // asr z1.b, p1/m, z1.b, #1
    {0x042f9c41, Dest::Z, 1, 0}, // lsl z1.b, z2.b, #7
    {0x041b8461, Dest::Z, 1, 0}, // lsl z1.b, p1/m, z1.b, z3.d
    {0x04238c41, Dest::Z, 1, 0}, // lsl z1.b, z2.b, z3.d
    {0x04d08461, Dest::Z, 1, 0}, // asr z1.d, p1/m, z1.d, z3.d
    {0x04080461, Dest::Z, 1, 0}, // smax z1.b, p1/m, z1.b, z3.b
    {0x2530dfa1, Dest::Z, 1, 0}, // mul z1.b, z1.b, #-3
    {0x0460c3e1, Dest::Z, 1, 0}, // sqinch z1.h
    {0x04b0c3e1, Dest::Z, 1, 0}, // incw z1.s
    {0x25ac8061, Dest::Z, 1, 0}, // incp z1.s, p3.s
    {0x25688061, Dest::Z, 1, 0}, // sqincp z1.h, p3.h
    {0x05383841, Dest::Z, 1, 0}, // rev z1.b, z2.b
    {0x05643841, Dest::Z, 1, 0}, // insr z1.h, w2
    {0x05b43841, Dest::Z, 1, 0}, // insr z1.s, s2
    {0x05200c41, Dest::Z, 1, 0}, // ext z1.b, z1.b, z2.b, #3
    {0x05233041, Dest::Z, 1, 0}, // tbl z1.b, {z2.b}, z3.b
    {0x056c8861, Dest::Z, 1, 0}, // splice z1.h, p2, z1.h, z3.h
    {0x05a18861, Dest::Z, 1, 0}, // compact z1.s, p2, z3.s
    {0x05a88861, Dest::Z, 1, 0}, // clasta z1.s, p2, z1.s, z3.s
    {0x04034441, Dest::Z, 1, 0}, // mla z1.b, p1/m, z2.b, z3.b
    {0x0443c441, Dest::Z, 1, 0}, // mad z1.h, p1/m, z3.h, z2.h
    {0x44830041, Dest::Z, 1, 0}, // sdot z1.s, z2.b, z3.b
    {0x44b30041, Dest::Z, 1, 0}, // sdot z1.s, z2.b, z3.b[2]
    {0x0416a441, Dest::Z, 1, 0}, // abs z1.b, p1/m, z2.b
    {0x05648441, Dest::Z, 1, 0}, // revb z1.h, p1/m, z2.h
    {0x04a3ac41, Dest::Z, 1, 0}, // adr z1.s, [z2.s, z3.s, lsl #3]
    {0x05236041, Dest::Z, 1, 0}, // zip1 z1.b, z2.b, z3.b
    {0x05703841, Dest::Z, 1, 0}, // sunpklo z1.h, z2.b
    {0x052b2041, Dest::Z, 1, 0}, // mov z1.b, z2.b[5]
    {0x04082861, Dest::V, 1, 1}, // smaxv b1, p2, z3.b
    {0x04002861, Dest::V, 1, 8}, // saddv d1, p2, z3.b
    {0x05628861, Dest::V, 1, 2}, // lasta h1, p2, z3.h
    {0x05ea8861, Dest::V, 1, 8}, // clasta d1, p2, d1, z3.d
    {0x2558c041, Dest::P, 1, 0}, // pfirst p1.b, p2, p1.b
    {0x2519c441, Dest::P, 1, 0}, // pnext p1.b, p2, p1.b
    {0x05344041, Dest::P, 1, 0}, // rev p1.b, p2.b
    {0x05634041, Dest::P, 1, 0}, // zip1 p1.h, p2.h, p3.h
    {0x05304041, Dest::P, 1, 0}, // punpklo p1.h, p2.b
    {0x25104861, Dest::P, 1, 0}, // brka p1.b, p2/z, p3.b
    {0x25184861, Dest::P, 1, 0}, // brkn p1.b, p2/z, p3.b, p1.b
    {0x2504c861, Dest::P, 1, 0}, // brkpa p1.b, p2/z, p3.b, p4.b
};

void runWrites(unsigned vl, ZeroUpperPolicy policy, bool expect_zero) {
    IsaHarness h(vl, EL::EL1, Setup{.policy = policy});
    for (const Write& w : kWrites) {
        INFO("VL " << vl << " word " << std::hex << w.word);
        fillPattern(h.arch.sve, static_cast<std::uint8_t>(w.word));
        const Snapshot before = snapshot(h.arch.sve);
        h.exec(w.word);
        REQUIRE_FALSE(h.cx.faulted());
        const Snapshot after = snapshot(h.arch.sve);
        const bool z = w.kind != Dest::P;
        const unsigned from = z ? vl / 8 : vl / 64;
        const auto& dest = z ? after.z[w.reg] : after.p[w.reg];
        const auto& old = z ? before.z[w.reg] : before.p[w.reg];
        if (expect_zero)
            CHECK(allZero(dest, from, dest.size()));
        else
            CHECK(same(dest, old, from, dest.size()));
        if (w.kind == Dest::V) CHECK(allZero(dest, w.vbytes, vl / 8)); // V[d, esize]
        for (unsigned n = 0; n < SveUnit::kNumZ; ++n)
            if (!(z && n == w.reg)) CHECK(after.z[n] == before.z[n]);
        for (unsigned n = 0; n < SveUnit::kNumP; ++n)
            if (!(!z && n == w.reg)) CHECK(after.p[n] == before.p[n]);
        CHECK(after.ffr == before.ffr);
    }
}

} // namespace

TEST_CASE("R11: the issue-11 SVE instructions zero Z/P above VL under the zero policy",
          "[isa][sve][zero_upper]") {
    for (unsigned vl : {128U, 256U, 512U})
        runWrites(vl, ZeroUpperPolicy::zero(), true);
}

TEST_CASE("R11: the issue-11 SVE instructions keep Z/P above VL under the preserve policy",
          "[isa][sve][zero_upper]") {
    for (unsigned vl : {128U, 256U, 512U})
        runWrites(vl, ZeroUpperPolicy::preserve(), false);
}
