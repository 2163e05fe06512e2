/* VM and vCPU set-up in the order Documentation/virt/kvm/api.rst requires for arm64 SVE:
 * KVM_ARM_VCPU_INIT with KVM_ARM_VCPU_SVE, then KVM_SET_ONE_REG(KVM_REG_ARM64_SVE_VLS), then
 * KVM_ARM_VCPU_FINALIZE(KVM_ARM_VCPU_SVE), and only then the other registers and KVM_RUN. */
#include "kvm_vcpu.h"

#include "exit_codes.h"

#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

static int fail(int code, const char* what) {
    fprintf(stderr, "svesim-vmm: %s: %s\n", what, strerror(errno));
    return code;
}

static uint64_t core_reg(size_t offset) {
    return KVM_REG_ARM64 | KVM_REG_SIZE_U64 | KVM_REG_ARM_CORE | (offset / sizeof(uint32_t));
}

uint64_t vm_reg_pc(void) {
    return core_reg(offsetof(struct kvm_regs, regs.pc));
}
uint64_t vm_reg_elr_el1(void) {
    return core_reg(offsetof(struct kvm_regs, elr_el1));
}
/* ARM64_SYS_REG(op0, op1, CRn, CRm, op2) of ESR_EL1 (3,0,5,2,0) and FAR_EL1 (3,0,6,0,0). */
uint64_t vm_reg_esr_el1(void) {
    return ARM64_SYS_REG(3, 0, 5, 2, 0);
}
uint64_t vm_reg_far_el1(void) {
    return ARM64_SYS_REG(3, 0, 6, 0, 0);
}

int vm_get_reg(struct vm* vm, uint64_t id, uint64_t* value) {
    struct kvm_one_reg reg = {.id = id, .addr = (uint64_t)(uintptr_t)value};
    return ioctl(vm->vcpu, KVM_GET_ONE_REG, &reg);
}

static int set_reg(struct vm* vm, uint64_t id, const void* value) {
    struct kvm_one_reg reg = {.id = id, .addr = (uint64_t)(uintptr_t)value};
    return ioctl(vm->vcpu, KVM_SET_ONE_REG, &reg);
}

/* The guest's vector lengths: every length the host offers up to max_vl_bits. */
static int set_vector_lengths(struct vm* vm, unsigned max_vl_bits) {
    uint64_t vls[KVM_ARM64_SVE_VLS_WORDS];
    if (vm_get_reg(vm, KVM_REG_ARM64_SVE_VLS, vls))
        return fail(VMM_NO_KVM, "KVM_GET_ONE_REG(KVM_REG_ARM64_SVE_VLS)");
    unsigned limit_vq = max_vl_bits ? max_vl_bits / 128 : KVM_ARM64_SVE_VQ_MAX;
    vm->max_vq = 0;
    vm->vq_count = 0;
    for (unsigned vq = KVM_ARM64_SVE_VQ_MIN; vq <= KVM_ARM64_SVE_VQ_MAX; ++vq) {
        uint64_t bit = 1ull << ((vq - KVM_ARM64_SVE_VQ_MIN) % 64);
        uint64_t* word = &vls[(vq - KVM_ARM64_SVE_VQ_MIN) / 64];
        if (vq > limit_vq) *word &= ~bit;
        if (*word & bit) {
            vm->max_vq = vq;
            ++vm->vq_count;
        }
    }
    if (!vm->max_vq) {
        fprintf(stderr, "svesim-vmm: --vl %u: the host offers no vector length that small\n",
                max_vl_bits);
        return VMM_USAGE;
    }
    if (set_reg(vm, KVM_REG_ARM64_SVE_VLS, vls))
        return fail(VMM_SYSTEM_ERROR, "KVM_SET_ONE_REG(KVM_REG_ARM64_SVE_VLS)");
    int feature = KVM_ARM_VCPU_SVE;
    if (ioctl(vm->vcpu, KVM_ARM_VCPU_FINALIZE, &feature))
        return fail(VMM_SYSTEM_ERROR, "KVM_ARM_VCPU_FINALIZE(KVM_ARM_VCPU_SVE)");
    return 0;
}

