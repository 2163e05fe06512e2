// vectors: vector offsets and the state recorded on exception entry.
//
// Synchronous exceptions are taken from the current EL with SP_EL0 (offset 0x000), from
// the current EL with SP_ELx (0x200) and from a lower AArch64 EL (0x400), at EL1, EL2 and
// EL3. For each, the checks are:
//   R16  the vector offset the handler was entered at
//   R17  ESR_ELx, ELR_ELx (SVC/HVC/SMC: the next instruction; UDF: the instruction
//        itself), SPSR_ELx (NZCV, SS, IL, DAIF, M[4:0]: the snippet sets N and V first),
//        and PSTATE in the handler: DAIF all masked, SPSel=1, CurrentEL = the target
//   R18  routing: SVC from EL0 to EL1, or EL2 with TGE=1; HVC to EL2; SMC to EL3
// (IRQ/FIQ/SError offsets need an interrupt source and are not covered here.)

    .include "common.inc"

.equ NV_FLAGS, 0x90000000           // N=1 V=1, set by every snippet before the exception

// name, target EL, vector offset, ESR, ELR label + delta, expected SPSR (masked)
.macro VEXPECT name, el, off, esr, label, delta, spsr
    LDSTR   x0, "\name"
    mov     x1, #\el
    ldr     x2, =\off
    ldr     x3, =\esr
    adr     x4, \label
    add     x4, x4, #\delta
    ldr     x5, =\spsr
    bl      vcheck
.endm

    .text
    .global test_main
