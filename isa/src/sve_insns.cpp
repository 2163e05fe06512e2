// SVE instructions: the rows of every sve_*_insns.cpp file in one table. Groups:
// sve_ldst_insns.cpp (LDR/STR, LD1*/ST1*), sve_pred_insns.cpp (PTRUE .. FFR, compares, WHILE),
// sve_int_insns.cpp (vector arithmetic and logic, element counts, UADDV),
// sve_move_insns.cpp (DUP, CPY, INDEX, SEL, MOVPRFX).
#include "sve_common.h"

#include <vector>

namespace svesim::isa {

std::span<const InsnDef> sveInsns() {
    static const std::vector<InsnDef> rows = [] {
        std::vector<InsnDef> all;
        for (auto group : {sve::sveLoadStoreRows(), sve::svePredicateRows(), sve::sveIntegerRows(),
                           sve::sveMoveRows()})
            all.insert(all.end(), group.begin(), group.end());
        return all;
    }();
    return rows;
}

} // namespace svesim::isa