static int create_vcpu(struct vm* vm, unsigned max_vl_bits) {
    vm->vcpu = ioctl(vm->vm, KVM_CREATE_VCPU, 0);
    if (vm->vcpu < 0) return fail(VMM_SYSTEM_ERROR, "KVM_CREATE_VCPU");
    int mmap_size = ioctl(vm->kvm, KVM_GET_VCPU_MMAP_SIZE, 0);
    if (mmap_size <= 0) return fail(VMM_SYSTEM_ERROR, "KVM_GET_VCPU_MMAP_SIZE");
    vm->run_size = (size_t)mmap_size;
    vm->run = mmap(NULL, vm->run_size, PROT_READ | PROT_WRITE, MAP_SHARED, vm->vcpu, 0);
    if (vm->run == MAP_FAILED) return fail(VMM_SYSTEM_ERROR, "mmap of the vCPU's kvm_run");
    struct kvm_vcpu_init init;
    if (ioctl(vm->vm, KVM_ARM_PREFERRED_TARGET, &init))
        return fail(VMM_SYSTEM_ERROR, "KVM_ARM_PREFERRED_TARGET");
    memset(init.features, 0, sizeof init.features);
    init.features[0] = (1u << KVM_ARM_VCPU_PSCI_0_2) | (1u << KVM_ARM_VCPU_SVE);
    if (ioctl(vm->vcpu, KVM_ARM_VCPU_INIT, &init))
        return fail(VMM_SYSTEM_ERROR, "KVM_ARM_VCPU_INIT with PSCI 0.2 and SVE");
    return set_vector_lengths(vm, max_vl_bits);
}

int vm_create(struct vm* vm, uint8_t* ram, uint64_t ram_size, unsigned max_vl_bits) {
    memset(vm, 0, sizeof *vm);
    vm->kvm = open("/dev/kvm", O_RDWR | O_CLOEXEC);
    if (vm->kvm < 0) return fail(VMM_NO_KVM, "/dev/kvm");
    if (ioctl(vm->kvm, KVM_GET_API_VERSION, 0) != KVM_API_VERSION) {
        fprintf(stderr, "svesim-vmm: /dev/kvm speaks another KVM API version than %d\n",
                KVM_API_VERSION);
        return VMM_NO_KVM;
    }
    if (ioctl(vm->kvm, KVM_CHECK_EXTENSION, KVM_CAP_ARM_SVE) <= 0) {
        fprintf(stderr, "svesim-vmm: KVM offers no SVE to guests (KVM_CAP_ARM_SVE)\n");
        return VMM_NO_KVM;
    }
    if (ioctl(vm->kvm, KVM_CHECK_EXTENSION, KVM_CAP_ARM_PSCI_0_2) <= 0) {
        fprintf(stderr, "svesim-vmm: KVM offers no PSCI 0.2 (KVM_CAP_ARM_PSCI_0_2)\n");
        return VMM_NO_KVM;
    }
    vm->vm = ioctl(vm->kvm, KVM_CREATE_VM, 0);
    if (vm->vm < 0) return fail(VMM_NO_KVM, "KVM_CREATE_VM");
    /* Data aborts KVM cannot decode come to us with their syndrome instead of failing KVM_RUN. */
    if (ioctl(vm->vm, KVM_CHECK_EXTENSION, KVM_CAP_ARM_NISV_TO_USER) > 0) {
        struct kvm_enable_cap cap = {.cap = KVM_CAP_ARM_NISV_TO_USER};
        if (ioctl(vm->vm, KVM_ENABLE_CAP, &cap))
            return fail(VMM_SYSTEM_ERROR, "KVM_ENABLE_CAP(KVM_CAP_ARM_NISV_TO_USER)");
    }
    vm->ram = ram;
    vm->ram_size = ram_size;
    struct kvm_userspace_memory_region region = {
        .slot = 0,
        .guest_phys_addr = GUEST_RAM_BASE,
        .memory_size = ram_size,
        .userspace_addr = (uint64_t)(uintptr_t)vm->ram,
    };
    if (ioctl(vm->vm, KVM_SET_USER_MEMORY_REGION, &region))
        return fail(VMM_SYSTEM_ERROR, "KVM_SET_USER_MEMORY_REGION");
    return create_vcpu(vm, max_vl_bits);
}

int vm_set_entry(struct vm* vm, uint64_t entry) {
    /* PSR_MODE_EL1h | PSR_F_BIT | PSR_I_BIT | PSR_A_BIT | PSR_D_BIT (asm/ptrace.h). */
    uint64_t pstate = 0x5 | 0x40 | 0x80 | 0x100 | 0x200;
    if (set_reg(vm, core_reg(offsetof(struct kvm_regs, regs.pstate)), &pstate) ||
        set_reg(vm, vm_reg_pc(), &entry))
        return fail(VMM_SYSTEM_ERROR, "KVM_SET_ONE_REG(PC, PSTATE)");
    return 0;
}
