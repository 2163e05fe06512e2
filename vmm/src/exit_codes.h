/* svesim-vmm's exit statuses (vmm/README.md, "Exit status"). */
#ifndef SVESIM_VMM_EXIT_CODES_H
#define SVESIM_VMM_EXIT_CODES_H

enum vmm_exit {
    VMM_GUEST_OFF = 0,        /* the guest called PSCI SYSTEM_OFF: it passed */
    VMM_GUEST_FAILED = 1,     /* the guest called PSCI SYSTEM_RESET: its own check failed */
    VMM_USAGE = 2,            /* bad command line */
    VMM_BAD_ELF = 3,          /* the guest file is not a loadable AArch64 ELF for guest RAM */
    VMM_NO_KVM = 4,           /* no /dev/kvm, or KVM/the host lacks SVE or a needed capability */
    VMM_GUEST_NO_END = 5,     /* the guest did not power off within --exits exits or --timeout */
    VMM_GUEST_UNSERVED = 6,   /* the guest did what the contract does not offer (MMIO outside the
                                 PL011, an abort KVM cannot decode, an entry failure, a crash) */
    VMM_HOST_SVE_CHANGED = 7, /* the VMM's own SVE state broke the syscall ABI across KVM_RUN */
    VMM_SYSTEM_ERROR = 8,     /* a system call the VMM needs failed unexpectedly */
};

#endif
