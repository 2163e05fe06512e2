// System-register rows: identification (values from the feature table, SysRegFile::reset) and
// cache identification (ARM-M D24.2; D17.2 for the ID register space).
#pragma once

#include "row_helpers.h"

namespace svesim::sysreg_rows {

// clang-format off
inline constexpr std::array kIdRows{
    // MIDR_EL1/MPIDR_EL1: at EL1 with EL2 enabled a read returns VPIDR_EL2/VMPIDR_EL2.
    idreg(R::MIDR_EL1, "MIDR_EL1", {3,0,0,0,0}, T::None),
    idreg(R::MPIDR_EL1, "MPIDR_EL1", {3,0,0,0,5}, T::None),
    idreg(R::REVIDR_EL1, "REVIDR_EL1", {3,0,0,0,6}, T::Tid1),
    idreg(R::AIDR_EL1, "AIDR_EL1", {3,1,0,0,7}, T::Tid1),
    idreg(R::ID_AA64PFR0_EL1, "ID_AA64PFR0_EL1", {3,0,0,4,0}, T::Tid3),
    idreg(R::ID_AA64PFR1_EL1, "ID_AA64PFR1_EL1", {3,0,0,4,1}, T::Tid3),
    // ID_AA64ZFR0_EL1 is zero; trapping it by TID3 is then IMPLEMENTATION DEFINED: svesim traps.
    idreg(R::ID_AA64ZFR0_EL1, "ID_AA64ZFR0_EL1", {3,0,0,4,4}, T::Tid3),
    idreg(R::ID_AA64DFR0_EL1, "ID_AA64DFR0_EL1", {3,0,0,5,0}, T::Tid3),
    idreg(R::ID_AA64DFR1_EL1, "ID_AA64DFR1_EL1", {3,0,0,5,1}, T::Tid3),
    idreg(R::ID_AA64AFR0_EL1, "ID_AA64AFR0_EL1", {3,0,0,5,4}, T::Tid3),
    idreg(R::ID_AA64AFR1_EL1, "ID_AA64AFR1_EL1", {3,0,0,5,5}, T::Tid3),
    idreg(R::ID_AA64ISAR0_EL1, "ID_AA64ISAR0_EL1", {3,0,0,6,0}, T::Tid3),
    idreg(R::ID_AA64ISAR1_EL1, "ID_AA64ISAR1_EL1", {3,0,0,6,1}, T::Tid3),
    idreg(R::ID_AA64MMFR0_EL1, "ID_AA64MMFR0_EL1", {3,0,0,7,0}, T::Tid3),
    idreg(R::ID_AA64MMFR1_EL1, "ID_AA64MMFR1_EL1", {3,0,0,7,1}, T::Tid3),
    idreg(R::ID_AA64MMFR2_EL1, "ID_AA64MMFR2_EL1", {3,0,0,7,2}, T::Tid3),
    // The AArch32 ID registers: AArch32 is implemented at no EL, so every field reads as its
    // "not implemented" value, 0 (the value KVM gives AArch64-only guests too).
    idreg(R::ID_PFR0_EL1, "ID_PFR0_EL1", {3,0,0,1,0}, T::Tid3),
    idreg(R::ID_PFR1_EL1, "ID_PFR1_EL1", {3,0,0,1,1}, T::Tid3),
    idreg(R::ID_DFR0_EL1, "ID_DFR0_EL1", {3,0,0,1,2}, T::Tid3),
    idreg(R::ID_AFR0_EL1, "ID_AFR0_EL1", {3,0,0,1,3}, T::Tid3),
    idreg(R::ID_MMFR0_EL1, "ID_MMFR0_EL1", {3,0,0,1,4}, T::Tid3),
    idreg(R::ID_MMFR1_EL1, "ID_MMFR1_EL1", {3,0,0,1,5}, T::Tid3),
    idreg(R::ID_MMFR2_EL1, "ID_MMFR2_EL1", {3,0,0,1,6}, T::Tid3),
    idreg(R::ID_MMFR3_EL1, "ID_MMFR3_EL1", {3,0,0,1,7}, T::Tid3),
    idreg(R::ID_ISAR0_EL1, "ID_ISAR0_EL1", {3,0,0,2,0}, T::Tid3),
    idreg(R::ID_ISAR1_EL1, "ID_ISAR1_EL1", {3,0,0,2,1}, T::Tid3),
    idreg(R::ID_ISAR2_EL1, "ID_ISAR2_EL1", {3,0,0,2,2}, T::Tid3),
    idreg(R::ID_ISAR3_EL1, "ID_ISAR3_EL1", {3,0,0,2,3}, T::Tid3),
    idreg(R::ID_ISAR4_EL1, "ID_ISAR4_EL1", {3,0,0,2,4}, T::Tid3),
    idreg(R::ID_ISAR5_EL1, "ID_ISAR5_EL1", {3,0,0,2,5}, T::Tid3),
    idreg(R::ID_MMFR4_EL1, "ID_MMFR4_EL1", {3,0,0,2,6}, T::Tid3),
    idreg(R::MVFR0_EL1, "MVFR0_EL1", {3,0,0,3,0}, T::Tid3),
    idreg(R::MVFR1_EL1, "MVFR1_EL1", {3,0,0,3,1}, T::Tid3),
    idreg(R::MVFR2_EL1, "MVFR2_EL1", {3,0,0,3,2}, T::Tid3),
    // Cache identification: L1 I and D 32 KiB (I: 2-way 256 sets ... as Cortex-A57), L2 unified;
    // 64-byte lines. CTR_EL0 at EL0 needs SCTLR[].UCT.
    reg(R::CTR_EL0, "CTR_EL0", {3,3,0,0,1}, EL::EL0, EL::EL0, RO, G::CtrEl0, kNone, 0, 0, false).trap(T::Tid2),
    reg(R::CLIDR_EL1, "CLIDR_EL1", {3,1,0,0,1}, EL::EL1, EL::EL0, RO, G::None, kNone, 0, 0, false).trap(T::Tid2),
    reg(R::CCSIDR_EL1, "CCSIDR_EL1", {3,1,0,0,0}, EL::EL1, EL::EL0, RO, G::None, kNone, 0, 0, false).trap(T::Tid2).computed(),
    // CSSELR_EL1: InD[0], Level[3:1].
    reg(R::CSSELR_EL1, "CSSELR_EL1", {3,2,0,0,0}, EL::EL1, EL::EL0, RW, G::None, ~0xFULL, 0, 0, true).trap(T::Tid2),
    // DCZID_EL0: BS = 4 (64-byte blocks); DZP computed from SCTLR[].DZE and HCR_EL2.TDZ.
    reg(R::DCZID_EL0, "DCZID_EL0", {3,3,0,0,7}, EL::EL0, EL::EL0, RO, G::None, kNone, 0, 0, false).computed(),
};
// clang-format on

} // namespace svesim::sysreg_rows
