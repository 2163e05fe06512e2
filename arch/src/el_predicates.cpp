#include "svesim/arch/el_predicates.h"

namespace svesim {

bool HaveEL(const CpuState& s, EL el) {
    return s.features.haveEL(el);
}

bool IsSecureBelowEL3(const CpuState& s) {
    return HaveEL(s, EL::EL3) && !bitSet(s.scr(), scr::NS);
}

bool IsSecure(const CpuState& s) {
    return (HaveEL(s, EL::EL3) && s.pstate.el == EL::EL3) || IsSecureBelowEL3(s);
}

// R2: EL2 controls (ZCR_EL2, HCR_EL2, CPTR_EL2) apply to EL0/EL1 only when EL2 is enabled.
bool EL2Enabled(const CpuState& s) {
    return HaveEL(s, EL::EL2) && (!HaveEL(s, EL::EL3) || bitSet(s.scr(), scr::NS));
}

bool ELIsInHost(const CpuState& s, EL el) {
    const bool e2h = bitSet(s.hcr(), hcr::E2H);
    const bool tge = bitSet(s.hcr(), hcr::TGE);
    switch (el) {
    case EL::EL0: return EL2Enabled(s) && e2h && tge;
    case EL::EL2: return EL2Enabled(s) && e2h;
    case EL::EL1:
    case EL::EL3: return false;
    }
    return false;
}

// SAIL S1TranslationRegime (EL3 is AArch64: svesim has no AArch32).
EL S1TranslationRegime(const CpuState& s, EL el) {
    if (el != EL::EL0) return el;
    return ELIsInHost(s, EL::EL0) ? EL::EL2 : EL::EL1;
}

// SAIL SCTLR_read (SCTLR[] = SCTLR[S1TranslationRegime()]).
SysReg SCTLR(const CpuState& s, EL el) {
    switch (S1TranslationRegime(s, el)) {
    case EL::EL2: return SysReg::SCTLR_EL2;
    case EL::EL3: return SysReg::SCTLR_EL3;
    case EL::EL0:
    case EL::EL1: break;
    }
    return SysReg::SCTLR_EL1;
}

bool ELUsingAArch32(const CpuState& s, EL el) {
    const bool el3_says_32 = HaveEL(s, EL::EL3) && !bitSet(s.scr(), scr::RW);
    switch (el) {
    case EL::EL3: return false;
    case EL::EL2: return HaveEL(s, EL::EL2) && el3_says_32;
    case EL::EL1:
    case EL::EL0:
        if (ELIsInHost(s, EL::EL0) && el == EL::EL0) return false;
        if (EL2Enabled(s)) {
            // HCR_EL2.RW behaves as 1 when {E2H, TGE} == {1, 1}.
            const bool host = bitSet(s.hcr(), hcr::E2H) && bitSet(s.hcr(), hcr::TGE);
            return ELUsingAArch32(s, EL::EL2) || (!host && !bitSet(s.hcr(), hcr::RW));
        }
        return el3_says_32;
    }
    return false;
}

} // namespace svesim
