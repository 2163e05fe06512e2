// PAR_EL1 after an AT instruction.
#pragma once

#include <cstdint>
#include <svesim/mmu/translate.h>

namespace svesim::mmu {

// PAR_EL1 for a translation result: F=0 with PA, NS, SH, ATTR on success; F=1 with FST, PTW, S on
// a fault. Bit 11 is RES1 in both formats (the 64-bit PAR format).
std::uint64_t parValue(const TranslationResult& r);

} // namespace svesim::mmu
