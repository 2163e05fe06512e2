// Routing of SVC, HVC, SMC, UNDEFINED and BRK (R18), and of IRQ, FIQ and SError with masking
// (R19).
#include "support/arch_fixture.h"
#include "svesim/exceptions/routing.h"

#include <catch2/catch.hpp>

using namespace svesim;
using namespace svesim::test;

namespace {

struct Pe {
    ArchState st;
    Pe(EL el, std::uint64_t hcr = 0, Setup setup = {})
        : st(makeConfig(setup)) {
        openEverything(st.cpu);
        setHcr(st.cpu, hcr);
        st.cpu.pstate.el = el;
        st.cpu.pc = 0x2000;
    }
    CpuState& s() { return st.cpu; }
};

void check(const ExceptionEntry& e, Exception type, EL target, std::uint64_t ret,
           std::uint32_t iss = 0) {
    CHECK(name(e.record.type) == name(type));
    CHECK(e.target == target);
    CHECK(e.preferred_return == ret);
    CHECK(e.record.iss == iss);
}

} // namespace

TEST_CASE("R10/R18: HCR_EL2.TGE moves only EL1-targeted exceptions, and only with EL2 enabled",
          "[exceptions][R10][R18]") {
    // ARM-M D1.4.5.1 and the route_to_el2 of AArch64.UndefinedFault / AdvSIMDFPAccessTrap.
    Pe tge(EL::EL0, bit(hcr::TGE));
    CHECK(RouteToEL2ByTGE(tge.s(), EL::EL1));
    CHECK_FALSE(RouteToEL2ByTGE(tge.s(), EL::EL2));
    CHECK_FALSE(RouteToEL2ByTGE(tge.s(), EL::EL3));
    CHECK_FALSE(RouteToEL2ByTGE(Pe(EL::EL0).s(), EL::EL1)); // TGE = 0
    Pe secure(EL::EL0, bit(hcr::TGE));
    secure.s().sysregs.write(SysReg::SCR_EL3, bit(scr::RW)); // NS = 0: EL2 not enabled
    CHECK_FALSE(RouteToEL2ByTGE(secure.s(), EL::EL1));
    CHECK(SynchronousExceptionTarget(secure.s()) == EL::EL1);
    CHECK(SynchronousExceptionTarget(tge.s()) == EL::EL2);
}

TEST_CASE("R18: SVC goes from EL0 to EL1 (EL2 with TGE) and stays at EL1-EL3; returns after it",
          "[exceptions][R18]") {
    check(AArch64_CallSupervisor(Pe(EL::EL0).s(), 7), Exception::SupervisorCall, EL::EL1, 0x2004,
          7);
    check(AArch64_CallSupervisor(Pe(EL::EL0, bit(hcr::TGE)).s(), 7), Exception::SupervisorCall,
          EL::EL2, 0x2004, 7);
    check(AArch64_CallSupervisor(Pe(EL::EL1).s(), 0xFFFF), Exception::SupervisorCall, EL::EL1,
          0x2004, 0xFFFF);
    check(AArch64_CallSupervisor(Pe(EL::EL2).s(), 1), Exception::SupervisorCall, EL::EL2, 0x2004,
          1);
    check(AArch64_CallSupervisor(Pe(EL::EL3).s(), 1), Exception::SupervisorCall, EL::EL3, 0x2004,
          1);
    // TGE is ignored when EL2 is disabled (Secure state).
    Pe secure(EL::EL0, bit(hcr::TGE));
    secure.s().sysregs.write(SysReg::SCR_EL3, bit(scr::RW));
    check(AArch64_CallSupervisor(secure.s(), 0), Exception::SupervisorCall, EL::EL1, 0x2004);
}

TEST_CASE("R18: UNDEFINED routes like SVC but returns to the faulting instruction",
          "[exceptions][R18]") {
    check(AArch64_UndefinedFault(Pe(EL::EL0).s()), Exception::Uncategorized, EL::EL1, 0x2000);
    check(AArch64_UndefinedFault(Pe(EL::EL0, bit(hcr::TGE)).s()), Exception::Uncategorized, EL::EL2,
          0x2000);
    check(AArch64_UndefinedFault(Pe(EL::EL2).s()), Exception::Uncategorized, EL::EL2, 0x2000);
    check(AArch64_SoftwareBreakpoint(Pe(EL::EL1).s(), 0x42), Exception::SoftwareBreakpoint, EL::EL1,
          0x2000, 0x42);
}

