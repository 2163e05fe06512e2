// SVE memory instructions beyond LDR/STR and contiguous LD1/ST1 (sve_ldst_insns.cpp): the rows
// of every isa/src/sve_mem_*.cpp file in one table.
#include "sve_common.h"

#include <vector>

namespace svesim::isa {

std::span<const InsnDef> sveMemoryInsns() {
    static const std::vector<InsnDef> rows;
    return rows;
}

} // namespace svesim::isa
