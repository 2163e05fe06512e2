// (b) The kernel's sve_save_state/sve_load_state pattern: 32 x STR Z, 16 x STR P, RDFFR + STR,
// then the loads back (LDR Z, LDR P, LDR + WRFFR), per iteration: 102 instructions.
    .include "common.inc"
    bench_start
    adr x9, iterations
    ldr x3, [x9]
    adr x0, buffer
    addvl x1, x0, #31             // predicates after the 32 Z registers
    addvl x1, x1, #1
    ptrue p0.b
1:
    .irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    str z\n, [x0, #\n, mul vl]
    .endr
    .irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
    str p\n, [x1, #\n, mul vl]
    .endr
    rdffr p0.b
    str p0, [x1, #16, mul vl]
    ldr p0, [x1, #16, mul vl]
    wrffr p0.b
    .irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
    ldr p\n, [x1, #\n, mul vl]
    .endr
    .irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    ldr z\n, [x0, #\n, mul vl]
    .endr
    subs x3, x3, #1
    b.ne 1b
    bench_exit
    .bss
    .balign 16
buffer: .skip 40 * 256
