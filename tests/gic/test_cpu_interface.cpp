// The physical CPU interface: ICC_* registers, acknowledge/EOI, priorities, preemption, SGIs,
// outputs and traps. Expected values: IHI 0069 (sections cited), the ICC_* accessibility
// pseudocode, and QEMU 7.2 -cpu max's reset values (read by tests/gic/programs/gic_timer.S).
#include "gic/gic_fixture.h"

#include <catch2/catch.hpp>

using namespace svesim;
using namespace svesim::gic;
using namespace svesim::gic::test;
using R = GicSysReg;

TEST_CASE("IHI 0069 12.2: ICC reset values and implemented bits are QEMU -cpu max's", "[gic]") {
    Gic g(GicConfig{});
    // QEMU: ICC_CTLR_EL1 0x8c00 (PRIbits 4, IDbits 1, A3V), ICC_CTLR_EL3 0x28c00 (+ nDS),
    // ICC_SRE_EL3/EL2 0xf, ICC_SRE_EL1 0x7, BPR0 2, NS BPR1 3, PMR 0xff -> 0xf8.
    CHECK(rd(g, 0, R::ICC_CTLR_EL1, nsEl1()) == 0x8C00);
    CHECK(rd(g, 0, R::ICC_CTLR_EL3, el3()) == 0x28C00);
    CHECK(rd(g, 0, R::ICC_SRE_EL3, el3()) == 0xF);
    CHECK(rd(g, 0, R::ICC_SRE_EL2, at(EL::EL2)) == 0xF);
    CHECK(rd(g, 0, R::ICC_SRE_EL1, nsEl1()) == 0x7);
    CHECK(rd(g, 0, R::ICC_BPR0_EL1, nsEl1()) == 2);
    CHECK(rd(g, 0, R::ICC_BPR1_EL1, nsEl1()) == 3);
    wr(g, 0, R::ICC_PMR_EL1, el3(), 0xFF);
    CHECK(rd(g, 0, R::ICC_PMR_EL1, el3()) == 0xF8);
    wr(g, 0, R::ICC_BPR1_EL1, nsEl1(), 0); // below the minimum: the minimum (12.2.4)
    CHECK(rd(g, 0, R::ICC_BPR1_EL1, nsEl1()) == 3);
    CHECK(rd(g, 0, R::ICC_RPR_EL1, nsEl1()) == 0xFF); // idle
    CHECK(rd(g, 0, R::ICC_IAR1_EL1, nsEl1()) == kIntIdSpurious);
}

TEST_CASE("IHI 0069 4.1.1, 12.2.14: IAR1 acknowledges the highest-priority pending interrupt; "
          "EOIR1 drops the priority and deactivates",
          "[gic]") {
    Gic g(GicConfig{});
    bringUp(g);
    configure(g, 0, 40, 0x80);
    configure(g, 0, 41, 0x40);
    g.setSpi(40, true);
    g.setSpi(41, true);
    CHECK(g.output(0, Line::Irq));
    CHECK_FALSE(g.output(0, Line::Fiq));
    CHECK(rd(g, 0, R::ICC_HPPIR1_EL1, nsEl1()) == 41);
    CHECK(rd(g, 0, R::ICC_IAR1_EL1, nsEl1()) == 41);
    CHECK(g.irq(0, 41).active);
    CHECK(g.irq(0, 41).pending()); // level still asserted: active and pending
    CHECK(rd(g, 0, R::ICC_RPR_EL1, el3()) == 0x40);
    CHECK(rd(g, 0, R::ICC_AP1R0_EL1, nsEl1()) == (1U << (0x40 >> 3)));
    // SPI 40 (0x80) cannot preempt 0x40: no IRQ, IAR returns 1023, HPPIR still names it.
    CHECK_FALSE(g.output(0, Line::Irq));
    CHECK(rd(g, 0, R::ICC_HPPIR1_EL1, nsEl1()) == 40);
    CHECK(rd(g, 0, R::ICC_IAR1_EL1, nsEl1()) == kIntIdSpurious);
    wr(g, 0, R::ICC_EOIR1_EL1, nsEl1(), 41);
    CHECK_FALSE(g.irq(0, 41).active);
    CHECK(rd(g, 0, R::ICC_RPR_EL1, el3()) == 0xFF);
    g.setSpi(41, false);
    CHECK(rd(g, 0, R::ICC_IAR1_EL1, nsEl1()) == 40);
}

