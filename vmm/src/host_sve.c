/* The VMM's own SVE state across KVM_RUN, checked against the Linux syscall ABI.
 *
 * What the ABI promises (Documentation/arch/arm64/sve.rst, Documentation/arm64/sve.rst before
 * 6.5; section 3, "System call behaviour", as changed by "arm64/sve: Document our actual SVE
 * syscall ABI", in 6.1):
 *   - V0..V31 are preserved, so bits [127:0] of Z0..Z31 are preserved;
 *   - all other bits of Z0..Z31, and all of P0..P15 and FFR, become zero on return;
 *   - all other SVE state of the thread, including its vector length, is preserved.
 * FPSR and FPCR are FP/SIMD state, preserved by every syscall as without SVE (the same section's
 * "as without SVE"). An ioctl is a syscall like any other: KVM_RUN gets no exception. So after
 * every KVM_RUN the VMM requires exactly this: Z bytes 0-15 as loaded, Z bytes 16 and up zero,
 * P0-P15 and FFR zero, FPSR/FPCR as loaded, RDVL unchanged. */
#include "host_sve.h"

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

int host_sve_setup(struct host_sve* s, unsigned vl_bits) {
    memset(s, 0, sizeof *s);
    int got = prctl(PR_SVE_GET_VL, 0, 0, 0, 0);
    if (got < 0) {
        fprintf(stderr, "svesim-vmm: the host kernel offers no SVE to tasks (PR_SVE_GET_VL: %s)\n",
                strerror(errno));
        return VMM_NO_KVM;
    }
    if (vl_bits) {
        got = prctl(PR_SVE_SET_VL, vl_bits / 8, 0, 0, 0);
        if (got < 0 || (unsigned)(got & PR_SVE_VL_LEN_MASK) != vl_bits / 8) {
            fprintf(stderr,
                    "svesim-vmm: --host-vl %u: the host does not offer this vector length "
                    "(PR_SVE_SET_VL gave %d bytes)\n",
                    vl_bits, got < 0 ? -errno : (got & PR_SVE_VL_LEN_MASK));
            return VMM_USAGE;
        }
    }
    s->vl = (unsigned)(got & PR_SVE_VL_LEN_MASK);
    if (alloc_image(&s->fill, s->vl) || alloc_image(&s->after, s->vl)) {
        fprintf(stderr, "svesim-vmm: out of memory\n");
        return VMM_SYSTEM_ERROR;
    }
    return 0;
}

/* Fresh values per call: a byte left over from an earlier call, or from the guest, differs. */
static void fill(struct host_sve* s) {
    uint64_t seed = s->checked + 1;
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

static int report(const struct host_sve* s, const char* reg, unsigned byte, unsigned got,
                  unsigned want, const char* rule) {
    fprintf(stderr,
            "svesim-vmm: own SVE state broken across system call #%llu: %s byte %u is 0x%02x, "
            "expected 0x%02x (%s; Documentation/arch/arm64/sve.rst section 3)\n",
            (unsigned long long)s->checked + 1, reg, byte, got, want, rule);
    return VMM_HOST_SVE_CHANGED;
}

static int check(const struct host_sve* s) {
    const struct sve_image *a = &s->after, *f = &s->fill;
    unsigned vl = s->vl, pl = vl / 8;
    char reg[16];
    if (a->vl != vl) {
        fprintf(
            stderr,
            "svesim-vmm: own SVE state broken across system call #%llu: VL is %llu bytes, was %u "
            "(the vector length is preserved across syscalls; "
            "Documentation/arch/arm64/sve.rst section 3)\n",
            (unsigned long long)s->checked + 1, (unsigned long long)a->vl, vl);
        return VMM_HOST_SVE_CHANGED;
    }
    for (unsigned r = 0; r < 32; ++r) {
        snprintf(reg, sizeof reg, "Z%u", r);
        for (unsigned b = 0; b < vl; ++b) {
            unsigned got = a->z[r * vl + b], want = b < 16 ? f->z[r * vl + b] : 0;
            if (got != want)
                return report(s, reg, b, got, want,
                              b < 16 ? "bits [127:0] are preserved" : "bits above 127 become zero");
        }
    }
    for (unsigned r = 0; r < 16; ++r) {
        snprintf(reg, sizeof reg, "P%u", r);
        for (unsigned b = 0; b < pl; ++b)
            if (a->p[r * pl + b] != 0)
                return report(s, reg, b, a->p[r * pl + b], 0, "P0..P15 become zero");
    }
    for (unsigned b = 0; b < pl; ++b)
        if (a->ffr[b] != 0) return report(s, "FFR", b, a->ffr[b], 0, "FFR becomes zero");
    if (a->fpsr != f->fpsr || a->fpcr != f->fpcr) {
        int fpsr = a->fpsr != f->fpsr;
        fprintf(stderr,
                "svesim-vmm: own SVE state broken across system call #%llu: %s is 0x%llx, expected "
                "0x%llx (FP/SIMD state is preserved across syscalls)\n",
                (unsigned long long)s->checked + 1, fpsr ? "FPSR" : "FPCR",
                (unsigned long long)(fpsr ? a->fpsr : a->fpcr),
                (unsigned long long)(fpsr ? f->fpsr : f->fpcr));
        return VMM_HOST_SVE_CHANGED;
    }
    return 0;
}

long host_sve_ioctl_checked(struct host_sve* s, int fd, unsigned long request, unsigned long arg,
                            int* broken) {
    fill(s);
    long rc = host_sve_ioctl(fd, request, arg, &s->fill, &s->after);
    *broken = check(s);
    ++s->checked;
    return rc;
}
