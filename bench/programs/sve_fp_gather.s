// (d) An SVE FP loop with a gather, vector-length agnostic: per outer iteration, 16 vectors of
// doubles c[i] += a[i] * b[idx[i]] (LD1D, LD1D of the indices, gather LD1D, FMLA, FMUL, FADD,
// INCD, WHILELO, B.FIRST: 9 instructions each) over the first 16 x VL/64 elements, plus
// 4 instructions of loop control: 148 instructions at every VL.
    .include "common.inc"
    bench_start
    adr x9, iterations
    ldr x3, [x9]
    adr x0, a_data
    adr x1, idx_data
    adr x2, b_data
    cntd x5
    lsl x5, x5, #4                // 16 vectors of doubles
    mov z3.d, #0
    mov z5.d, #0
1:  mov x4, #0
    whilelo p0.d, x4, x5
2:  ld1d {z0.d}, p0/z, [x0, x4, lsl #3]
    ld1d {z1.d}, p0/z, [x1, x4, lsl #3]
    ld1d {z2.d}, p0/z, [x2, z1.d, lsl #3]
    fmla z3.d, p0/m, z0.d, z2.d
    fmul z4.d, z0.d, z2.d
    fadd z5.d, z5.d, z4.d
    incd x4
    whilelo p0.d, x4, x5
    b.first 2b
    subs x3, x3, #1
    b.ne 1b
    bench_exit
    .data
    .balign 64
a_data:                           // 512 doubles in [1, 2)
    .rept 128
    .double 1.0, 1.25, 1.5, 1.75
    .endr
b_data:                           // 512 doubles in (0, 0.5]
    .rept 128
    .double 0.5, 0.375, 0.25, 0.125
    .endr
idx_data:                         // a permutation of 0..511 (odd stride)
    .set i, 0
    .rept 512
    .quad (i * 37) % 512
    .set i, i + 1
    .endr
