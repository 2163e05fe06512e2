/* A task's own SVE state across what the kernel does to it (sve_state.h).
 *
 * What the syscall ABI promises (Documentation/arch/arm64/sve.rst, Documentation/arm64/sve.rst
 * before 6.5; section 3, "System call behaviour", as changed by "arm64/sve: Document our actual
 * SVE syscall ABI", in 6.1):
 *   - V0..V31 are preserved, so bits [127:0] of Z0..Z31 are preserved;
 *   - all other bits of Z0..Z31, and all of P0..P15 and FFR, become zero on return;
 *   - all other SVE state of the thread, including its vector length, is preserved.
 * FPSR and FPCR are FP/SIMD state, preserved by every syscall as without SVE (the same section's
 * "as without SVE"). Without a system call (preemption, interrupts, signals handled and
 * returned from) nothing may change at all: the registers are per-thread state (section 2). */
#include "sve_state.h"

#include "exit_codes.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>

#ifndef PR_SVE_SET_VL
#define PR_SVE_SET_VL 50
#define PR_SVE_GET_VL 51
#endif
#ifndef PR_SVE_VL_LEN_MASK
#define PR_SVE_VL_LEN_MASK 0xffff
#endif

/* FPCR: RMode = RZ, FZ, DN, AHP. FPSR cumulative flags are drawn per call below. */
static const uint64_t kFpcr = (3u << 22) | (1u << 24) | (1u << 25) | (1u << 26);
static const uint64_t kFpsrFlags = (1u << 27) | 0x9f; /* QC, IDC, IXC, UFC, OFC, DZC, IOC */

static int alloc_image(struct sve_image* im, unsigned vl) {
    im->z = calloc(32, vl);
    im->p = calloc(16, vl / 8);
    im->ffr = calloc(1, vl / 8);
    return im->z && im->p && im->ffr ? 0 : -1;
}

int sve_state_setup(struct sve_state* s, const char* who, unsigned vl_bits, const char* vl_option) {
    memset(s, 0, sizeof *s);
    s->who = who;
    int got = prctl(PR_SVE_GET_VL, 0, 0, 0, 0);
    if (got < 0) {
        fprintf(stderr, "%s: the kernel offers no SVE to tasks (PR_SVE_GET_VL: %s)\n", who,
                strerror(errno));
        return VMM_NO_KVM;
    }
    if (vl_bits) {
        got = prctl(PR_SVE_SET_VL, vl_bits / 8, 0, 0, 0);
        if (got < 0 || (unsigned)(got & PR_SVE_VL_LEN_MASK) != vl_bits / 8) {
            fprintf(stderr,
                    "%s: %s %u: the kernel does not offer this vector length "
                    "(PR_SVE_SET_VL gave %d bytes)\n",
                    who, vl_option, vl_bits, got < 0 ? -errno : (got & PR_SVE_VL_LEN_MASK));
            return VMM_USAGE;
        }
    }
    s->vl = (unsigned)(got & PR_SVE_VL_LEN_MASK);
    if (alloc_image(&s->fill, s->vl) || alloc_image(&s->after, s->vl)) {
        fprintf(stderr, "%s: out of memory\n", who);
        return VMM_SYSTEM_ERROR;
    }
    return 0;
}

unsigned sve_state_max_vl_bits(void) {
    int old = prctl(PR_SVE_GET_VL, 0, 0, 0, 0);
    if (old < 0) return 0;
    /* 8192 bytes is the ABI's largest expressible VL (SVE_VL_MAX); the kernel clamps down. */
    int max = prctl(PR_SVE_SET_VL, 8192, 0, 0, 0);
    prctl(PR_SVE_SET_VL, old & PR_SVE_VL_LEN_MASK, 0, 0, 0);
    return max < 0 ? 0 : (unsigned)(max & PR_SVE_VL_LEN_MASK) * 8;
}

void sve_state_fill(struct sve_state* s, uint64_t seed) {
    unsigned vl = s->vl, pl = vl / 8;
    for (unsigned i = 0; i < 32 * vl; ++i)
        s->fill.z[i] = (uint8_t)((seed * 97 + i * 13 + (i / vl) * 31) % 255 + 1);
    for (unsigned i = 0; i < 16 * pl; ++i)
        s->fill.p[i] = (uint8_t)((seed * 29 + i * 7) % 255 + 1);
    /* WRFFR needs a monotonic value: the first (PL*8 - seed%8) bits set. */
    unsigned ones = pl * 8 - (unsigned)(seed % 8);
    for (unsigned i = 0; i < pl; ++i) {
        unsigned bits = ones > i * 8 ? ones - i * 8 : 0;
        s->fill.ffr[i] = bits >= 8 ? 0xff : (uint8_t)((1u << bits) - 1);
    }
    s->fill.fpsr = kFpsrFlags & (seed * 0x0800001full);
    s->fill.fpcr = kFpcr;
    s->fill.vl = vl;
}

