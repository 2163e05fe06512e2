// SVE memory instructions beyond LDR/STR and contiguous LD1/ST1 (sve_ldst_insns.cpp), in one
// table: sve_mem_contig.cpp (LD1R, LD1RQ, LDNT1/STNT1, LD2-4/ST2-4, LDFF1, LDNF1),
// sve_mem_gather.cpp (gathers, first-fault gathers, scatters), sve_mem_prefetch.cpp (PRF*).
#include "sve_mem_common.h"

#include <vector>

namespace svesim::isa {

std::span<const InsnDef> sveMemoryInsns() {
    static const std::vector<InsnDef> rows = [] {
        std::vector<InsnDef> all;
        for (auto group :
             {sve::sveContiguousMemRows(), sve::sveGatherScatterRows(), sve::svePrefetchRows()})
            all.insert(all.end(), group.begin(), group.end());
        return all;
    }();
    return rows;
}

} // namespace svesim::isa
