// The distributor and redistributor frames. Expected values: IHI 0069 (sections cited) and
// QEMU 7.2's virt board (-M virt,gic-version=3,secure=on, read by tests/gic/programs).
#include "gic/gic_fixture.h"
#include "svesim/arch/config_error.h"

#include <catch2/catch.hpp>

using namespace svesim;
using namespace svesim::gic;
using namespace svesim::gic::test;

TEST_CASE("IHI 0069 12.9.38: GICD_TYPER has ITLinesNumber, SecurityExtn, A3V and No1N as QEMU virt",
          "[gic]") {
    Gic g(GicConfig{});
    const std::uint64_t t = rdD(g, GICD_TYPER);
    // QEMU: 0x037a0407 (its LPIs and 16 INTID bits aside).
    CHECK((t & 0x1F) == 7);            // 224 SPIs + 32 = 256 INTIDs
    CHECK((t >> 10 & 1) == 1);         // SecurityExtn
    CHECK((t >> 24 & 3) == 3);         // A3V, No1N
    CHECK((t >> 17 & 1) == 0);         // LPIS: none
    CHECK((t >> 19 & 0x1F) == 9);      // INTIDs below 1024
    CHECK(rdD(g, GICD_PIDR2) == 0x3B); // ArchRev 3 (QEMU: 0x3b)
}

TEST_CASE("IHI 0069 12.9.4: GICD_CTLR resets with ARE_S/ARE_NS set (RAO/WI) and has a Non-secure "
          "view",
          "[gic]") {
    Gic g(GicConfig{});
    CHECK(rdD(g, GICD_CTLR) == 0x30); // QEMU reset value
    wrD(g, GICD_CTLR, 0x7);
    CHECK(rdD(g, GICD_CTLR) == 0x37);
    // Non-secure view: EnableGrp1A at bit 1, ARE_NS at bit 4; Group 0 and 1S invisible.
    CHECK(rdD(g, GICD_CTLR, false) == 0x12);
    wrD(g, GICD_CTLR, 0, false); // NS clears only EnableGrp1NS
    CHECK(rdD(g, GICD_CTLR) == 0x35);
}

TEST_CASE("IHI 0069 4.4.5, 4.8.6: Non-secure accesses to Secure interrupts are RAZ/WI and see "
          "the Non-secure priority view",
          "[gic]") {
    Gic g(GicConfig{});
    // SPI 40 Secure Group 0, SPI 41 Non-secure Group 1.
    wrD(g, GICD_IGROUPR + 4, 1U << 9);
    CHECK(rdD(g, GICD_IGROUPR + 4, false) == 0); // IGROUPR is Secure-only
    wrD(g, GICD_ISENABLER + 4, 3U << 8, false);
    CHECK(rdD(g, GICD_ISENABLER + 4) == (1U << 9)); // SPI 40 untouched by NS
    // NS writes 0xA0 to a G1NS priority: stored as 0x80 | 0xA0 >> 1 = 0xD0, read back as 0xA0.
    wrD(g, GICD_IPRIORITYR + 41, 0xA0, false, 1);
    CHECK(rdD(g, GICD_IPRIORITYR + 41, true, 1) == 0xD0);
    CHECK(rdD(g, GICD_IPRIORITYR + 41, false, 1) == 0xA0);
    wrD(g, GICD_IPRIORITYR + 40, 0x10, false, 1);
    CHECK(rdD(g, GICD_IPRIORITYR + 40, true, 1) == 0);
}

TEST_CASE("IHI 0069 4.1.2: level-sensitive SPIs are pending while asserted, edge-triggered ones "
          "from the edge until acknowledged",
          "[gic]") {
    Gic g(GicConfig{});
    g.setSpi(50, true);
    CHECK(g.irq(0, 50).pending());
    g.setSpi(50, false);
    CHECK_FALSE(g.irq(0, 50).pending());
    wrD(g, GICD_ICFGR + 50 / 16 * 4, 2U << ((50 % 16) * 2)); // edge
    CHECK(rdD(g, GICD_ICFGR + 50 / 16 * 4) == 2U << ((50 % 16) * 2));
    g.setSpi(50, true);
    g.setSpi(50, false);
    CHECK(g.irq(0, 50).pending());
    CHECK((rdD(g, GICD_ISPENDR + 4) >> 18 & 1) == 1);
    wrD(g, GICD_ICPENDR + 4, 1U << 18);
    CHECK_FALSE(g.irq(0, 50).pending());
    // ISPENDR on a level interrupt latches until ICPENDR.
    g.setSpi(51, false);
    wrD(g, GICD_ISPENDR + 4, 1U << 19);
    CHECK(g.irq(0, 51).pending());
}

