// sve_arith: SVE and scalar FP arithmetic whose operands stay live across exits, checked against
// closed forms at every vector length. Per VL with n = VL/64 doubleword lanes:
//   z0.d = 1..n (INDEX), z1.d = 1.0..n (SCVTF); four steps of FMLA z2 += z1*z1 and
//   MLA z3 += z0*z0, each step followed by an exit (a printed '.');
//   FADDV z2 = UADDV z3 = 4 * n(n+1)(2n+1)/6, FADDA of z1 = n(n+1)/2 (exact in binary64);
//   scalar: sqrt(2.0) before an exit, squared after it: 0x4000000000000001, and 1.0/3.0 across
//   an exit: 0x3fd5555555555555 (IEEE 754 binary64, round to nearest; FPCR left at reset, 0).
    .include "contract.inc"
    .arch armv8.2-a+sve

    .macro check_eq got, want, what
    cmp     \got, \want
    b.eq    9f
    mov     x19, \got
    mov     x20, \want
    ldr     x21, =\what
    b       arith_failed
9:
    .endm

    .text
    .global guest_main
guest_main:
    mrs     x0, cpacr_el1
    orr     x0, x0, #CPACR_FPEN_ON
    orr     x0, x0, #CPACR_ZEN_ON
    msr     cpacr_el1, x0
    isb
    msr     fpcr, xzr
    bl      vector_lengths
    mov     x22, x0                     // number of VLs
    mov     x23, #0                     // index
1:  cmp     x23, x22
    b.hs    guest_pass
    ldr     x1, =vl_lens
    ldrb    w1, [x1, x23]
    msr     zcr_el1, x1
    isb
    ldr     x0, =msg_vl
    bl      puts
    rdvl    x0, #8
    bl      put_dec
    ldr     x0, =msg_colon
    bl      puts

    ptrue   p0.d
    index   z0.d, #1, #1
    scvtf   z1.d, p0/m, z0.d
    dup     z2.d, #0
    dup     z3.d, #0
    fmov    d9, #2.0
    fsqrt   d9, d9
    fmov    d10, #1.0
    fmov    d11, #3.0
    mov     x24, #4
2:  fmla    z2.d, p0/m, z1.d, z1.d
    mla     z3.d, p0/m, z0.d, z0.d
    mov     w0, #'.'
    bl      putc
    subs    x24, x24, #1
    b.ne    2b
    fmul    d9, d9, d9
    fdiv    d10, d10, d11
    mov     w0, #' '
    bl      putc

    cntd    x25                         // n
    add     x1, x25, #1
    mul     x1, x1, x25                 // n(n+1)
    lsr     x26, x1, #1                 // n(n+1)/2
    lsl     x2, x25, #1
    add     x2, x2, #1
    mul     x1, x1, x2
    mov     x2, #6
    udiv    x1, x1, x2
    lsl     x27, x1, #2                 // 4 n(n+1)(2n+1)/6

    faddv   d4, p0, z2.d
    fcvtzu  x0, d4
    check_eq x0, x27, what_faddv
    uaddv   d5, p0, z3.d
    fmov    x0, d5
    check_eq x0, x27, what_uaddv
    fmov    d6, xzr
    fadda   d6, p0, d6, z1.d
    fcvtzu  x0, d6
    check_eq x0, x26, what_fadda
    fmov    x0, d9
    ldr     x1, =0x4000000000000001
    check_eq x0, x1, what_sqrt
    fmov    x0, d10
    ldr     x1, =0x3fd5555555555555
    check_eq x0, x1, what_div

    ldr     x0, =msg_sum
    bl      puts
    mov     x0, x26
    bl      put_dec
    ldr     x0, =msg_squares
    bl      puts
    mov     x0, x27
    bl      put_dec
    ldr     x0, =msg_ok
    bl      puts
    add     x23, x23, #1
    b       1b

// x19 = got, x20 = expected, x21 = what was computed.
arith_failed:
    bl      fail_begin
    mov     x0, x21
    bl      puts
    ldr     x0, =msg_got
    bl      puts
    mov     x0, x19
    bl      put_hex
    ldr     x0, =msg_expected
    bl      puts
    mov     x0, x20
    bl      put_hex
    ldr     x0, =msg_at_vl
    bl      puts
    rdvl    x0, #8
    bl      put_dec
    ldr     x0, =msg_bits
    bl      puts
    b       fail_end

    .section .rodata
    .global guest_name
guest_name:     .asciz "sve_arith"
msg_vl:         .asciz "sve_arith: VL "
msg_colon:      .asciz " bits "
msg_sum:        .asciz "sum(i) = "
msg_squares:    .asciz ", sum(4 i^2) = "
msg_ok:         .asciz ", sqrt(2)^2 and 1/3 exact: ok\n"
msg_got:        .asciz ": got "
msg_expected:   .asciz ", expected "
msg_at_vl:      .asciz " at VL "
msg_bits:       .asciz " bits"
what_faddv:     .asciz "FADDV of the FMLA sums of squares"
what_uaddv:     .asciz "UADDV of the MLA sums of squares"
what_fadda:     .asciz "FADDA of 1.0..n"
what_sqrt:      .asciz "FSQRT(2.0) squared (binary64 bits)"
what_div:       .asciz "1.0/3.0 (binary64 bits)"
