// System-register rows: the GICv3 CPU interface (IHI 0069 §12.1: ICC_*, the ICH_*_EL2 registers
// of the virtualization interface; the ICV_* views share the ICC_*_EL1 encodings). Device rows:
// their values, and who may access them beyond the lowest EL and the direction (ICH_HCR_EL2
// TALL0/TALL1/TC/TDIR, HCR_EL2.IMO/FMO selecting the ICV_* view, SCR_EL3.IRQ/FIQ, the SRE
// Enable bits), belong to the platform's gic::CpuInterface (gate DeviceDecides); without a GIC
// the registers are UNDEFINED and ID_AA64PFR0_EL1.GIC reads 0. The GIC's own table
// (gic/src/sysreg_table.cpp) names each row by its SysReg; llvm-mc checks names and encodings.
#pragma once

#include "row_helpers.h"

namespace svesim::sysreg_rows {

constexpr SysRegInfo gic(R id, std::string_view nm, SysRegEncoding e, EL min, EL needs,
                         SysRegRw rw) {
    return reg(id, nm, e, min, needs, rw, G::DeviceDecides, kNone, 0, 0, false).device();
}

// clang-format off
inline constexpr std::array kGicRows{
    gic(R::ICC_PMR_EL1, "ICC_PMR_EL1", {3,0,4,6,0}, EL::EL1, EL::EL0, RW),
    gic(R::ICC_IAR0_EL1, "ICC_IAR0_EL1", {3,0,12,8,0}, EL::EL1, EL::EL0, RO),
    gic(R::ICC_EOIR0_EL1, "ICC_EOIR0_EL1", {3,0,12,8,1}, EL::EL1, EL::EL0, WO),
    gic(R::ICC_HPPIR0_EL1, "ICC_HPPIR0_EL1", {3,0,12,8,2}, EL::EL1, EL::EL0, RO),
    gic(R::ICC_BPR0_EL1, "ICC_BPR0_EL1", {3,0,12,8,3}, EL::EL1, EL::EL0, RW),
    gic(R::ICC_AP0R0_EL1, "ICC_AP0R0_EL1", {3,0,12,8,4}, EL::EL1, EL::EL0, RW),
    gic(R::ICC_AP0R1_EL1, "ICC_AP0R1_EL1", {3,0,12,8,5}, EL::EL1, EL::EL0, RW),
    gic(R::ICC_AP0R2_EL1, "ICC_AP0R2_EL1", {3,0,12,8,6}, EL::EL1, EL::EL0, RW),
    gic(R::ICC_AP0R3_EL1, "ICC_AP0R3_EL1", {3,0,12,8,7}, EL::EL1, EL::EL0, RW),
    gic(R::ICC_AP1R0_EL1, "ICC_AP1R0_EL1", {3,0,12,9,0}, EL::EL1, EL::EL0, RW),
    gic(R::ICC_AP1R1_EL1, "ICC_AP1R1_EL1", {3,0,12,9,1}, EL::EL1, EL::EL0, RW),
    gic(R::ICC_AP1R2_EL1, "ICC_AP1R2_EL1", {3,0,12,9,2}, EL::EL1, EL::EL0, RW),
    gic(R::ICC_AP1R3_EL1, "ICC_AP1R3_EL1", {3,0,12,9,3}, EL::EL1, EL::EL0, RW),
    gic(R::ICC_DIR_EL1, "ICC_DIR_EL1", {3,0,12,11,1}, EL::EL1, EL::EL0, WO),
    gic(R::ICC_RPR_EL1, "ICC_RPR_EL1", {3,0,12,11,3}, EL::EL1, EL::EL0, RO),
    gic(R::ICC_SGI1R_EL1, "ICC_SGI1R_EL1", {3,0,12,11,5}, EL::EL1, EL::EL0, WO),
    gic(R::ICC_ASGI1R_EL1, "ICC_ASGI1R_EL1", {3,0,12,11,6}, EL::EL1, EL::EL0, WO),
    gic(R::ICC_SGI0R_EL1, "ICC_SGI0R_EL1", {3,0,12,11,7}, EL::EL1, EL::EL0, WO),
    gic(R::ICC_IAR1_EL1, "ICC_IAR1_EL1", {3,0,12,12,0}, EL::EL1, EL::EL0, RO),
    gic(R::ICC_EOIR1_EL1, "ICC_EOIR1_EL1", {3,0,12,12,1}, EL::EL1, EL::EL0, WO),
    gic(R::ICC_HPPIR1_EL1, "ICC_HPPIR1_EL1", {3,0,12,12,2}, EL::EL1, EL::EL0, RO),
    gic(R::ICC_BPR1_EL1, "ICC_BPR1_EL1", {3,0,12,12,3}, EL::EL1, EL::EL0, RW),
    gic(R::ICC_CTLR_EL1, "ICC_CTLR_EL1", {3,0,12,12,4}, EL::EL1, EL::EL0, RW),
    gic(R::ICC_SRE_EL1, "ICC_SRE_EL1", {3,0,12,12,5}, EL::EL1, EL::EL0, RW),
    gic(R::ICC_IGRPEN0_EL1, "ICC_IGRPEN0_EL1", {3,0,12,12,6}, EL::EL1, EL::EL0, RW),
    gic(R::ICC_IGRPEN1_EL1, "ICC_IGRPEN1_EL1", {3,0,12,12,7}, EL::EL1, EL::EL0, RW),
    gic(R::ICC_SRE_EL2, "ICC_SRE_EL2", {3,4,12,9,5}, EL::EL2, EL::EL2, RW),
    gic(R::ICC_CTLR_EL3, "ICC_CTLR_EL3", {3,6,12,12,4}, EL::EL3, EL::EL3, RW),
    gic(R::ICC_SRE_EL3, "ICC_SRE_EL3", {3,6,12,12,5}, EL::EL3, EL::EL3, RW),
    gic(R::ICC_IGRPEN1_EL3, "ICC_IGRPEN1_EL3", {3,6,12,12,7}, EL::EL3, EL::EL3, RW),
    gic(R::ICH_AP0R0_EL2, "ICH_AP0R0_EL2", {3,4,12,8,0}, EL::EL2, EL::EL2, RW),
    gic(R::ICH_AP0R1_EL2, "ICH_AP0R1_EL2", {3,4,12,8,1}, EL::EL2, EL::EL2, RW),
    gic(R::ICH_AP0R2_EL2, "ICH_AP0R2_EL2", {3,4,12,8,2}, EL::EL2, EL::EL2, RW),
    gic(R::ICH_AP0R3_EL2, "ICH_AP0R3_EL2", {3,4,12,8,3}, EL::EL2, EL::EL2, RW),
    gic(R::ICH_AP1R0_EL2, "ICH_AP1R0_EL2", {3,4,12,9,0}, EL::EL2, EL::EL2, RW),
    gic(R::ICH_AP1R1_EL2, "ICH_AP1R1_EL2", {3,4,12,9,1}, EL::EL2, EL::EL2, RW),
    gic(R::ICH_AP1R2_EL2, "ICH_AP1R2_EL2", {3,4,12,9,2}, EL::EL2, EL::EL2, RW),
    gic(R::ICH_AP1R3_EL2, "ICH_AP1R3_EL2", {3,4,12,9,3}, EL::EL2, EL::EL2, RW),
    gic(R::ICH_HCR_EL2, "ICH_HCR_EL2", {3,4,12,11,0}, EL::EL2, EL::EL2, RW),
    gic(R::ICH_VTR_EL2, "ICH_VTR_EL2", {3,4,12,11,1}, EL::EL2, EL::EL2, RO),
    gic(R::ICH_MISR_EL2, "ICH_MISR_EL2", {3,4,12,11,2}, EL::EL2, EL::EL2, RO),
    gic(R::ICH_EISR_EL2, "ICH_EISR_EL2", {3,4,12,11,3}, EL::EL2, EL::EL2, RO),
    gic(R::ICH_ELRSR_EL2, "ICH_ELRSR_EL2", {3,4,12,11,5}, EL::EL2, EL::EL2, RO),
    gic(R::ICH_VMCR_EL2, "ICH_VMCR_EL2", {3,4,12,11,7}, EL::EL2, EL::EL2, RW),
    gic(R::ICH_LR0_EL2, "ICH_LR0_EL2", {3,4,12,12,0}, EL::EL2, EL::EL2, RW),
    gic(R::ICH_LR1_EL2, "ICH_LR1_EL2", {3,4,12,12,1}, EL::EL2, EL::EL2, RW),
    gic(R::ICH_LR2_EL2, "ICH_LR2_EL2", {3,4,12,12,2}, EL::EL2, EL::EL2, RW),
    gic(R::ICH_LR3_EL2, "ICH_LR3_EL2", {3,4,12,12,3}, EL::EL2, EL::EL2, RW),
    gic(R::ICH_LR4_EL2, "ICH_LR4_EL2", {3,4,12,12,4}, EL::EL2, EL::EL2, RW),
    gic(R::ICH_LR5_EL2, "ICH_LR5_EL2", {3,4,12,12,5}, EL::EL2, EL::EL2, RW),
    gic(R::ICH_LR6_EL2, "ICH_LR6_EL2", {3,4,12,12,6}, EL::EL2, EL::EL2, RW),
    gic(R::ICH_LR7_EL2, "ICH_LR7_EL2", {3,4,12,12,7}, EL::EL2, EL::EL2, RW),
    gic(R::ICH_LR8_EL2, "ICH_LR8_EL2", {3,4,12,13,0}, EL::EL2, EL::EL2, RW),
    gic(R::ICH_LR9_EL2, "ICH_LR9_EL2", {3,4,12,13,1}, EL::EL2, EL::EL2, RW),
    gic(R::ICH_LR10_EL2, "ICH_LR10_EL2", {3,4,12,13,2}, EL::EL2, EL::EL2, RW),
    gic(R::ICH_LR11_EL2, "ICH_LR11_EL2", {3,4,12,13,3}, EL::EL2, EL::EL2, RW),
    gic(R::ICH_LR12_EL2, "ICH_LR12_EL2", {3,4,12,13,4}, EL::EL2, EL::EL2, RW),
    gic(R::ICH_LR13_EL2, "ICH_LR13_EL2", {3,4,12,13,5}, EL::EL2, EL::EL2, RW),
    gic(R::ICH_LR14_EL2, "ICH_LR14_EL2", {3,4,12,13,6}, EL::EL2, EL::EL2, RW),
    gic(R::ICH_LR15_EL2, "ICH_LR15_EL2", {3,4,12,13,7}, EL::EL2, EL::EL2, RW),
};
// clang-format on

} // namespace svesim::sysreg_rows