TEST_CASE("R18: HVC is UNDEFINED at EL0, without EL2, from Secure EL1 and when disabled",
          "[exceptions][R18]") {
    check(AArch64_HypervisorCall(Pe(EL::EL1).s(), 3), Exception::HypervisorCall, EL::EL2, 0x2004,
          3);
    check(AArch64_HypervisorCall(Pe(EL::EL2).s(), 3), Exception::HypervisorCall, EL::EL2, 0x2004,
          3);
    check(AArch64_HypervisorCall(Pe(EL::EL3).s(), 3), Exception::HypervisorCall, EL::EL3, 0x2004,
          3);
    check(AArch64_HypervisorCall(Pe(EL::EL0).s(), 3), Exception::Uncategorized, EL::EL1, 0x2000);
    Pe no_hce(EL::EL1);
    no_hce.s().sysregs.write(SysReg::SCR_EL3, bit(scr::NS) | bit(scr::RW)); // HCE = 0
    check(AArch64_HypervisorCall(no_hce.s(), 3), Exception::Uncategorized, EL::EL1, 0x2000);
    Pe secure(EL::EL1);
    secure.s().sysregs.write(SysReg::SCR_EL3, bit(scr::RW) | bit(scr::HCE)); // NS = 0
    check(AArch64_HypervisorCall(secure.s(), 3), Exception::Uncategorized, EL::EL1, 0x2000);
    // Without EL3, HCR_EL2.HCD disables HVC.
    Pe no_el3(EL::EL1, bit(hcr::HCD), Setup{.has_el3 = false});
    check(AArch64_HypervisorCall(no_el3.s(), 3), Exception::Uncategorized, EL::EL1, 0x2000);
    Pe no_el3_ok(EL::EL1, 0, Setup{.has_el3 = false});
    check(AArch64_HypervisorCall(no_el3_ok.s(), 3), Exception::HypervisorCall, EL::EL2, 0x2004, 3);
    Pe no_el2(EL::EL1, 0, Setup{.has_el2 = false});
    check(AArch64_HypervisorCall(no_el2.s(), 3), Exception::Uncategorized, EL::EL1, 0x2000);
    Pe no_el2_el3(EL::EL3, 0, Setup{.has_el2 = false});
    check(AArch64_HypervisorCall(no_el2_el3.s(), 3), Exception::Uncategorized, EL::EL3, 0x2000);
}

TEST_CASE("R18: SMC goes to EL3, is trapped by HCR_EL2.TSC from EL1, UNDEFINED by SCR_EL3.SMD",
          "[exceptions][R18]") {
    check(AArch64_SecureMonitorCall(Pe(EL::EL1).s(), 9), Exception::MonitorCall, EL::EL3, 0x2004,
          9);
    check(AArch64_SecureMonitorCall(Pe(EL::EL2).s(), 9), Exception::MonitorCall, EL::EL3, 0x2004,
          9);
    check(AArch64_SecureMonitorCall(Pe(EL::EL0).s(), 9), Exception::Uncategorized, EL::EL1, 0x2000);
    // TSC traps to EL2, returning to the SMC itself, even when SMD would make it UNDEFINED.
    Pe tsc(EL::EL1, bit(hcr::TSC));
    check(AArch64_SecureMonitorCall(tsc.s(), 9), Exception::MonitorCall, EL::EL2, 0x2000, 9);
    tsc.s().sysregs.write(SysReg::SCR_EL3, bit(scr::NS) | bit(scr::RW) | bit(scr::SMD));
    check(AArch64_SecureMonitorCall(tsc.s(), 9), Exception::MonitorCall, EL::EL2, 0x2000, 9);
    Pe smd(EL::EL1);
    smd.s().sysregs.write(SysReg::SCR_EL3, bit(scr::NS) | bit(scr::RW) | bit(scr::SMD));
    check(AArch64_SecureMonitorCall(smd.s(), 9), Exception::Uncategorized, EL::EL1, 0x2000);
    // TSC only traps EL1.
    Pe tsc_el2(EL::EL2, bit(hcr::TSC));
    check(AArch64_SecureMonitorCall(tsc_el2.s(), 9), Exception::MonitorCall, EL::EL3, 0x2004, 9);
    Pe no_el3(EL::EL1, 0, Setup{.has_el3 = false});
    check(AArch64_SecureMonitorCall(no_el3.s(), 9), Exception::Uncategorized, EL::EL1, 0x2000);
}

