// vl_regrow: lowers its own VL (ZCR_EL1.LEN) to the smallest length and raises it back to the
// largest, then reads the bytes that were above the lowered VL. The Arm ARM lets each register
// come back either zeroed or with its old value (the zero-or-preserve rule of a VL change and of
// writes at a smaller VL); this guest reports which one it saw and fails on nothing else:
//   - a byte below the lowered VL that changed, or
//   - a byte above it that is neither zero nor its old value (data from somewhere else).
// Three ways, each on freshly loaded state:
//   A: lower, raise (nothing in between)
//   B: lower, exit to the VMM (one printed line at the lower VL), raise
//   C: lower, write every Z and P register with its own low part (ORR z, z, z; MOV p.b, p.b), raise
    .include "contract.inc"
    .arch armv8.2-a+sve

    .text
    .global guest_main
guest_main:
    mrs     x0, cpacr_el1
    orr     x0, x0, #CPACR_FPEN_ON
    orr     x0, x0, #CPACR_ZEN_ON
    msr     cpacr_el1, x0
    isb
    bl      vector_lengths
    cmp     x0, #2
    b.hs    1f
    ldr     x0, =msg_one_vl
    bl      puts
    b       guest_pass
1:  ldr     x1, =vl_lens
    sub     x0, x0, #1
    ldrb    w19, [x1, x0]               // LEN of the largest VL
    ldrb    w20, [x1]                   // LEN of the smallest
    mov     x21, #0                     // way: 0 A, 1 B, 2 C
2:  cmp     x21, #3
    b.hs    guest_pass
    msr     zcr_el1, x19
    isb
    add     x0, x21, #1
    bl      sve_image_generate
    ldr     x0, =img_expect
    bl      sve_load
    msr     zcr_el1, x20
    isb
    rdvl    x22, #1                     // the lowered VL in bytes
    cmp     x21, #1
    b.ne    3f
    ldr     x0, =msg_exit_low
    bl      puts
3:  cmp     x21, #2
    b.ne    4f
    .irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    orr     z\n\().d, z\n\().d, z\n\().d
    .endr
    .irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
    mov     p\n\().b, p\n\().b
    .endr
4:  msr     zcr_el1, x19
    isb
    ldr     x0, =img_dump
    bl      sve_store
.ifdef FOREIGN_BYTE
    // Built with --defsym FOREIGN_BYTE=1 only (the classifier's own test, guests/README.md): Z5's
    // first byte above the lowered VL reads as neither zero nor its old value.
    rdvl    x0, #5
    add     x0, x0, x22
    ldr     x1, =img_expect
    ldrb    w2, [x1, x0]
    eor     w2, w2, #0x80
    cmp     w2, #0
    csinc   w2, w2, wzr, ne
    ldr     x1, =img_dump
    strb    w2, [x1, x0]
