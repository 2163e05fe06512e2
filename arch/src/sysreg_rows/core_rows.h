// System-register rows: PSTATE views, exception handling, control, hypervisor and monitor
// configuration, enables, thread and context IDs, FP, the counter-access controls and the
// FEAT_VHE _EL12 aliases (ARM-M D24.2; encodings checked against llvm-mc by
// tests/arch/test_sysreg_table.cpp and tests/arch/sysreg_llvm_names.py).
#pragma once

#include "row_helpers.h"

namespace svesim::sysreg_rows {

inline constexpr std::uint64_t kSctlr1Res1 = 0x3050'0800; // 29,28,22,20,11 (no LSMAOC, ExS, CSV2_2)
inline constexpr std::uint64_t kSctlr3Res1 = 0x30C5'0830; // 29,28,23,22,18,16,11,5,4
// SCTLR_EL2 at reset: the E2H=0 RES1 bits except 23, which is SPAN in the E2H=1 layout (0 so
// that a VHE host gets PAN on exception entry, as with SCTLR_EL1).
inline constexpr std::uint64_t kSctlr2Reset = kSctlr3Res1 & ~(std::uint64_t{1} << 23);
// VMPIDR_EL2: Aff3[39:32], U[30], MT[24], Aff2..Aff0[23:0]; bit 31 RES1.
inline constexpr std::uint64_t kVmpidrRes0 =
    ~(0xFF'0000'0000ULL | (1ULL << 30) | 0x1FF'FFFFULL | (1ULL << 31));

// clang-format off
inline constexpr std::array kCoreRows{
    reg(R::CurrentEL, "CurrentEL", {3,0,4,2,2}, EL::EL1, EL::EL0, RO, G::None, ~0xCULL, 0, 0, false).computed(),
    reg(R::DAIF, "DAIF", {3,3,4,2,1}, EL::EL0, EL::EL0, RW, G::DaifEl0, ~0x3C0ULL, 0, 0, false).computed(),
    reg(R::NZCV, "NZCV", {3,3,4,2,0}, EL::EL0, EL::EL0, RW, G::None, ~0xF000'0000ULL, 0, 0, false).computed(),
    reg(R::SPSel, "SPSel", {3,0,4,2,0}, EL::EL1, EL::EL0, RW, G::None, ~1ULL, 0, 0, false).computed(),
    reg(R::PAN, "PAN", {3,0,4,2,3}, EL::EL1, EL::EL0, RW, G::None, ~(1ULL << 22), 0, 0, false).computed(),
    reg(R::UAO, "UAO", {3,0,4,2,4}, EL::EL1, EL::EL0, RW, G::None, ~(1ULL << 23), 0, 0, false).computed(),
    reg(R::SP_EL0, "SP_EL0", {3,0,4,1,0}, EL::EL1, EL::EL0, RW, G::SpSel0, kNone, 0, 0, true),
    reg(R::SP_EL1, "SP_EL1", {3,4,4,1,0}, EL::EL2, EL::EL0, RW, G::None, kNone, 0, 0, true),
    reg(R::SP_EL2, "SP_EL2", {3,6,4,1,0}, EL::EL3, EL::EL2, RW, G::None, kNone, 0, 0, true),
    reg(R::ELR_EL1, "ELR_EL1", {3,0,4,0,1}, EL::EL1, EL::EL0, RW, G::None, kNone, 0, 0, true, R::ELR_EL2),
    reg(R::ELR_EL2, "ELR_EL2", {3,4,4,0,1}, EL::EL2, EL::EL2, RW, G::None, kNone, 0, 0, true),
    reg(R::ELR_EL3, "ELR_EL3", {3,6,4,0,1}, EL::EL3, EL::EL3, RW, G::None, kNone, 0, 0, true),
    reg(R::SPSR_EL1, "SPSR_EL1", {3,0,4,0,0}, EL::EL1, EL::EL0, RW, G::None, kHigh32, 0, 0, true, R::SPSR_EL2),
    reg(R::SPSR_EL2, "SPSR_EL2", {3,4,4,0,0}, EL::EL2, EL::EL2, RW, G::None, kHigh32, 0, 0, true),
    reg(R::SPSR_EL3, "SPSR_EL3", {3,6,4,0,0}, EL::EL3, EL::EL3, RW, G::None, kHigh32, 0, 0, true),
    reg(R::ESR_EL1, "ESR_EL1", {3,0,5,2,0}, EL::EL1, EL::EL0, RW, G::None, kHigh32, 0, 0, true, R::ESR_EL2).trap(T::Tvm),
    reg(R::ESR_EL2, "ESR_EL2", {3,4,5,2,0}, EL::EL2, EL::EL2, RW, G::None, kHigh32, 0, 0, true),
    reg(R::ESR_EL3, "ESR_EL3", {3,6,5,2,0}, EL::EL3, EL::EL3, RW, G::None, kHigh32, 0, 0, true),
    reg(R::FAR_EL1, "FAR_EL1", {3,0,6,0,0}, EL::EL1, EL::EL0, RW, G::None, kNone, 0, 0, true, R::FAR_EL2).trap(T::Tvm),
    reg(R::FAR_EL2, "FAR_EL2", {3,4,6,0,0}, EL::EL2, EL::EL2, RW, G::None, kNone, 0, 0, true),
    reg(R::FAR_EL3, "FAR_EL3", {3,6,6,0,0}, EL::EL3, EL::EL3, RW, G::None, kNone, 0, 0, true),
    // AFSR0/1_ELx: IMPLEMENTATION DEFINED fault status; svesim reports none (RAZ/WI).
    impdefZero(R::AFSR0_EL1, "AFSR0_EL1", {3,0,5,1,0}, EL::EL1, EL::EL0, R::AFSR0_EL2).trap(T::Tvm),
    impdefZero(R::AFSR1_EL1, "AFSR1_EL1", {3,0,5,1,1}, EL::EL1, EL::EL0, R::AFSR1_EL2).trap(T::Tvm),
    impdefZero(R::AFSR0_EL2, "AFSR0_EL2", {3,4,5,1,0}, EL::EL2, EL::EL2),
    impdefZero(R::AFSR1_EL2, "AFSR1_EL2", {3,4,5,1,1}, EL::EL2, EL::EL2),
    impdefZero(R::AFSR0_EL3, "AFSR0_EL3", {3,6,5,1,0}, EL::EL3, EL::EL3),
    impdefZero(R::AFSR1_EL3, "AFSR1_EL3", {3,6,5,1,1}, EL::EL3, EL::EL3),
    reg(R::VBAR_EL1, "VBAR_EL1", {3,0,12,0,0}, EL::EL1, EL::EL0, RW, G::None, 0x7FF, 0, 0, true, R::VBAR_EL2),
    reg(R::VBAR_EL2, "VBAR_EL2", {3,4,12,0,0}, EL::EL2, EL::EL2, RW, G::None, 0x7FF, 0, 0, true),
    reg(R::VBAR_EL3, "VBAR_EL3", {3,6,12,0,0}, EL::EL3, EL::EL3, RW, G::None, 0x7FF, 0, 0, true),
    reg(R::SCTLR_EL1, "SCTLR_EL1", {3,0,1,0,0}, EL::EL1, EL::EL0, RW, G::None, kNone, kSctlr1Res1, kSctlr1Res1, true, R::SCTLR_EL2).trap(T::Tvm),
    reg(R::SCTLR_EL2, "SCTLR_EL2", {3,4,1,0,0}, EL::EL2, EL::EL2, RW, G::None, kNone, kSctlr1Res1, kSctlr2Reset, true),
    reg(R::SCTLR_EL3, "SCTLR_EL3", {3,6,1,0,0}, EL::EL3, EL::EL3, RW, G::None, kNone, kSctlr3Res1, kSctlr3Res1, true),
    // ACTLR_ELx: IMPLEMENTATION DEFINED auxiliary control; svesim has no such controls (RAZ/WI).
    impdefZero(R::ACTLR_EL1, "ACTLR_EL1", {3,0,1,0,1}, EL::EL1, EL::EL0).trap(T::Tacr),
    impdefZero(R::ACTLR_EL2, "ACTLR_EL2", {3,4,1,0,1}, EL::EL2, EL::EL2),
    impdefZero(R::ACTLR_EL3, "ACTLR_EL3", {3,6,1,0,1}, EL::EL3, EL::EL3),
    reg(R::RVBAR_EL1, "RVBAR_EL1", {3,0,12,0,1}, EL::EL1, EL::EL0, RO, G::HighestOnly, kNone, 0, 0, false),
    reg(R::RVBAR_EL2, "RVBAR_EL2", {3,4,12,0,1}, EL::EL2, EL::EL2, RO, G::HighestOnly, kNone, 0, 0, false),
    reg(R::RVBAR_EL3, "RVBAR_EL3", {3,6,12,0,1}, EL::EL3, EL::EL3, RO, G::HighestOnly, kNone, 0, 0, false),
    // ISR_EL1: A[8], I[7], F[6] pending (virtual ones at EL1 when HCR_EL2.AMO/IMO/FMO route them).
    reg(R::ISR_EL1, "ISR_EL1", {3,0,12,1,0}, EL::EL1, EL::EL0, RO, G::None, ~0x1C0ULL, 0, 0, false).computed(),
    // HCR_EL2: [37:0] (TEA, TERR: FEAT_RAS; TLOR: FEAT_LOR; E2H: FEAT_VHE); [63:38] belong to
    // features svesim does not implement (PAuth's APK/API, NV, MTE, FWB, ...): RES0, no trap.
    reg(R::HCR_EL2, "HCR_EL2", {3,4,1,1,0}, EL::EL2, EL::EL2, RW, G::None, 0xFFFF'FFC0'0000'0000ULL, 0, 0, true),
    impdefZero(R::HACR_EL2, "HACR_EL2", {3,4,1,1,7}, EL::EL2, EL::EL2),
    // HSTR_EL2: T<n> trap AArch32 EL1 CP15 accesses; stored, no effect (AArch64 only).
    reg(R::HSTR_EL2, "HSTR_EL2", {3,4,1,1,3}, EL::EL2, EL::EL2, RW, G::None, ~0xBFEFULL, 0, 0, true),
    // MDCR_EL2: TDE, TDA, TDOSA, TDRA; HPMN/TPM/TPMCR/HPME are RES0 (PMU absent), E2PB/TPMS
    // RES0 (SPE absent).
    reg(R::MDCR_EL2, "MDCR_EL2", {3,4,1,1,1}, EL::EL2, EL::EL2, RW, G::None, ~0xF00ULL, 0, 0, true),
    // SCR_EL3: [15:0] except 6 (RES0) and 5:4 (RES1); [63:16] features not implemented
    // (PAuth's APK/API, EEL2, ...).
    reg(R::SCR_EL3, "SCR_EL3", {3,6,1,1,0}, EL::EL3, EL::EL3, RW, G::None, ~0xFFBFULL, 0x30, 0x30, true),
    // MDCR_EL3: TDA[9], TDOSA[10], SDD[16], EDAD[20]; PMU/SPE/AArch32 fields RES0.
    reg(R::MDCR_EL3, "MDCR_EL3", {3,6,1,3,1}, EL::EL3, EL::EL3, RW, G::None, ~0x11'0600ULL, 0, 0, true),
    reg(R::VTTBR_EL2, "VTTBR_EL2", {3,4,2,1,0}, EL::EL2, EL::EL2, RW, G::None, kNone, 0, 0, true),
    // VTCR_EL2: T0SZ, SL0, IRGN0, ORGN0, SH0, TG0, PS, VS (FEAT_VMID16); bit 31 RES1.
    reg(R::VTCR_EL2, "VTCR_EL2", {3,4,2,1,2}, EL::EL2, EL::EL2, RW, G::None, ~0x800F'FFFFULL, 0x8000'0000ULL, 0, true),
    // VPIDR_EL2/VMPIDR_EL2: the MIDR_EL1/MPIDR_EL1 values EL1 reads; reset to MIDR/MPIDR (QEMU).
    reg(R::VPIDR_EL2, "VPIDR_EL2", {3,4,0,0,0}, EL::EL2, EL::EL2, RW, G::None, kHigh32, 0, 0, false),
    reg(R::VMPIDR_EL2, "VMPIDR_EL2", {3,4,0,0,5}, EL::EL2, EL::EL2, RW, G::None, kVmpidrRes0, 1ULL << 31, 0, false),
    // CPACR_EL1: ZEN[17:16], FPEN[21:20], TTA[28].
    reg(R::CPACR_EL1, "CPACR_EL1", {3,0,1,0,2}, EL::EL1, EL::EL0, RW, G::Cpacr, ~0x1033'0000ULL, 0, 0, true, R::CPTR_EL2),
    // CPTR_EL2 holds both layouts' fields; RES1 bits of the E2H=0 layout are added on read.
    reg(R::CPTR_EL2, "CPTR_EL2", {3,4,1,1,2}, EL::EL2, EL::EL2, RW, G::Cptr2, ~0x9033'0500ULL, 0, 0, true),
    // CPTR_EL3: EZ[8], TFP[10], TTA[20], TCPAC[31].
    reg(R::CPTR_EL3, "CPTR_EL3", {3,6,1,1,2}, EL::EL3, EL::EL3, RW, G::None, ~0x8010'0500ULL, 0, 0, true),
    // ZCR_ELx: LEN[3:0]; [8:4] RAZ/WI; [63:9] RES0 (R4).
    reg(R::ZCR_EL1, "ZCR_EL1", {3,0,1,2,0}, EL::EL1, EL::EL0, RW, G::Zcr, ~0x1FFULL, 0, 0, true, R::ZCR_EL2, 0x1F0),
    reg(R::ZCR_EL2, "ZCR_EL2", {3,4,1,2,0}, EL::EL2, EL::EL2, RW, G::Zcr, ~0x1FFULL, 0, 0, true, std::nullopt, 0x1F0),
    reg(R::ZCR_EL3, "ZCR_EL3", {3,6,1,2,0}, EL::EL3, EL::EL3, RW, G::Zcr, ~0x1FFULL, 0, 0, true, std::nullopt, 0x1F0),
    reg(R::TPIDR_EL0, "TPIDR_EL0", {3,3,13,0,2}, EL::EL0, EL::EL0, RW, G::None, kNone, 0, 0, true),
    reg(R::TPIDRRO_EL0, "TPIDRRO_EL0", {3,3,13,0,3}, EL::EL0, EL::EL0, RW, G::El0ReadOnly, kNone, 0, 0, true),
    reg(R::TPIDR_EL1, "TPIDR_EL1", {3,0,13,0,4}, EL::EL1, EL::EL0, RW, G::None, kNone, 0, 0, true),
    reg(R::TPIDR_EL2, "TPIDR_EL2", {3,4,13,0,2}, EL::EL2, EL::EL2, RW, G::None, kNone, 0, 0, true),
    reg(R::TPIDR_EL3, "TPIDR_EL3", {3,6,13,0,2}, EL::EL3, EL::EL3, RW, G::None, kNone, 0, 0, true),
    reg(R::CONTEXTIDR_EL1, "CONTEXTIDR_EL1", {3,0,13,0,1}, EL::EL1, EL::EL1, RW, G::None, kHigh32, 0, 0, true, R::CONTEXTIDR_EL2).trap(T::Tvm),
    reg(R::CONTEXTIDR_EL2, "CONTEXTIDR_EL2", {3,4,13,0,1}, EL::EL2, EL::EL2, RW, G::None, kHigh32, 0, 0, true),
    // CNTKCTL_EL1: EL0PCTEN, EL0VCTEN, EVNTEN, EVNTDIR, EVNTI, EL0VTEN, EL0PTEN.
    reg(R::CNTKCTL_EL1, "CNTKCTL_EL1", {3,0,14,1,0}, EL::EL1, EL::EL0, RW, G::None, ~0x3FFULL, 0, 0, true, R::CNTHCTL_EL2),
    // CNTHCTL_EL2: bits [11:0] of both layouts (E2H=0: EL1PCTEN[0], EL1PCEN[1]; E2H=1: EL0PCTEN,
    // EL0VCTEN, ..., EL1PCTEN[10], EL1PCEN[11]). Reset 0x3 + 0xC00: no EL1 counter/timer trap.
    reg(R::CNTHCTL_EL2, "CNTHCTL_EL2", {3,4,14,1,0}, EL::EL2, EL::EL2, RW, G::None, ~0xFFFULL, 0, 0xC03, true),
    // FPCR: AHP, DN, FZ, RMode, FZ16; trap enables RAZ/WI (no trapped FP exceptions).
    reg(R::FPCR, "FPCR", {3,3,4,4,0}, EL::EL0, EL::EL0, RW, G::Fp, ~0x07C8'9F00ULL, 0, 0, true, std::nullopt, 0x9F00),
    // FPSR: QC and the cumulative flags.
    reg(R::FPSR, "FPSR", {3,3,4,4,1}, EL::EL0, EL::EL0, RW, G::Fp, ~0x0800'009FULL, 0, 0, true),
    alias12(R::ZCR_EL12, "ZCR_EL12", {3,5,1,2,0}, R::ZCR_EL1),
    alias12(R::CPACR_EL12, "CPACR_EL12", {3,5,1,0,2}, R::CPACR_EL1),
    alias12(R::ELR_EL12, "ELR_EL12", {3,5,4,0,1}, R::ELR_EL1),
    alias12(R::SPSR_EL12, "SPSR_EL12", {3,5,4,0,0}, R::SPSR_EL1),
    alias12(R::ESR_EL12, "ESR_EL12", {3,5,5,2,0}, R::ESR_EL1),
    alias12(R::FAR_EL12, "FAR_EL12", {3,5,6,0,0}, R::FAR_EL1),
    alias12(R::AFSR0_EL12, "AFSR0_EL12", {3,5,5,1,0}, R::AFSR0_EL1),
    alias12(R::AFSR1_EL12, "AFSR1_EL12", {3,5,5,1,1}, R::AFSR1_EL1),
    alias12(R::VBAR_EL12, "VBAR_EL12", {3,5,12,0,0}, R::VBAR_EL1),
    alias12(R::SCTLR_EL12, "SCTLR_EL12", {3,5,1,0,0}, R::SCTLR_EL1),
    alias12(R::CONTEXTIDR_EL12, "CONTEXTIDR_EL12", {3,5,13,0,1}, R::CONTEXTIDR_EL1),
    alias12(R::CNTKCTL_EL12, "CNTKCTL_EL12", {3,5,14,1,0}, R::CNTKCTL_EL1),
};
// clang-format on

} // namespace svesim::sysreg_rows