TEST_CASE("R19: physical IRQ/FIQ/SError routing by SCR_EL3 and HCR_EL2", "[exceptions][R19]") {
    struct Case {
        EL el;
        std::uint64_t hcr, scr_extra;
        EL irq, fiq, serr;
    };
    const std::uint64_t imo = bit(hcr::IMO), fmo = bit(hcr::FMO), amo = bit(hcr::AMO);
    const Case cases[] = {
        {EL::EL1, 0, 0, EL::EL1, EL::EL1, EL::EL1},
        {EL::EL0, 0, 0, EL::EL1, EL::EL1, EL::EL1},
        {EL::EL1, imo, 0, EL::EL2, EL::EL1, EL::EL1},
        {EL::EL1, fmo, 0, EL::EL1, EL::EL2, EL::EL1},
        {EL::EL1, amo, 0, EL::EL1, EL::EL1, EL::EL2},
        {EL::EL0, bit(hcr::TGE), 0, EL::EL2, EL::EL2, EL::EL2},
        {EL::EL0, bit(hcr::TGE) | bit(hcr::E2H), 0, EL::EL2, EL::EL2, EL::EL2},
        {EL::EL2, 0, 0, EL::EL2, EL::EL2, EL::EL2},
        {EL::EL1, imo, bit(scr::IRQ), EL::EL3, EL::EL1, EL::EL1},
        {EL::EL1, 0, bit(scr::FIQ), EL::EL1, EL::EL3, EL::EL1},
        {EL::EL2, 0, bit(scr::EA), EL::EL2, EL::EL2, EL::EL3},
        {EL::EL3, 0, bit(scr::IRQ) | bit(scr::FIQ) | bit(scr::EA), EL::EL3, EL::EL3, EL::EL3},
    };
    for (const Case& c : cases) {
        Pe pe(c.el, c.hcr);
        pe.s().sysregs.write(SysReg::SCR_EL3,
                             bit(scr::NS) | bit(scr::RW) | bit(scr::HCE) | c.scr_extra);
        INFO("EL" << toUnsigned(c.el) << " hcr " << c.hcr << " scr " << c.scr_extra);
        CHECK(PhysicalInterruptTarget(pe.s(), InterruptKind::IRQ) == c.irq);
        CHECK(PhysicalInterruptTarget(pe.s(), InterruptKind::FIQ) == c.fiq);
        CHECK(PhysicalInterruptTarget(pe.s(), InterruptKind::SError) == c.serr);
    }
}

TEST_CASE("R19: masking: same EL by PSTATE, higher EL unmaskable except EL1 and host EL2, lower "
          "EL never",
          "[exceptions][R19]") {
    auto taken = [](EL el, std::uint64_t hcr, std::uint64_t scr_extra, bool i_masked) {
        Pe pe(el, hcr);
        pe.s().sysregs.write(SysReg::SCR_EL3, bit(scr::NS) | bit(scr::RW) | scr_extra);
        pe.s().pstate.i = i_masked;
        return TakePhysicalInterrupt(pe.s(), InterruptKind::IRQ);
    };
    CHECK(taken(EL::EL1, 0, 0, false));
    CHECK_FALSE(taken(EL::EL1, 0, 0, true));                             // same EL: PSTATE.I
    CHECK_FALSE(taken(EL::EL0, 0, 0, true));                             // EL0 -> EL1: PSTATE.I
    CHECK(taken(EL::EL1, bit(hcr::IMO), 0, true));                       // EL1 -> EL2: unmaskable
    CHECK(taken(EL::EL0, bit(hcr::TGE), 0, true));                       // E2H=0 TGE: unmaskable
    CHECK_FALSE(taken(EL::EL0, bit(hcr::TGE) | bit(hcr::E2H), 0, true)); // host EL0: maskable
    CHECK(taken(EL::EL0, bit(hcr::TGE) | bit(hcr::E2H), 0, false));
    CHECK_FALSE(taken(EL::EL2, 0, 0, true));             // EL2 -> EL2: PSTATE.I
    CHECK(taken(EL::EL2, 0, bit(scr::IRQ), true));       // EL2 -> EL3: unmaskable
    CHECK_FALSE(taken(EL::EL3, 0, 0, false));            // target below EL3: pending
    CHECK_FALSE(taken(EL::EL3, 0, bit(scr::IRQ), true)); // EL3 -> EL3: PSTATE.I
    CHECK_FALSE(taken(EL::EL2, bit(hcr::IMO), 0, true));
    // The entry returns to the interrupted instruction.
    const auto e = taken(EL::EL1, 0, 0, false);
    REQUIRE(e);
    CHECK(e->preferred_return == 0x2000);
    CHECK(e->record.type == Exception::IRQ);
    // FIQ uses PSTATE.F, SError PSTATE.A.
    Pe pe(EL::EL1);
    pe.s().pstate.i = false;
    pe.s().pstate.f = true;
    pe.s().pstate.a = false;
    CHECK_FALSE(TakePhysicalInterrupt(pe.s(), InterruptKind::FIQ));
    CHECK(TakePhysicalInterrupt(pe.s(), InterruptKind::SError));
}

