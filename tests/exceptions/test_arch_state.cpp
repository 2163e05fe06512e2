// AArch64.TakeReset as svesim performs it (R22: what the architecture leaves UNKNOWN is a
// documented, configurable choice).
#include "support/arch_fixture.h"

#include <catch2/catch.hpp>

using namespace svesim;
using namespace svesim::test;

TEST_CASE("R22: reset starts at the highest implemented EL with SP_ELx and DAIF masked",
          "[exceptions][R22]") {
    struct Case {
        bool el2, el3;
        EL expected;
    };
    for (const Case c : {Case{true, true, EL::EL3}, Case{true, false, EL::EL2},
                         Case{false, true, EL::EL3}, Case{false, false, EL::EL1}}) {
        ArchConfig cfg = makeConfig({.has_el2 = c.el2, .has_el3 = c.el3});
        cfg.rvbar = 0x4008'0000;
        ArchState st(cfg);
        const PState& p = st.cpu.pstate;
        CHECK(p.el == c.expected);
        CHECK(p.sp);
        CHECK((p.d && p.a && p.i && p.f));
        CHECK_FALSE(p.il);
        CHECK(st.cpu.pc == 0x4008'0000);
    }
}

TEST_CASE("R22: SVE registers and the UNKNOWN controls reset to svesim's documented choice",
          "[exceptions][R22]") {
    ArchConfig cfg = makeConfig({});
    ArchState st(cfg);
    fillPattern(st.sve);
    st.cpu.sysregs.write(SysReg::ZCR_EL3, 7);
    st.reset();
    for (unsigned n = 0; n < 32; ++n)
        for (auto b : st.sve.zStorage(n))
            REQUIRE(b == 0);
    CHECK(st.cpu.sysregs.read(SysReg::ZCR_EL3) == 0);
    CHECK(st.cpu.sysregs.read(SysReg::CPTR_EL3) == 0); // EZ = 0: SVE trapped to EL3, as QEMU
    CHECK(st.currentVL().bits() == 128);
    // The configurable choice: boot with SVE open at EL3 and the maximum VL.
    cfg.reset_values = ResetValues::parse("CPTR_EL3=0x100,ZCR_EL3=15");
    ArchState open(cfg);
    CHECK(open.currentVL().bits() == 2048);
}
