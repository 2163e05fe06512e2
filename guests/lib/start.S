// Entry, exception vectors and the pass/fail protocol shared by every guest.
//
// A guest defines `guest_name` (a NUL-terminated string) and `guest_main`, which ends with
// `b guest_pass` or a failure report (fail_begin ... fail_end). Outcome protocol (README.md):
//   pass: "PASS <name>" as the last line, then PSCI SYSTEM_OFF
//   fail: "FAIL <name>: <reason>" as the last line, then PSCI SYSTEM_RESET
// Helpers may clobber x0-x17; they keep x19-x28, the FP/SIMD/SVE state, NZCV aside.
    .include "contract.inc"

    .section .text.boot, "ax"
    .global _start
_start:
    msr     daifset, #0xf
    ldr     x0, =__stack_top
    mov     sp, x0
    ldr     x0, =vectors
    msr     vbar_el1, x0
    isb
    mrs     x0, CurrentEL
    cmp     x0, #(1 << 2)               // the contract starts guests at EL1
    b.ne    wrong_el
    bl      guest_main
    b       guest_pass

// Not at EL1: PSCI through HVC would not reach the platform, so say why and stop.
wrong_el:
    ldr     x0, =msg_wrong_el
    bl      puts
1:  wfi
    b       1b

    .text
    .global guest_pass
guest_pass:
    ldr     x0, =exit_hook
    str     xzr, [x0]
    ldr     x0, =msg_pass
    bl      puts
    ldr     x0, =guest_name
    bl      puts
    mov     w0, #'\n'
    bl      putc
    b       psci_system_off

// Prints "FAIL <name>: " and switches the exit hook off (the report itself exits).
    .global fail_begin
fail_begin:
    stp     x29, x30, [sp, #-16]!
    ldr     x0, =exit_hook
    str     xzr, [x0]
    ldr     x0, =last_char
    ldrb    w0, [x0]
    cmp     w0, #'\n'
    b.eq    1f
    mov     w0, #'\n'
    bl      putc
1:  ldr     x0, =msg_fail
    bl      puts
    ldr     x0, =guest_name
    bl      puts
    ldr     x0, =msg_colon
    bl      puts
    ldp     x29, x30, [sp], #16
    ret

// Ends the failure line and resets: the failure outcome of the contract.
    .global fail_end
fail_end:
    mov     w0, #'\n'
    bl      putc
    b       psci_system_reset

// fail_msg(x0 = reason): one whole failure line.
    .global fail_msg
fail_msg:
    mov     x19, x0
    bl      fail_begin
    mov     x0, x19
    bl      puts
    b       fail_end

// Exception vectors: every entry reports, unless the guest announced the trap it provokes
// (expected_ec != 0 and ESR_EL1.EC equal): then the trap is recorded, the instruction skipped.
    .macro vector_entry offset
    .balign 0x80
    mov     x0, #\offset
    b       exception_taken
    .endm

    .balign 0x800
vectors:
    .irp off, 0x000, 0x080, 0x100, 0x180, 0x200, 0x280, 0x300, 0x380, 0x400, 0x480, 0x500, 0x580, 0x600, 0x680, 0x700, 0x780
    vector_entry \off
    .endr

// x0 = the vector offset. Clobbers x0-x3 when the trap was expected.
exception_taken:
    mrs     x1, esr_el1
    ldr     x2, =expected_ec
    ldr     w3, [x2]
    cbz     w3, unexpected_exception
    cmp     w3, w1, lsr #26
    b.ne    unexpected_exception
    str     wzr, [x2]
    ldr     x2, =trapped_esr
    str     x1, [x2]
    mrs     x1, elr_el1
    add     x1, x1, #4
    msr     elr_el1, x1
    eret

unexpected_exception:
    mov     x19, x0
    bl      fail_begin
    ldr     x0, =msg_vector
    bl      puts
    mov     x0, x19
    bl      put_hex
    ldr     x0, =msg_esr
    bl      puts
    mrs     x0, esr_el1
    bl      put_hex
    ldr     x0, =msg_elr
    bl      puts
    mrs     x0, elr_el1
    bl      put_hex
    ldr     x0, =msg_far
    bl      puts
    mrs     x0, far_el1
    bl      put_hex
    b       fail_end

    .section .rodata
msg_wrong_el:   .asciz "FAIL: not started at EL1 (the guest contract's entry state); stopped\n"
msg_pass:       .asciz "PASS "
msg_fail:       .asciz "FAIL "
msg_colon:      .asciz ": "
msg_vector:     .asciz "unexpected exception, vector offset "
msg_esr:        .asciz ", ESR_EL1 "
msg_elr:        .asciz ", ELR_EL1 "
msg_far:        .asciz ", FAR_EL1 "

    .data
    .balign 8
    .global expected_ec, trapped_esr, exit_hook
expected_ec:    .word 0                 // EC of the one trap the guest provokes next
                .word 0
trapped_esr:    .quad 0                 // its ESR_EL1, once taken
exit_hook:      .quad 0                 // called after every PL011 access (console.S), if set

    .bss
    .balign 16
    .space  16384
    .global __stack_top
__stack_top:
