/* svesim-vmm: a minimal KVM VMM that runs one bare-metal guest (guests/README.md's contract) on
 * one SVE vCPU and checks its own SVE state across every KVM_RUN (vmm/README.md). */
#include "cli.h"
#include "exit_codes.h"
#include "guest_elf.h"
#include "host_sve.h"
#include "kvm_vcpu.h"
#include "pl011.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/time.h>
#include <termios.h>

struct options {
    unsigned vl_bits;      /* --vl: the guest's largest VL (0: all the host offers) */
    unsigned host_vl_bits; /* --host-vl: the VMM's own VL (0: the kernel's default) */
    unsigned long long max_exits;
    unsigned timeout_s;
    unsigned ram_mib;
    unsigned long long abi_selftest; /* --abi-selftest N: N checked ioctls, no KVM */
    const char* guest;
};

static const char kUsage[] =
    "usage: svesim-vmm [--vl BITS] [--host-vl BITS] [--exits N] [--timeout SECONDS] [--mem MIB]"
    " GUEST.elf\n"
    "  --vl BITS          the guest's largest vector length (a multiple of 128, 128..2048;\n"
    "                     default: every length KVM offers)\n"
    "  --host-vl BITS     the VMM's own vector length (prctl PR_SVE_SET_VL; default: the\n"
    "                     kernel's default)\n"
    "  --exits N          give up after N exits without SYSTEM_OFF (default 1000000)\n"
    "  --timeout SECONDS  give up after SECONDS of wall time (default 300)\n"
    "  --mem MIB          guest RAM at IPA 0x40000000 (default 64)\n"
    "  --abi-selftest N   no guest: check the own SVE state across N plain ioctls (TCGETS on\n"
    "                     stdin) instead, to test the check itself\n"
    "exit status: 0 guest powered off, 1 guest failed (SYSTEM_RESET), 2 usage, 3 bad guest ELF,\n"
    "  4 no KVM/SVE, 5 guest did not end, 6 guest did what the contract does not offer,\n"
    "  7 the VMM's own SVE state broke the syscall ABI, 8 system error (vmm/README.md)\n";

static int usage_error(const char* what, const char* value) {
    return cli_usage_error("svesim-vmm", kUsage, what, value);
}

static int parse_options(int argc, char** argv, struct options* o) {
    *o = (struct options){.max_exits = 1000000, .timeout_s = 300, .ram_mib = 64};
    for (int i = 1; i < argc; ++i) {
        const char* a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            fputs(kUsage, stdout);
            exit(0);
        }
        if (a[0] != '-') {
            if (o->guest) return usage_error("more than one guest", a);
            o->guest = a;
            continue;
        }
        if (i + 1 >= argc) return usage_error("missing value after", a);
        const char* v = argv[++i];
        unsigned long long n;
        if (!strcmp(a, "--vl") || !strcmp(a, "--host-vl")) {
            if (cli_number(v, 2048, &n) || n < 128 || n % 128)
                return usage_error("vector length must be a multiple of 128 in 128..2048", v);
            if (!strcmp(a, "--vl"))
                o->vl_bits = (unsigned)n;
            else
                o->host_vl_bits = (unsigned)n;
        } else if (!strcmp(a, "--exits")) {
            if (cli_number(v, ~0ull, &n) || n == 0)
                return usage_error("--exits needs a positive number", v);
            o->max_exits = n;
        } else if (!strcmp(a, "--timeout")) {
            if (cli_number(v, 86400, &n) || n == 0)
                return usage_error("--timeout needs 1..86400 seconds", v);
            o->timeout_s = (unsigned)n;
        } else if (!strcmp(a, "--abi-selftest")) {
            if (cli_number(v, ~0ull, &n) || n == 0)
                return usage_error("--abi-selftest needs a positive number", v);
            o->abi_selftest = n;
        } else if (!strcmp(a, "--mem")) {
            if (cli_number(v, 3072, &n) || n < 1) return usage_error("--mem needs 1..3072 MiB", v);
            o->ram_mib = (unsigned)n;
        } else {
            return usage_error("unknown option", a);
        }
    }
    if (!o->guest && !o->abi_selftest) return usage_error("no guest ELF given", NULL);
    return 0;
}

static struct kvm_run* volatile g_run; /* for the timeout signal */
static volatile sig_atomic_t g_timed_out;

/* KVM_RUN returns with EINTR, and immediate_exit makes a KVM_RUN not yet entered return at once
 * (Documentation/virt/kvm/api.rst, "immediate_exit"). */