.endif

    ldr     x0, =msg_way
    bl      puts
    ldr     x0, =way_names
    ldr     x0, [x0, x21, lsl #3]
    bl      puts
    ldr     x0, =msg_above
    bl      puts
    lsl     x0, x22, #3
    bl      put_dec
    ldr     x0, =msg_bits
    bl      puts
    mov     x0, #0                      // Z0-Z31
    mov     x1, #32
    rdvl    x2, #1
    mov     x3, x22
    bl      classify_group
    ldr     x0, =msg_p
    bl      puts
    rdvl    x0, #16
    lsl     x0, x0, #1
    mov     x1, #16
    rdvl    x2, #1
    lsr     x2, x2, #3
    lsr     x3, x22, #3
    bl      classify_group
    ldr     x0, =msg_ffr
    bl      puts
    rdvl    x0, #16
    lsl     x0, x0, #1
    rdvl    x1, #2
    add     x0, x0, x1
    mov     x1, #1
    rdvl    x2, #1
    lsr     x2, x2, #3
    lsr     x3, x22, #3
    bl      classify_group
    mov     w0, #'\n'
    bl      putc
    add     x21, x21, #1
    b       2b

// classify_group(x0 = image offset of the first register, x1 = registers, x2 = bytes per
// register, x3 = bytes below the lowered VL): prints "zeroed a, kept b, mixed c"; fails on a
// changed byte below the lowered VL or a byte above it that is neither zero nor kept.
classify_group:
    stp     x29, x30, [sp, #-96]!
    stp     x19, x20, [sp, #16]
    stp     x21, x22, [sp, #32]
    stp     x23, x24, [sp, #48]
    stp     x25, x26, [sp, #64]
    stp     x27, x28, [sp, #80]
    mov     x19, x0
    mov     x20, x1
    mov     x21, x2
    mov     x22, x3
    mov     x23, #0                     // zeroed registers
    mov     x24, #0                     // kept
    mov     x25, #0                     // mixed
    mov     x26, #0                     // register
    ldr     x27, =img_expect
    ldr     x28, =img_dump
1:  cmp     x26, x20
    b.hs    9f
    madd    x9, x26, x21, x19           // the register's first byte
    mov     x10, #0                     // byte
    mov     x11, #0                     // zero bytes above
    mov     x12, #0                     // kept bytes above
2:  cmp     x10, x21
    b.hs    5f
    add     x13, x9, x10
    ldrb    w14, [x27, x13]
    ldrb    w15, [x28, x13]
    cmp     x10, x22
    b.hs    3f
    cmp     w14, w15
    b.ne    below_changed
    b       4f
3:  cmp     w14, w15
    cinc    x12, x12, eq
    b.eq    4f
    cbnz    w15, neither
    add     x11, x11, #1
4:  add     x10, x10, #1
    b       2b
5:  sub     x13, x21, x22               // bytes above
    cmp     x12, x13
    cinc    x24, x24, eq
    b.eq    6f
    cmp     x11, x13
    cinc    x23, x23, eq
    b.eq    6f
    add     x25, x25, #1
6:  add     x26, x26, #1
    b       1b
9:  ldr     x0, =msg_zeroed
    bl      puts
    mov     x0, x23
    bl      put_dec
    ldr     x0, =msg_kept
    bl      puts
    mov     x0, x24
    bl      put_dec
    ldr     x0, =msg_mixed
    bl      puts
    mov     x0, x25
    bl      put_dec
    ldp     x19, x20, [sp, #16]
    ldp     x21, x22, [sp, #32]
    ldp     x23, x24, [sp, #48]
    ldp     x25, x26, [sp, #64]
    ldp     x27, x28, [sp, #80]
    ldp     x29, x30, [sp], #96
    ret

// x13 = image offset; x14 expected (old) value, x15 the value read.
below_changed:
    ldr     x21, =msg_below
    b       report_byte
neither:
    ldr     x21, =msg_neither
report_byte:
    mov     x19, x13
    mov     x20, x14
    mov     x22, x15
    bl      fail_begin
    mov     x0, x19
    bl      put_image_byte
    ldr     x0, =msg_is
    bl      puts
    mov     x0, x22
    bl      put_hex8
    mov     x0, x21
    bl      puts
    mov     x0, x20
    bl      put_hex8
    ldr     x0, =msg_close
    bl      puts
    b       fail_end

    .section .rodata
    .global guest_name
guest_name:     .asciz "vl_regrow"
msg_one_vl:     .asciz "vl_regrow: only one vector length: no VL change to observe\n"
msg_exit_low:   .asciz "vl_regrow: B: exiting to the host at the lowered VL\n"
msg_way:        .asciz "vl_regrow: "
way_a:          .asciz "A (lower, raise)"
way_b:          .asciz "B (lower, exit, raise)"
way_c:          .asciz "C (lower, write at the lower VL, raise)"
msg_above:      .asciz ": above "
msg_bits:       .asciz " bits, Z: "
msg_p:          .asciz "; P: "
msg_ffr:        .asciz "; FFR: "
msg_zeroed:     .asciz "zeroed "
msg_kept:       .asciz ", kept "
msg_mixed:      .asciz ", mixed "
msg_is:         .asciz " is "
msg_below:      .asciz " below the lowered VL, where it must keep its value "
msg_neither:    .asciz ", neither zero nor its value before the VL change "
msg_close:      .asciz ""
    .balign 8
way_names:      .quad way_a, way_b, way_c
