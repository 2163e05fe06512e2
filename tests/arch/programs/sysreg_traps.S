// sysreg_traps: the hypervisor and monitor trap controls of MRS/MSR, with exact syndromes, and
// the register virtualizations of EL2 (issue 12 point 2).
//
// Expected values come from the Arm ARM: the ISS of EC 0x18 (ESR_ELx description, "ISS
// encoding for an exception from MSR, MRS, or System instruction execution": Op0[21:20]
// Op2[19:17] Op1[16:14] CRn[13:10] Rt[9:5] CRm[4:1] Direction[0], 1 = read) computed by the
// ESR_SYS macro below, and the target EL from each register's access pseudocode. QEMU runs
// the same ELF as the second oracle.
//   TID1 REVIDR_EL1; TID2 CTR_EL0 (EL1, EL0 with UCT=1; UCT=0 goes to EL1 first), CSSELR
//   writes; TID3 ID_AA64PFR0_EL1 and the reserved ID space (which otherwise reads as zero);
//   TVM (writes only) and TRVM (reads only) on SCTLR_EL1; TACR ACTLR_EL1; TLOR and
//   SCR_EL3.TLOR on LORID_EL1, LOR registers UNDEFINED in Secure state; MDCR_EL2.TDA, TDE,
//   TDOSA, TDRA and MDCR_EL3.TDA; MDSCR_EL1.TDCC at EL0; CNTKCTL_EL1.EL0VCTEN for CNTVCT_EL0
//   at EL0; VPIDR_EL2/VMPIDR_EL2 read as MIDR/MPIDR at EL1; FEAT_VHE: CNTKCTL_EL1 reaches
//   CNTHCTL_EL2 at EL2 with E2H=1 and CNTKCTL_EL12 reaches CNTKCTL_EL1.

    .include "common.inc"

// ESR of a trapped MRS (dir 1) / MSR (dir 0): EC 0x18, IL, ISS as above.
.macro ESR_SYS name, op0, op1, crn, crm, op2, rt, dir
.equ \name, ((EC_SYSREG << 26) | ESR_IL | (\op0 << 20) | (\op2 << 17) | (\op1 << 14) | (\crn << 10) | (\rt << 5) | (\crm << 1) | \dir)
.endm
    ESR_SYS ESR_REVIDR_R1,     3, 0, 0, 0, 6, 1, 1
    ESR_SYS ESR_CTR_R2,        3, 3, 0, 0, 1, 2, 1
    ESR_SYS ESR_CSSELR_W3,     3, 2, 0, 0, 0, 3, 0
    ESR_SYS ESR_PFR0_R4,       3, 0, 0, 4, 0, 4, 1
    ESR_SYS ESR_RESID_R5,      3, 0, 0, 3, 7, 5, 1
    ESR_SYS ESR_SCTLR1_W6,     3, 0, 1, 0, 0, 6, 0
    ESR_SYS ESR_SCTLR1_R7,     3, 0, 1, 0, 0, 7, 1
    ESR_SYS ESR_ACTLR1_R8,     3, 0, 1, 0, 1, 8, 1
    ESR_SYS ESR_LORID_R9,      3, 0, 10, 4, 7, 9, 1
    ESR_SYS ESR_MDSCR_R10,     2, 0, 0, 2, 2, 10, 1
    ESR_SYS ESR_OSLSR_R11,     2, 0, 1, 1, 4, 11, 1
    ESR_SYS ESR_MDRAR_R12,     2, 0, 1, 0, 0, 12, 1
    ESR_SYS ESR_MDCCSR_R13,    2, 3, 0, 1, 0, 13, 1
    ESR_SYS ESR_CNTVCT_R14,    3, 3, 14, 0, 2, 14, 1
    ESR_SYS ESR_DBGBVR0_W15,   2, 0, 0, 0, 4, 15, 0
    ESR_SYS ESR_ERRIDR_R16,    3, 0, 5, 3, 0, 16, 1

.equ HCR_TID1,  (1 << 16)
.equ HCR_TID2,  (1 << 17)
.equ HCR_TID3,  (1 << 18)
.equ HCR_TACR,  (1 << 21)
.equ HCR_TVM,   (1 << 26)
.equ HCR_TRVM,  (1 << 30)
.equ HCR_TLOR,  (1 << 35)
.equ SCR_TLOR,  (1 << 14)
.equ SCR_TERR,  (1 << 15)
.equ HCR_AMO,   (1 << 5)
.equ HCR_TERR,  (1 << 36)
.equ MDCR_TDE,  (1 << 8)
.equ MDCR_TDA,  (1 << 9)
.equ MDCR_TDOSA, (1 << 10)
.equ MDCR_TDRA, (1 << 11)
.equ MDSCR_TDCC, (1 << 12)
.equ SCTLR_UCT, (1 << 15)

