// The GIC system-register table (sysregs.h): each register's trap class and index here; its name,
// encoding, lowest EL and direction are those of its row in the PE's system-register table
// (arch/src/sysreg_rows/gic_rows.h; IHI 0069 §12.1.5), so the two cannot disagree. Names and
// encodings are checked against llvm-mc by tests/gic/check_sysreg_names.sh.
#include "svesim/gic/sysregs.h"

#include <array>

namespace svesim::gic {
namespace {

using R = SysReg;
using T = GicTrapClass;

struct Row {
    SysReg reg;
    GicTrapClass trap;
    unsigned index;
};

// clang-format off
constexpr std::array kRows{
    Row{R::ICC_PMR_EL1, T::Common, 0},
    Row{R::ICC_IAR0_EL1, T::Group0, 0},
    Row{R::ICC_EOIR0_EL1, T::Group0, 0},
    Row{R::ICC_HPPIR0_EL1, T::Group0, 0},
    Row{R::ICC_BPR0_EL1, T::Group0, 0},
    Row{R::ICC_AP0R0_EL1, T::Group0, 0},
    Row{R::ICC_AP0R1_EL1, T::Group0, 1},
    Row{R::ICC_AP0R2_EL1, T::Group0, 2},
    Row{R::ICC_AP0R3_EL1, T::Group0, 3},
    Row{R::ICC_AP1R0_EL1, T::Group1, 0},
    Row{R::ICC_AP1R1_EL1, T::Group1, 1},
    Row{R::ICC_AP1R2_EL1, T::Group1, 2},
    Row{R::ICC_AP1R3_EL1, T::Group1, 3},
    Row{R::ICC_DIR_EL1, T::Dir, 0},
    Row{R::ICC_RPR_EL1, T::Common, 0},
    Row{R::ICC_SGI1R_EL1, T::Sgi, 0},
    Row{R::ICC_ASGI1R_EL1, T::Sgi, 0},
    Row{R::ICC_SGI0R_EL1, T::Sgi, 0},
    Row{R::ICC_IAR1_EL1, T::Group1, 0},
    Row{R::ICC_EOIR1_EL1, T::Group1, 0},
    Row{R::ICC_HPPIR1_EL1, T::Group1, 0},
    Row{R::ICC_BPR1_EL1, T::Group1, 0},
    Row{R::ICC_CTLR_EL1, T::Common, 0},
    Row{R::ICC_SRE_EL1, T::SreEl1, 0},
    Row{R::ICC_IGRPEN0_EL1, T::Group0, 0},
    Row{R::ICC_IGRPEN1_EL1, T::Group1, 0},
    Row{R::ICC_SRE_EL2, T::SreEl2, 0},
    Row{R::ICC_CTLR_EL3, T::El3, 0},
    Row{R::ICC_SRE_EL3, T::El3, 0},
    Row{R::ICC_IGRPEN1_EL3, T::El3, 0},
    Row{R::ICH_AP0R0_EL2, T::Hyp, 0},
    Row{R::ICH_AP0R1_EL2, T::Hyp, 1},
    Row{R::ICH_AP0R2_EL2, T::Hyp, 2},
    Row{R::ICH_AP0R3_EL2, T::Hyp, 3},
    Row{R::ICH_AP1R0_EL2, T::Hyp, 0},
    Row{R::ICH_AP1R1_EL2, T::Hyp, 1},
    Row{R::ICH_AP1R2_EL2, T::Hyp, 2},
    Row{R::ICH_AP1R3_EL2, T::Hyp, 3},
    Row{R::ICH_HCR_EL2, T::Hyp, 0},
    Row{R::ICH_VTR_EL2, T::Hyp, 0},
    Row{R::ICH_MISR_EL2, T::Hyp, 0},
    Row{R::ICH_EISR_EL2, T::Hyp, 0},
    Row{R::ICH_ELRSR_EL2, T::Hyp, 0},
    Row{R::ICH_VMCR_EL2, T::Hyp, 0},
    Row{R::ICH_LR0_EL2, T::Hyp, 0},
    Row{R::ICH_LR1_EL2, T::Hyp, 1},
    Row{R::ICH_LR2_EL2, T::Hyp, 2},
    Row{R::ICH_LR3_EL2, T::Hyp, 3},
    Row{R::ICH_LR4_EL2, T::Hyp, 4},
    Row{R::ICH_LR5_EL2, T::Hyp, 5},
    Row{R::ICH_LR6_EL2, T::Hyp, 6},
    Row{R::ICH_LR7_EL2, T::Hyp, 7},
    Row{R::ICH_LR8_EL2, T::Hyp, 8},
    Row{R::ICH_LR9_EL2, T::Hyp, 9},
    Row{R::ICH_LR10_EL2, T::Hyp, 10},
    Row{R::ICH_LR11_EL2, T::Hyp, 11},
    Row{R::ICH_LR12_EL2, T::Hyp, 12},
    Row{R::ICH_LR13_EL2, T::Hyp, 13},
    Row{R::ICH_LR14_EL2, T::Hyp, 14},
    Row{R::ICH_LR15_EL2, T::Hyp, 15},
};
// clang-format on
static_assert(kRows.size() == kGicSysRegCount);

// Row number of every GIC register, by SysReg.
const std::array<std::optional<std::size_t>, kSysRegCount>& rowOf() {
    static const std::array<std::optional<std::size_t>, kSysRegCount> by_reg = [] {
        std::array<std::optional<std::size_t>, kSysRegCount> out{};
        for (std::size_t i = 0; i < kRows.size(); ++i)
            out[static_cast<std::size_t>(kRows[i].reg)] = i;
        return out;
    }();
    return by_reg;
}

const std::array<GicSysRegInfo, kGicSysRegCount>& table() {
    static const std::array<GicSysRegInfo, kGicSysRegCount> t = [] {
        std::array<GicSysRegInfo, kGicSysRegCount> out{};
        for (std::size_t i = 0; i < kRows.size(); ++i) {
            const Row& r = kRows[i];
            const SysRegInfo& pe = sysRegInfo(r.reg);
            const GicRw rw = pe.rw == SysRegRw::ReadOnly    ? GicRw::ReadOnly
                             : pe.rw == SysRegRw::WriteOnly ? GicRw::WriteOnly
                                                            : GicRw::ReadWrite;
            out[i] = GicSysRegInfo{r.reg, pe.name, pe.enc, pe.min_el, rw, r.trap, r.index};
        }
        return out;
    }();
    return t;
}

} // namespace

std::span<const GicSysRegInfo> gicSysRegTable() {
    return table();
}

// Only for GIC registers (std::bad_optional_access otherwise: a caller's bug).
const GicSysRegInfo& gicSysRegInfo(GicSysReg r) {
    return table()[rowOf()[static_cast<std::size_t>(r)].value()];
}

std::optional<GicSysReg> gicSysRegFor(SysReg r) {
    if (!rowOf()[static_cast<std::size_t>(r)]) return std::nullopt;
    return r;
}

std::optional<GicSysReg> gicSysRegByEncoding(GicSysRegEncoding enc) {
    const auto r = sysRegByEncoding(enc);
    return r ? gicSysRegFor(*r) : std::nullopt;
}

std::optional<GicSysReg> gicSysRegByName(std::string_view n) {
    const auto r = sysRegByName(n);
    return r ? gicSysRegFor(*r) : std::nullopt;
}

} // namespace svesim::gic
