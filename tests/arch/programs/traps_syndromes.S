// traps_syndromes: which EL takes SVE/FP access traps and exception-generating
// instructions, and with which syndrome.
//
// Every scenario starts from test_reset (Non-secure, EL2 enabled with E2H=0, all enables
// open), changes one or two controls, runs one instruction at some EL and reports three
// checks: the EL that took the exception (exactly one exception, nowhere else), ESR_ELx
// and ELR_ELx.
//   R7   ZCR_ELx accesses are gated by ZEN/TZ/EZ only (EC 0x19); EL0 access is UNDEFINED;
//        FPEN does not gate them (QEMU 7.2 traps with EC 0x07: a known deviation, SKIP)
//   R8   SVE check order EL1 -> EL2 -> EL3, SVE bit before FP bit
//   R9   CPTR_EL2 layout chosen by E2H; ZEN=01 traps EL0 only (CPACR_EL1) / only with TGE=1
//        (CPTR_EL2, E2H=1)
//   R10  EC 0x19 ISS 0; EC 0x07 ISS 0x1E00000; FP trap rerouted by TGE -> EC 0x00, SVE
//        trap rerouted keeps EC 0x19
//   R18  SVC/HVC/SMC routing and ISS imm16; HVC UNDEFINED with SCR_EL3.HCE=0; SMC
//        UNDEFINED with SCR_EL3.SMD=1; SMC trapped by HCR_EL2.TSC to EL2 (EC 0x17, ELR = the
//        SMC itself, regardless of SMD); HVC/SMC UNDEFINED at EL0

    .include "common.inc"

.equ CPACR_ZEN0,   (3 << FPEN_SHIFT)                 // SVE trapped at EL1 and EL0
.equ CPACR_ZEN01,  ((1 << ZEN_SHIFT) | (3 << FPEN_SHIFT))  // SVE trapped at EL0 only
.equ CPACR_FPEN0,  (3 << ZEN_SHIFT)                  // FP trapped at EL1 and EL0
.equ HCR_VHE,      (HCR_RW | HCR_E2H)                // E2H=1, TGE=0
.equ HCR_TGE_ONLY, (HCR_RW | HCR_TGE)                // E2H=0, TGE=1

// Set CPACR_EL1 / CPTR_EL2 / CPTR_EL3 (uses x9).
.macro CPACR value
    SETSYS  cpacr_el1, \value
.endm
.macro CPTR2 value
    SETSYS  cptr_el2, \value
.endm
.macro CPTR3 value
    SETSYS  cptr_el3, \value
.endm

    .text
    .global test_main
