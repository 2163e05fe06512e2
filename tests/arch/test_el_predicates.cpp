// Exception-level predicates (arch/el_predicates): which translation regime, and so which
// SCTLR_ELx, governs code at each EL. Expectations from the Arm ARM (SCTLR_EL1: "controls ...
// at EL1 and EL0" unless HCR_EL2.{E2H, TGE} == {1, 1}; SCTLR_EL2 then controls EL0).
#include "support/arch_fixture.h"
#include "svesim/arch/el_predicates.h"

#include <catch2/catch.hpp>

using namespace svesim;
using namespace svesim::test;

TEST_CASE("SCTLR[]: EL0 is governed by SCTLR_EL1, or by SCTLR_EL2 in a VHE host", "[arch]") {
    ArchState st(makeConfig({}));
    CpuState& s = st.cpu;
    openEverything(s);
    struct Case {
        std::uint64_t hcr;
        bool secure;
        SysReg el0;
    };
    const Case cases[] = {
        {0, false, SysReg::SCTLR_EL1},
        {bit(hcr::E2H), false, SysReg::SCTLR_EL1},
        {bit(hcr::TGE), false, SysReg::SCTLR_EL1},
        {bit(hcr::E2H) | bit(hcr::TGE), false, SysReg::SCTLR_EL2},
        {bit(hcr::E2H) | bit(hcr::TGE), true, SysReg::SCTLR_EL1}, // Secure: EL2 not enabled
    };
    for (const Case& c : cases) {
        INFO("HCR_EL2 " << c.hcr << (c.secure ? " Secure" : " Non-secure"));
        setHcr(s, c.hcr);
        s.sysregs.write(SysReg::SCR_EL3, (c.secure ? 0 : bit(scr::NS)) | bit(scr::RW));
        CHECK(SCTLR(s, EL::EL0) == c.el0);
        CHECK(S1TranslationRegime(s, EL::EL0) == (c.el0 == SysReg::SCTLR_EL2 ? EL::EL2 : EL::EL1));
        CHECK(SCTLR(s, EL::EL1) == SysReg::SCTLR_EL1);
        CHECK(SCTLR(s, EL::EL2) == SysReg::SCTLR_EL2);
        CHECK(SCTLR(s, EL::EL3) == SysReg::SCTLR_EL3);
    }
}
