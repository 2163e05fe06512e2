// The GIC system-register table (sysregs.h). Encodings: IHI 0069 §12.1.5 and each register's
// description; checked against llvm-mc by tests/gic/check_sysreg_names.sh.
#include "svesim/gic/sysregs.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace svesim::gic {
namespace {

using R = GicSysReg;
using T = GicTrapClass;
constexpr GicRw RW = GicRw::ReadWrite, RO = GicRw::ReadOnly, WO = GicRw::WriteOnly;

// clang-format off
constexpr std::array<GicSysRegInfo, kGicSysRegCount> kTable{{
    {R::ICC_PMR_EL1, "ICC_PMR_EL1", {3,0,4,6,0}, EL::EL1, RW, T::Common, 0},
    {R::ICC_IAR0_EL1, "ICC_IAR0_EL1", {3,0,12,8,0}, EL::EL1, RO, T::Group0, 0},
    {R::ICC_EOIR0_EL1, "ICC_EOIR0_EL1", {3,0,12,8,1}, EL::EL1, WO, T::Group0, 0},
    {R::ICC_HPPIR0_EL1, "ICC_HPPIR0_EL1", {3,0,12,8,2}, EL::EL1, RO, T::Group0, 0},
    {R::ICC_BPR0_EL1, "ICC_BPR0_EL1", {3,0,12,8,3}, EL::EL1, RW, T::Group0, 0},
    {R::ICC_AP0R0_EL1, "ICC_AP0R0_EL1", {3,0,12,8,4}, EL::EL1, RW, T::Group0, 0},
    {R::ICC_AP0R1_EL1, "ICC_AP0R1_EL1", {3,0,12,8,5}, EL::EL1, RW, T::Group0, 1},
    {R::ICC_AP0R2_EL1, "ICC_AP0R2_EL1", {3,0,12,8,6}, EL::EL1, RW, T::Group0, 2},
    {R::ICC_AP0R3_EL1, "ICC_AP0R3_EL1", {3,0,12,8,7}, EL::EL1, RW, T::Group0, 3},
    {R::ICC_AP1R0_EL1, "ICC_AP1R0_EL1", {3,0,12,9,0}, EL::EL1, RW, T::Group1, 0},
    {R::ICC_AP1R1_EL1, "ICC_AP1R1_EL1", {3,0,12,9,1}, EL::EL1, RW, T::Group1, 1},
    {R::ICC_AP1R2_EL1, "ICC_AP1R2_EL1", {3,0,12,9,2}, EL::EL1, RW, T::Group1, 2},
    {R::ICC_AP1R3_EL1, "ICC_AP1R3_EL1", {3,0,12,9,3}, EL::EL1, RW, T::Group1, 3},
    {R::ICC_DIR_EL1, "ICC_DIR_EL1", {3,0,12,11,1}, EL::EL1, WO, T::Dir, 0},
    {R::ICC_RPR_EL1, "ICC_RPR_EL1", {3,0,12,11,3}, EL::EL1, RO, T::Common, 0},
    {R::ICC_SGI1R_EL1, "ICC_SGI1R_EL1", {3,0,12,11,5}, EL::EL1, WO, T::Sgi, 0},
    {R::ICC_ASGI1R_EL1, "ICC_ASGI1R_EL1", {3,0,12,11,6}, EL::EL1, WO, T::Sgi, 0},
    {R::ICC_SGI0R_EL1, "ICC_SGI0R_EL1", {3,0,12,11,7}, EL::EL1, WO, T::Sgi, 0},
    {R::ICC_IAR1_EL1, "ICC_IAR1_EL1", {3,0,12,12,0}, EL::EL1, RO, T::Group1, 0},
    {R::ICC_EOIR1_EL1, "ICC_EOIR1_EL1", {3,0,12,12,1}, EL::EL1, WO, T::Group1, 0},
    {R::ICC_HPPIR1_EL1, "ICC_HPPIR1_EL1", {3,0,12,12,2}, EL::EL1, RO, T::Group1, 0},
    {R::ICC_BPR1_EL1, "ICC_BPR1_EL1", {3,0,12,12,3}, EL::EL1, RW, T::Group1, 0},
    {R::ICC_CTLR_EL1, "ICC_CTLR_EL1", {3,0,12,12,4}, EL::EL1, RW, T::Common, 0},
    {R::ICC_SRE_EL1, "ICC_SRE_EL1", {3,0,12,12,5}, EL::EL1, RW, T::SreEl1, 0},
    {R::ICC_IGRPEN0_EL1, "ICC_IGRPEN0_EL1", {3,0,12,12,6}, EL::EL1, RW, T::Group0, 0},
    {R::ICC_IGRPEN1_EL1, "ICC_IGRPEN1_EL1", {3,0,12,12,7}, EL::EL1, RW, T::Group1, 0},
    {R::ICC_SRE_EL2, "ICC_SRE_EL2", {3,4,12,9,5}, EL::EL2, RW, T::SreEl2, 0},
    {R::ICC_CTLR_EL3, "ICC_CTLR_EL3", {3,6,12,12,4}, EL::EL3, RW, T::El3, 0},
    {R::ICC_SRE_EL3, "ICC_SRE_EL3", {3,6,12,12,5}, EL::EL3, RW, T::El3, 0},
    {R::ICC_IGRPEN1_EL3, "ICC_IGRPEN1_EL3", {3,6,12,12,7}, EL::EL3, RW, T::El3, 0},
    {R::ICH_AP0R0_EL2, "ICH_AP0R0_EL2", {3,4,12,8,0}, EL::EL2, RW, T::Hyp, 0},
    {R::ICH_AP0R1_EL2, "ICH_AP0R1_EL2", {3,4,12,8,1}, EL::EL2, RW, T::Hyp, 1},
    {R::ICH_AP0R2_EL2, "ICH_AP0R2_EL2", {3,4,12,8,2}, EL::EL2, RW, T::Hyp, 2},
    {R::ICH_AP0R3_EL2, "ICH_AP0R3_EL2", {3,4,12,8,3}, EL::EL2, RW, T::Hyp, 3},
    {R::ICH_AP1R0_EL2, "ICH_AP1R0_EL2", {3,4,12,9,0}, EL::EL2, RW, T::Hyp, 0},
    {R::ICH_AP1R1_EL2, "ICH_AP1R1_EL2", {3,4,12,9,1}, EL::EL2, RW, T::Hyp, 1},
    {R::ICH_AP1R2_EL2, "ICH_AP1R2_EL2", {3,4,12,9,2}, EL::EL2, RW, T::Hyp, 2},
    {R::ICH_AP1R3_EL2, "ICH_AP1R3_EL2", {3,4,12,9,3}, EL::EL2, RW, T::Hyp, 3},
    {R::ICH_HCR_EL2, "ICH_HCR_EL2", {3,4,12,11,0}, EL::EL2, RW, T::Hyp, 0},
    {R::ICH_VTR_EL2, "ICH_VTR_EL2", {3,4,12,11,1}, EL::EL2, RO, T::Hyp, 0},
    {R::ICH_MISR_EL2, "ICH_MISR_EL2", {3,4,12,11,2}, EL::EL2, RO, T::Hyp, 0},
    {R::ICH_EISR_EL2, "ICH_EISR_EL2", {3,4,12,11,3}, EL::EL2, RO, T::Hyp, 0},
    {R::ICH_ELRSR_EL2, "ICH_ELRSR_EL2", {3,4,12,11,5}, EL::EL2, RO, T::Hyp, 0},
    {R::ICH_VMCR_EL2, "ICH_VMCR_EL2", {3,4,12,11,7}, EL::EL2, RW, T::Hyp, 0},
    {R::ICH_LR0_EL2, "ICH_LR0_EL2", {3,4,12,12,0}, EL::EL2, RW, T::Hyp, 0},
    {R::ICH_LR1_EL2, "ICH_LR1_EL2", {3,4,12,12,1}, EL::EL2, RW, T::Hyp, 1},
    {R::ICH_LR2_EL2, "ICH_LR2_EL2", {3,4,12,12,2}, EL::EL2, RW, T::Hyp, 2},
    {R::ICH_LR3_EL2, "ICH_LR3_EL2", {3,4,12,12,3}, EL::EL2, RW, T::Hyp, 3},
    {R::ICH_LR4_EL2, "ICH_LR4_EL2", {3,4,12,12,4}, EL::EL2, RW, T::Hyp, 4},
    {R::ICH_LR5_EL2, "ICH_LR5_EL2", {3,4,12,12,5}, EL::EL2, RW, T::Hyp, 5},
    {R::ICH_LR6_EL2, "ICH_LR6_EL2", {3,4,12,12,6}, EL::EL2, RW, T::Hyp, 6},
    {R::ICH_LR7_EL2, "ICH_LR7_EL2", {3,4,12,12,7}, EL::EL2, RW, T::Hyp, 7},
    {R::ICH_LR8_EL2, "ICH_LR8_EL2", {3,4,12,13,0}, EL::EL2, RW, T::Hyp, 8},
    {R::ICH_LR9_EL2, "ICH_LR9_EL2", {3,4,12,13,1}, EL::EL2, RW, T::Hyp, 9},
    {R::ICH_LR10_EL2, "ICH_LR10_EL2", {3,4,12,13,2}, EL::EL2, RW, T::Hyp, 10},
    {R::ICH_LR11_EL2, "ICH_LR11_EL2", {3,4,12,13,3}, EL::EL2, RW, T::Hyp, 11},
    {R::ICH_LR12_EL2, "ICH_LR12_EL2", {3,4,12,13,4}, EL::EL2, RW, T::Hyp, 12},
    {R::ICH_LR13_EL2, "ICH_LR13_EL2", {3,4,12,13,5}, EL::EL2, RW, T::Hyp, 13},
    {R::ICH_LR14_EL2, "ICH_LR14_EL2", {3,4,12,13,6}, EL::EL2, RW, T::Hyp, 14},
    {R::ICH_LR15_EL2, "ICH_LR15_EL2", {3,4,12,13,7}, EL::EL2, RW, T::Hyp, 15},
}};
// clang-format on

constexpr bool inEnumOrder() {
    for (std::size_t i = 0; i < kTable.size(); ++i)
        if (static_cast<std::size_t>(kTable[i].id) != i) return false;
    return true;
}
static_assert(inEnumOrder(), "kTable must list the registers in GicSysReg order");

bool equalNoCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::toupper(static_cast<unsigned char>(x)) ==
                      std::toupper(static_cast<unsigned char>(y));
           });
}

} // namespace

std::span<const GicSysRegInfo> gicSysRegTable() {
    return kTable;
}

const GicSysRegInfo& gicSysRegInfo(GicSysReg r) {
    return kTable[static_cast<std::size_t>(r)];
}

std::optional<GicSysReg> gicSysRegByEncoding(GicSysRegEncoding enc) {
    for (const GicSysRegInfo& i : kTable)
        if (i.enc == enc) return i.id;
    return std::nullopt;
}

std::optional<GicSysReg> gicSysRegByName(std::string_view n) {
    for (const GicSysRegInfo& i : kTable)
        if (equalNoCase(i.name, n)) return i.id;
    return std::nullopt;
}

} // namespace svesim::gic