TEST_CASE("IHI 0069 4.1.1, 12.2.5: with EOImode = 1 EOIR only drops the priority and DIR "
          "deactivates",
          "[gic]") {
    Gic g(GicConfig{});
    bringUp(g);
    wr(g, 0, R::ICC_CTLR_EL1, nsEl1(), 2);
    CHECK(rd(g, 0, R::ICC_CTLR_EL1, nsEl1()) == 0x8C02);
    configure(g, 0, 42, 0x60);
    wrD(g, GICD_ISPENDR + 4, 1U << 10);
    CHECK(rd(g, 0, R::ICC_IAR1_EL1, nsEl1()) == 42);
    wr(g, 0, R::ICC_EOIR1_EL1, nsEl1(), 42);
    CHECK(rd(g, 0, R::ICC_RPR_EL1, el3()) == 0xFF);
    CHECK(g.irq(0, 42).active);
    CHECK((rdD(g, GICD_ISACTIVER + 4) >> 10 & 1) == 1);
    wr(g, 0, R::ICC_DIR_EL1, nsEl1(), 42);
    CHECK_FALSE(g.irq(0, 42).active);
}

TEST_CASE("IHI 0069 4.8.3, 4.8.5: preemption needs a higher group priority; BPR decides the group "
          "bits",
          "[gic]") {
    Gic g(GicConfig{});
    bringUp(g);
    configure(g, 0, 43, 0x80);
    configure(g, 0, 44, 0x70);
    wrD(g, GICD_ISPENDR + 4, 1U << 11);
    CHECK(rd(g, 0, R::ICC_IAR1_EL1, nsEl1()) == 43);
    wrD(g, GICD_ISPENDR + 4, 1U << 12);
    CHECK(g.output(0, Line::Irq)); // 0x70 < 0x80 with BPR1 = 3: group bits [7:3]
    // BPR1 = 7 (NS): group priority bit [7] only: 0x70 and 0x80 differ there, still preempts;
    // BPR1 = 7 makes 0x80 vs 0x70 compare [7]: 0 < 1.
    wr(g, 0, R::ICC_BPR1_EL1, nsEl1(), 7);
    CHECK(g.output(0, Line::Irq));
    // Re-prioritise 44 to 0x90 (same top bit as 0x80 in group priority [7]): no preemption.
    wrD(g, GICD_IPRIORITYR + 44, 0x90, true, 1);
    CHECK_FALSE(g.output(0, Line::Irq));
    wrD(g, GICD_IPRIORITYR + 44, 0x08, true, 1);
    CHECK(g.output(0, Line::Irq));
    CHECK(rd(g, 0, R::ICC_IAR1_EL1, nsEl1()) == 44);
    CHECK(rd(g, 0, R::ICC_RPR_EL1, el3()) == 0x00); // group priority of 0x08 with BPR 7
}

