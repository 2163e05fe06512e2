// The virtualization interface: ICH_*_EL2, the ICV_* view, list registers, vIRQ/vFIQ and the
// maintenance interrupt. Expected values: IHI 0069 §4.9 and §12.4-12.7 (the register
// descriptions and the CanSignalVirtualInterrupt/VirtualAcknowledge pseudocode), and QEMU 7.2
// -cpu max's ICH_VTR_EL2/ICH_VMCR_EL2 (read by tests/gic/programs/gic_timer.S).
#include "gic/gic_fixture.h"

#include <catch2/catch.hpp>

using namespace svesim;
using namespace svesim::gic;
using namespace svesim::gic::test;
using R = GicSysReg;

namespace {

const GicAccessContext kEl2 = at(EL::EL2);
const GicAccessContext kGuest = nsEl1(kHcrImo | kHcrFmo);

// ICH_LR<n>_EL2 (IHI 0069 12.4.9).
constexpr std::uint64_t lr(std::uint64_t state, bool group1, std::uint8_t prio,
                           std::uint32_t vintid, bool hw = false, std::uint32_t pintid = 0,
                           bool eoi = false) {
    return (state << 62) | (std::uint64_t{hw} << 61) | (std::uint64_t{group1} << 60) |
           (std::uint64_t{prio} << 48) | (std::uint64_t{pintid} << 32) |
           (std::uint64_t{eoi} << 41) | vintid;
}
constexpr std::uint64_t kPending = 1, kActive = 2;

// A hypervisor's entry: virtual interface on, both virtual groups enabled, VPMR 0xF8.
void enterGuest(Gic& g) {
    wr(g, 0, R::ICH_HCR_EL2, kEl2, 1);
    wr(g, 0, R::ICH_VMCR_EL2, kEl2, (0xF8ULL << 24) | 3);
}

} // namespace

TEST_CASE("IHI 0069 12.4.10, 12.4.8: ICH_VTR_EL2 and the ICH_VMCR_EL2 reset value are QEMU "
          "-cpu max's",
          "[gic]") {
    Gic g(GicConfig{});
    CHECK(rd(g, 0, R::ICH_VTR_EL2, kEl2) == 0x90B80003); // 4 LRs, 5 PRE/PRI bits, TDS, nV4, A3V
    CHECK(rd(g, 0, R::ICH_VMCR_EL2, kEl2) == 0x4C0008);  // VFIQEn, VBPR1 3, VBPR0 2
    CHECK(rd(g, 0, R::ICH_ELRSR_EL2, kEl2) == 0xF);
    CHECK(rd(g, 0, R::ICC_CTLR_EL1, kGuest) == 0x8C00); // ICV_CTLR_EL1
    // Unimplemented priority bits of a list register are RES0.
    wr(g, 0, R::ICH_LR0_EL2, kEl2, lr(kPending, true, 0xFF, 40));
    CHECK(rd(g, 0, R::ICH_LR0_EL2, kEl2) == lr(kPending, true, 0xF8, 40));
}

