// maint_traps: hypervisor traps of cache and TLB maintenance instructions (EC 0x18 with the
// exact ISS), their priority against EL1's own traps, and DCZID_EL0.DZP, on svesim and
// qemu-system-aarch64. Expected values are worked out by hand from the Arm ARM (DDI0487:
// D13.2.48 HCR_EL2 TPU, TPCP, TSW, TDZ, TTLB; SCTLR_EL1.UCI/DZE; DCZID_EL0.DZP; D24.2.45
// ISS for EC 0x18: Op0[21:20] Op2[19:17] Op1[16:14] CRn[13:10] Rt[9:5] CRm[4:1] Direction[0]
// (0 for SYS)), never taken from svesim. The MMU is off (the instructions' traps come before
// any translation).
//   * HCR_EL2.TPU: IC IVAU, IC IALLUIS, DC CVAU at EL1 -> EL2;
//   * HCR_EL2.TPCP: DC CVAC, DC IVAC at EL1 -> EL2;   HCR_EL2.TSW: DC CISW at EL1 -> EL2;
//   * HCR_EL2.TDZ: DC ZVA at EL1 -> EL2, and DCZID_EL0.DZP reads 1 at EL1;
//   * HCR_EL2.TTLB: TLBI VAE1IS at EL1 -> EL2;
//   * at EL0, SCTLR_EL1.UCI = 0 traps IC IVAU to EL1 even with HCR_EL2.TPU = 1 (EL1's trap
//     has priority); with UCI = 1, TPU takes it to EL2; SCTLR_EL1.DZE = 0: DZP reads 1 at EL0;
//   * AT/TLBI/DC forms of a higher EL, and the EL1-only ones at EL0, are UNDEFINED (EC 0).

    .include "common.inc"
    .include "util.inc"

.equ ESR_SYS,  0x62000000          // EC 0x18, IL
.equ HCR_TPU,  (HCR_RW | (1 << 24))
.equ HCR_TPCP, (HCR_RW | (1 << 23))
.equ HCR_TSW,  (HCR_RW | (1 << 22))
.equ HCR_TDZ,  (HCR_RW | (1 << 28))
.equ HCR_TTLB, (HCR_RW | (1 << 25))
.equ SCTLR_UCI, (1 << 26)
.equ SCTLR_DZE, (1 << 14)
// ISS = Op0 0b01 | Op2 | Op1 | CRn | Rt | CRm, Rt = 0 unless noted
.equ ISS_IC_IVAU,    0x12DC0A      // op1 3, CRn 7, CRm 5, op2 1
.equ ISS_IC_IALLUIS, 0x101FE2      // op1 0, CRn 7, CRm 1, op2 0, Rt 31
.equ ISS_DC_CVAU,    0x12DC16      // op1 3, CRn 7, CRm 11, op2 1
.equ ISS_DC_CVAC,    0x12DC14      // op1 3, CRn 7, CRm 10, op2 1
.equ ISS_DC_IVAC,    0x121C0C      // op1 0, CRn 7, CRm 6, op2 1
.equ ISS_DC_CISW,    0x141C1C      // op1 0, CRn 7, CRm 14, op2 2
.equ ISS_DC_ZVA,     0x12DC08      // op1 3, CRn 7, CRm 4, op2 1
.equ ISS_TLBI_VAE1IS, 0x122006     // op1 0, CRn 8, CRm 3, op2 1

// Run one maintenance instruction `insn` at EL1 (or EL0) under HCR_EL2 `hcr`; expect the trap.
.macro TRAP name, insn, hcr, el, esr, spsr=SPSR_EL1H
    bl      clear_records
    RUN     snip_\@, \spsr, SCR_DEFAULT, \hcr
    EXPECT  "\name", \el, \esr, t_\@
    .pushsection .text.snips, "ax"
snip_\@:
    adr     x0, results
t_\@:
    \insn
    EXIT
    .popsection
.endm

    .text
    .global test_main
