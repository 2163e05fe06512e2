// Who may access a GIC system register: the trap rules of each register's accessibility
// pseudocode (IHI 0069 §12.2-12.7 "Accessibility"), by the trap class of the table.
#include "svesim/gic/cpu_interface.h"

namespace svesim::gic {
namespace {

constexpr std::uint64_t kScrIrq = 1U << 1, kScrFiq = 1U << 2;
constexpr std::uint64_t kIchTc = 1U << 10, kIchTall0 = 1U << 11, kIchTall1 = 1U << 12,
                        kIchTdir = 1U << 14;

// At Non-secure EL1 the ICH_HCR_EL2 trap bits apply whether or not the access is virtualised,
// and win over the EL3 traps (ICC_IAR1_EL1 pseudocode: the ICH_HCR_EL2 check comes first).
bool ichTrap(const GicAccessContext& ctx, std::uint64_t ich_hcr, std::uint64_t bits) {
    return ctx.el == EL::EL1 && ctx.el2Enabled() && (ich_hcr & bits) != 0;
}

// SCR_EL3.IRQ/FIQ route the interrupts to EL3, and then EL1 (unless virtualised) and EL2 may not
// touch the CPU interface state of that group.
GicAccessResult el3Trap(const GicAccessContext& ctx, bool scr_set, bool virtualised) {
    if (!ctx.have_el3 || !scr_set) return GicAccessResult::ok();
    if ((ctx.el == EL::EL1 && !virtualised) || ctx.el == EL::EL2)
        return GicAccessResult::trap(EL::EL3);
    return GicAccessResult::ok();
}

} // namespace

bool CpuInterface::virtualView(GicSysReg r, const GicAccessContext& ctx) {
    if (ctx.el != EL::EL1) return false;
    switch (gicSysRegInfo(r).trap) {
    case GicTrapClass::Group0: return ctx.fmo();
    case GicTrapClass::Group1: return ctx.imo();
    case GicTrapClass::Common:
    case GicTrapClass::Dir: return ctx.imo() || ctx.fmo();
    default: return false;
    }
}

GicAccessResult CpuInterface::checkAccess(GicSysReg r, const GicAccessContext& ctx,
                                          bool is_write) const {
    const GicSysRegInfo& info = gicSysRegInfo(r);
    if (toUnsigned(ctx.el) < toUnsigned(info.min_el)) return GicAccessResult::undefined();
    if ((info.rw == GicRw::ReadOnly && is_write) || (info.rw == GicRw::WriteOnly && !is_write))
        return GicAccessResult::undefined();
    if (info.min_el == EL::EL2 && !ctx.have_el2) return GicAccessResult::undefined();
    if (info.min_el == EL::EL3 && !ctx.have_el3) return GicAccessResult::undefined();
    // AP0R<n>/AP1R<n> exist for n < 2^(PREbits - 5) (§12.2.1); LR<n> for n < ListRegs + 1.
    const bool virt = virtualView(r, ctx);
    const std::string_view nm = info.name;
    if (nm.find("_AP") != std::string_view::npos) {
        const unsigned bits = (nm.starts_with("ICH_") || virt) ? vpribits_ : pribits_;
        if (info.index >= (1U << (bits - 5))) return GicAccessResult::undefined();
    }
    if (nm.starts_with("ICH_LR") && info.index >= lrs_) return GicAccessResult::undefined();

    const bool irq = (ctx.scr_el3 & kScrIrq) != 0, fiq = (ctx.scr_el3 & kScrFiq) != 0;
    switch (info.trap) {
    case GicTrapClass::Group0:
        if (ichTrap(ctx, ich_hcr_, kIchTall0)) return GicAccessResult::trap(EL::EL2);
        return el3Trap(ctx, fiq, virt);
    case GicTrapClass::Group1:
        if (ichTrap(ctx, ich_hcr_, kIchTall1)) return GicAccessResult::trap(EL::EL2);
        return el3Trap(ctx, irq, virt);
    case GicTrapClass::Dir:
        if (ichTrap(ctx, ich_hcr_, kIchTdir | kIchTc)) return GicAccessResult::trap(EL::EL2);
        return el3Trap(ctx, irq && fiq, virt);
    case GicTrapClass::Common:
        if (ichTrap(ctx, ich_hcr_, kIchTc)) return GicAccessResult::trap(EL::EL2);
        return el3Trap(ctx, irq && fiq, virt);
    case GicTrapClass::Sgi:
        // SGIs are not virtualised: a guest's SGI register writes trap to its hypervisor.
        if (ctx.el == EL::EL1 && (ctx.imo() || ctx.fmo())) return GicAccessResult::trap(EL::EL2);
        return el3Trap(ctx, irq && fiq, false);
    case GicTrapClass::SreEl1:
        if (ctx.el == EL::EL1 && ctx.el2Enabled() && !sre_el2_enable_)
            return GicAccessResult::trap(EL::EL2);
        if (ctx.el != EL::EL3 && ctx.have_el3 && !sre_el3_enable_)
            return GicAccessResult::trap(EL::EL3);
        return GicAccessResult::ok();
    case GicTrapClass::SreEl2:
        if (ctx.el == EL::EL2 && ctx.have_el3 && !sre_el3_enable_)
            return GicAccessResult::trap(EL::EL3);
        return GicAccessResult::ok();
    case GicTrapClass::Hyp:
    case GicTrapClass::El3: return GicAccessResult::ok();
    }
    return GicAccessResult::ok();
}

GicAccessResult CpuInterface::read(GicSysReg r, const GicAccessContext& ctx) {
    const GicAccessResult check = checkAccess(r, ctx, false);
    if (!check.isOk()) return check;
    if (virtualView(r, ctx)) return readIcv(r);
    if (gicSysRegInfo(r).name.starts_with("ICH_")) return readIch(r);
    return readIcc(r, ctx);
}

GicAccessResult CpuInterface::write(GicSysReg r, const GicAccessContext& ctx, std::uint64_t v) {
    const GicAccessResult check = checkAccess(r, ctx, true);
    if (!check.isOk()) return check;
    if (virtualView(r, ctx)) return writeIcv(r, v);
    if (gicSysRegInfo(r).name.starts_with("ICH_")) return writeIch(r, v);
    return writeIcc(r, ctx, v);
}

} // namespace svesim::gic
