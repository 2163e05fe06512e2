/* The VMM's own SVE state, live across every KVM_RUN and checked against the syscall ABI. */
#ifndef SVESIM_VMM_HOST_SVE_H
#define SVESIM_VMM_HOST_SVE_H

#include <stdint.h>

/* Register images at the task's VL: Z0-Z31 (vl bytes each), P0-P15 and FFR (vl/8 bytes each).
 * The field offsets are used by host_sve_ioctl.S: keep them in this order. */
struct sve_image {
    uint8_t* z;    /* 0 */
    uint8_t* p;    /* 8 */
    uint8_t* ffr;  /* 16 */
    uint64_t fpsr; /* 24 */
    uint64_t fpcr; /* 32 */
    uint64_t vl;   /* 40: bytes, RDVL #1 */
};

struct host_sve {
    unsigned vl; /* the task's vector length in bytes */
    struct sve_image fill, after;
    uint64_t checked; /* KVM_RUN calls checked */
};

/* Sets the task's VL to vl_bits (0: keep the kernel's default) with prctl(PR_SVE_SET_VL) and
 * allocates the images. Returns 0, or prints one line and returns VMM_NO_KVM (no SVE) /
 * VMM_USAGE (a length the host does not offer). */
int host_sve_setup(struct host_sve* s, unsigned vl_bits);

/* ioctl(fd, request, arg) with Z/P/FFR/FPSR/FPCR holding fresh data of the VMM (seeded by the
 * call count) from before the system call until the registers are stored after it, then the
 * check of what Documentation/arch/arm64/sve.rst section 3 promises a task across a syscall.
 * Returns the ioctl's result (-errno on failure, as the raw system call gives it); sets *broken
 * to VMM_HOST_SVE_CHANGED after printing one line naming the register, byte and values if the
 * promise was broken, to 0 otherwise. */
long host_sve_ioctl_checked(struct host_sve* s, int fd, unsigned long request, unsigned long arg,
                            int* broken);

/* Implemented in host_sve_ioctl.S: loads `fill`, makes the raw ioctl system call, stores the
 * registers into `after` before any other instruction can touch them. */
long host_sve_ioctl(int fd, unsigned long request, unsigned long arg, const struct sve_image* fill,
                    struct sve_image* after);

#endif
