/* Shared by the boot tests' SVE programs: load every Z, P and FFR from memory, spin (no system
 * call, so only preemption or an asynchronous signal can interrupt the loop; *loaded = 1 once
 * the registers are loaded) until *flag is set or `spins` iterations pass, then store every Z, P
 * and FFR back. Layout of the buffers: Z0..Z31 at VL bytes each, then P0..P15 at VL/8 bytes each,
 * then FFR (the order of the kernel's signal frame, Documentation/arch/arm64/sve.rst). */
#ifndef SVESIM_BOOT_SVE_REGS_H
#define SVESIM_BOOT_SVE_REGS_H
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static inline unsigned long sve_rdvl(void) {
    unsigned long v;
    __asm__ volatile(".arch_extension sve\n\trdvl %0, #1" : "=r"(v));
    return v;
}

static inline size_t sve_state_size(unsigned long vl) {
    return 32 * vl + 17 * (vl / 8);
}

/* A pattern unique to (seed, byte); FFR gets its first half of predicate bits set (a valid FFR
 * value: WRFFR of a non-monotonic value is CONSTRAINED UNPREDICTABLE). */
static inline void sve_pattern(uint8_t* buf, unsigned long vl, unsigned seed) {
    size_t n = sve_state_size(vl), ffr = 32 * vl + 16 * (vl / 8);
    for (size_t i = 0; i < ffr; i++)
        buf[i] = (uint8_t)(i * 131u + seed * 29u + (i >> 8) + 1u);
    for (size_t i = ffr; i < n; i++)
        buf[i] = (i - ffr) < vl / 16 ? 0xff : 0;
}

static inline void sve_fill_spin_store(const uint8_t* in, uint8_t* out, volatile int* loaded,
                                       volatile int* flag, long spins) {
    __asm__ volatile(
        ".arch_extension sve\n\t"
        "rdvl x9, #16\n\t" /* x9: start of P0 (32 VL) */
        "lsl x9, x9, #1\n\t"
        "add x9, %[in], x9\n\t"
        "ldr p0, [x9, #16, mul vl]\n\t" /* FFR */
        "wrffr p0.b\n\t"
        ".irp n,0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15\n\t"
        "ldr p\\n, [x9, #\\n, mul vl]\n\t"
        ".endr\n\t"
        ".irp "
        "n,0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,"
        "28,29,30,31\n\t"
        "ldr z\\n, [%[in], #\\n, mul vl]\n\t"
        ".endr\n\t"
        "mov w11, #1\n\t" /* *loaded = 1: every register now holds the pattern */
        "str w11, [%[loaded]]\n\t"
        "mov x10, %[spins]\n"
        "1:\n\t"
        "ldr w11, [%[flag]]\n\t"
        "cbnz w11, 2f\n\t"
        "subs x10, x10, #1\n\t"
        "b.ne 1b\n"
        "2:\n\t"
        ".irp "
        "n,0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,"
        "28,29,30,31\n\t"
        "str z\\n, [%[out], #\\n, mul vl]\n\t"
        ".endr\n\t"
        "rdvl x9, #16\n\t"
        "lsl x9, x9, #1\n\t"
        "add x9, %[out], x9\n\t"
        ".irp n,0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15\n\t"
        "str p\\n, [x9, #\\n, mul vl]\n\t"
        ".endr\n\t"
        "rdffr p0.b\n\t"
        "str p0, [x9, #16, mul vl]\n\t"
        :
        : [in] "r"(in), [out] "r"(out), [loaded] "r"(loaded), [flag] "r"(flag), [spins] "r"(spins)
        : "x9", "x10", "x11", "memory", "cc", "v0", "v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8",
          "v9", "v10", "v11", "v12", "v13", "v14", "v15", "v16", "v17", "v18", "v19", "v20", "v21",
          "v22", "v23", "v24", "v25", "v26", "v27", "v28", "v29", "v30", "v31");
}

/* The first byte where `got` differs from `want`, or -1. */
static inline long sve_first_difference(const uint8_t* want, const uint8_t* got, unsigned long vl) {
    size_t n = sve_state_size(vl);
    for (size_t i = 0; i < n; i++)
        if (want[i] != got[i]) return (long)i;
    return -1;
}

/* "Z5 byte 17" for a byte offset into the layout above. */
static inline void sve_describe(char* s, size_t len, long off, unsigned long vl) {
    if (off < (long)(32 * vl))
        snprintf(s, len, "Z%ld byte %ld", off / (long)vl, off % (long)vl);
    else if (off < (long)(32 * vl + 16 * (vl / 8)))
        snprintf(s, len, "P%ld byte %ld", (off - 32 * (long)vl) / (long)(vl / 8),
                 (off - 32 * (long)vl) % (long)(vl / 8));
    else
        snprintf(s, len, "FFR byte %ld", off - 32 * (long)vl - 16 * (long)(vl / 8));
}
#endif