TEST_CASE("IHI 0069 4.9, 12.7: a pending list register raises vIRQ; ICV_IAR1 activates it and "
          "ICV_EOIR1 deactivates it",
          "[gic]") {
    Gic g(GicConfig{});
    wr(g, 0, R::ICH_LR0_EL2, kEl2, lr(kPending, true, 0xA0, 40));
    CHECK_FALSE(g.output(0, Line::VIrq)); // ICH_HCR_EL2.En = 0
    enterGuest(g);
    CHECK(g.output(0, Line::VIrq));
    CHECK_FALSE(g.output(0, Line::VFiq));
    CHECK(rd(g, 0, R::ICC_HPPIR1_EL1, kGuest) == 40);
    CHECK(rd(g, 0, R::ICC_IAR0_EL1, kGuest) == kIntIdSpurious); // wrong group
    CHECK(rd(g, 0, R::ICC_IAR1_EL1, kGuest) == 40);
    CHECK(rd(g, 0, R::ICH_LR0_EL2, kEl2) == lr(kActive, true, 0xA0, 40));
    CHECK_FALSE(g.output(0, Line::VIrq));
    CHECK(rd(g, 0, R::ICC_RPR_EL1, kGuest) == 0xA0);
    CHECK(rd(g, 0, R::ICH_AP1R0_EL2, kEl2) == 1U << (0xA0 >> 3));
    CHECK(rd(g, 0, R::ICH_ELRSR_EL2, kEl2) == 0xE);
    wr(g, 0, R::ICC_EOIR1_EL1, kGuest, 40);
    CHECK(rd(g, 0, R::ICH_LR0_EL2, kEl2) == lr(0, true, 0xA0, 40));
    CHECK(rd(g, 0, R::ICC_RPR_EL1, kGuest) == 0xFF);
    CHECK(rd(g, 0, R::ICH_ELRSR_EL2, kEl2) == 0xF);
    // Group 0 list registers raise vFIQ.
    wr(g, 0, R::ICH_LR1_EL2, kEl2, lr(kPending, false, 0x10, 7));
    CHECK(g.output(0, Line::VFiq));
    CHECK(rd(g, 0, R::ICC_IAR0_EL1, kGuest) == 7);
}

TEST_CASE("IHI 0069 CanSignalVirtualInterrupt: VPMR masks, VENG gates, the virtual running "
          "priority blocks equal group priorities",
          "[gic]") {
    Gic g(GicConfig{});
    enterGuest(g);
    wr(g, 0, R::ICC_PMR_EL1, kGuest, 0x80); // ICV_PMR_EL1 -> ICH_VMCR_EL2.VPMR
    CHECK(rd(g, 0, R::ICH_VMCR_EL2, kEl2) >> 24 == 0x80);
    wr(g, 0, R::ICH_LR0_EL2, kEl2, lr(kPending, true, 0x90, 50));
    CHECK_FALSE(g.output(0, Line::VIrq));
    CHECK(rd(g, 0, R::ICC_IAR1_EL1, kGuest) == kIntIdSpurious);
    wr(g, 0, R::ICC_PMR_EL1, kGuest, 0xF8);
    CHECK(g.output(0, Line::VIrq));
    wr(g, 0, R::ICC_IGRPEN1_EL1, kGuest, 0); // ICV_IGRPEN1_EL1 -> VENG1
    CHECK_FALSE(g.output(0, Line::VIrq));
    CHECK(rd(g, 0, R::ICC_HPPIR1_EL1, kGuest) == kIntIdSpurious);
    wr(g, 0, R::ICC_IGRPEN1_EL1, kGuest, 1);
    CHECK(rd(g, 0, R::ICC_IAR1_EL1, kGuest) == 50);
    wr(g, 0, R::ICH_LR1_EL2, kEl2, lr(kPending, true, 0x90, 51)); // same priority: no preemption
    CHECK_FALSE(g.output(0, Line::VIrq));
    wr(g, 0, R::ICH_LR2_EL2, kEl2, lr(kPending, true, 0x40, 52));
    CHECK(g.output(0, Line::VIrq));
}

