// (a) An integer loop: 8 instructions per iteration (ALU, logical, shifts, compare, branch).
    .include "common.inc"
    bench_start
    adr x9, iterations
    ldr x3, [x9]
    mov x2, #1
    mov x4, #0
1:  add x2, x2, x3
    eor x4, x4, x2, lsl #3
    orr x5, x4, x3
    sub x6, x5, x2, lsr #2
    and x7, x6, #0xff00
    add x4, x4, x7
    subs x3, x3, #1
    b.ne 1b
    bench_exit
