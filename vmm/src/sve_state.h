/* A task's own SVE state held live in the registers and checked afterwards: shared by svesim-vmm
 * (across every KVM_RUN) and svesim-sve-pressure (across preemption and system calls). */
#ifndef SVESIM_VMM_SVE_STATE_H
#define SVESIM_VMM_SVE_STATE_H

#include <stdint.h>

/* Register images at the task's VL: Z0-Z31 (vl bytes each), P0-P15 and FFR (vl/8 bytes each).
 * The field offsets are used by sve_state_around.S: keep them in this order. */
struct sve_image {
    uint8_t* z;    /* 0 */
    uint8_t* p;    /* 8 */
    uint8_t* ffr;  /* 16 */
    uint64_t fpsr; /* 24 */
    uint64_t fpcr; /* 32 */
    uint64_t vl;   /* 40: bytes, RDVL #1 */
};

struct sve_state {
    const char* who; /* the program's name, first on every line it prints */
    unsigned vl;     /* the task's vector length in bytes */
    struct sve_image fill, after;
};

/* Sets the task's VL to vl_bits (0: keep the kernel's default) with prctl(PR_SVE_SET_VL) and
 * allocates the images. Returns 0, or prints one line (naming vl_option) and returns
 * VMM_NO_KVM (no SVE for tasks) / VMM_USAGE (a length the kernel does not offer). */
int sve_state_setup(struct sve_state* s, const char* who, unsigned vl_bits, const char* vl_option);

/* The largest VL the kernel offers a task, in bits (prctl(PR_SVE_SET_VL) clamps a request down
 * to a supported length); the task's own VL is left as it was. 0 without SVE. */
unsigned sve_state_max_vl_bits(void);

/* Fresh data for `fill`, different for every seed: a byte left over from another call, another
 * task or a guest differs from it. */
void sve_state_fill(struct sve_state* s, uint64_t seed);

/* Implemented in sve_state_around.S: loads `fill` into FFR, P0-P15, Z0-Z31, FPSR and FPCR,
 * counts `spins` down with the registers live (a window for preemption and interrupts), makes
 * system call `nr` with arguments a0-a2 unless nr < 0, and stores every register into `after`
 * before any other instruction can touch them. Returns the system call's result (-errno on
 * failure, as the raw call gives it), 0 without one. */
long sve_state_around(const struct sve_image* fill, struct sve_image* after, unsigned long spins,
                      long nr, long a0, long a1, long a2);

/* `after` against what Documentation/arch/arm64/sve.rst section 3 promises across a system call
 * (Z[127:0], FPSR, FPCR and the VL kept; the rest of Z, P0-P15 and FFR zero). `across` names
 * the call in the message, e.g. "system call #12". Returns 0, or prints one line naming the
 * register, byte and values and returns VMM_HOST_SVE_CHANGED. */
int sve_state_check_syscall(const struct sve_state* s, const char* across);

/* `after` must equal `fill` entirely: no system call was made, so preemption, interrupts and
 * signals must give the task back every bit (the kernel saves and restores a task's whole SVE
 * state when it switches it out). Same result as above. */
int sve_state_check_kept(const struct sve_state* s, const char* across);

#endif
