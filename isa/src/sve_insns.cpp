// SVE instructions: the rows of every sve_*_insns.cpp file in one table. Groups:
// sve_ldst_insns.cpp (LDR/STR, LD1*/ST1*), sve_pred_insns.cpp (PTRUE .. FFR, compares, WHILE),
// sve_int_insns.cpp (vector arithmetic and logic, element counts, UADDV),
// sve_move_insns.cpp (DUP, CPY, INDEX, SEL, MOVPRFX), sve_int_shift.cpp (shifts),
// sve_int_binary.cpp (min/max/abd/multiply/divide), sve_int_count.cpp (saturating and
// predicate-count INC/DEC, CNTP), sve_reduce.cpp (reductions), sve_perm_vec.cpp (vector
// permutes, LAST/CLAST), sve_pred_iter.cpp (PFIRST, PNEXT),
// sve_perm_pred.cpp (predicate permutes), sve_int_muladd.cpp (MLA..MSB, SDOT/UDOT),
// sve_int_unary.cpp (unary operations, REVB/REVH/REVW/RBIT), sve_int_adr.cpp (ADR),
// sve_perm_zip.cpp (ZIP/UZP/TRN, UNPK, DUP indexed), sve_pred_brk.cpp (BRK*, CTERM).
#include "sve_common.h"

#include <vector>

namespace svesim::isa {

std::span<const InsnDef> sveInsns() {
    static const std::vector<InsnDef> rows = [] {
        std::vector<InsnDef> all;
        for (auto group :
             {sve::sveLoadStoreRows(), sve::svePredicateRows(), sve::sveIntegerRows(),
              sve::sveMoveRows(), sve::sveShiftRows(), sve::sveIntBinaryRows(), sve::sveCountRows(),
              sve::sveReduceRows(), sve::svePermuteRows(), sve::svePredIterRows(),
              sve::svePredPermuteRows(), sve::sveMulAddRows(), sve::sveUnaryRows(),
              sve::sveAdrRows(), sve::svePermuteZipRows(), sve::svePredBreakRows()})
            all.insert(all.end(), group.begin(), group.end());
        return all;
    }();
    return rows;
}

} // namespace svesim::isa
