// SVE instructions (filled in by the SVE work).
#include "svesim/isa/insn_table.h"

namespace svesim::isa {

std::span<const InsnDef> sveInsns() {
    return {};
}

} // namespace svesim::isa