TEST_CASE("IHI 0069 12.4.9: a hardware list register's deactivation deactivates the physical "
          "interrupt",
          "[gic]") {
    Gic g(GicConfig{});
    bringUp(g);
    configure(g, 0, 27, 0x80);
    g.setPpi(0, 27, true);
    // The hypervisor takes the physical timer PPI and hands it to the guest.
    CHECK(rd(g, 0, R::ICC_IAR1_EL1, kEl2) == 27);
    wr(g, 0, R::ICC_CTLR_EL1, kEl2, 2); // EOImode = 1 (as KVM)
    wr(g, 0, R::ICC_EOIR1_EL1, kEl2, 27);
    CHECK(g.irq(0, 27).active);
    enterGuest(g);
    wr(g, 0, R::ICH_LR0_EL2, kEl2, lr(kPending, true, 0xA0, 27, true, 27));
    CHECK(rd(g, 0, R::ICC_IAR1_EL1, kGuest) == 27);
    wr(g, 0, R::ICC_EOIR1_EL1, kGuest, 27);
    CHECK_FALSE(g.irq(0, 27).active);
    // With VEOIM the guest's ICV_DIR_EL1 deactivates.
    wr(g, 0, R::ICC_CTLR_EL1, kGuest, 2);
    wr(g, 0, R::ICH_LR1_EL2, kEl2, lr(kPending, true, 0xA0, 33));
    CHECK(rd(g, 0, R::ICC_IAR1_EL1, kGuest) == 33);
    wr(g, 0, R::ICC_EOIR1_EL1, kGuest, 33);
    CHECK(rd(g, 0, R::ICH_LR1_EL2, kEl2) >> 62 == kActive);
    wr(g, 0, R::ICC_DIR_EL1, kGuest, 33);
    CHECK(rd(g, 0, R::ICH_LR1_EL2, kEl2) >> 62 == 0);
}

TEST_CASE("IHI 0069 4.9.4, 12.4.7: maintenance interrupt conditions (EOI, U, NP, LRENP, VGrp) "
          "drive PPI 25",
          "[gic]") {
    Gic g(GicConfig{});
    bringUp(g);
    configure(g, 0, kPpiMaintenance, 0x80);
    enterGuest(g);
    CHECK(rd(g, 0, R::ICH_MISR_EL2, kEl2) == 0);
    // EOI: a list register with EOI = 1 and HW = 0 deactivated by the guest.
    wr(g, 0, R::ICH_LR0_EL2, kEl2, lr(kPending, true, 0xA0, 40, false, 0, true));
    CHECK(rd(g, 0, R::ICC_IAR1_EL1, kGuest) == 40);
    wr(g, 0, R::ICC_EOIR1_EL1, kGuest, 40);
    CHECK(rd(g, 0, R::ICH_EISR_EL2, kEl2) == 1);
    CHECK(rd(g, 0, R::ICH_ELRSR_EL2, kEl2) == 0xE);
    CHECK(rd(g, 0, R::ICH_MISR_EL2, kEl2) == 1);
    CHECK(g.irq(0, kPpiMaintenance).pending());
    CHECK(g.output(0, Line::Irq));
    CHECK(rd(g, 0, R::ICC_IAR1_EL1, kEl2) == kPpiMaintenance);
    wr(g, 0, R::ICH_LR0_EL2, kEl2, 0);
    CHECK_FALSE(g.irq(0, kPpiMaintenance).pending());
    // U (at most one valid LR) and NP (no pending LR).
    wr(g, 0, R::ICH_HCR_EL2, kEl2, 1 | 2 | 8);
    CHECK(rd(g, 0, R::ICH_MISR_EL2, kEl2) == (2 | 8));
    // LRENP: an EOI with no matching list register counts in EOIcount.
    wr(g, 0, R::ICH_HCR_EL2, kEl2, 1 | 4);
    wr(g, 0, R::ICC_AP1R0_EL1, kGuest, 1U << 20);
    wr(g, 0, R::ICC_EOIR1_EL1, kGuest, 99);
    CHECK(rd(g, 0, R::ICH_HCR_EL2, kEl2) >> 27 == 1);
    CHECK(rd(g, 0, R::ICH_MISR_EL2, kEl2) == 4);
    // VGrp1D: Group 1 disabled by the guest.
    wr(g, 0, R::ICH_HCR_EL2, kEl2, 1 | 0x80);
    wr(g, 0, R::ICC_IGRPEN1_EL1, kGuest, 0);
    CHECK(rd(g, 0, R::ICH_MISR_EL2, kEl2) == 0x80);
    wr(g, 0, R::ICH_HCR_EL2, kEl2, 0x80); // En = 0: no maintenance interrupt
    CHECK_FALSE(g.cpu(0).maintenanceLevel());
}
