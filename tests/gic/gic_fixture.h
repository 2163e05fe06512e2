// Helpers for the GIC tests: contexts for the PE states the tests use, MMIO shorthands.
#pragma once

#include "svesim/gic/gic.h"

namespace svesim::gic::test {

// SCR_EL3 and HCR_EL2 bits the contexts set (ARM-M D13.2.48, D13.2.117).
inline constexpr std::uint64_t kScrNs = 1, kScrIrq = 2, kScrFiq = 4;
inline constexpr std::uint64_t kHcrFmo = 1U << 3, kHcrImo = 1U << 4, kHcrTge = 1U << 27,
                               kHcrE2H = 1ULL << 34;

inline GicAccessContext at(EL el, std::uint64_t scr = kScrNs, std::uint64_t hcr = 0) {
    GicAccessContext c;
    c.el = el;
    c.scr_el3 = scr;
    c.hcr_el2 = hcr;
    return c;
}
inline GicAccessContext nsEl1(std::uint64_t hcr = 0) {
    return at(EL::EL1, kScrNs, hcr);
}
inline GicAccessContext el3() {
    return at(EL::EL3, 0);
}

// GICD/GICR offsets (IHI 0069 §12.9, §12.10, §12.11).
inline constexpr std::uint64_t GICD_CTLR = 0x0, GICD_TYPER = 0x4, GICD_IGROUPR = 0x80,
                               GICD_ISENABLER = 0x100, GICD_ICENABLER = 0x180, GICD_ISPENDR = 0x200,
                               GICD_ICPENDR = 0x280, GICD_ISACTIVER = 0x300,
                               GICD_IPRIORITYR = 0x400, GICD_ICFGR = 0xC00, GICD_IGRPMODR = 0xD00,
                               GICD_IROUTER = 0x6000, GICD_PIDR2 = 0xFFE8;
inline constexpr std::uint64_t GICR_CTLR = 0x0, GICR_TYPER = 0x8, GICR_WAKER = 0x14,
                               GICR_SGI = 0x10000;

inline std::uint64_t rdD(Gic& g, std::uint64_t off, bool secure = true, unsigned size = 4) {
    std::uint64_t v = 0;
    g.distributorRead(off, size, secure, v);
    return v;
}
inline void wrD(Gic& g, std::uint64_t off, std::uint64_t v, bool secure = true, unsigned size = 4) {
    g.distributorWrite(off, size, secure, v);
}
inline std::uint64_t rdR(Gic& g, std::uint64_t off, bool secure = true, unsigned size = 4) {
    std::uint64_t v = 0;
    g.redistributorRead(off, size, secure, v);
    return v;
}
inline void wrR(Gic& g, std::uint64_t off, std::uint64_t v, bool secure = true, unsigned size = 4) {
    g.redistributorWrite(off, size, secure, v);
}

inline std::uint64_t rd(Gic& g, unsigned cpu, GicSysReg r, const GicAccessContext& c) {
    const GicAccessResult res = g.cpu(cpu).read(r, c);
    return res.isOk() ? res.value : ~std::uint64_t{0};
}
inline void wr(Gic& g, unsigned cpu, GicSysReg r, const GicAccessContext& c, std::uint64_t v) {
    g.cpu(cpu).write(r, c, v);
}

// The bring-up every GICv3 driver does (Linux's gic_dist_init/gic_cpu_sys_reg_init, Arm TF-A's
// gicv3_distif_init): affinity routing and every group enabled, redistributors awake; at the CPU
// interface of each PE a Non-secure priority mask of 0xF8 and Group 1 NS enabled.
inline void bringUp(Gic& g) {
    wrD(g, GICD_CTLR, 0x37); // EnableGrp0 | EnableGrp1NS | EnableGrp1S | ARE_S | ARE_NS
    for (unsigned c = 0; c < g.cpuCount(); ++c) {
        wrR(g, c * Gic::kRedistributorStride + GICR_WAKER, 0);
        wr(g, c, GicSysReg::ICC_PMR_EL1, el3(), 0xF8);
        wr(g, c, GicSysReg::ICC_IGRPEN1_EL3, el3(), 3);
        wr(g, c, GicSysReg::ICC_IGRPEN0_EL1, el3(), 1);
        g.cpu(c).setPeState(EL::EL1, false);
    }
}

// Makes SPI/PPI/SGI `id` Group 1 Non-secure, enabled, with `prio` (seen by a Secure access).
inline void configure(Gic& g, unsigned cpu, IntId id, std::uint8_t prio, bool g1ns = true) {
    const std::uint64_t word = (id / 32) * 4, bit = std::uint64_t{1} << (id % 32);
    if (id < 32) {
        const std::uint64_t base = cpu * Gic::kRedistributorStride + GICR_SGI;
        wrR(g, base + GICD_IGROUPR, (rdR(g, base + GICD_IGROUPR) & ~bit) | (g1ns ? bit : 0));
        wrR(g, base + GICD_IPRIORITYR + id, prio, true, 1);
        wrR(g, base + GICD_ISENABLER, bit);
    } else {
        wrD(g, GICD_IGROUPR + word, (rdD(g, GICD_IGROUPR + word) & ~bit) | (g1ns ? bit : 0));
        wrD(g, GICD_IPRIORITYR + id, prio, true, 1);
        wrD(g, GICD_IROUTER + 8 * id, g.affinity(cpu), true, 8);
        wrD(g, GICD_ISENABLER + word, bit);
    }
}

} // namespace svesim::gic::test
