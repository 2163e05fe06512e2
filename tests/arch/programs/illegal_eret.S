// illegal_eret: exception returns with an illegal SPSR (R20).
//
// An illegal ERET keeps the EL and SP selection, restores NZCV and DAIF from the SPSR,
// sets PSTATE.IL and branches to ELR. The first instruction there then takes an Illegal
// Execution state exception (EC 0x0E) at the same EL (current EL, SPx: offset 0x200) with
// ELR = that instruction and SPSR.IL = 1. For each illegal condition the checks are: one
// exception, at the EL that executed the ERET; ESR = EC 0x0E; ELR = the ERET target;
// vector offset 0x200; SPSR = NZCV and DAIF of the bad SPSR, IL=1, M = the EL that ran the
// ERET (with SP_ELx).
// Conditions: SPSR.M[4]=1 (AArch32, but every EL uses AArch64); M[1]=1; EL0 with M[0]=1;
// a higher EL than the current one (EL1 -> EL2, EL2 -> EL3); EL1 while HCR_EL2.TGE=1 (from
// EL2 and from EL3); EL2 while SCR_EL3.NS=0 without Secure EL2. Two legal ERETs are the
// controls (no exception).
// The handler clears SPSR.IL before it returns (common.inc MODE_AUTO), so the program
// continues at the target, which makes the exit call.

    .include "common.inc"

.equ BAD_FLAGS, 0x60000000 | 0x340      // Z=1 C=1; D, A, I masked, F unmasked

// name, EL that runs the ERET, SPSR.M value of that EL with SP_ELx
.macro EXPECT_IL name, el, mode
    LDSTR   x0, "\name"
    mov     x1, #\el
    mov     x2, #\mode
    bl      il_check
.endm

    .text
    .global test_main
