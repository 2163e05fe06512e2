// The decoder: rows bucketed by insn[28:25] (the A64 top-level op0 field), first match wins.
#include "svesim/arch/feature_table.h"
#include "svesim/isa/bits.h"
#include "svesim/isa/insn_table.h"

#include <algorithm>
#include <array>
#include <optional>
#include <stdexcept>
#include <vector>

namespace svesim::isa {
namespace {

// The instruction groups and the feature each belongs to (the Arm ARM's FEAT_ name; "" for the
// base A64 instruction set). A group's rows are decoded only while the feature table
// (svesim/arch/feature_table.h, issue 11 point 1: the feature set stated once) says its feature
// is implemented, so the decoder and the ID registers cannot disagree.
struct Group {
    std::span<const InsnDef> rows;
    std::string_view feature;
};

std::vector<Group> groups() {
    constexpr std::string_view kBase, kFP = "FEAT_FP", kSIMD = "FEAT_AdvSIMD", kSVE = "FEAT_SVE";
    // In the decoder's priority order: the first matching row wins.
    return {{integerInsns(), kBase},     {branchInsns(), kBase},       {loadStoreInsns(), kBase},
            {sysMaintInsns(), kBase},    {systemInsns(), kBase},       {fpSimdInsns(), kSIMD},
            {sveInsns(), kSVE},          {lseInsns(), "FEAT_LSE"},     {crcInsns(), "FEAT_CRC32"},
            {simdStructInsns(), kSIMD},  {sveMemoryInsns(), kSVE},     {simdIntSameInsns(), kSIMD},
            {simdIntMiscInsns(), kSIMD}, {simdIntDiffInsns(), kSIMD},  {simdIntShiftInsns(), kSIMD},
            {simdPermInsns(), kSIMD},    {simdIntElemInsns(), kSIMD},  {fpScalarInsns(), kFP},
            {fpConvertInsns(), kFP},     {simdFpSameInsns(), kSIMD},   {simdFpMiscInsns(), kSIMD},
            {simdFpElemInsns(), kSIMD},  {simdFpReduceInsns(), kSIMD}, {simdFpFixedInsns(), kSIMD},
            {sveFpInsns(), kSVE},        {sveFpMiscInsns(), kSVE},     {sveFpTrigInsns(), kSVE},
            {sveFpComplexInsns(), kSVE}, {udfInsns(), kBase}};
}

bool implemented(std::string_view feature) {
    if (feature.empty()) return true;
    const std::optional<FeatureInfo> f = featureByName(feature);
    if (!f)
        throw std::logic_error("decoder group names an unknown feature " + std::string(feature));
    return f->implemented;
}

struct Tables {
    std::vector<const InsnDef*> all;
    std::array<std::vector<const InsnDef*>, 16> buckets;
    std::vector<std::string_view> features;

    Tables() {
        for (const Group& g : groups()) {
            if (!implemented(g.feature)) continue;
            if (!g.feature.empty() &&
                std::find(features.begin(), features.end(), g.feature) == features.end())
                features.push_back(g.feature);
            for (const InsnDef& d : g.rows)
                all.push_back(&d);
        }
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

std::span<const std::string_view> decodedFeatures() {
    return tables().features;
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
