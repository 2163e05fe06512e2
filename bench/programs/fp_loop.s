// (c) A scalar FP and AdvSIMD FP loop: 13 instructions per iteration (fused multiply-add,
// multiply, add, subtract, divide, square root, AdvSIMD FMLA/FADD/FMUL, conversions, compare,
// branch), on values that stay finite and normal for any iteration count.
    .include "common.inc"
    bench_start
    adr x9, iterations
    ldr x3, [x9]
    fmov d0, #1.0
    fmov d1, #1.5
    fmov d2, #0.5
    fmov v9.2d, #0.25
    fmov v10.2d, #0.125
    movi v8.2d, #0
    fmov v12.4s, #1.0
    fmov v13.4s, #0.75
1:  fmadd d0, d1, d2, d0          // d0 grows by 0.75 per iteration
    fmul d3, d0, d2
    fadd d4, d3, d1
    fsub d5, d4, d2
    fdiv d6, d1, d5
    fsqrt d7, d5
    fmla v8.2d, v9.2d, v10.2d
    fadd v11.4s, v12.4s, v13.4s
    fmul v14.4s, v11.4s, v13.4s
    fcvtzs x5, d7
    scvtf d15, x5
    subs x3, x3, #1
    b.ne 1b
    bench_exit