test_main:
    stp     x29, x30, [sp, #-16]!

    // ---------------------------------------------- ERET at EL3
    bl      test_reset
    RUN     landing, (BAD_FLAGS|0x13)       // AArch32 Supervisor mode (EL1)
    EXPECT_IL "R20 EL3 ERET with SPSR.M[4]=1 (AArch32 EL1; SCR_EL3.RW=1)", 3, 0xD
    bl      test_reset
    RUN     landing, (BAD_FLAGS|0x6)        // EL1 with M[1]=1
    EXPECT_IL "R20 EL3 ERET with SPSR.M[1]=1 (M=0b00110)", 3, 0xD
    bl      test_reset
    RUN     landing, (BAD_FLAGS|0x1)        // EL0 with M[0]=1
    EXPECT_IL "R20 EL3 ERET to EL0 with M[0]=1", 3, 0xD
    bl      test_reset
    ldr     x0, =(HCR_RW|HCR_TGE)
    bl      set_hcr_open
    RUN     landing, (BAD_FLAGS|0x5), SCR_DEFAULT, (HCR_RW|HCR_TGE)
    EXPECT_IL "R20 EL3 ERET to EL1h with HCR_EL2.TGE=1", 3, 0xD
    bl      test_reset
    RUN     landing, (BAD_FLAGS|0x9), SCR_SECURE
    EXPECT_IL "R20 EL3 ERET to EL2h with SCR_EL3.NS=0 (no Secure EL2)", 3, 0xD
    // control: a legal ERET from EL3 to EL1h
    bl      test_reset
    RUN     landing, SPSR_EL1H
    EXPECT_NONE "R20 control: EL3 ERET to EL1h (legal)"

    // ---------------------------------------------- ERET at EL2
    bl      test_reset
    ldr     x0, =(BAD_FLAGS|0xD)            // EL3h: higher than EL2
    RESULT  0, x0
    RUN     snip_eret_el2, SPSR_EL2H
    EXPECT_IL "R20 EL2 ERET to EL3h (a higher EL)", 2, 0x9
    bl      test_reset
    ldr     x0, =(HCR_RW|HCR_TGE)
    bl      set_hcr_open
    ldr     x0, =(BAD_FLAGS|0x5)            // EL1h while TGE=1
    RESULT  0, x0
    RUN     snip_eret_el2, SPSR_EL2H, SCR_DEFAULT, (HCR_RW|HCR_TGE)
    EXPECT_IL "R20 EL2 ERET to EL1h with HCR_EL2.TGE=1", 2, 0x9
    bl      test_reset
    ldr     x0, =(BAD_FLAGS|0x17)           // AArch32 Abort mode (EL1)
    RESULT  0, x0
    RUN     snip_eret_el2, SPSR_EL2H
    EXPECT_IL "R20 EL2 ERET with SPSR.M[4]=1 (AArch32 EL1; HCR_EL2.RW=1)", 2, 0x9

    // ---------------------------------------------- ERET at EL1
    bl      test_reset
    ldr     x0, =(BAD_FLAGS|0x9)            // EL2h: higher than EL1
    RESULT  0, x0
    RUN     snip_eret_el1, SPSR_EL1H
    EXPECT_IL "R20 EL1 ERET to EL2h (a higher EL)", 1, 0x5
    bl      test_reset
    ldr     x0, =(BAD_FLAGS|0x1)            // EL0 with M[0]=1
    RESULT  0, x0
    RUN     snip_eret_el1, SPSR_EL1H
    EXPECT_IL "R20 EL1 ERET to EL0 with M[0]=1", 1, 0x5
    bl      test_reset
    ldr     x0, =(BAD_FLAGS|0x7)            // EL1 with M[1]=1
    RESULT  0, x0
    RUN     snip_eret_el1, SPSR_EL1H
    EXPECT_IL "R20 EL1 ERET with SPSR.M[1]=1 (M=0b00111)", 1, 0x5
    // control: a legal ERET from EL1 to EL0
    bl      test_reset
    ldr     x0, =SPSR_EL0T
    RESULT  0, x0
    RUN     snip_eret_el1, SPSR_EL1H
    EXPECT_NONE "R20 control: EL1 ERET to EL0t (legal)"

    ldp     x29, x30, [sp], #16
    ret

// il_check: x0 = name, x1 = EL expected to take the EC 0x0E exception, x2 = its SPSR.M.
il_check:
    stp     x29, x30, [sp, #-48]!
    stp     x19, x20, [sp, #16]
    stp     x21, x22, [sp, #32]
    mov     x19, x0
    mov     x20, x1
    mov     x21, x2
    ldr     x2, =ESR_ILLEGAL
    adr     x3, landing                 // ELR = the ERET target
    bl      check_exception
    adr     x9, exc_rec
    add     x9, x9, x20, lsl #6
    ldr     x1, [x9, #REC_OFF]
    mov     x2, #0x200
    mov     x0, x19
    LDSTR   x3, ": vector offset (current EL SPx)"
    bl      check_report
    adr     x9, exc_rec
    add     x9, x9, x20, lsl #6
    ldr     x1, [x9, #REC_SPSR]
    ldr     x2, =SPSR_MASK
    and     x1, x1, x2
    ldr     x2, =(BAD_FLAGS|SPSR_IL)
    orr     x2, x2, x21
    mov     x0, x19
    LDSTR   x3, ": SPSR (NZCV DAIF from the bad SPSR, IL=1, M unchanged)"
    bl      check_report
    ldp     x21, x22, [sp, #32]
    ldp     x19, x20, [sp, #16]
    ldp     x29, x30, [sp], #48
    ret

// ---------------------------------------------------------------- lower-EL code
// ERET from EL1 / EL2 with SPSR = results[0] and ELR = landing.
snip_eret_el1:
    LDRESULT x1, 0
    msr     spsr_el1, x1
    adr     x2, landing
    msr     elr_el1, x2
    eret

snip_eret_el2:
    LDRESULT x1, 0
    msr     spsr_el2, x1
    adr     x2, landing
    msr     elr_el2, x2
    eret

// The ERET target. After an illegal return its first instruction takes the EC 0x0E
// exception; the handler clears IL and comes back here, and the exit call runs.
landing:
    EXIT
