// CheckSVEEnabled / CheckFPAdvSIMDEnabled: order, both CPTR_EL2 layouts, syndromes and the TGE
// rerouting (R8, R9, R10).
#include "support/arch_fixture.h"
#include "svesim/exceptions/enable_checks.h"
#include "svesim/exceptions/take_exception.h"

#include <catch2/catch.hpp>

using namespace svesim;
using namespace svesim::test;

namespace {

constexpr std::uint64_t kZen11 = 0x3ULL << 16, kFpen11 = 0x3ULL << 20;
constexpr std::uint64_t kZen01 = 0x1ULL << 16, kFpen01 = 0x1ULL << 20;

struct Pe {
    ArchState st{makeConfig({})};
    Pe(EL el, std::uint64_t hcr = 0) {
        openEverything(st.cpu);
        setHcr(st.cpu, hcr);
        st.cpu.pstate.el = el;
        st.cpu.pc = 0x1000;
    }
    void set(SysReg r, std::uint64_t v) { st.cpu.sysregs.write(r, v); }
};

void requireTrap(const std::optional<ExceptionEntry>& e, Exception type, EL target,
                 std::uint32_t iss) {
    REQUIRE(e);
    CHECK(e->record.type == type);
    CHECK(e->target == target);
    CHECK(e->record.iss == iss);
    CHECK(e->preferred_return == 0x1000); // traps return to the trapped instruction
}

} // namespace

TEST_CASE("R8: everything enabled means no trap at any EL", "[exceptions][R8]") {
    for (EL el : {EL::EL0, EL::EL1, EL::EL2, EL::EL3}) {
        Pe pe(el);
        CHECK_FALSE(CheckSVEEnabled(pe.st.cpu));
        CHECK_FALSE(CheckFPAdvSIMDEnabled(pe.st.cpu));
    }
}

TEST_CASE("R8: CPACR_EL1.ZEN traps EL0/EL1 to EL1 with EC 0x19; 01 traps only EL0",
          "[exceptions][R8][R10]") {
    Pe pe(EL::EL1);
    pe.set(SysReg::CPACR_EL1, kFpen11); // ZEN = 00
    requireTrap(CheckSVEEnabled(pe.st.cpu), Exception::SVEAccessTrap, EL::EL1, 0);
    pe.st.cpu.pstate.el = EL::EL0;
    requireTrap(CheckSVEEnabled(pe.st.cpu), Exception::SVEAccessTrap, EL::EL1, 0);
    pe.set(SysReg::CPACR_EL1, kFpen11 | kZen01);
    requireTrap(CheckSVEEnabled(pe.st.cpu), Exception::SVEAccessTrap, EL::EL1, 0);
    pe.st.cpu.pstate.el = EL::EL1;
    CHECK_FALSE(CheckSVEEnabled(pe.st.cpu));
    pe.st.cpu.pstate.el = EL::EL2; // CPACR_EL1 never traps EL2
    pe.set(SysReg::CPACR_EL1, 0);
    CHECK_FALSE(CheckSVEEnabled(pe.st.cpu));
}

TEST_CASE("R8: SVE with SVE enabled but FP disabled traps as FP (EC 0x07, ISS 0x1E00000)",
          "[exceptions][R8][R10]") {
    Pe pe(EL::EL1);
    pe.set(SysReg::CPACR_EL1, kZen11); // FPEN = 00
    requireTrap(CheckSVEEnabled(pe.st.cpu), Exception::AdvSIMDFPAccessTrap, EL::EL1, 0x1E00000);
    requireTrap(CheckFPAdvSIMDEnabled(pe.st.cpu), Exception::AdvSIMDFPAccessTrap, EL::EL1,
                0x1E00000);
}

TEST_CASE("R8: the lowest controlling EL wins; within a level the SVE bit beats the FP bit",
          "[exceptions][R8]") {
    {
        Pe pe(EL::EL1); // EL1 FP trap vs EL2 SVE trap: EL1 first
        pe.set(SysReg::CPACR_EL1, kZen11);
        pe.set(SysReg::CPTR_EL2, bit(cptr::TZ));
        requireTrap(CheckSVEEnabled(pe.st.cpu), Exception::AdvSIMDFPAccessTrap, EL::EL1, 0x1E00000);
    }
    {
        Pe pe(EL::EL1); // EL2: TZ and TFP both set: SVE trap
        pe.set(SysReg::CPTR_EL2, bit(cptr::TZ) | bit(cptr::TFP));
        requireTrap(CheckSVEEnabled(pe.st.cpu), Exception::SVEAccessTrap, EL::EL2, 0);
        requireTrap(CheckFPAdvSIMDEnabled(pe.st.cpu), Exception::AdvSIMDFPAccessTrap, EL::EL2,
                    0x1E00000);
    }
    {
        Pe pe(EL::EL2); // EL2 FP trap vs EL3 SVE trap: EL2 first
        pe.set(SysReg::CPTR_EL2, bit(cptr::TFP));
        pe.set(SysReg::CPTR_EL3, 0); // EZ = 0
        requireTrap(CheckSVEEnabled(pe.st.cpu), Exception::AdvSIMDFPAccessTrap, EL::EL2, 0x1E00000);
    }
    {
        Pe pe(EL::EL3); // EL3: EZ = 0 and TFP = 1: SVE trap
        pe.set(SysReg::CPTR_EL3, bit(cptr::TFP));
        requireTrap(CheckSVEEnabled(pe.st.cpu), Exception::SVEAccessTrap, EL::EL3, 0);
        pe.set(SysReg::CPTR_EL3, bit(cptr::EZ) | bit(cptr::TFP));
        requireTrap(CheckSVEEnabled(pe.st.cpu), Exception::AdvSIMDFPAccessTrap, EL::EL3, 0x1E00000);
    }
}