TEST_CASE("IHI 0069 4.6.2 Table 4-3: Group 0 is FIQ, Group 1 of the PE's Security state IRQ, of "
          "the other FIQ, and every group FIQ at EL3",
          "[gic]") {
    Gic g(GicConfig{});
    bringUp(g);
    configure(g, 0, 45, 0x80, /*g1ns=*/false); // Group 0
    wrD(g, GICD_ISPENDR + 4, 1U << 13);
    CHECK(g.output(0, Line::Fiq));
    CHECK_FALSE(g.output(0, Line::Irq));
    CHECK(rd(g, 0, R::ICC_HPPIR1_EL1, nsEl1()) == kIntIdSpurious);
    CHECK(rd(g, 0, R::ICC_HPPIR0_EL1, el3()) == 45);
    wrD(g, GICD_ICPENDR + 4, 1U << 13);
    // Group 1 Secure (IGROUPR 0, IGRPMODR 1): FIQ in Non-secure EL1, IRQ in Secure EL1.
    wrD(g, GICD_IGRPMODR + 4, 1U << 13);
    CHECK(g.groupOf(g.irq(0, 45)) == Group::G1S);
    wrD(g, GICD_ISPENDR + 4, 1U << 13);
    CHECK(g.output(0, Line::Fiq));
    // At EL3 IAR0/HPPIR0 name the waiting Group 1 Secure interrupt as 1020 (IHI 0069 2.2.1).
    CHECK(rd(g, 0, R::ICC_HPPIR0_EL1, el3()) == kIntIdSecureG1);
    CHECK(rd(g, 0, R::ICC_IAR0_EL1, el3()) == kIntIdSecureG1);
    g.cpu(0).setPeState(EL::EL1, true);
    CHECK(g.output(0, Line::Irq));
    CHECK(rd(g, 0, R::ICC_IAR1_EL1, at(EL::EL1, 0)) == 45);
    wr(g, 0, R::ICC_EOIR1_EL1, at(EL::EL1, 0), 45);
    CHECK_FALSE(g.irq(0, 45).active);
    // Group 1 Non-secure at EL3: FIQ.
    configure(g, 0, 46, 0x80);
    wrD(g, GICD_ISPENDR + 4, 1U << 14);
    g.cpu(0).setPeState(EL::EL3, true);
    CHECK(g.output(0, Line::Fiq));
    CHECK(rd(g, 0, R::ICC_IAR0_EL1, el3()) == kIntIdNonSecureG1);
}

TEST_CASE("IHI 0069 12.2.21: ICC_SGI1R_EL1 pends an SGI at the PEs of TargetList/Aff1-3 or, with "
          "IRM, at every other PE",
          "[gic]") {
    GicConfig cfg;
    cfg.cpus = 3;
    cfg.affinity = {0x0, 0x1, 0x100};
    Gic g(cfg);
    bringUp(g);
    for (unsigned c = 0; c < 3; ++c)
        configure(g, c, 3, 0x80);
    // SGI 3 to Aff1 = 0, TargetList {1}.
    wr(g, 0, R::ICC_SGI1R_EL1, nsEl1(), (3ULL << 24) | 0x2);
    CHECK_FALSE(g.irq(0, 3).pending());
    CHECK(g.irq(1, 3).pending());
    CHECK_FALSE(g.irq(2, 3).pending());
    // SGI 3 to Aff1 = 1, TargetList {0}: the third PE.
    wr(g, 0, R::ICC_SGI1R_EL1, nsEl1(), (3ULL << 24) | (1ULL << 16) | 0x1);
    CHECK(g.irq(2, 3).pending());
    CHECK(rd(g, 2, R::ICC_IAR1_EL1, nsEl1()) == 3);
    // IRM: every PE but the sender.
    wr(g, 1, R::ICC_SGI1R_EL1, nsEl1(), (3ULL << 24) | (1ULL << 40));
    CHECK(g.irq(0, 3).pending());
    // A Non-secure SGI1R does not pend an SGI configured Group 0 (GICR_NSACR = 0).
    configure(g, 0, 5, 0x80, /*g1ns=*/false);
    wr(g, 1, R::ICC_SGI1R_EL1, nsEl1(), (5ULL << 24) | 0x1);
    CHECK_FALSE(g.irq(0, 5).pending());
    wr(g, 1, R::ICC_SGI0R_EL1, el3(), (5ULL << 24) | 0x1);
    CHECK(g.irq(0, 5).pending());
}

