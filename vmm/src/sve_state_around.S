// long sve_state_around(const struct sve_image *fill, struct sve_image *after,
//                       unsigned long spins, long nr, long a0, long a1, long a2)
//
// A task's own SVE state around a window and one system call (vmm/src/sve_state.h): FFR, P0-P15,
// Z0-Z31, FPSR and FPCR are loaded from `fill`, x2 counts `spins` down with them live (timer
// interrupts and preemption may switch the task out meanwhile), system call `nr` is made unless
// nr < 0 (a0-a2 its arguments, x8 its number), and the registers are stored into `after` right
// after it, before any compiled code could use them. AAPCS64: d8-d15 and FPCR are the caller's
// and are restored.
    .arch armv8.2-a+sve
    .text
    .global sve_state_around
    .type sve_state_around, %function
sve_state_around:
    stp     x29, x30, [sp, #-112]!
    mov     x29, sp
    stp     d8, d9, [sp, #16]
    stp     d10, d11, [sp, #32]
    stp     d12, d13, [sp, #48]
    stp     d14, d15, [sp, #64]
    stp     x19, x20, [sp, #80]
    mrs     x9, fpcr
    str     x9, [sp, #96]
    mov     x19, x0
    mov     x20, x1

    ldr     x9, [x19, #16]              // FFR, written through P0 (monotonic value)
    ldr     p0, [x9]
    wrffr   p0.b
    ldr     x9, [x19, #8]
    .irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
    ldr     p\n, [x9, #\n, mul vl]
    .endr
    ldr     x9, [x19]
    .irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    ldr     z\n, [x9, #\n, mul vl]
    .endr
    ldr     x9, [x19, #24]
    msr     fpsr, x9
    ldr     x9, [x19, #32]
    msr     fpcr, x9

1:  cbz     x2, 2f                      // the window: nothing but this count down
    sub     x2, x2, #1
    b       1b
2:  mov     x0, #0
    tbnz    x3, #63, 3f                 // nr < 0: no system call
    mov     x8, x3
    mov     x0, x4
    mov     x1, x5
    mov     x2, x6
    svc     #0
3:

    ldr     x9, [x20]
    .irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    str     z\n, [x9, #\n, mul vl]
    .endr
    ldr     x9, [x20, #8]
    .irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
    str     p\n, [x9, #\n, mul vl]
    .endr
    ldr     x9, [x20, #16]
    rdffr   p0.b
    str     p0, [x9]
    mrs     x9, fpsr
    str     x9, [x20, #24]
    mrs     x9, fpcr
    str     x9, [x20, #32]
    rdvl    x9, #1
    str     x9, [x20, #40]

    ldr     x9, [sp, #96]
    msr     fpcr, x9
    ldp     d8, d9, [sp, #16]
    ldp     d10, d11, [sp, #32]
    ldp     d12, d13, [sp, #48]
    ldp     d14, d15, [sp, #64]
    ldp     x19, x20, [sp, #80]
    ldp     x29, x30, [sp], #112
    ret
    .size sve_state_around, . - sve_state_around
    .section .note.GNU-stack, "", %progbits