TEST_CASE("R2: CPTR_EL2 does not apply when EL2 is disabled (Secure state without SEL2)",
          "[exceptions][R2][R8]") {
    Pe pe(EL::EL1);
    pe.set(SysReg::CPTR_EL2, bit(cptr::TZ));
    pe.set(SysReg::SCR_EL3, bit(scr::RW)); // NS = 0
    CHECK_FALSE(CheckSVEEnabled(pe.st.cpu));
}

TEST_CASE("R9: CPTR_EL2 layout is chosen by E2H, not TGE", "[exceptions][R9]") {
    SECTION("E2H=0: TZ traps EL0-EL2 whatever ZEN says") {
        Pe pe(EL::EL2, bit(hcr::TGE));
        pe.set(SysReg::CPTR_EL2, bit(cptr::TZ) | kZen11 | kFpen11);
        requireTrap(CheckSVEEnabled(pe.st.cpu), Exception::SVEAccessTrap, EL::EL2, 0);
    }
    SECTION("E2H=1: ZEN decides and TZ (bit 8) is ignored") {
        Pe pe(EL::EL2, bit(hcr::E2H));
        pe.set(SysReg::CPTR_EL2, bit(cptr::TZ) | kZen11 | kFpen11);
        CHECK_FALSE(CheckSVEEnabled(pe.st.cpu));
        pe.set(SysReg::CPTR_EL2, kFpen11); // ZEN = 00: traps EL2 too
        requireTrap(CheckSVEEnabled(pe.st.cpu), Exception::SVEAccessTrap, EL::EL2, 0);
    }
    SECTION("E2H=1, ZEN=01 traps EL0 only when TGE=1") {
        Pe pe(EL::EL0, bit(hcr::E2H));
        pe.set(SysReg::CPTR_EL2, kZen01 | kFpen11);
        CHECK_FALSE(CheckSVEEnabled(pe.st.cpu)); // TGE = 0
        setHcr(pe.st.cpu, bit(hcr::E2H) | bit(hcr::TGE));
        requireTrap(CheckSVEEnabled(pe.st.cpu), Exception::SVEAccessTrap, EL::EL2, 0);
        pe.st.cpu.pstate.el = EL::EL2;
        CHECK_FALSE(CheckSVEEnabled(pe.st.cpu));
    }
    SECTION("E2H=1, FPEN=01 with TGE=1 traps host EL0 FP to EL2 with EC 0x07") {
        Pe pe(EL::EL0, bit(hcr::E2H) | bit(hcr::TGE));
        pe.set(SysReg::CPTR_EL2, kZen11 | kFpen01);
        requireTrap(CheckFPAdvSIMDEnabled(pe.st.cpu), Exception::AdvSIMDFPAccessTrap, EL::EL2,
                    0x1E00000);
    }
    SECTION("host EL0 ignores CPACR_EL1") {
        Pe pe(EL::EL0, bit(hcr::E2H) | bit(hcr::TGE));
        pe.set(SysReg::CPTR_EL2, kZen11 | kFpen11);
        pe.set(SysReg::CPACR_EL1, 0);
        CHECK_FALSE(CheckSVEEnabled(pe.st.cpu));
    }
}

TEST_CASE("R10: TGE reroutes an EL1-targeted FP trap to EL2 as EC 0x00, an SVE trap keeps 0x19",
          "[exceptions][R10]") {
    // E2H=0, TGE=1: EL0 is still governed by CPACR_EL1, whose traps target EL1 and reroute.
    Pe pe(EL::EL0, bit(hcr::TGE));
    pe.set(SysReg::CPACR_EL1, kZen11); // FP off at EL0/EL1
    requireTrap(CheckFPAdvSIMDEnabled(pe.st.cpu), Exception::Uncategorized, EL::EL2, 0);
    requireTrap(CheckSVEEnabled(pe.st.cpu), Exception::Uncategorized, EL::EL2, 0);
    pe.set(SysReg::CPACR_EL1, kFpen11); // SVE off
    requireTrap(CheckSVEEnabled(pe.st.cpu), Exception::SVEAccessTrap, EL::EL2, 0);

    // The ESR values as TakeException writes them.
    Pe take(EL::EL0, bit(hcr::TGE));
    take.set(SysReg::CPACR_EL1, kZen11);
    AArch64_TakeException(take.st, *CheckFPAdvSIMDEnabled(take.st.cpu));
    CHECK(take.st.cpu.sysregs.read(SysReg::ESR_EL2) == 0x0200'0000); // EC 0, IL 1, ISS 0
    Pe sve(EL::EL1);
    sve.set(SysReg::CPTR_EL2, bit(cptr::TZ));
    AArch64_TakeException(sve.st, *CheckSVEEnabled(sve.st.cpu));
    CHECK(sve.st.cpu.sysregs.read(SysReg::ESR_EL2) == 0x6600'0000); // EC 0x19, IL 1
    Pe fp(EL::EL1);
    fp.set(SysReg::CPTR_EL3, bit(cptr::EZ) | bit(cptr::TFP));
    AArch64_TakeException(fp.st, *CheckFPAdvSIMDEnabled(fp.st.cpu));
    CHECK(fp.st.cpu.sysregs.read(SysReg::ESR_EL3) == 0x1FE0'0000); // EC 0x07, IL 1, CV/COND
}
