#include "svesim/arch/enables.h"

#include "svesim/arch/el_predicates.h"

namespace svesim {
namespace {

// A two-bit ZEN/FPEN-style field: x0 disables EL0 and EL1 (or EL0..EL2 for CPTR_EL2),
// 01 disables only EL0 (for CPTR_EL2 only while HCR_EL2.TGE == 1), 11 disables nothing.
bool twoBitDisables(std::uint64_t f, EL el, bool el0_condition) {
    if ((f & 1U) == 0) return true;
    if (f == 0b01) return el == EL::EL0 && el0_condition;
    return false;
}

} // namespace

bool ControlDisables(const CpuState& s, EL level, EnableKind kind, EL el) {
    const bool sve = kind == EnableKind::SVE;
    switch (level) {
    case EL::EL1: {
        // CPACR_EL1 applies to EL0/EL1 outside a VHE host (E2H=TGE=1 makes EL0 a host EL0).
        if (!(el == EL::EL0 || el == EL::EL1) || ELIsInHost(s, el)) return false;
        const auto v = s.sysregs.raw(SysReg::CPACR_EL1);
        const auto f =
            sve ? field(v, cptr::ZEN_HI, cptr::ZEN_LO) : field(v, cptr::FPEN_HI, cptr::FPEN_LO);
        return twoBitDisables(f, el, true);
    }
    case EL::EL2: {
        if (el == EL::EL3 || !EL2Enabled(s)) return false;
        const auto v = s.sysregs.raw(SysReg::CPTR_EL2);
        // R9: the layout is chosen by HCR_EL2.E2H, not TGE.
        if (bitSet(s.hcr(), hcr::E2H)) {
            const auto f =
                sve ? field(v, cptr::ZEN_HI, cptr::ZEN_LO) : field(v, cptr::FPEN_HI, cptr::FPEN_LO);
            return twoBitDisables(f, el, bitSet(s.hcr(), hcr::TGE));
        }
        return bitSet(v, sve ? cptr::TZ : cptr::TFP);
    }
    case EL::EL3: {
        if (!HaveEL(s, EL::EL3)) return false;
        const auto v = s.sysregs.raw(SysReg::CPTR_EL3);
        return sve ? !bitSet(v, cptr::EZ) : bitSet(v, cptr::TFP);
    }
    case EL::EL0: return false; // EL0 owns no enable control
    }
    return false;
}

bool IsSVEEnabled(const CpuState& s, EL el) {
    for (EL level : {EL::EL1, EL::EL2, EL::EL3})
        if (ControlDisables(s, level, EnableKind::SVE, el)) return false;
    return true;
}

bool IsFPEnabled(const CpuState& s, EL el) {
    for (EL level : {EL::EL1, EL::EL2, EL::EL3})
        if (ControlDisables(s, level, EnableKind::FP, el)) return false;
    return true;
}

} // namespace svesim
