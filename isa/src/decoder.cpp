// The decoder: rows bucketed by insn[28:25] (the A64 top-level op0 field), first match wins.
#include "svesim/isa/bits.h"
#include "svesim/isa/insn_table.h"

#include <array>
#include <vector>

namespace svesim::isa {
namespace {

struct Tables {
    std::vector<const InsnDef*> all;
    std::array<std::vector<const InsnDef*>, 16> buckets;

    Tables() {
        for (auto group :
             {integerInsns(),     branchInsns(),      loadStoreInsns(),    sysMaintInsns(),
              systemInsns(),      fpSimdInsns(),      sveInsns(),          lseInsns(),
              crcInsns(),         simdStructInsns(),  sveMemoryInsns(),    simdIntSameInsns(),
              simdIntMiscInsns(), simdIntDiffInsns(), simdIntShiftInsns(), simdPermInsns(),
              simdIntElemInsns(), fpScalarInsns(),    fpConvertInsns(),    simdFpSameInsns(),
              simdFpMiscInsns(),  simdFpElemInsns(),  simdFpReduceInsns(), simdFpFixedInsns(),
              sveFpInsns(),       sveFpMiscInsns(),   sveFpTrigInsns(),    sveFpComplexInsns(),
              udfInsns()})
            for (const InsnDef& d : group)
                all.push_back(&d);
        for (const InsnDef* d : all)
            for (std::uint32_t op0 = 0; op0 < 16; ++op0) {
                const std::uint32_t m = (d->mask >> 25) & 0xF;
                if ((op0 & m) == ((d->value >> 25) & m)) buckets[op0].push_back(d);
            }
    }
};

const Tables& tables() {
    static const Tables t; // built once, immutable afterwards
    return t;
}

} // namespace

const InsnDef* decode(std::uint32_t insn) {
    for (const InsnDef* d : tables().buckets[bits(insn, 28, 25)])
        if ((insn & d->mask) == d->value && (d->valid == nullptr || d->valid(insn))) return d;
    return nullptr;
}

std::string disassemble(std::uint32_t insn, std::uint64_t pc) {
    const InsnDef* d = decode(insn);
    return d ? d->disasm(insn, pc) : std::string("<undefined>");
}

std::span<const InsnDef* const> allInsns() {
    return tables().all;
}

std::string_view name(TimingClass c) {
    // clang-format off
    static constexpr std::array<std::string_view, kTimingClassCount> kNames{
        "int_alu", "int_mul", "int_div", "branch", "load", "store", "fp_simd", "fp_div_sqrt",
        "sve_alu", "sve_fp_div_sqrt", "sve_int_div", "sve_pred", "sve_ldr_str_z", "sve_ldr_str_p",
        "sve_contig_ldst", "sve_first_fault", "sve_gather", "sve_scatter", "mrs", "msr",
        "barrier", "exception", "eret", "wfi"};
    // clang-format on
    return kNames[static_cast<std::size_t>(c)];
}

} // namespace svesim::isa