TEST_CASE("ICC accessibility pseudocode: ICH_HCR_EL2.TALL1/TC, SCR_EL3.IRQ/FIQ, HCR_EL2.IMO for "
          "SGIs, ICC_SRE_ELx.Enable, EL0 and unimplemented registers",
          "[gic]") {
    Gic g(GicConfig{});
    CpuInterface& c = g.cpu(0);
    using Res = GicAccessResult;
    CHECK(c.checkAccess(R::ICC_IAR1_EL1, at(EL::EL0), false) == Res::undefined());
    CHECK(c.checkAccess(R::ICC_IAR1_EL1, nsEl1(), true) == Res::undefined());   // RO
    CHECK(c.checkAccess(R::ICC_EOIR1_EL1, nsEl1(), false) == Res::undefined()); // WO
    CHECK(c.checkAccess(R::ICH_HCR_EL2, nsEl1(), false) == Res::undefined());
    CHECK(c.checkAccess(R::ICC_AP1R1_EL1, nsEl1(), false) == Res::undefined());   // 5 bits: 1 reg
    CHECK(c.checkAccess(R::ICH_LR4_EL2, at(EL::EL2), false) == Res::undefined()); // 4 LRs
    CHECK(c.checkAccess(R::ICH_LR3_EL2, at(EL::EL2), false).isOk());
    // SCR_EL3.IRQ: Group 1 registers trap to EL3 from EL2 and from EL1 without IMO.
    CHECK(c.checkAccess(R::ICC_IAR1_EL1, at(EL::EL2, kScrNs | kScrIrq), false) ==
          Res::trap(EL::EL3));
    CHECK(c.checkAccess(R::ICC_IAR1_EL1, at(EL::EL1, kScrNs | kScrIrq), false) ==
          Res::trap(EL::EL3));
    CHECK(c.checkAccess(R::ICC_IAR1_EL1, at(EL::EL1, kScrNs | kScrIrq, kHcrImo), false).isOk());
    CHECK(c.checkAccess(R::ICC_IAR0_EL1, at(EL::EL2, kScrNs | kScrIrq), false).isOk());
    // Common registers need both IRQ and FIQ routed to EL3.
    CHECK(c.checkAccess(R::ICC_PMR_EL1, at(EL::EL2, kScrNs | kScrIrq), false).isOk());
    CHECK(c.checkAccess(R::ICC_PMR_EL1, at(EL::EL2, kScrNs | kScrIrq | kScrFiq), false) ==
          Res::trap(EL::EL3));
    // SGI registers at EL1 with IMO or FMO trap to EL2.
    CHECK(c.checkAccess(R::ICC_SGI1R_EL1, nsEl1(kHcrFmo), true) == Res::trap(EL::EL2));
    CHECK(c.checkAccess(R::ICC_SGI1R_EL1, nsEl1(), true).isOk());
    // With TGE = 1 (E2H = 0) IMO/FMO behave as 1; with E2H = 1 as 0.
    CHECK(CpuInterface::virtualView(R::ICC_IAR1_EL1, nsEl1(kHcrTge)));
    CHECK_FALSE(CpuInterface::virtualView(R::ICC_IAR1_EL1, nsEl1(kHcrTge | kHcrE2H)));
    // Not in Secure state (no Secure EL2).
    CHECK_FALSE(CpuInterface::virtualView(R::ICC_IAR1_EL1, at(EL::EL1, 0, kHcrImo)));
    // ICH_HCR_EL2 traps win over the EL3 ones, at Non-secure EL1 only.
    wr(g, 0, R::ICH_HCR_EL2, at(EL::EL2), (1U << 12) | (1U << 10)); // TALL1, TC
    CHECK(c.checkAccess(R::ICC_IAR1_EL1, at(EL::EL1, kScrNs | kScrIrq), false) ==
          Res::trap(EL::EL2));
    CHECK(c.checkAccess(R::ICC_PMR_EL1, nsEl1(kHcrImo), false) == Res::trap(EL::EL2));
    CHECK(c.checkAccess(R::ICC_DIR_EL1, nsEl1(), true) == Res::trap(EL::EL2));
    CHECK(c.checkAccess(R::ICC_IAR0_EL1, nsEl1(), false).isOk());
    CHECK(c.checkAccess(R::ICC_IAR1_EL1, at(EL::EL1, 0), false).isOk()); // Secure EL1
    // ICC_SRE_EL2.Enable = 0: EL1's ICC_SRE_EL1 traps to EL2; ICC_SRE_EL3.Enable = 0: to EL3.
    wr(g, 0, R::ICC_SRE_EL2, at(EL::EL2), 0x7);
    CHECK(rd(g, 0, R::ICC_SRE_EL2, at(EL::EL2)) == 0x7);
    CHECK(c.checkAccess(R::ICC_SRE_EL1, nsEl1(), false) == Res::trap(EL::EL2));
    CHECK(c.checkAccess(R::ICC_SRE_EL1, at(EL::EL1, 0), false).isOk()); // EL2 not enabled
    wr(g, 0, R::ICC_SRE_EL3, el3(), 0x7);
    CHECK(c.checkAccess(R::ICC_SRE_EL2, at(EL::EL2), false) == Res::trap(EL::EL3));
    CHECK(c.checkAccess(R::ICC_SRE_EL1, at(EL::EL1, 0), false) == Res::trap(EL::EL3));
}

