// Exception-level predicates of the pseudocode (ARM-M J1; SAIL v8_base.sail), arch-rules §1.1.
#pragma once

#include "svesim/arch/cpu_state.h"

namespace svesim {

// HaveEL(el)
bool HaveEL(const CpuState& s, EL el);
// IsSecureBelowEL3(): EL3 implemented and SCR_EL3.NS == 0 (no FEAT_SEL2, no RME).
bool IsSecureBelowEL3(const CpuState& s);
// IsSecure(): the PE's current Security state (EL3 is Secure; below it SCR_EL3.NS decides).
bool IsSecure(const CpuState& s);
// EL2Enabled(): HaveEL(EL2) && (!HaveEL(EL3) || SCR_EL3.NS == 1 || IsSecureEL2Enabled()). R2
bool EL2Enabled(const CpuState& s);
// ELIsInHost(el): EL2 (E2H=1) or EL0 (E2H=1, TGE=1) of a VHE host; never EL1 or EL3.
bool ELIsInHost(const CpuState& s, EL el);
// S1TranslationRegime(el) (no AArch32 EL3): the regime whose controls govern code at `el`: EL2
// for EL0 of a VHE host (ELIsInHost), EL1 for any other EL0, the EL itself above EL0.
EL S1TranslationRegime(const CpuState& s, EL el);
// SCTLR[] of the pseudocode, SCTLR_ELx of S1TranslationRegime(el): the one SCTLR that governs
// code at `el` (for EL0: SCTLR_EL1, or SCTLR_EL2 in a VHE host).
SysReg SCTLR(const CpuState& s, EL el);
// ELUsingAArch32(el) from SCR_EL3.RW and HCR_EL2.RW (svesim executes AArch64 only; a lower EL
// that these bits make AArch32 cannot be entered, and an ERET to it is illegal).
bool ELUsingAArch32(const CpuState& s, EL el);

} // namespace svesim
