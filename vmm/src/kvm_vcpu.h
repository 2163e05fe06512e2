/* One VM with one SVE vCPU and one RAM slot, through /dev/kvm (Documentation/virt/kvm/api.rst). */
#ifndef SVESIM_VMM_KVM_VCPU_H
#define SVESIM_VMM_KVM_VCPU_H

#include <linux/kvm.h>
#include <stddef.h>
#include <stdint.h>

#define GUEST_RAM_BASE 0x40000000ull

struct vm {
    int kvm, vm, vcpu;
    struct kvm_run* run;
    size_t run_size;
    uint8_t* ram;
    uint64_t ram_size;
    unsigned max_vq; /* the guest's largest vector length, in quadwords */
    unsigned vq_count;
};

/* Creates the VM with `ram` (ram_size bytes, already holding the guest) at GUEST_RAM_BASE, and vCPU
 * 0 with PSCI 0.2 and SVE, its vector lengths limited to max_vl_bits (0: every length the host
 * offers) through KVM_REG_ARM64_SVE_VLS before KVM_ARM_VCPU_FINALIZE. Prints one line and returns
 * an exit status on failure. */
int vm_create(struct vm* vm, uint8_t* ram, uint64_t ram_size, unsigned max_vl_bits);

/* PC = entry, PSTATE = EL1h with D, A, I, F masked. */
int vm_set_entry(struct vm* vm, uint64_t entry);

/* Reads a register by its KVM id (KVM_GET_ONE_REG); 0 on success. */
int vm_get_reg(struct vm* vm, uint64_t id, uint64_t* value);

/* KVM ids of the registers reported when a guest ends badly. */
uint64_t vm_reg_pc(void);
uint64_t vm_reg_elr_el1(void);
uint64_t vm_reg_esr_el1(void);
uint64_t vm_reg_far_el1(void);

#endif