TEST_CASE("R23: a virtual IRQ/FIQ is signalled only at EL0/EL1 with EL2 enabled, IMO/FMO set and "
          "TGE clear",
          "[exceptions][R23]") {
    const std::uint64_t imo = bit(hcr::IMO), fmo = bit(hcr::FMO), vi = bit(hcr::VI),
                        vf = bit(hcr::VF);
    auto take = [](EL el, std::uint64_t hcr, InterruptKind k, bool line, bool masked = false) {
        Pe pe(el, hcr);
        pe.s().pstate.i = masked;
        pe.s().pstate.f = masked;
        return TakeVirtualInterrupt(pe.s(), k, line);
    };
    // Pending by HCR_EL2.VI/VF or by the input; taken to EL1 with the IRQ/FIQ type.
    for (const EL el : {EL::EL0, EL::EL1}) {
        const auto irq = take(el, imo | vi, InterruptKind::IRQ, false);
        REQUIRE(irq);
        CHECK(irq->target == EL::EL1);
        CHECK(irq->record.type == Exception::VirtualIRQ);
        CHECK(vectorBase(irq->record.type) == 0x080);
        CHECK_FALSE(reportsSyndrome(irq->record.type));
        CHECK(irq->preferred_return == 0x2000);
        const auto fiq = take(el, fmo, InterruptKind::FIQ, true);
        REQUIRE(fiq);
        CHECK(fiq->record.type == Exception::VirtualFIQ);
        CHECK(vectorBase(fiq->record.type) == 0x100);
    }
    CHECK_FALSE(take(EL::EL1, imo, InterruptKind::IRQ, false));      // nothing pending
    CHECK_FALSE(take(EL::EL1, vi, InterruptKind::IRQ, true));        // IMO clear: not signalled
    CHECK_FALSE(take(EL::EL1, imo | vf, InterruptKind::FIQ, false)); // VF needs FMO, not IMO
    CHECK_FALSE(take(EL::EL0, imo | vi | bit(hcr::TGE), InterruptKind::IRQ, true));
    CHECK_FALSE(take(EL::EL2, imo | vi, InterruptKind::IRQ, true)); // EL2 never sees them
    CHECK_FALSE(take(EL::EL3, imo | vi, InterruptKind::IRQ, true));
    CHECK_FALSE(take(EL::EL1, imo | vi, InterruptKind::IRQ, true, true)); // PSTATE.I masks
    CHECK_FALSE(take(EL::EL0, fmo | vf, InterruptKind::FIQ, true, true)); // PSTATE.F masks
    // EL2 disabled in the current Security state (SCR_EL3.NS = 0 without Secure EL2).
    Pe secure(EL::EL1, imo | vi);
    secure.s().sysregs.write(SysReg::SCR_EL3, bit(scr::RW));
    secure.s().pstate.i = false;
    CHECK_FALSE(TakeVirtualInterrupt(secure.s(), InterruptKind::IRQ, true));
    // No virtual SError without FEAT_RAS.
    CHECK_FALSE(VirtualInterruptSignalled(Pe(EL::EL1, bit(hcr::AMO)).s(), InterruptKind::SError));
}
