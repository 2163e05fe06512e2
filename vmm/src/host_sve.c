/* The VMM's own SVE state across KVM_RUN, checked against the Linux syscall ABI: an ioctl is a
 * system call like any other, KVM_RUN gets no exception (sve_state.c says what is promised). */
#include "host_sve.h"

#include <stdio.h>
#include <sys/syscall.h>

int host_sve_setup(struct host_sve* s, unsigned vl_bits) {
    s->checked = 0;
    int rc = sve_state_setup(&s->state, "svesim-vmm", vl_bits, "--host-vl");
    s->vl = s->state.vl;
    return rc;
}

long host_sve_ioctl_checked(struct host_sve* s, int fd, unsigned long request, unsigned long arg,
                            int* broken) {
    sve_state_fill(&s->state, s->checked + 1);
    long rc = sve_state_around(&s->state.fill, &s->state.after, 0, SYS_ioctl, fd, (long)request,
                               (long)arg);
    char across[48];
    snprintf(across, sizeof across, "system call #%llu", (unsigned long long)s->checked + 1);
    *broken = sve_state_check_syscall(&s->state, across);
    ++s->checked;
    return rc;
}
