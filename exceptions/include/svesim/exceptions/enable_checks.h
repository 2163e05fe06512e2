// The SVE and FP/AdvSIMD access checks an instruction performs before it executes
// (arch-rules §2.2-2.4; R8, R9, R10).
#pragma once

#include "svesim/arch/cpu_state.h"
#include "svesim/exceptions/exception_record.h"

#include <optional>

namespace svesim {

// SVEAccessTrap(target_el): EC 0x19, ISS 0; a target of EL1 goes to EL2 when EL2 is enabled
// and HCR_EL2.TGE == 1, still with EC 0x19. R10
ExceptionEntry SVEAccessTrap(const CpuState& s, EL target_el);
// AArch64.AdvSIMDFPAccessTrap(target_el): EC 0x07 with ISS 0x1E00000 (CV=1, COND=0b1110); a
// target of EL1 rerouted to EL2 by HCR_EL2.TGE reports EC 0x00 with ISS 0 (R_JNBTN). R10
ExceptionEntry AdvSIMDFPAccessTrap(const CpuState& s, EL target_el);

// CheckSVEEnabled: levels EL1 (CPACR_EL1), EL2 (CPTR_EL2), EL3 (CPTR_EL3) in that order; at
// each level the SVE control is checked before the FP control. R8
std::optional<ExceptionEntry> CheckSVEEnabled(const CpuState& s);
// CheckFPAdvSIMDEnabled (AArch64.CheckFPEnabled): the FP controls only, same order.
std::optional<ExceptionEntry> CheckFPAdvSIMDEnabled(const CpuState& s);
// The SVE controls only, as they gate ZCR_ELx accesses: the first level whose ZEN/TZ/EZ
// disables SVE at the current EL. Used by the MRS/MSR checks (arch-rules §2.5; R7).
std::optional<EL> FirstLevelDisablingSVE(const CpuState& s);

} // namespace svesim