TEST_CASE("IHI 0069 12.9.22: GICD_IROUTER routes an SPI to the PE of that affinity; IRM is "
          "RAZ/WI (No1N)",
          "[gic]") {
    GicConfig cfg;
    cfg.cpus = 2;
    cfg.affinity = {0x000, 0x100}; // Aff1 = 1 for the second PE
    Gic g(cfg);
    wrD(g, GICD_IROUTER + 8 * 60, 0x100, true, 8);
    CHECK(g.spiTarget(60) == 1u);
    wrD(g, GICD_IROUTER + 8 * 60, 1U << 31, true, 8);
    CHECK(rdD(g, GICD_IROUTER + 8 * 60, true, 8) == 0);
    CHECK(g.spiTarget(60) == 0u);
    wrD(g, GICD_IROUTER + 8 * 60, 0x7, true, 8); // no PE has Aff0 = 7
    CHECK_FALSE(g.spiTarget(60).has_value());
}

TEST_CASE("IHI 0069 12.10.33/39, 12.11.7: GICR_TYPER, GICR_WAKER and GICR_ICFGR0 as QEMU virt",
          "[gic]") {
    GicConfig cfg;
    cfg.cpus = 2;
    Gic g(cfg);
    // QEMU (1 PE): GICR_TYPER 0x1000011 = Last | PLPIS | CommonLPIAff; no LPIs here.
    CHECK(rdR(g, GICR_TYPER, true, 8) == 0x0000'0000'0000'0000ULL);
    CHECK(rdR(g, Gic::kRedistributorStride + GICR_TYPER, true, 8) == 0x0000'0001'0000'0110ULL);
    CHECK(rdR(g, GICR_WAKER) == 0x6); // QEMU reset: ProcessorSleep | ChildrenAsleep
    wrR(g, GICR_WAKER, 0);
    CHECK(rdR(g, GICR_WAKER) == 0);
    CHECK(rdR(g, Gic::kRedistributorStride + GICR_WAKER) == 0x6);
    // WAKER is Secure-only with two Security states (QEMU: RAZ/WI for NS).
    CHECK(rdR(g, Gic::kRedistributorStride + GICR_WAKER, false) == 0);
    CHECK(rdR(g, GICR_SGI + GICD_ICFGR) == 0xAAAAAAAA); // SGIs edge (QEMU: 0xaaaaaaaa)
    wrR(g, GICR_SGI + GICD_ICFGR, 0);
    CHECK(rdR(g, GICR_SGI + GICD_ICFGR) == 0xAAAAAAAA);
    CHECK(rdR(g, GICR_SGI + GICD_ICFGR + 4) == 0); // PPIs level at reset
}

TEST_CASE("IHI 0069 11.1: a sleeping redistributor forwards nothing", "[gic]") {
    Gic g(GicConfig{});
    wrD(g, GICD_CTLR, 0x37);
    wr(g, 0, GicSysReg::ICC_PMR_EL1, el3(), 0xFF);
    wr(g, 0, GicSysReg::ICC_IGRPEN1_EL3, el3(), 3);
    g.cpu(0).setPeState(EL::EL1, false);
    configure(g, 0, 27, 0x80);
    g.setPpi(0, 27, true);
    CHECK_FALSE(g.output(0, Line::Irq));
    wrR(g, GICR_WAKER, 0);
    CHECK(g.output(0, Line::Irq));
}

TEST_CASE("GicConfig: configurations outside IHI 0069 are refused with one line", "[gic]") {
    auto refused = [](auto change) {
        GicConfig cfg;
        change(cfg);
        try {
            Gic g(cfg);
        } catch (const svesim::ConfigError& e) {
            return std::string(e.what());
        }
        return std::string();
    };
    CHECK(refused([](GicConfig& c) { c.spis = 40; }) ==
          "gic: 40 SPIs (a multiple of 32, at most 960)");
    CHECK(refused([](GicConfig& c) { c.spis = 992; }) != ""); // would reach INTID 1020
    CHECK(refused([](GicConfig& c) { c.spis = 960; }) == "");
    CHECK(refused([](GicConfig& c) { c.list_registers = 17; }) ==
          "gic: 17 list registers (1 to 16)");
    CHECK(refused([](GicConfig& c) { c.priority_bits = 4; }) == "gic: 4 priority bits (5 to 8)");
    CHECK(refused([](GicConfig& c) {
              c.cpus = 2;
              c.affinity = {0};
          }) == "gic: 1 affinities for 2 CPUs");
}