static void on_alarm(int sig) {
    (void)sig;
    g_timed_out = 1;
    if (g_run) g_run->immediate_exit = 1;
}

static int start_timer(unsigned seconds) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;
    sigemptyset(&sa.sa_mask);
    struct itimerval t = {.it_value = {.tv_sec = seconds}};
    if (sigaction(SIGALRM, &sa, NULL) || setitimer(ITIMER_REAL, &t, NULL)) {
        perror("svesim-vmm: timer");
        return VMM_SYSTEM_ERROR;
    }
    return 0;
}

/* Where the guest is, for a guest that ends badly: PC, and its own exception registers. */
static void report_guest_state(struct vm* vm) {
    uint64_t pc = 0, elr = 0, esr = 0, far = 0;
    vm_get_reg(vm, vm_reg_pc(), &pc);
    vm_get_reg(vm, vm_reg_elr_el1(), &elr);
    vm_get_reg(vm, vm_reg_esr_el1(), &esr);
    vm_get_reg(vm, vm_reg_far_el1(), &far);
    /* KVM resets registers of UNKNOWN value to this filler (arch/arm64/kvm/sys_regs.h,
     * reset_unknown): ESR_EL1 still holding it means no exception was taken at EL1 yet. */
    const uint64_t kKvmUnknown = 0x1de7ec7edbadc0deull;
    if (esr == kKvmUnknown)
        fprintf(stderr, "svesim-vmm: guest PC 0x%llx; it has taken no exception at EL1\n",
                (unsigned long long)pc);
    else
        fprintf(stderr,
                "svesim-vmm: guest PC 0x%llx; its last exception at EL1: ESR_EL1 0x%llx, "
                "FAR_EL1 0x%llx, ELR_EL1 0x%llx\n",
                (unsigned long long)pc, (unsigned long long)esr, (unsigned long long)far,
                (unsigned long long)elr);
}

static int serve_mmio(struct vm* vm) {
    struct kvm_run* run = vm->run;
    uint64_t addr = run->mmio.phys_addr;
    if (addr >= PL011_BASE && addr - PL011_BASE < PL011_SIZE) {
        pl011_access(addr - PL011_BASE, run->mmio.data, run->mmio.len, run->mmio.is_write);
        return 0;
    }
    fflush(stdout);
    fprintf(stderr,
            "svesim-vmm: guest MMIO %s of %u bytes at IPA 0x%llx: neither guest RAM nor the "
            "PL011 at 0x%llx\n",
            run->mmio.is_write ? "write" : "read", run->mmio.len, (unsigned long long)addr,
            PL011_BASE);
    report_guest_state(vm);
    return VMM_GUEST_UNSERVED;
}

static int on_system_event(struct vm* vm, unsigned long long exits) {
    fflush(stdout);
    switch (vm->run->system_event.type) {
    case KVM_SYSTEM_EVENT_SHUTDOWN:
        fprintf(stderr, "svesim-vmm: guest powered off (PSCI SYSTEM_OFF) after %llu exits\n",
                exits);
        return VMM_GUEST_OFF;
    case KVM_SYSTEM_EVENT_RESET:
        fprintf(stderr,
                "svesim-vmm: guest reset (PSCI SYSTEM_RESET) after %llu exits: it reports a "
                "failure\n",
                exits);
        return VMM_GUEST_FAILED;
    default:
        fprintf(stderr, "svesim-vmm: guest system event %u (not SYSTEM_OFF/RESET)\n",
                vm->run->system_event.type);
        report_guest_state(vm);
        return VMM_GUEST_UNSERVED;
    }
}

/* One exit; returns -1 to run on, otherwise the exit status. */
static int on_exit_reason(struct vm* vm, unsigned long long exits) {
    struct kvm_run* run = vm->run;
    switch (run->exit_reason) {
    case KVM_EXIT_MMIO: return serve_mmio(vm) ? VMM_GUEST_UNSERVED : -1;
    case KVM_EXIT_SYSTEM_EVENT: return on_system_event(vm, exits);
    case KVM_EXIT_ARM_NISV:
        fflush(stdout);
        fprintf(stderr,
                "svesim-vmm: guest data abort KVM cannot decode (no valid syndrome): ESR ISS "
                "0x%llx, IPA 0x%llx\n",
                (unsigned long long)run->arm_nisv.esr_iss,
                (unsigned long long)run->arm_nisv.fault_ipa);
        report_guest_state(vm);
        return VMM_GUEST_UNSERVED;
    case KVM_EXIT_FAIL_ENTRY:
        fflush(stdout);
        fprintf(stderr, "svesim-vmm: KVM could not enter the guest (reason 0x%llx)\n",
                (unsigned long long)run->fail_entry.hardware_entry_failure_reason);
        return VMM_GUEST_UNSERVED;
    case KVM_EXIT_INTERNAL_ERROR:
        fflush(stdout);
        fprintf(stderr, "svesim-vmm: KVM internal error (suberror %u)\n", run->internal.suberror);
        report_guest_state(vm);
        return VMM_GUEST_UNSERVED;
    case KVM_EXIT_INTR: return -1;
    default:
        fflush(stdout);
        fprintf(stderr, "svesim-vmm: unexpected KVM exit reason %u\n", run->exit_reason);
        report_guest_state(vm);
        return VMM_GUEST_UNSERVED;
    }
}

