// The SVE state as a byte image at the current VL: Z0-Z31 (VL bytes each), P0-P15 (VL/8 bytes
// each), then FFR (VL/8 bytes), the order of the `mul vl` offsets below. Guests generate the
// image they expect, load it into the registers, store the registers into a second image after
// an exit and compare the two byte by byte.
    .include "contract.inc"
    .arch armv8.2-a+sve

    .text
// fill_bytes(x0 = dst, x1 = length, x2 = seed): byte o = ((seed*53 + o*11 + (o>>8)*7) mod 255) + 1.
// Never zero, so a zeroed byte is always told apart from a kept one; registers of one image differ.
    .global fill_bytes
fill_bytes:
    mov     x3, #0
    mov     x4, #53
    mul     x4, x2, x4
    mov     x5, #255
    mov     x6, #11
    mov     x7, #7
1:  cmp     x3, x1
    b.hs    2f
    madd    x8, x3, x6, x4
    lsr     x9, x3, #8
    madd    x8, x9, x7, x8
    udiv    x9, x8, x5
    msub    x8, x9, x5, x8
    add     w8, w8, #1
    strb    w8, [x0, x3]
    add     x3, x3, #1
    b       1b
2:  ret

// image_bytes() -> x0: the size of the image at the current VL: 32 * VL + 17 * VL / 8.
    .global image_bytes
image_bytes:
    rdvl    x0, #16
    lsl     x0, x0, #1                  // Z0-Z31
    rdvl    x1, #1
    lsr     x1, x1, #3                  // PL: one predicate bit per vector byte
    mov     x2, #17                     // P0-P15 and FFR
    madd    x0, x1, x2, x0
    ret

// sve_image_generate(x0 = seed): the expected image at the current VL into img_expect. FFR gets
// a monotonic value (the first PL*8 - seed%5 bits set): WRFFR's operand must be monotonic.
    .global sve_image_generate
