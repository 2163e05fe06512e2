// A64 SIMD&FP data processing (filled in by the FP/AdvSIMD work).
#include "svesim/isa/insn_table.h"

namespace svesim::isa {

std::span<const InsnDef> fpSimdInsns() {
    return {};
}

} // namespace svesim::isa
