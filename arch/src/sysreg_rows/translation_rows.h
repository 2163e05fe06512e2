// System-register rows: Translation (mmuwire) — the registers of the translation regimes
// (TTBR/TCR/MAIR/AMAIR of EL1, EL2 and EL3), PAR_EL1 for AT, HPFAR_EL2 for stage 2 faults, and
// their FEAT_VHE aliases (ARM-M D24.2; encodings checked against llvm-mc in
// tests/arch/test_sysreg_table.cpp).
#pragma once

#include "row_helpers.h"

namespace svesim::sysreg_rows {

// TTBRn: ASID[63:48], BADDR[47:1]; CnP (bit 0) RES0 without FEAT_TTCNP.
inline constexpr std::uint64_t kTtbrRes0 = 1;
// TCR_EL1 (and TCR_EL2 with E2H=1): the ARMv8.2 fields with HPD0/1 and the SVE NFD0/1; HA/HD
// (no FEAT_HAFDBS), HWU, TBID RES0. TCR_EL2 keeps the EL1 layout's bits for both E2H values
// (the E2H=0 layout's fields are a subset; its RES1 bits 23 and 31 are not added on read).
inline constexpr std::uint64_t kTcr1Res0 = 0xFF9F'F988'0000'0040ULL;
// TCR_EL3 (the TCR_EL2 E2H=0 layout): T0SZ, IRGN0, ORGN0, SH0, TG0, PS, TBI, HPD; RES1 31, 23.
inline constexpr std::uint64_t kTcr3Res1 = 0x8080'0000ULL;
inline constexpr std::uint64_t kTcr3Res0 = 0xFFFF'FFFF'7E68'00C0ULL;
// HPFAR_EL2: FIPA[39:4] (48-bit PA).
inline constexpr std::uint64_t kHpfarRes0 = ~0xFF'FFFF'FFF0ULL;

// clang-format off
inline constexpr std::array kTranslationRows{
    // HCR_EL2.TVM/TRVM trap the EL1 names at EL1 (with SCTLR_EL1 and CONTEXTIDR_EL1).
    reg(R::TTBR0_EL1, "TTBR0_EL1", {3,0,2,0,0}, EL::EL1, EL::EL0, RW, G::None, kTtbrRes0, 0, 0, true, R::TTBR0_EL2).trap(T::Tvm),
    reg(R::TTBR1_EL1, "TTBR1_EL1", {3,0,2,0,1}, EL::EL1, EL::EL0, RW, G::None, kTtbrRes0, 0, 0, true, R::TTBR1_EL2).trap(T::Tvm),
    reg(R::TCR_EL1, "TCR_EL1", {3,0,2,0,2}, EL::EL1, EL::EL0, RW, G::None, kTcr1Res0, 0, 0, true, R::TCR_EL2).trap(T::Tvm),
    reg(R::MAIR_EL1, "MAIR_EL1", {3,0,10,2,0}, EL::EL1, EL::EL0, RW, G::None, kNone, 0, 0, true, R::MAIR_EL2).trap(T::Tvm),
    // AMAIR_ELx: no IMPLEMENTATION DEFINED attributes, RAZ/WI (as QEMU).
    impdefZero(R::AMAIR_EL1, "AMAIR_EL1", {3,0,10,3,0}, EL::EL1, EL::EL0, R::AMAIR_EL2).trap(T::Tvm),
    reg(R::PAR_EL1, "PAR_EL1", {3,0,7,4,0}, EL::EL1, EL::EL0, RW, G::None, kNone, 0, 0, true),
    reg(R::TTBR0_EL2, "TTBR0_EL2", {3,4,2,0,0}, EL::EL2, EL::EL2, RW, G::None, kTtbrRes0, 0, 0, true),
    reg(R::TTBR1_EL2, "TTBR1_EL2", {3,4,2,0,1}, EL::EL2, EL::EL2, RW, G::None, kTtbrRes0, 0, 0, true),
    reg(R::TCR_EL2, "TCR_EL2", {3,4,2,0,2}, EL::EL2, EL::EL2, RW, G::None, kTcr1Res0, 0, 0, true),
    reg(R::MAIR_EL2, "MAIR_EL2", {3,4,10,2,0}, EL::EL2, EL::EL2, RW, G::None, kNone, 0, 0, true),
    impdefZero(R::AMAIR_EL2, "AMAIR_EL2", {3,4,10,3,0}, EL::EL2, EL::EL2),
    reg(R::HPFAR_EL2, "HPFAR_EL2", {3,4,6,0,4}, EL::EL2, EL::EL2, RW, G::None, kHpfarRes0, 0, 0, true),
    reg(R::TTBR0_EL3, "TTBR0_EL3", {3,6,2,0,0}, EL::EL3, EL::EL3, RW, G::None, kTtbrRes0, 0, 0, true),
    reg(R::TCR_EL3, "TCR_EL3", {3,6,2,0,2}, EL::EL3, EL::EL3, RW, G::None, kTcr3Res0, kTcr3Res1, kTcr3Res1, true),
    reg(R::MAIR_EL3, "MAIR_EL3", {3,6,10,2,0}, EL::EL3, EL::EL3, RW, G::None, kNone, 0, 0, true),
    impdefZero(R::AMAIR_EL3, "AMAIR_EL3", {3,6,10,3,0}, EL::EL3, EL::EL3),
    alias12(R::TTBR0_EL12, "TTBR0_EL12", {3,5,2,0,0}, R::TTBR0_EL1),
    alias12(R::TTBR1_EL12, "TTBR1_EL12", {3,5,2,0,1}, R::TTBR1_EL1),
    alias12(R::TCR_EL12, "TCR_EL12", {3,5,2,0,2}, R::TCR_EL1),
    alias12(R::MAIR_EL12, "MAIR_EL12", {3,5,10,2,0}, R::MAIR_EL1),
    alias12(R::AMAIR_EL12, "AMAIR_EL12", {3,5,10,3,0}, R::AMAIR_EL1),
};
// clang-format on

} // namespace svesim::sysreg_rows
