// PSTATE's register views (arch/pstate.h): NZCV at bits [31:28] and DAIF at bits [9:6], as the
// Arm ARM's NZCV, DAIF and SPSR_ELx layouts place them, in both directions.
#include "svesim/arch/pstate.h"

#include <catch2/catch.hpp>

using namespace svesim;

TEST_CASE("PSTATE: NZCV and DAIF are read and written at the Arm ARM's bit positions", "[arch]") {
    PState p;
    p.d = p.a = p.i = p.f = false;
    setNzcvBits(p, 0xA000'0000); // N = 1, Z = 0, C = 1, V = 0
    CHECK((p.n && !p.z && p.c && !p.v));
    setDaifBits(p, 0x140); // D = 0, A = 1, I = 0, F = 1
    CHECK((!p.d && p.a && !p.i && p.f));
    CHECK(nzcvBits(p) == 0xA000'0000);
    CHECK(daifBits(p) == 0x140);
    // Other bits of the value are ignored, and each view leaves the other fields alone.
    PState q;
    setNzcvBits(q, 0x5FFF'FFFF); // Z = 1, V = 1; bits below 28 ignored
    CHECK((!q.n && q.z && !q.c && q.v));
    CHECK((q.d && q.a && q.i && q.f)); // reset masks untouched
    setDaifBits(q, ~std::uint64_t{0x3C0});
    CHECK((!q.d && !q.a && !q.i && !q.f));
    CHECK((!q.n && q.z && !q.c && q.v));
}