// Start of every scenario: test_reset plus the controls this program changes.
.macro RESET
    bl      test_reset
    msr     mdcr_el2, xzr
    msr     mdcr_el3, xzr
    msr     mdscr_el1, xzr
    mov     x9, #3                      // CNTKCTL_EL1: EL0PCTEN = EL0VCTEN = 1
    msr     cntkctl_el1, x9
    mrs     x9, sctlr_el1
    orr     x9, x9, #SCTLR_UCT
    msr     sctlr_el1, x9
    isb
.endm

    .text
    .global test_main
test_main:
    stp     x29, x30, [sp, #-16]!

    // ---------------------------------------------------- HCR_EL2 ID-group traps
    RESET
    RUN     snip_revidr, SPSR_EL1H, SCR_DEFAULT, (HCR_RW | HCR_TID1)
    EXPECT  "HCR_EL2.TID1: MRS REVIDR_EL1 at EL1 -> EL2 EC 0x18", 2, ESR_REVIDR_R1, t_revidr
    RESET
    RUN     snip_ctr, SPSR_EL1H, SCR_DEFAULT, (HCR_RW | HCR_TID2)
    EXPECT  "HCR_EL2.TID2: MRS CTR_EL0 at EL1 -> EL2", 2, ESR_CTR_R2, t_ctr
    RESET
    RUN     snip_ctr, SPSR_EL0T, SCR_DEFAULT, (HCR_RW | HCR_TID2)
    EXPECT  "HCR_EL2.TID2: MRS CTR_EL0 at EL0 (UCT=1) -> EL2", 2, ESR_CTR_R2, t_ctr
    RESET
    mrs     x9, sctlr_el1
    bic     x9, x9, #SCTLR_UCT
    msr     sctlr_el1, x9
    RUN     snip_ctr, SPSR_EL0T, SCR_DEFAULT, (HCR_RW | HCR_TID2)
    EXPECT  "SCTLR_EL1.UCT=0 before HCR_EL2.TID2: MRS CTR_EL0 at EL0 -> EL1", 1, ESR_CTR_R2, t_ctr
    RESET
    RUN     snip_ctr, SPSR_EL0T
    EXPECT_NONE "SCTLR_EL1.UCT=1: MRS CTR_EL0 at EL0 is allowed"
    RESET
    RUN     snip_csselr, SPSR_EL1H, SCR_DEFAULT, (HCR_RW | HCR_TID2)
    EXPECT  "HCR_EL2.TID2: MSR CSSELR_EL1 at EL1 -> EL2 (write)", 2, ESR_CSSELR_W3, t_csselr
    RESET
    RUN     snip_pfr0, SPSR_EL1H, SCR_DEFAULT, (HCR_RW | HCR_TID3)
    EXPECT  "HCR_EL2.TID3: MRS ID_AA64PFR0_EL1 at EL1 -> EL2", 2, ESR_PFR0_R4, t_pfr0
    RESET
    RUN     snip_pfr0, SPSR_EL2H, SCR_DEFAULT, (HCR_RW | HCR_TID3)
    EXPECT_NONE "HCR_EL2.TID3: MRS ID_AA64PFR0_EL1 at EL2 is not trapped"
    RESET
    RUN     snip_resid, SPSR_EL1H, SCR_DEFAULT, (HCR_RW | HCR_TID3)
    EXPECT  "HCR_EL2.TID3: MRS of the reserved ID space (S3_0_C0_C3_7) -> EL2", 2, ESR_RESID_R5, t_resid
    RESET
    mov     x5, #-1
    RUN     snip_resid, SPSR_EL1H
    EXPECT_NONE "reserved ID space at EL1: no exception"
    LDRESULT x1, 0
    CHECK_IMM "reserved ID space (S3_0_C0_C3_7) reads as zero", x1, 0

    // ---------------------------------------------------- TVM / TRVM / TACR
    RESET
    RUN     snip_sctlr_w, SPSR_EL1H, SCR_DEFAULT, (HCR_RW | HCR_TVM)
    EXPECT  "HCR_EL2.TVM: MSR SCTLR_EL1 at EL1 -> EL2 (write)", 2, ESR_SCTLR1_W6, t_sctlr_w
    RESET
    RUN     snip_sctlr_r, SPSR_EL1H, SCR_DEFAULT, (HCR_RW | HCR_TVM)
    EXPECT_NONE "HCR_EL2.TVM does not trap MRS SCTLR_EL1"
    RESET
    RUN     snip_sctlr_r, SPSR_EL1H, SCR_DEFAULT, (HCR_RW | HCR_TRVM)
    EXPECT  "HCR_EL2.TRVM: MRS SCTLR_EL1 at EL1 -> EL2 (read)", 2, ESR_SCTLR1_R7, t_sctlr_r
    RESET
    RUN     snip_sctlr_w, SPSR_EL1H, SCR_DEFAULT, (HCR_RW | HCR_TRVM)
    EXPECT_NONE "HCR_EL2.TRVM does not trap MSR SCTLR_EL1"
    RESET
    RUN     snip_actlr, SPSR_EL1H, SCR_DEFAULT, (HCR_RW | HCR_TACR)
    EXPECT  "HCR_EL2.TACR: MRS ACTLR_EL1 at EL1 -> EL2", 2, ESR_ACTLR1_R8, t_actlr

    // ---------------------------------------------------- FEAT_LOR
    RESET
    RUN     snip_lorid, SPSR_EL1H, SCR_DEFAULT, (HCR_RW | HCR_TLOR)
    EXPECT  "HCR_EL2.TLOR: MRS LORID_EL1 at EL1 -> EL2", 2, ESR_LORID_R9, t_lorid
    RESET
    RUN     snip_lorid, SPSR_EL1H, (SCR_DEFAULT | SCR_TLOR)
    EXPECT  "SCR_EL3.TLOR: MRS LORID_EL1 at EL1 -> EL3", 3, ESR_LORID_R9, t_lorid
    RESET
    RUN     snip_lorid, SPSR_EL2H, (SCR_DEFAULT | SCR_TLOR)
    EXPECT  "SCR_EL3.TLOR: MRS LORID_EL1 at EL2 -> EL3", 3, ESR_LORID_R9, t_lorid
    RESET
    RUN     snip_lorid, SPSR_EL1H, (SCR_DEFAULT | SCR_TLOR), (HCR_RW | HCR_TLOR)
    EXPECT  "HCR_EL2.TLOR before SCR_EL3.TLOR: LORID_EL1 at EL1 -> EL2", 2, ESR_LORID_R9, t_lorid
    RESET
    RUN     snip_lorc, SPSR_EL1H, SCR_SECURE
    EXPECT  "LORC_EL1 at Secure EL1 is UNDEFINED", 1, ESR_UNDEF, t_lorc
    RESET
    RUN     snip_lorid, SPSR_EL1H, SCR_SECURE
    EXPECT_NONE "LORID_EL1 at Secure EL1 is readable"

    // ---------------------------------------------------- FEAT_RAS (no error records)
    RESET
    RUN     snip_erridr, SPSR_EL1H, SCR_DEFAULT, (HCR_RW | HCR_TERR)
    EXPECT  "HCR_EL2.TERR: MRS ERRIDR_EL1 at EL1 -> EL2", 2, ESR_ERRIDR_R16, t_erridr
    RESET
    RUN     snip_erridr, SPSR_EL2H, (SCR_DEFAULT | SCR_TERR)
    EXPECT  "SCR_EL3.TERR: MRS ERRIDR_EL1 at EL2 -> EL3", 3, ESR_ERRIDR_R16, t_erridr
    RESET
    mov     x16, #-1
    RUN     snip_erridr, SPSR_EL1H
    EXPECT_NONE "ERRIDR_EL1 at EL1: no exception"
    LDRESULT x1, 0
    CHECK_IMM "ERRIDR_EL1.NUM = 0 (no error records)", x1, 0
    RESET
    msr     vdisr_el2, xzr
    msr     disr_el1, xzr
    isb
    RUN     snip_disr, SPSR_EL1H, SCR_DEFAULT, (HCR_RW | HCR_AMO)
    mrs     x1, vdisr_el2
    CHECK_IMM "HCR_EL2.AMO: MSR DISR_EL1 at EL1 writes VDISR_EL2", x1, 0x80000000
    mrs     x1, disr_el1
    CHECK_IMM "HCR_EL2.AMO: DISR_EL1 itself unchanged", x1, 0

    // ---------------------------------------------------- debug: MDCR_EL2 / MDCR_EL3 / MDSCR_EL1
    RESET
    SETSYS  mdcr_el2, MDCR_TDA
    RUN     snip_mdscr, SPSR_EL1H
    EXPECT  "MDCR_EL2.TDA: MRS MDSCR_EL1 at EL1 -> EL2", 2, ESR_MDSCR_R10, t_mdscr
    RESET
    SETSYS  mdcr_el2, MDCR_TDE
    RUN     snip_mdscr, SPSR_EL1H
    EXPECT  "MDCR_EL2.TDE: MRS MDSCR_EL1 at EL1 -> EL2", 2, ESR_MDSCR_R10, t_mdscr
    RESET
    SETSYS  mdcr_el2, MDCR_TDA
    RUN     snip_dbgbvr, SPSR_EL1H
    EXPECT  "MDCR_EL2.TDA: MSR DBGBVR0_EL1 at EL1 -> EL2 (write)", 2, ESR_DBGBVR0_W15, t_dbgbvr
    RESET
    SETSYS  mdcr_el2, MDCR_TDA
    RUN     snip_oslsr, SPSR_EL1H
    EXPECT_NONE "MDCR_EL2.TDA does not trap OSLSR_EL1 (TDOSA does)"
    RESET
    SETSYS  mdcr_el2, MDCR_TDOSA
    RUN     snip_oslsr, SPSR_EL1H
    EXPECT  "MDCR_EL2.TDOSA: MRS OSLSR_EL1 at EL1 -> EL2", 2, ESR_OSLSR_R11, t_oslsr
    RESET
    SETSYS  mdcr_el2, MDCR_TDRA
    RUN     snip_mdrar, SPSR_EL1H
    EXPECT  "MDCR_EL2.TDRA: MRS MDRAR_EL1 at EL1 -> EL2", 2, ESR_MDRAR_R12, t_mdrar
    RESET
    SETSYS  mdcr_el3, MDCR_TDA
    RUN     snip_mdscr, SPSR_EL2H
    EXPECT  "MDCR_EL3.TDA: MRS MDSCR_EL1 at EL2 -> EL3", 3, ESR_MDSCR_R10, t_mdscr
    RESET
    SETSYS  mdcr_el3, MDCR_TDA
    SETSYS  mdcr_el2, MDCR_TDA
    RUN     snip_mdscr, SPSR_EL1H
    EXPECT  "MDCR_EL2.TDA before MDCR_EL3.TDA: MDSCR_EL1 at EL1 -> EL2", 2, ESR_MDSCR_R10, t_mdscr
    // QEMU 7.2 does not implement MDSCR_EL1.TDCC (the MDCCSR_EL0 access pseudocode traps).
    bl      on_qemu
    cbnz    x0, .Lskip_tdcc
    RESET
    SETSYS  mdscr_el1, MDSCR_TDCC
    RUN     snip_mdccsr, SPSR_EL0T
    EXPECT  "MDSCR_EL1.TDCC: MRS MDCCSR_EL0 at EL0 -> EL1", 1, ESR_MDCCSR_R13, t_mdccsr
    b       .Ldone_tdcc
.Lskip_tdcc:
    SKIP    "MDSCR_EL1.TDCC: MRS MDCCSR_EL0 at EL0 -> EL1"
.Ldone_tdcc:
    RESET
    RUN     snip_mdccsr, SPSR_EL0T
    EXPECT_NONE "MDCCSR_EL0 at EL0 with TDCC=0: allowed"

    // ---------------------------------------------------- counters: CNTKCTL_EL1
    RESET
    SETSYS  cntkctl_el1, 1              // EL0VCTEN = 0, EL0PCTEN = 1
    RUN     snip_cntvct, SPSR_EL0T
    EXPECT  "CNTKCTL_EL1.EL0VCTEN=0: MRS CNTVCT_EL0 at EL0 -> EL1", 1, ESR_CNTVCT_R14, t_cntvct
    RESET
    RUN     snip_cntvct, SPSR_EL0T
    EXPECT_NONE "CNTKCTL_EL1.EL0VCTEN=1: CNTVCT_EL0 at EL0 allowed"

    // ---------------------------------------------------- VPIDR_EL2 / VMPIDR_EL2
    RESET
    ldr     x9, =0x41234567
    msr     vpidr_el2, x9
    ldr     x9, =0x80000103
    msr     vmpidr_el2, x9
    isb
    RUN     snip_midr, SPSR_EL1H
    EXPECT_NONE "MIDR_EL1/MPIDR_EL1 at EL1: no exception"
    LDRESULT x1, 0
    CHECK_IMM "VPIDR_EL2: MIDR_EL1 at EL1 reads VPIDR_EL2", x1, 0x41234567
    LDRESULT x1, 1
    CHECK_IMM "VMPIDR_EL2: MPIDR_EL1 at EL1 reads VMPIDR_EL2", x1, 0x80000103
    mrs     x1, midr_el1
    ldr     x2, =0x41234567
    cmp     x1, x2
    cset    x1, ne
    CHECK_IMM "MIDR_EL1 at EL3 is the PE's own", x1, 1

    // ---------------------------------------------------- FEAT_VHE redirection
    RESET
    ldr     x0, =HCR_HOST
    bl      set_hcr_open
    msr     cnthctl_el2, xzr
    msr     cntkctl_el1, xzr
    isb
    RUN     snip_vhe_cntkctl, SPSR_EL2H, SCR_DEFAULT, HCR_HOST
    EXPECT_NONE "VHE CNTKCTL_EL1/_EL12 at EL2: no exception"
    LDRESULT x1, 0
    CHECK_IMM "VHE: MSR CNTKCTL_EL1 at EL2 (E2H=1) writes CNTHCTL_EL2", x1, 0x3
    LDRESULT x1, 1
    CHECK_IMM "VHE: MSR CNTKCTL_EL12 at EL2 (E2H=1) writes CNTKCTL_EL1", x1, 0x2
    RESET

    ldp     x29, x30, [sp], #16
    ret

// ---------------------------------------------------------------------------------- snippets
snip_revidr:
t_revidr:   mrs x1, revidr_el1
    EXIT
snip_ctr:
t_ctr:      mrs x2, ctr_el0
    EXIT
snip_csselr:
    mov     x3, #0
t_csselr:   msr csselr_el1, x3
    EXIT
snip_pfr0:
t_pfr0:     mrs x4, id_aa64pfr0_el1
    EXIT
snip_resid:
t_resid:    mrs x5, s3_0_c0_c3_7
    RESULT  0, x5
    EXIT
// With HCR_EL2.TRVM the EL1 handler's own reads of ESR_EL1/FAR_EL1 would be trapped too, so
// these exit with HVC straight to EL2 (an exit call there as well).
snip_sctlr_w:
    ldr     x6, =0x30D00800             // SCTLR_EL1 RES1 bits only: MMU and caches off
t_sctlr_w:  msr sctlr_el1, x6
    hvc     #EXIT_IMM
snip_sctlr_r:
t_sctlr_r:  mrs x7, sctlr_el1
    hvc     #EXIT_IMM
snip_actlr:
t_actlr:    mrs x8, actlr_el1
    EXIT
snip_lorid:
t_lorid:    mrs x9, lorid_el1
    EXIT
snip_erridr:
t_erridr:   mrs x16, erridr_el1
    RESULT  0, x16
    EXIT
snip_disr:
    mov     x1, #0x80000000             // DISR_EL1.A
    msr     disr_el1, x1
    isb
    EXIT
snip_lorc:
t_lorc:     mrs x9, lorc_el1
    EXIT
snip_mdscr:
t_mdscr:    mrs x10, mdscr_el1
    EXIT
snip_oslsr:
t_oslsr:    mrs x11, oslsr_el1
    EXIT
snip_mdrar:
t_mdrar:    mrs x12, mdrar_el1
    EXIT
snip_mdccsr:
t_mdccsr:   mrs x13, mdccsr_el0
    EXIT
snip_cntvct:
t_cntvct:   mrs x14, cntvct_el0
    EXIT
snip_dbgbvr:
    mov     x15, #0
t_dbgbvr:   msr dbgbvr0_el1, x15
    EXIT
snip_midr:
    mrs     x1, midr_el1
    RESULT  0, x1
    mrs     x1, mpidr_el1
    RESULT  1, x1
    EXIT
snip_vhe_cntkctl:
    mov     x1, #3
    msr     cntkctl_el1, x1             // E2H=1 at EL2: CNTHCTL_EL2
    mov     x1, #2
    msr     cntkctl_el12, x1            // CNTKCTL_EL1
    isb
    mrs     x1, cnthctl_el2
    and     x1, x1, #0x3
    RESULT  0, x1
    mrs     x1, cntkctl_el12
    and     x1, x1, #0x3
    RESULT  1, x1
    EXIT