TEST_CASE("IHI 0069 4.8.6: a Non-secure PMR access with SCR_EL3.FIQ = 1 sees the Non-secure view",
          "[gic]") {
    Gic g(GicConfig{});
    const GicAccessContext ns = at(EL::EL1, kScrNs | kScrFiq);
    wr(g, 0, R::ICC_PMR_EL1, el3(), 0xF8);
    wr(g, 0, R::ICC_PMR_EL1, ns, 0xF0); // Linux's GIC_PRIO_IRQON
    CHECK(rd(g, 0, R::ICC_PMR_EL1, el3()) == 0xF8);
    CHECK(rd(g, 0, R::ICC_PMR_EL1, ns) == 0xF0);
    wr(g, 0, R::ICC_PMR_EL1, el3(), 0x40); // a Secure-range mask: NS reads 0, cannot write
    CHECK(rd(g, 0, R::ICC_PMR_EL1, ns) == 0);
    wr(g, 0, R::ICC_PMR_EL1, ns, 0xF0);
    CHECK(rd(g, 0, R::ICC_PMR_EL1, el3()) == 0x40);
}

TEST_CASE("IHI 0069 12.9.4, 4.6.2: with one Security state (DS = 1) GICD_CTLR has the DS layout, "
          "IGRPMODR is RAZ/WI and Group 1 is always IRQ",
          "[gic]") {
    GicConfig cfg;
    cfg.security_extensions = false;
    Gic g(cfg);
    // QEMU's reset value without security (hw/intc/arm_gicv3_common.c): ARE | DS = 0x50.
    CHECK(rdD(g, GICD_CTLR) == 0x50);
    CHECK((rdD(g, GICD_TYPER) >> 10 & 1) == 0);        // SecurityExtn
    CHECK(rd(g, 0, R::ICC_CTLR_EL3, el3()) == 0x8C00); // nDS clear
    bringUp(g);
    CHECK(rdD(g, GICD_CTLR, false) == 0x53); // Non-secure accesses see the same register
    wrD(g, GICD_IGRPMODR + 4, ~0U);
    CHECK(rdD(g, GICD_IGRPMODR + 4) == 0);
    configure(g, 0, 47, 0x80);
    wrD(g, GICD_ISPENDR + 4, 1U << 15, /*secure=*/false); // NS may pend it: no Secure state
    g.cpu(0).setPeState(EL::EL3, true);
    CHECK(g.output(0, Line::Irq));
}

TEST_CASE("IHI 0069 12.2.1: ICC_ASGI1R_EL1 generates the Group 1 SGI of the other Security "
          "state",
          "[gic]") {
    Gic g(GicConfig{});
    bringUp(g);
    configure(g, 0, 6, 0x80);                                      // Group 1 Non-secure
    wr(g, 0, R::ICC_ASGI1R_EL1, at(EL::EL1, 0), (6ULL << 24) | 1); // from Secure EL1
    CHECK(g.irq(0, 6).pending());
    wrR(g, GICR_SGI + GICD_ICPENDR, 1U << 6);
    wr(g, 0, R::ICC_SGI1R_EL1, at(EL::EL1, 0), (6ULL << 24) | 1); // Secure SGI1R: G1S only
    CHECK_FALSE(g.irq(0, 6).pending());
}
