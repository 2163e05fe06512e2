// The example platform's program: runs at EL3 from reset, sets up an EL3 vector table, routes
// IRQs to EL3, writes its vector length to the doorbell, waits for the timer's interrupt, and
// on it stores the interrupt count and exits through semihosting with status 0.
    .equ DOORBELL, 0x10000000
    .text
    .global _start
_start:
    adr     x0, vectors
    msr     vbar_el3, x0
    mov     x0, #(1 << 1) | (1 << 0)    // SCR_EL3.IRQ (route IRQs to EL3), .NS
    orr     x0, x0, #(1 << 10)          // .RW
    msr     scr_el3, x0
    mov     x0, #(1 << 8)               // CPTR_EL3.EZ: SVE not trapped
    msr     cptr_el3, x0
    mov     x0, #3                      // ZCR_EL3.LEN = 3: VL 512
    msr     S3_6_C1_C2_0, x0
    isb
    ldr     x1, =DOORBELL
    rdvl    x0, #1                      // bytes per vector
    str     x0, [x1]                    // doorbell word 0: the VL in bytes
    msr     daifclr, #2                 // unmask IRQ
1:  wfi
    b       1b

    .balign 0x800
vectors:
    .skip   0x280                       // current EL with SP_ELx, IRQ at +0x280
    ldr     x1, =DOORBELL
    mov     x0, #1
    str     x0, [x1, #8]                // doorbell word 1: acknowledge the interrupt
    mov     x0, #0x18                   // SYS_EXIT
    ldr     x1, =exit_block
    hlt     #0xf000
    b       .
    .ltorg

    .data
    .balign 8
exit_block:
    .quad   0x20026                     // ADP_Stopped_ApplicationExit
    .quad   0                           // exit status
