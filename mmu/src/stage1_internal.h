// Internal: stage 1 walk and the stage 1 disabled translation.
#pragma once

#include "walk_internal.h"

namespace svesim::mmu::detail {

// Stage 1 walk of `va` (stage 2 translates walk addresses when s2 is non-null). Fills the stage 1
// fields of `out` (ipaBase is the block base at s1Shift).
Fault stage1Walk(const TranslationRegs& regs, const AccessDesc& acc, std::uint64_t va,
                 const Stage2Config* s2, WalkMemory& mem, Translation& out);
// AArch64.TranslateAddressS1Off: flat, default attributes (HCR_EL2.DC, SCTLR.I).
Fault stage1Off(const TranslationRegs& regs, const AccessDesc& acc, std::uint64_t va,
                Translation& out);

} // namespace svesim::mmu::detail