test_main:
    stp     x29, x30, [sp, #-16]!
    bl      check_sve_prereq

    // ---------------------------------------------------- SVE access traps (EC 0x19)
    // R8/R10: CPACR_EL1.ZEN=00 traps an SVE instruction at EL1 to EL1.
    bl      test_reset
    CPACR   CPACR_ZEN0
    RUN     snip_rdvl, SPSR_EL1H
    EXPECT  "R10 CPACR_EL1.ZEN=00: RDVL at EL1 -> EL1 EC 0x19", 1, ESR_SVE, t_rdvl

    // R9: ZEN=01 traps EL0 only ...
    bl      test_reset
    CPACR   CPACR_ZEN01
    RUN     snip_rdvl, SPSR_EL0T
    EXPECT  "R9 CPACR_EL1.ZEN=01: RDVL at EL0 -> EL1 EC 0x19", 1, ESR_SVE, t_rdvl
    // ... and not EL1.
    bl      test_reset
    CPACR   CPACR_ZEN01
    RUN     snip_rdvl, SPSR_EL1H
    EXPECT_NONE "R9 CPACR_EL1.ZEN=01: RDVL at EL1 is not trapped"

    // R8: EL1 control before EL3's: ZEN=00 and CPTR_EL3.EZ=0 -> EL1.
    bl      test_reset
    CPACR   CPACR_ZEN0
    CPTR3   0
    RUN     snip_rdvl, SPSR_EL1H
    EXPECT  "R8 CPACR_EL1.ZEN=00 + CPTR_EL3.EZ=0: RDVL at EL1 -> EL1 first", 1, ESR_SVE, t_rdvl

    // R9/R10: CPTR_EL2.TZ=1 (E2H=0) traps EL1 and EL2 to EL2.
    bl      test_reset
    CPTR2   (CPTR2_RES1 | CPTR2_TZ)
    RUN     snip_rdvl, SPSR_EL1H
    EXPECT  "R10 CPTR_EL2.TZ=1 (E2H=0): RDVL at EL1 -> EL2 EC 0x19", 2, ESR_SVE, t_rdvl
    bl      test_reset
    CPTR2   (CPTR2_RES1 | CPTR2_TZ)
    RUN     snip_rdvl, SPSR_EL2H
    EXPECT  "R10 CPTR_EL2.TZ=1 (E2H=0): RDVL at EL2 -> EL2 EC 0x19", 2, ESR_SVE, t_rdvl

    // R9: with E2H=1 CPTR_EL2 has the CPACR layout: ZEN=00 traps EL2 and EL1.
    bl      test_reset
    ldr     x0, =HCR_VHE
    bl      set_hcr_open
    CPTR2   (3 << FPEN_SHIFT)
    RUN     snip_rdvl, SPSR_EL2H, SCR_DEFAULT, HCR_VHE
    EXPECT  "R9 CPTR_EL2.ZEN=00 (E2H=1): RDVL at EL2 -> EL2 EC 0x19", 2, ESR_SVE, t_rdvl
    bl      test_reset
    ldr     x0, =HCR_VHE
    bl      set_hcr_open
    CPTR2   (3 << FPEN_SHIFT)
    RUN     snip_rdvl, SPSR_EL1H, SCR_DEFAULT, HCR_VHE
    EXPECT  "R9 CPTR_EL2.ZEN=00 (E2H=1 TGE=0): RDVL at EL1 -> EL2 EC 0x19", 2, ESR_SVE, t_rdvl
    // R9: E2H=1: bit 8 is not TZ (it is RES0 in this layout): ZEN=11 with bit 8 set: no trap.
    // (Not checked: writing a RES0 bit is not something a test should rely on.)
    // R9: CPTR_EL2.ZEN=01 (E2H=1) traps EL0 of a VHE host (TGE=1) to EL2.
    bl      test_reset
    ldr     x0, =HCR_HOST
    bl      set_hcr_open
    CPTR2   ((1 << ZEN_SHIFT) | (3 << FPEN_SHIFT))
    RUN     snip_rdvl, SPSR_EL0T, SCR_DEFAULT, HCR_HOST
    EXPECT  "R9 CPTR_EL2.ZEN=01 (E2H=TGE=1): RDVL at EL0 -> EL2 EC 0x19", 2, ESR_SVE, t_rdvl

    // R10: CPTR_EL3.EZ=0 traps every EL to EL3.
    bl      test_reset
    CPTR3   0
    RUN     snip_rdvl, SPSR_EL1H
    EXPECT  "R10 CPTR_EL3.EZ=0: RDVL at EL1 -> EL3 EC 0x19", 3, ESR_SVE, t_rdvl
    bl      test_reset
    CPTR3   0
    RUN     snip_rdvl, SPSR_EL2H
    EXPECT  "R10 CPTR_EL3.EZ=0: RDVL at EL2 -> EL3 EC 0x19", 3, ESR_SVE, t_rdvl
    bl      test_reset
    CPTR3   0
    RUN     snip_rdvl, SPSR_EL3H
    EXPECT  "R10 CPTR_EL3.EZ=0: RDVL at EL3 -> EL3 EC 0x19", 3, ESR_SVE, t_rdvl

    // R10: an SVE trap rerouted by TGE (E2H=0) keeps EC 0x19.
    bl      test_reset
    ldr     x0, =HCR_TGE_ONLY
    bl      set_hcr_open
    CPACR   CPACR_ZEN0
    RUN     snip_rdvl, SPSR_EL0T, SCR_DEFAULT, HCR_TGE_ONLY
    EXPECT  "R10 TGE=1 E2H=0 CPACR_EL1.ZEN=00: RDVL at EL0 -> EL2 still EC 0x19", 2, ESR_SVE, t_rdvl

    // ---------------------------------------------------- FP access traps (EC 0x07)
    bl      test_reset
    CPACR   CPACR_FPEN0
    RUN     snip_fmov, SPSR_EL1H
    EXPECT  "R10 CPACR_EL1.FPEN=00: FMOV at EL1 -> EL1 EC 0x07 ISS 0x1E00000", 1, ESR_FP, t_fmov
    bl      test_reset
    CPACR   CPACR_FPEN0
    RUN     snip_fmov, SPSR_EL0T
    EXPECT  "R10 CPACR_EL1.FPEN=00: FMOV at EL0 -> EL1 EC 0x07", 1, ESR_FP, t_fmov
    // R8: SVE enabled, FP disabled at the same level: an SVE instruction takes EC 0x07.
    bl      test_reset
    CPACR   CPACR_FPEN0
    RUN     snip_rdvl, SPSR_EL1H
    EXPECT  "R8 CPACR_EL1.ZEN=11 FPEN=00: RDVL at EL1 -> EL1 EC 0x07", 1, ESR_FP, t_rdvl
    bl      test_reset
    CPTR2   (CPTR2_RES1 | CPTR2_TFP)
    RUN     snip_fmov, SPSR_EL1H
    EXPECT  "R10 CPTR_EL2.TFP=1 (E2H=0): FMOV at EL1 -> EL2 EC 0x07", 2, ESR_FP, t_fmov
    // R8: within EL2's controls the SVE bit wins over the FP bit.
    bl      test_reset
    CPTR2   (CPTR2_RES1 | CPTR2_TFP | CPTR2_TZ)
    RUN     snip_rdvl, SPSR_EL1H
    EXPECT  "R8 CPTR_EL2.TZ=1 TFP=1: RDVL at EL1 -> EL2 EC 0x19 (SVE before FP)", 2, ESR_SVE, t_rdvl
    bl      test_reset
    ldr     x0, =HCR_VHE
    bl      set_hcr_open
    CPTR2   (3 << ZEN_SHIFT)
    RUN     snip_fmov, SPSR_EL2H, SCR_DEFAULT, HCR_VHE
    EXPECT  "R9 CPTR_EL2.FPEN=00 (E2H=1): FMOV at EL2 -> EL2 EC 0x07", 2, ESR_FP, t_fmov
    bl      test_reset
    CPTR3   (CPTR3_EZ | CPTR3_TFP)
    RUN     snip_fmov, SPSR_EL2H
    EXPECT  "R10 CPTR_EL3.TFP=1: FMOV at EL2 -> EL3 EC 0x07", 3, ESR_FP, t_fmov
    bl      test_reset
    CPTR3   (CPTR3_EZ | CPTR3_TFP)
    RUN     snip_fmov, SPSR_EL1H
    EXPECT  "R10 CPTR_EL3.TFP=1: FMOV at EL1 -> EL3 EC 0x07", 3, ESR_FP, t_fmov
    // R10: FP trap from EL0 that CPACR_EL1 routes to EL1, rerouted to EL2 by TGE
    // (E2H=0): EC 0x00 (R_JNBTN), ISS 0.
    bl      test_reset
    ldr     x0, =HCR_TGE_ONLY
    bl      set_hcr_open
    CPACR   CPACR_FPEN0
    RUN     snip_fmov, SPSR_EL0T, SCR_DEFAULT, HCR_TGE_ONLY
    EXPECT  "R10 TGE=1 E2H=0 CPACR_EL1.FPEN=00: FMOV at EL0 -> EL2 EC 0x00", 2, ESR_UNDEF, t_fmov

    // ---------------------------------------------------- SVC / HVC / SMC (R18)
    bl      test_reset
    RUN     snip_svc, SPSR_EL0T
    EXPECT  "R18 SVC #0x1234 at EL0 -> EL1 EC 0x15 ISS imm16", 1, (ESR_SVC | 0x1234), t_svc, 4
    bl      test_reset
    RUN     snip_svc, SPSR_EL1H
    EXPECT  "R18 SVC #0x1234 at EL1 -> EL1", 1, (ESR_SVC | 0x1234), t_svc, 4
    bl      test_reset
    ldr     x0, =HCR_TGE_ONLY
    bl      set_hcr_open
    RUN     snip_svc, SPSR_EL0T, SCR_DEFAULT, HCR_TGE_ONLY
    EXPECT  "R18 SVC at EL0 with TGE=1 -> EL2 EC 0x15", 2, (ESR_SVC | 0x1234), t_svc, 4
    bl      test_reset
    RUN     snip_hvc, SPSR_EL1H
    EXPECT  "R18 HVC #0x2345 at EL1 -> EL2 EC 0x16 ISS imm16", 2, (ESR_HVC | 0x2345), t_hvc, 4
    bl      test_reset
    RUN     snip_hvc, SPSR_EL2H
    EXPECT  "R18 HVC #0x2345 at EL2 -> EL2 EC 0x16", 2, (ESR_HVC | 0x2345), t_hvc, 4
    bl      test_reset
    RUN     snip_smc, SPSR_EL1H
    EXPECT  "R18 SMC #0x3456 at EL1 -> EL3 EC 0x17 ISS imm16", 3, (ESR_SMC | 0x3456), t_smc, 4
    bl      test_reset
    RUN     snip_smc, SPSR_EL2H
    EXPECT  "R18 SMC #0x3456 at EL2 -> EL3 EC 0x17", 3, (ESR_SMC | 0x3456), t_smc, 4
    bl      test_reset
    RUN     snip_hvc, SPSR_EL0T
    EXPECT  "R18 HVC at EL0 is UNDEFINED -> EL1 EC 0x00", 1, ESR_UNDEF, t_hvc
    bl      test_reset
    RUN     snip_smc, SPSR_EL0T
    EXPECT  "R18 SMC at EL0 is UNDEFINED -> EL1 EC 0x00", 1, ESR_UNDEF, t_smc

    // HVC disabled by SCR_EL3.HCE=0: UNDEFINED at EL1 and EL2.
    bl      test_reset
    RUN     snip_hvc, SPSR_EL1H, (SCR_DEFAULT & ~SCR_HCE)
    EXPECT  "R18 SCR_EL3.HCE=0: HVC at EL1 is UNDEFINED -> EL1 EC 0x00", 1, ESR_UNDEF, t_hvc
    bl      test_reset
    RUN     snip_hvc, SPSR_EL2H, (SCR_DEFAULT & ~SCR_HCE)
    EXPECT  "R18 SCR_EL3.HCE=0: HVC at EL2 is UNDEFINED -> EL2 EC 0x00", 2, ESR_UNDEF, t_hvc

    // SMC disabled by SCR_EL3.SMD=1: UNDEFINED at EL1 and EL2. The exit calls cannot
    // reach EL3 by SMC then, so these snippets come back through an FP trap to EL3
    // (CPTR_EL3.TFP=1, EL3 handler in MODE_RESUME), which is not counted below.
    bl      test_reset
    CPTR3   (CPTR3_EZ | CPTR3_TFP)
    SET_MODE 3, MODE_RESUME
    RUN     snip_smc_fpexit, SPSR_EL1H, (SCR_DEFAULT | SCR_SMD)
    bl      forget_el3_exit
    EXPECT  "R18 SCR_EL3.SMD=1: SMC at EL1 is UNDEFINED -> EL1 EC 0x00", 1, ESR_UNDEF, t_smc2
    bl      test_reset
    CPTR3   (CPTR3_EZ | CPTR3_TFP)
    SET_MODE 3, MODE_RESUME
    RUN     snip_smc_fpexit, SPSR_EL2H, (SCR_DEFAULT | SCR_SMD)
    bl      forget_el3_exit
    EXPECT  "R18 SCR_EL3.SMD=1: SMC at EL2 is UNDEFINED -> EL2 EC 0x00", 2, ESR_UNDEF, t_smc2

    // SMC at EL1 trapped by HCR_EL2.TSC: EL2, EC 0x17, ELR = the SMC itself ...
    bl      test_reset
    RUN     snip_smc, SPSR_EL1H, SCR_DEFAULT, (HCR_RW|HCR_TSC)
    EXPECT  "R18 HCR_EL2.TSC=1: SMC at EL1 -> EL2 EC 0x17 ELR=the SMC", 2, (ESR_SMC | 0x3456), t_smc
    // ... also when SCR_EL3.SMD=1 (the trap has priority over the UNDEFINED).
    bl      test_reset
    CPTR3   (CPTR3_EZ | CPTR3_TFP)
    SET_MODE 3, MODE_RESUME
    RUN     snip_smc_fpexit, SPSR_EL1H, (SCR_DEFAULT | SCR_SMD), (HCR_RW|HCR_TSC)
    bl      forget_el3_exit
    EXPECT  "R18 HCR_EL2.TSC=1 SCR_EL3.SMD=1: SMC at EL1 -> EL2 EC 0x17", 2, (ESR_SMC | 0x3456), t_smc2

    // ---------------------------------------------------- ZCR_ELx accesses (R7)
    // ZEN=00: MRS ZCR_EL1 at EL1 -> EL1, EC 0x19.
    bl      test_reset
    CPACR   CPACR_ZEN0
    RUN     snip_zcr1, SPSR_EL1H
    EXPECT  "R7 CPACR_EL1.ZEN=00: MRS ZCR_EL1 at EL1 -> EL1 EC 0x19", 1, ESR_SVE, t_zcr1
    // CPTR_EL2.TZ=1: MRS ZCR_EL2 at EL2 -> EL2, EC 0x19.
    bl      test_reset
    CPTR2   (CPTR2_RES1 | CPTR2_TZ)
    RUN     snip_zcr2, SPSR_EL2H
    EXPECT  "R7 CPTR_EL2.TZ=1: MRS ZCR_EL2 at EL2 -> EL2 EC 0x19", 2, ESR_SVE, t_zcr2
    // CPTR_EL3.EZ=0: MRS ZCR_EL1 at EL1 -> EL3, EC 0x19.
    bl      test_reset
    CPTR3   0
    RUN     snip_zcr1, SPSR_EL1H
    EXPECT  "R7 CPTR_EL3.EZ=0: MRS ZCR_EL1 at EL1 -> EL3 EC 0x19", 3, ESR_SVE, t_zcr1
    // EL0: UNDEFINED.
    bl      test_reset
    RUN     snip_zcr1, SPSR_EL0T
    EXPECT  "R7 MRS ZCR_EL1 at EL0 is UNDEFINED -> EL1 EC 0x00", 1, ESR_UNDEF, t_zcr1
    // FP disabled, SVE enabled at EL1: the access is allowed (only ZEN/TZ/EZ gate it).
    // QEMU 7.2 also runs its FP check and traps with EC 0x07.
    bl      test_reset
    mov     x0, #5
    msr     zcr_el1, x0
    CPACR   CPACR_FPEN0
    RUN     snip_zcr1, SPSR_EL1H
    bl      on_qemu
    cbnz    x0, 1f
    EXPECT_NONE "R7 CPACR_EL1.FPEN=00 ZEN=11: MRS ZCR_EL1 at EL1 is not trapped"
    LDRESULT x19, 0
    CHECK_IMM "R7 CPACR_EL1.FPEN=00 ZEN=11: MRS ZCR_EL1 at EL1 reads 5", x19, 5
    b       2f
1:  SKIP    "R7 CPACR_EL1.FPEN=00 ZEN=11: MRS ZCR_EL1 at EL1 is not trapped"
    SKIP    "R7 CPACR_EL1.FPEN=00 ZEN=11: MRS ZCR_EL1 at EL1 reads 5"
2:
    // Same for CPTR_EL2.TFP=1 and ZCR_EL2 at EL2.
    bl      test_reset
    CPTR2   (CPTR2_RES1 | CPTR2_TFP)
    RUN     snip_zcr2, SPSR_EL2H
    bl      on_qemu
    cbnz    x0, 1f
    EXPECT_NONE "R7 CPTR_EL2.TFP=1 TZ=0: MRS ZCR_EL2 at EL2 is not trapped"
    b       2f
1:  SKIP    "R7 CPTR_EL2.TFP=1 TZ=0: MRS ZCR_EL2 at EL2 is not trapped"
2:
    ldp     x29, x30, [sp], #16
    ret

// The FP trap used as exit call in the SMD scenarios is recorded at EL3: forget it.
forget_el3_exit:
    adr     x9, exc_rec
    str     xzr, [x9, #(3 * REC_SIZE + REC_COUNT)]
    ret

// ---------------------------------------------------------------- lower-EL code
// Each snippet runs one instruction (labelled t_*) and makes the exit call.
snip_rdvl:
t_rdvl: rdvl    x0, #1
    EXIT

snip_fmov:
t_fmov: fmov    d0, xzr
    EXIT

snip_svc:
t_svc:  svc     #0x1234
    EXIT

snip_hvc:
t_hvc:  hvc     #0x2345
    EXIT

snip_smc:
t_smc:  smc     #0x3456
    EXIT

// For SCR_EL3.SMD=1: back to the driver through an FP trap to EL3.
snip_smc_fpexit:
t_smc2: smc     #0x3456
    fmov    d0, xzr
    b       .

snip_zcr1:
    mov     x0, #0xbad
t_zcr1: mrs     x0, zcr_el1
    RESULT  0, x0
    EXIT

snip_zcr2:
t_zcr2: mrs     x0, zcr_el2
    EXIT
