// sve_fill: fills Z0-Z31, P0-P15 and FFR with its own data at every vector length ZCR_EL1 allows
// (ascending, then descending again) and checks the whole state after every exit: each PL011
// FR read and DR write of the line it prints at that VL. Expected values: the image the guest
// generated itself before loading it (lib/sve_image.S); any changed byte is a lost bit.
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
    ldr     x0, =msg_start
    bl      puts
    bl      vector_lengths
    mov     x19, x0                     // number of VLs
    mov     x20, #0                     // step: 0 .. 2*n-2 (up, then down again)
    lsl     x21, x19, #1
    sub     x21, x21, #1
1:  cmp     x20, x21
    b.hs    3f
    mov     x0, x20                     // index into vl_lens: step, or 2n-2-step on the way down
    cmp     x20, x19
    b.lo    2f
    sub     x0, x21, x20
    sub     x0, x0, #1
2:  ldr     x1, =vl_lens
    ldrb    w1, [x1, x0]
    msr     zcr_el1, x1
    isb
    add     x0, x20, #1                 // seed
    bl      sve_image_generate
    ldr     x0, =img_expect
    bl      sve_load
    ldr     x0, =exit_hook
    ldr     x1, =sve_check
.ifdef BREAK_Z7
    ldr     x1, =break_z7_then_check    // the check's own test (guests/README.md)
.endif
    str     x1, [x0]
    ldr     x0, =msg_vl
    bl      puts
    rdvl    x0, #8
    bl      put_dec
    ldr     x0, =msg_vl_end
    bl      puts
    ldr     x0, =exit_hook
    str     xzr, [x0]
    add     x20, x20, #1
    b       1b
3:  ldr     x0, =msg_done
    bl      puts
    mov     x0, x19
    bl      put_dec
    ldr     x0, =msg_done2
    bl      puts
    ldr     x0, =sve_checks
    ldr     x0, [x0]
    bl      put_dec
    ldr     x0, =msg_done3
    bl      puts
    b       guest_pass

.ifdef BREAK_Z7
// Built with --defsym BREAK_Z7=1 only: zeroes Z7 before the 40th check, which must then FAIL
// naming Z7, so the test suite sees the check fail when a byte does change.
break_z7_then_check:
    ldr     x0, =sve_checks
    ldr     x0, [x0]
    cmp     x0, #39
    b.ne    1f
    dup     z7.b, #0
1:  b       sve_check
.endif

    .section .rodata
    .global guest_name
guest_name:     .asciz "sve_fill"
msg_start:      .asciz "sve_fill: Z0-Z31, P0-P15 and FFR checked after every exit at every VL\n"
msg_vl:         .asciz "sve_fill: VL "
msg_vl_end:     .asciz " bits: state intact after each exit of this line\n"
msg_done:       .asciz "sve_fill: "
msg_done2:      .asciz " vector lengths, "
msg_done3:      .asciz " checks\n"
