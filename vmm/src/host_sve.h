/* The VMM's own SVE state, live across every KVM_RUN and checked against the syscall ABI. */
#ifndef SVESIM_VMM_HOST_SVE_H
#define SVESIM_VMM_HOST_SVE_H

#include "sve_state.h"

#include <stdint.h>

struct host_sve {
    struct sve_state state;
    unsigned vl;      /* the task's vector length in bytes */
    uint64_t checked; /* KVM_RUN calls checked */
};

/* Sets the VMM's VL (--host-vl; 0 keeps the kernel's default) and allocates the images; the
 * results of sve_state_setup. */
int host_sve_setup(struct host_sve* s, unsigned vl_bits);

/* ioctl(fd, request, arg) with Z/P/FFR/FPSR/FPCR holding fresh data of the VMM (seeded by the
 * call count) from before the system call until the registers are stored after it, then the
 * check of what Documentation/arch/arm64/sve.rst section 3 promises a task across a syscall.
 * Returns the ioctl's result (-errno on failure, as the raw system call gives it); sets *broken
 * to VMM_HOST_SVE_CHANGED after printing one line naming the register, byte and values if the
 * promise was broken, to 0 otherwise. */
long host_sve_ioctl_checked(struct host_sve* s, int fd, unsigned long request, unsigned long arg,
                            int* broken);

#endif