test_main:
    stp     x29, x30, [sp, #-16]!

    // ---------------------------------------------- EL1 as the target
    bl      test_reset
    RUN     snip_svc, SPSR_EL1T
    VEXPECT "R16 SVC at EL1t (SP_EL0) -> EL1 current EL SP0", 1, 0x000, (ESR_SVC|0x11), t_svc, 4, (NV_FLAGS|SPSR_EL1T)
    bl      test_reset
    RUN     snip_svc, SPSR_EL1H
    VEXPECT "R16 SVC at EL1h (SP_EL1) -> EL1 current EL SPx", 1, 0x200, (ESR_SVC|0x11), t_svc, 4, (NV_FLAGS|SPSR_EL1H)
    bl      test_reset
    RUN     snip_svc, SPSR_EL0T
    VEXPECT "R16 SVC at EL0 -> EL1 lower EL AArch64", 1, 0x400, (ESR_SVC|0x11), t_svc, 4, (NV_FLAGS|SPSR_EL0T)
    bl      test_reset
    RUN     snip_udf, SPSR_EL1T
    VEXPECT "R16 UDF at EL1t -> EL1 current EL SP0 (ELR = the UDF)", 1, 0x000, ESR_UNDEF, t_udf, 0, (NV_FLAGS|SPSR_EL1T)
    bl      test_reset
    RUN     snip_udf, SPSR_EL1H
    VEXPECT "R16 UDF at EL1h -> EL1 current EL SPx (ELR = the UDF)", 1, 0x200, ESR_UNDEF, t_udf, 0, (NV_FLAGS|SPSR_EL1H)
    bl      test_reset
    RUN     snip_udf, SPSR_EL0T
    VEXPECT "R16 UDF at EL0 -> EL1 lower EL (ELR = the UDF)", 1, 0x400, ESR_UNDEF, t_udf, 0, (NV_FLAGS|SPSR_EL0T)

    // ---------------------------------------------- EL2 as the target
    bl      test_reset
    RUN     snip_hvc, SPSR_EL1H
    VEXPECT "R16 HVC at EL1h -> EL2 lower EL AArch64", 2, 0x400, (ESR_HVC|0x22), t_hvc, 4, (NV_FLAGS|SPSR_EL1H)
    bl      test_reset
    RUN     snip_hvc, SPSR_EL1T
    VEXPECT "R16 HVC at EL1t -> EL2 lower EL (the lower EL's SP does not matter)", 2, 0x400, (ESR_HVC|0x22), t_hvc, 4, (NV_FLAGS|SPSR_EL1T)
    bl      test_reset
    RUN     snip_hvc, SPSR_EL2T
    VEXPECT "R16 HVC at EL2t (SP_EL0) -> EL2 current EL SP0", 2, 0x000, (ESR_HVC|0x22), t_hvc, 4, (NV_FLAGS|SPSR_EL2T)
    bl      test_reset
    RUN     snip_hvc, SPSR_EL2H
    VEXPECT "R16 HVC at EL2h (SP_EL2) -> EL2 current EL SPx", 2, 0x200, (ESR_HVC|0x22), t_hvc, 4, (NV_FLAGS|SPSR_EL2H)
    bl      test_reset
    RUN     snip_udf, SPSR_EL2H
    VEXPECT "R16 UDF at EL2h -> EL2 current EL SPx", 2, 0x200, ESR_UNDEF, t_udf, 0, (NV_FLAGS|SPSR_EL2H)
    bl      test_reset
    ldr     x0, =(HCR_RW|HCR_TGE)
    bl      set_hcr_open
    RUN     snip_svc, SPSR_EL0T, SCR_DEFAULT, (HCR_RW|HCR_TGE)
    VEXPECT "R16/R18 SVC at EL0 with TGE=1 -> EL2 lower EL", 2, 0x400, (ESR_SVC|0x11), t_svc, 4, (NV_FLAGS|SPSR_EL0T)
    bl      test_reset
    ldr     x0, =HCR_HOST
    bl      set_hcr_open
    RUN     snip_svc, SPSR_EL0T, SCR_DEFAULT, HCR_HOST
    VEXPECT "R16/R18 SVC at EL0 of a VHE host (E2H=TGE=1) -> EL2 lower EL", 2, 0x400, (ESR_SVC|0x11), t_svc, 4, (NV_FLAGS|SPSR_EL0T)

    // ---------------------------------------------- EL3 as the target
    bl      test_reset
    RUN     snip_smc, SPSR_EL2H
    VEXPECT "R16 SMC at EL2h -> EL3 lower EL AArch64", 3, 0x400, (ESR_SMC|0x33), t_smc, 4, (NV_FLAGS|SPSR_EL2H)
    bl      test_reset
    RUN     snip_smc, SPSR_EL1H
    VEXPECT "R16 SMC at EL1h -> EL3 lower EL AArch64", 3, 0x400, (ESR_SMC|0x33), t_smc, 4, (NV_FLAGS|SPSR_EL1H)
    bl      test_reset
    RUN     snip_smc, SPSR_EL1H, SCR_SECURE
    VEXPECT "R16 SMC at Secure EL1h -> EL3 lower EL AArch64", 3, 0x400, (ESR_SMC|0x33), t_smc, 4, (NV_FLAGS|SPSR_EL1H)
    bl      test_reset
    RUN     snip_svc, SPSR_EL3T
    VEXPECT "R16 SVC at EL3t (SP_EL0) -> EL3 current EL SP0", 3, 0x000, (ESR_SVC|0x11), t_svc, 4, (NV_FLAGS|SPSR_EL3T)
    bl      test_reset
    RUN     snip_svc, SPSR_EL3H
    VEXPECT "R16 SVC at EL3h (SP_EL3) -> EL3 current EL SPx", 3, 0x200, (ESR_SVC|0x11), t_svc, 4, (NV_FLAGS|SPSR_EL3H)
    bl      test_reset
    RUN     snip_smc, SPSR_EL3H
    VEXPECT "R16 SMC at EL3h -> EL3 current EL SPx", 3, 0x200, (ESR_SMC|0x33), t_smc, 4, (NV_FLAGS|SPSR_EL3H)

    ldp     x29, x30, [sp], #16
    ret

// vcheck: x0 = name, x1 = EL, x2 = offset, x3 = ESR, x4 = ELR, x5 = SPSR (masked).
vcheck:
    stp     x29, x30, [sp, #-64]!
    stp     x19, x20, [sp, #16]
    stp     x21, x22, [sp, #32]
    stp     x23, x24, [sp, #48]
    mov     x19, x0
    mov     x20, x1
    mov     x21, x2
    mov     x22, x3
    mov     x23, x4
    mov     x24, x5
    mov     x2, x22                     // one exception, at EL x20, with ESR and ELR
    mov     x3, x23
    bl      check_exception
    adr     x9, exc_rec
    add     x9, x9, x20, lsl #6
    ldr     x1, [x9, #REC_OFF]
    mov     x2, x21
    mov     x0, x19
    LDSTR   x3, ": vector offset"
    bl      check_report
    adr     x9, exc_rec
    add     x9, x9, x20, lsl #6
    ldr     x1, [x9, #REC_SPSR]
    ldr     x2, =SPSR_MASK
    and     x1, x1, x2
    mov     x2, x24
    mov     x0, x19
    LDSTR   x3, ": SPSR (NZCV SS IL DAIF M)"
    bl      check_report
    adr     x9, exc_rec
    add     x9, x9, x20, lsl #6
    ldr     x1, [x9, #REC_PSTATE]
    mov     x2, #(SPSR_DAIF | 1)        // DAIF masked, SPSel = 1
    orr     x2, x2, x20, lsl #2         // CurrentEL
    mov     x0, x19
    LDSTR   x3, ": PSTATE in the handler (DAIF|CurrentEL|SPSel)"
    bl      check_report
    ldp     x23, x24, [sp, #48]
    ldp     x21, x22, [sp, #32]
    ldp     x19, x20, [sp, #16]
    ldp     x29, x30, [sp], #64
    ret

// ---------------------------------------------------------------- lower-EL code
// Each snippet sets N and V, takes one exception at t_* and makes the exit call.
snip_svc:
    mov     x0, #NV_FLAGS
    msr     nzcv, x0
t_svc:  svc     #0x11
    EXIT

snip_hvc:
    mov     x0, #NV_FLAGS
    msr     nzcv, x0
t_hvc:  hvc     #0x22
    EXIT

snip_smc:
    mov     x0, #NV_FLAGS
    msr     nzcv, x0
t_smc:  smc     #0x33
    EXIT

snip_udf:
    mov     x0, #NV_FLAGS
    msr     nzcv, x0
t_udf:  udf     #0
    EXIT