sve_image_generate:
    stp     x29, x30, [sp, #-32]!
    stp     x19, x20, [sp, #16]
    mov     x19, x0
    ldr     x1, =image_vl               // the VL and ZCR_EL1 the image belongs to (sve_check)
    rdvl    x2, #1
    str     x2, [x1]
    mrs     x2, zcr_el1
    str     x2, [x1, #8]
    rdvl    x1, #16
    lsl     x1, x1, #1
    rdvl    x2, #2                      // 16 predicates of VL/8 bytes
    add     x1, x1, x2
    mov     x20, x1                     // offset of FFR
    ldr     x0, =img_expect
    mov     x2, x19
    bl      fill_bytes
    rdvl    x1, #1
    lsr     x1, x1, #3                  // PL bytes
    lsl     x2, x1, #3                  // PL bits
    mov     x3, #5
    udiv    x4, x19, x3
    msub    x4, x4, x3, x19
    sub     x2, x2, x4                  // bits set in FFR
    ldr     x0, =img_expect
    add     x0, x0, x20
    mov     x3, #0                      // byte index
1:  cmp     x3, x1
    b.hs    3f
    mov     w5, #0xff
    lsl     x6, x3, #3
    subs    x6, x2, x6                  // bits left for this byte
    b.le    2f
    cmp     x6, #8
    b.ge    4f
    mov     w5, #1
    lsl     w5, w5, w6
    sub     w5, w5, #1
    b       4f
2:  mov     w5, #0
4:  strb    w5, [x0, x3]
    add     x3, x3, #1
    b       1b
3:  ldp     x19, x20, [sp, #16]
    ldp     x29, x30, [sp], #32
    ret

// sve_load(x0 = image): Z0-Z31, P0-P15 and FFR from the image.
    .global sve_load
sve_load:
    addvl   x1, x0, #31
    addvl   x1, x1, #1                  // P0
    addpl   x2, x1, #16                 // FFR
    ldr     p0, [x2]
    wrffr   p0.b
    .irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
    ldr     p\n, [x1, #\n, mul vl]
    .endr
    .irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    ldr     z\n, [x0, #\n, mul vl]
    .endr
    ret

// sve_store(x0 = image): Z0-Z31, P0-P15 and FFR into the image; changes no register but x1, x2.
    .global sve_store
sve_store:
    .irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    str     z\n, [x0, #\n, mul vl]
    .endr
    addvl   x1, x0, #31
    addvl   x1, x1, #1
    .irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
    str     p\n, [x1, #\n, mul vl]
    .endr
    addpl   x2, x1, #16
    rdffr   p0.b
    str     p0, [x2]
    ldr     p0, [x1]                    // P0 back
    ret

// first_difference(x0 = a, x1 = b, x2 = length) -> x0: the first offset where they differ, or -1.
    .global first_difference
first_difference:
    mov     x3, #0
1:  cmp     x3, x2
    b.hs    2f
    ldrb    w4, [x0, x3]
    ldrb    w5, [x1, x3]
    cmp     w4, w5
    b.ne    3f
    add     x3, x3, #1
    b       1b
2:  mov     x0, #-1
    ret
3:  mov     x0, x3
    ret

// put_image_byte(x0 = offset): names the register byte at that image offset ("Z5 byte 17",
// "P3 byte 1", "FFR byte 0") at the current VL.
    .global put_image_byte
put_image_byte:
    stp     x29, x30, [sp, #-32]!
    stp     x19, x20, [sp, #16]
    rdvl    x1, #1
    rdvl    x2, #16
    lsl     x2, x2, #1
    cmp     x0, x2
    b.hs    1f
    udiv    x19, x0, x1                 // Z register
    msub    x20, x19, x1, x0            // byte
    ldr     x0, =name_z
    b       3f
1:  sub     x0, x0, x2
    lsr     x1, x1, #3                  // PL
    lsl     x2, x1, #4
    cmp     x0, x2
    b.hs    2f
    udiv    x19, x0, x1
    msub    x20, x19, x1, x0
    ldr     x0, =name_p
    b       3f
2:  sub     x20, x0, x2
    mov     x19, #-1
    ldr     x0, =name_ffr
3:  bl      puts
    tbnz    x19, #63, 4f
    mov     x0, x19
    bl      put_dec
4:  ldr     x0, =name_byte
    bl      puts
    mov     x0, x20
    bl      put_dec
    ldp     x19, x20, [sp, #16]
    ldp     x29, x30, [sp], #32
    ret

// sve_check(): the exit hook of the SVE guests. Checks that VL and ZCR_EL1 are still those of
// the image, stores the live state, compares it with img_expect and reports the first differing
// byte: "FAIL <name>: Z5 byte 17 is 0x00, expected 0x3a (VL 512 bits, check 12)". Counts the
// checks in sve_checks.
    .global sve_check
sve_check:
    stp     x29, x30, [sp, #-32]!
    stp     x19, x20, [sp, #16]
    ldr     x1, =image_vl               // first the VL and ZCR_EL1 themselves
    ldp     x20, x2, [x1]
    rdvl    x19, #1
    mrs     x3, zcr_el1
    cmp     x19, x20
    ccmp    x3, x2, #0, eq
    b.ne    vl_changed
    ldr     x0, =img_dump
    bl      sve_store
    bl      image_bytes
    mov     x2, x0
    ldr     x0, =img_expect
    ldr     x1, =img_dump
    bl      first_difference
    ldr     x1, =sve_checks
    ldr     x2, [x1]
    add     x2, x2, #1
    str     x2, [x1]
    cmn     x0, #1
    b.eq    1f
    mov     x19, x0
    bl      fail_begin
    mov     x0, x19
    bl      put_image_byte
    ldr     x0, =msg_is
    bl      puts
    ldr     x0, =img_dump
    ldrb    w0, [x0, x19]
    bl      put_hex8
    ldr     x0, =msg_expected
    bl      puts
    ldr     x0, =img_expect
    ldrb    w0, [x0, x19]
    bl      put_hex8
    ldr     x0, =msg_vl
    bl      puts
    rdvl    x0, #8
    bl      put_dec
    ldr     x0, =msg_check
    bl      puts
    ldr     x0, =sve_checks
    ldr     x0, [x0]
    bl      put_dec
    mov     w0, #')'
    bl      putc
    b       fail_end
1:  ldp     x19, x20, [sp, #16]
    ldp     x29, x30, [sp], #32
    ret

// x19 = VL now, x20 = the image's VL (bytes); ZCR_EL1 now and then printed too.
vl_changed:
    bl      fail_begin
    ldr     x0, =msg_vl_now
    bl      puts
    lsl     x0, x19, #3
    bl      put_dec
    ldr     x0, =msg_zcr_now
    bl      puts
    mrs     x0, zcr_el1
    bl      put_hex
    ldr     x0, =msg_vl_was
    bl      puts
    lsl     x0, x20, #3
    bl      put_dec
    ldr     x0, =msg_zcr_now
    bl      puts
    ldr     x0, =image_vl
    ldr     x0, [x0, #8]
    bl      put_hex
    b       fail_end

// vector_lengths() -> x0: how many distinct VLs ZCR_EL1.LEN = 0..15 gives; their LEN values,
// ascending, in vl_lens[]. Leaves ZCR_EL1.LEN at 15 (the largest).
    .global vector_lengths
vector_lengths:
    mov     x0, #0                      // count
    mov     x1, #0                      // LEN
    mov     x2, #0                      // last VL
    ldr     x3, =vl_lens
1:  msr     zcr_el1, x1
    isb
    rdvl    x4, #1
    cmp     x4, x2
    b.eq    2f
    mov     x2, x4
    strb    w1, [x3, x0]
    add     x0, x0, #1
2:  add     x1, x1, #1
    cmp     x1, #16
    b.lo    1b
    ret

    .section .rodata
name_z:         .asciz "Z"
name_p:         .asciz "P"
name_ffr:       .asciz "FFR"
name_byte:      .asciz " byte "
msg_is:         .asciz " is "
msg_expected:   .asciz ", expected "
msg_vl:         .asciz " (VL "
msg_check:      .asciz " bits, check "
msg_vl_now:     .asciz "after an exit VL is "
msg_zcr_now:    .asciz " bits with ZCR_EL1 "
msg_vl_was:     .asciz ", set: "

    .data
    .balign 8
    .global sve_checks
sve_checks:     .quad 0
image_vl:       .quad 0                 // RDVL when the image was generated
                .quad 0                 // ZCR_EL1 then

    .bss
    .balign 256
    .global img_expect, img_dump, vl_lens
img_expect:     .space IMAGE_BYTES
    .balign 256
img_dump:       .space IMAGE_BYTES
vl_lens:        .space 16
