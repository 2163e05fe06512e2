// no_sve: never enables SVE (CPACR_EL1.ZEN = 0), so KVM's lazy FP/SIMD paths are the ones taken.
// Fills V0-V31, FPCR and FPSR with its own values (six rounds with different data) and checks
// them after every exit. Then it executes one SVE instruction (RDVL), which must trap to its
// own EL1 with ESR_EL1.EC = 0x19 (Arm ARM: CPACR_EL1.ZEN traps SVE at EL1 before any EL2 trap).
    .include "contract.inc"
    .arch armv8.2-a+sve

    .equ V_BYTES, 32 * 16
    .equ FPCR_VALUE, (3 << 22) | (1 << 24) | (1 << 25)  // RMode = RZ, FZ, DN
    .equ FPSR_VALUE, (1 << 27) | 0x9f                   // QC, IDC, IXC, UFC, OFC, DZC, IOC

    .text
    .global guest_main
guest_main:
    mrs     x0, cpacr_el1
    bic     x0, x0, #CPACR_ZEN_ON
    orr     x0, x0, #CPACR_FPEN_ON
    msr     cpacr_el1, x0
    isb
    ldr     x0, =FPCR_VALUE
    msr     fpcr, x0
    ldr     x0, =FPSR_VALUE
    msr     fpsr, x0
    mov     x19, #1                     // round = seed
1:  cmp     x19, #6
    b.hi    2f
    ldr     x0, =v_expect
    mov     x1, #V_BYTES
    mov     x2, x19
    bl      fill_bytes
    ldr     x0, =v_expect
    .irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    ldr     q\n, [x0, #(\n * 16)]
    .endr
    ldr     x0, =exit_hook
    ldr     x1, =v_check
    str     x1, [x0]
    ldr     x0, =msg_round
    bl      puts
    mov     x0, x19
    bl      put_dec
    ldr     x0, =msg_round_end
    bl      puts
    ldr     x0, =exit_hook
    str     xzr, [x0]
    add     x19, x19, #1
    b       1b

2:  mov     w0, #EC_SVE_ACCESS
    ldr     x1, =expected_ec
    str     w0, [x1]
    rdvl    x0, #1
    ldr     x1, =expected_ec
    ldr     w0, [x1]
    cbnz    w0, 3f                      // still expected: RDVL did not trap
    ldr     x0, =msg_trapped
    bl      puts
    ldr     x0, =trapped_esr
    ldr     x0, [x0]
    bl      put_hex
    mov     w0, #'\n'
    bl      putc
    b       guest_pass
3:  ldr     x0, =msg_no_trap
    b       fail_msg

// The exit hook: V0-V31, FPCR and FPSR against what the round loaded and set.
v_check:
    stp     x29, x30, [sp, #-32]!
    stp     x19, x20, [sp, #16]
    ldr     x0, =v_dump
    .irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    str     q\n, [x0, #(\n * 16)]
    .endr
    ldr     x0, =v_expect
    ldr     x1, =v_dump
    mov     x2, #V_BYTES
    bl      first_difference
    cmn     x0, #1
    b.ne    4f
    mrs     x19, fpcr
    ldr     x20, =FPCR_VALUE
    ldr     x0, =name_fpcr
    cmp     x19, x20
    b.ne    5f
    mrs     x19, fpsr
    ldr     x20, =FPSR_VALUE
    ldr     x0, =name_fpsr
    cmp     x19, x20
    b.ne    5f
    ldp     x19, x20, [sp, #16]
    ldp     x29, x30, [sp], #32
    ret
4:  mov     x19, x0                     // V register byte
    bl      fail_begin
    ldr     x0, =name_v
    bl      puts
    lsr     x0, x19, #4
    bl      put_dec
    ldr     x0, =name_byte
    bl      puts
    and     x0, x19, #15
    bl      put_dec
    ldr     x0, =msg_is
    bl      puts
    ldr     x0, =v_dump
    ldrb    w0, [x0, x19]
    bl      put_hex8
    ldr     x0, =msg_expected
    bl      puts
    ldr     x0, =v_expect
    ldrb    w0, [x0, x19]
    bl      put_hex8
    b       fail_end
5:  mov     x21, x0                     // FPCR or FPSR: x19 got, x20 expected
    bl      fail_begin
    mov     x0, x21
    bl      puts
    ldr     x0, =msg_is
    bl      puts
    mov     x0, x19
    bl      put_hex
    ldr     x0, =msg_expected
    bl      puts
    mov     x0, x20
    bl      put_hex
    b       fail_end

    .section .rodata
    .global guest_name
guest_name:     .asciz "no_sve"
msg_round:      .asciz "no_sve: round "
msg_round_end:  .asciz ": V0-V31, FPCR and FPSR intact after each exit of this line\n"
msg_trapped:    .asciz "no_sve: RDVL trapped to EL1 as CPACR_EL1.ZEN=0 requires, ESR_EL1 "
msg_no_trap:    .asciz "RDVL did not trap with CPACR_EL1.ZEN=0 (expected ESR_EL1.EC 0x19 at EL1)"
name_v:         .asciz "V"
name_byte:      .asciz " byte "
name_fpcr:      .asciz "FPCR"
name_fpsr:      .asciz "FPSR"
msg_is:         .asciz " is "
msg_expected:   .asciz ", expected "

    .bss
    .balign 16
v_expect:       .space V_BYTES
v_dump:         .space V_BYTES