test_main:
    stp     x29, x30, [sp, #-16]!
    SETSYS  sctlr_el1, SCTLR1_OFF

    TRAP    "HCR_EL2.TPU: IC IVAU at EL1 -> EL2", "ic ivau, x0", HCR_TPU, 2, (ESR_SYS | ISS_IC_IVAU)
    TRAP    "HCR_EL2.TPU: IC IALLUIS at EL1 -> EL2", "ic ialluis", HCR_TPU, 2, (ESR_SYS | ISS_IC_IALLUIS)
    TRAP    "HCR_EL2.TPU: DC CVAU at EL1 -> EL2", "dc cvau, x0", HCR_TPU, 2, (ESR_SYS | ISS_DC_CVAU)
    TRAP    "HCR_EL2.TPCP: DC CVAC at EL1 -> EL2", "dc cvac, x0", HCR_TPCP, 2, (ESR_SYS | ISS_DC_CVAC)
    TRAP    "HCR_EL2.TPCP: DC IVAC at EL1 -> EL2", "dc ivac, x0", HCR_TPCP, 2, (ESR_SYS | ISS_DC_IVAC)
    TRAP    "HCR_EL2.TSW: DC CISW at EL1 -> EL2", "dc cisw, x0", HCR_TSW, 2, (ESR_SYS | ISS_DC_CISW)
    TRAP    "HCR_EL2.TDZ: DC ZVA at EL1 -> EL2", "dc zva, x0", HCR_TDZ, 2, (ESR_SYS | ISS_DC_ZVA)
    TRAP    "HCR_EL2.TTLB: TLBI VAE1IS at EL1 -> EL2", "tlbi vae1is, x0", HCR_TTLB, 2, (ESR_SYS | ISS_TLBI_VAE1IS)
    TRAP    "EL0, SCTLR_EL1.UCI = 0, HCR_EL2.TPU = 1: IC IVAU -> EL1 first", "ic ivau, x0", HCR_TPU, 1, (ESR_SYS | ISS_IC_IVAU), SPSR_EL0T
    SETSYS  sctlr_el1, (SCTLR1_OFF | SCTLR_UCI)
    TRAP    "EL0, SCTLR_EL1.UCI = 1, HCR_EL2.TPU = 1: IC IVAU -> EL2", "ic ivau, x0", HCR_TPU, 2, (ESR_SYS | ISS_IC_IVAU), SPSR_EL0T
    SETSYS  sctlr_el1, SCTLR1_OFF

    // UNDEFINED below the EL the operation names (C5.5: op1 4 needs EL2, op1 6 EL3, op1 0 EL1)
    TRAP    "AT S12E1R at EL1 -> UNDEFINED", "at s12e1r, x0", HCR_DEFAULT, 1, ESR_UNDEF
    TRAP    "AT S1E2R at EL1 -> UNDEFINED", "at s1e2r, x0", HCR_DEFAULT, 1, ESR_UNDEF
    TRAP    "TLBI VMALLS12E1 at EL1 -> UNDEFINED", "tlbi vmalls12e1", HCR_DEFAULT, 1, ESR_UNDEF
    TRAP    "TLBI ALLE2 at EL1 -> UNDEFINED", "tlbi alle2", HCR_DEFAULT, 1, ESR_UNDEF
    TRAP    "AT S1E3R at EL2 -> UNDEFINED", "at s1e3r, x0", HCR_DEFAULT, 2, ESR_UNDEF, SPSR_EL2H
    TRAP    "TLBI ALLE3 at EL2 -> UNDEFINED", "tlbi alle3", HCR_DEFAULT, 2, ESR_UNDEF, SPSR_EL2H
    TRAP    "AT S1E1R at EL0 -> UNDEFINED", "at s1e1r, x0", HCR_DEFAULT, 1, ESR_UNDEF, SPSR_EL0T
    TRAP    "TLBI VMALLE1 at EL0 -> UNDEFINED", "tlbi vmalle1", HCR_DEFAULT, 1, ESR_UNDEF, SPSR_EL0T
    TRAP    "DC CISW at EL0 -> UNDEFINED", "dc cisw, x0", HCR_DEFAULT, 1, ESR_UNDEF, SPSR_EL0T

    // DCZID_EL0.DZP (bit 4): BS = 4 (64 bytes) on svesim and QEMU -cpu max
    TRY     snip_dczid, 0, SPSR_EL1H, SCR_DEFAULT, HCR_DEFAULT
    LDRESULT x19, 0
    CHECK_IMM "DCZID_EL0 at EL1: DZP = 0, BS = 4", x19, 0x04
    TRY     snip_dczid, 0, SPSR_EL1H, SCR_DEFAULT, HCR_TDZ
    LDRESULT x19, 0
    CHECK_IMM "DCZID_EL0 at EL1 with HCR_EL2.TDZ = 1: DZP = 1", x19, 0x14
    TRY     snip_dczid, 0, SPSR_EL0T, SCR_DEFAULT, HCR_DEFAULT
    LDRESULT x19, 0
    CHECK_IMM "DCZID_EL0 at EL0 with SCTLR_EL1.DZE = 0: DZP = 1", x19, 0x14
    SETSYS  sctlr_el1, (SCTLR1_OFF | SCTLR_DZE)
    TRY     snip_dczid, 0, SPSR_EL0T, SCR_DEFAULT, HCR_DEFAULT
    LDRESULT x19, 0
    CHECK_IMM "DCZID_EL0 at EL0 with SCTLR_EL1.DZE = 1: DZP = 0", x19, 0x04
    SETSYS  sctlr_el1, SCTLR1_OFF

    ldp     x29, x30, [sp], #16
    ret

snip_dczid:
    mrs     x1, dczid_el0
    RESULT  0, x1
    EXIT
