// SVE and FP/AdvSIMD enable controls: CPACR_EL1, CPTR_EL2 (both layouts) and CPTR_EL3
// (arch-rules §2.1, §2.6; ARM-M D24.2.36/38/39).
#pragma once

#include "svesim/arch/cpu_state.h"

namespace svesim {

enum class EnableKind : std::uint8_t { SVE, FP };

// Whether the control owned by `level` (EL1: CPACR_EL1, EL2: CPTR_EL2, EL3: CPTR_EL3) disables
// `kind` for code at `el`, including whether that control applies at `el` at all. This is the
// one place the ZEN/FPEN/TZ/TFP/EZ encodings are decoded; CheckSVEEnabled orders the levels.
bool ControlDisables(const CpuState& s, EL level, EnableKind kind, EL el);

// IsSVEEnabled(el): no level disables SVE at `el` (SVE bits only). §2.6
bool IsSVEEnabled(const CpuState& s, EL el);
// IsFPEnabled(el): no level disables FP/AdvSIMD at `el` (FP bits only). §2.6
bool IsFPEnabled(const CpuState& s, EL el);

} // namespace svesim