static int report(const struct sve_state* s, const char* across, const char* reg, unsigned byte,
                  unsigned got, unsigned want, const char* rule) {
    fprintf(stderr,
            "%s: own SVE state broken across %s: %s byte %u is 0x%02x, expected 0x%02x (%s)\n",
            s->who, across, reg, byte, got, want, rule);
    return VMM_HOST_SVE_CHANGED;
}

/* The VL, FPSR and FPCR, kept in both cases. */
static int check_kept_scalars(const struct sve_state* s, const char* across, const char* source) {
    const struct sve_image *a = &s->after, *f = &s->fill;
    if (a->vl != s->vl) {
        fprintf(stderr, "%s: own SVE state broken across %s: VL is %llu bytes, was %u (%s)\n",
                s->who, across, (unsigned long long)a->vl, s->vl, source);
        return VMM_HOST_SVE_CHANGED;
    }
    if (a->fpsr != f->fpsr || a->fpcr != f->fpcr) {
        int fpsr = a->fpsr != f->fpsr;
        fprintf(stderr, "%s: own SVE state broken across %s: %s is 0x%llx, expected 0x%llx (%s)\n",
                s->who, across, fpsr ? "FPSR" : "FPCR",
                (unsigned long long)(fpsr ? a->fpsr : a->fpcr),
                (unsigned long long)(fpsr ? f->fpsr : f->fpcr), source);
        return VMM_HOST_SVE_CHANGED;
    }
    return 0;
}

/* Z, P and FFR byte by byte; `syscall` selects the syscall ABI's zeroing, else all kept. */
static int check_registers(const struct sve_state* s, const char* across, int syscall) {
    const struct sve_image *a = &s->after, *f = &s->fill;
    unsigned vl = s->vl, pl = vl / 8;
    char reg[16];
    for (unsigned r = 0; r < 32; ++r) {
        snprintf(reg, sizeof reg, "Z%u", r);
        for (unsigned b = 0; b < vl; ++b) {
            int kept = !syscall || b < 16;
            unsigned got = a->z[r * vl + b], want = kept ? f->z[r * vl + b] : 0;
            if (got != want)
                return report(s, across, reg, b, got, want,
                              !syscall ? "no system call: every bit is preserved"
                              : b < 16 ? "bits [127:0] are preserved; "
                                         "Documentation/arch/arm64/sve.rst section 3"
                                       : "bits above 127 become zero; "
                                         "Documentation/arch/arm64/sve.rst section 3");
        }
    }
    for (unsigned r = 0; r < 16; ++r) {
        snprintf(reg, sizeof reg, "P%u", r);
        for (unsigned b = 0; b < pl; ++b) {
            unsigned got = a->p[r * pl + b], want = syscall ? 0 : f->p[r * pl + b];
            if (got != want)
                return report(s, across, reg, b, got, want,
                              syscall ? "P0..P15 become zero; Documentation/arch/arm64/sve.rst "
                                        "section 3"
                                      : "no system call: every bit is preserved");
        }
    }
    for (unsigned b = 0; b < pl; ++b) {
        unsigned got = a->ffr[b], want = syscall ? 0 : f->ffr[b];
        if (got != want)
            return report(s, across, "FFR", b, got, want,
                          syscall ? "FFR becomes zero; Documentation/arch/arm64/sve.rst section 3"
                                  : "no system call: every bit is preserved");
    }
    return 0;
}

int sve_state_check_syscall(const struct sve_state* s, const char* across) {
    int rc = check_kept_scalars(s, across,
                                "the vector length and FP/SIMD state are preserved across "
                                "syscalls; Documentation/arch/arm64/sve.rst section 3");
    return rc ? rc : check_registers(s, across, 1);
}

int sve_state_check_kept(const struct sve_state* s, const char* across) {
    int rc = check_kept_scalars(s, across, "no system call: every bit is preserved");
    return rc ? rc : check_registers(s, across, 0);
}