static int run_guest(struct vm* vm, struct host_sve* sve, const struct options* o) {
    g_run = vm->run;
    int rc = start_timer(o->timeout_s);
    if (rc) return rc;
    for (unsigned long long exits = 0;; ++exits) {
        if (exits >= o->max_exits) {
            fflush(stdout);
            fprintf(stderr, "svesim-vmm: guest did not power off within %llu exits (--exits)\n",
                    o->max_exits);
            report_guest_state(vm);
            return VMM_GUEST_NO_END;
        }
        int broken;
        long r = host_sve_ioctl_checked(sve, vm->vcpu, KVM_RUN, 0, &broken);
        if (broken) {
            fflush(stdout);
            return broken;
        }
        if (g_timed_out) {
            fflush(stdout);
            fprintf(stderr,
                    "svesim-vmm: guest did not power off within %u s (--timeout), %llu exits\n",
                    o->timeout_s, exits);
            report_guest_state(vm);
            return VMM_GUEST_NO_END;
        }
        if (r == -EINTR) continue;
        if (r < 0) {
            fflush(stdout);
            fprintf(stderr, "svesim-vmm: KVM_RUN: %s\n", strerror((int)-r));
            report_guest_state(vm);
            return VMM_SYSTEM_ERROR;
        }
        rc = on_exit_reason(vm, exits + 1);
        if (rc >= 0) return rc;
    }
}

/* The check alone, around an ioctl that does nothing (TCGETS on stdin, whatever its result). */
static int abi_selftest(struct host_sve* sve, unsigned long long calls) {
    for (unsigned long long i = 0; i < calls; ++i) {
        int broken;
        host_sve_ioctl_checked(sve, 0, TCGETS, (unsigned long)(uintptr_t) & (struct termios){0},
                               &broken);
        if (broken) return broken;
    }
    fprintf(stderr,
            "svesim-vmm: own SVE state (VL %u bits) as Documentation/arch/arm64/sve.rst section 3 "
            "promises after %llu ioctls\n",
            sve->vl * 8, calls);
    return 0;
}

int main(int argc, char** argv) {
    struct options o;
    int rc = parse_options(argc, argv, &o);
    if (rc) return rc;
    struct host_sve sve;
    rc = host_sve_setup(&sve, o.host_vl_bits);
    if (rc) return rc;
    if (o.abi_selftest) return abi_selftest(&sve, o.abi_selftest);
    /* The guest is loaded before KVM is asked for anything: bad input is told apart everywhere. */
    uint64_t ram_size = (uint64_t)o.ram_mib << 20;
    uint8_t* ram = mmap(NULL, ram_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (ram == MAP_FAILED) {
        perror("svesim-vmm: guest RAM");
        return VMM_SYSTEM_ERROR;
    }
    uint64_t entry;
    rc = guest_elf_load(o.guest, ram, GUEST_RAM_BASE, ram_size, &entry);
    if (rc) return rc;
    struct vm vm;
    rc = vm_create(&vm, ram, ram_size, o.vl_bits);
    if (rc) return rc;
    rc = vm_set_entry(&vm, entry);
    if (rc) return rc;
    fprintf(stderr,
            "svesim-vmm: %s: entry 0x%llx; guest VLs: %u, largest %u bits; VMM's own VL %u "
            "bits, checked across every KVM_RUN\n",
            o.guest, (unsigned long long)entry, vm.vq_count, vm.max_vq * 128, sve.vl * 8);
    rc = run_guest(&vm, &sve, &o);
    fprintf(stderr,
            "svesim-vmm: exit status %d; own SVE state checked after %llu KVM_RUN calls%s\n", rc,
            (unsigned long long)sve.checked,
            rc == VMM_HOST_SVE_CHANGED ? ""
                                       : ", as Documentation/arch/arm64/sve.rst section 3 "
                                         "promises");
    return rc;
}
