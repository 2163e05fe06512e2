// S3 (5.13) - the same window in v5.13-v6.13 nVHE (§5 S3).
//
// After exit CPTR_EL2.TZ stays set (host SVE trapped while the guest's state is dirty) and
// ZCR_EL2 = gmax-1. The softirq's RDVL traps to EL2; the host SVE trap handler clears TZ and
// raises ZCR_EL2 to the host's limit, and RDVL re-executes: VL = min(gz1, hmax) = gz1 != gmax.
//
// Expected under every policy: WARN.
    .equ HMAX_VQ, 4
    .equ GMAX_VQ, 2
    .equ GZ1_VQ, 1
    .equ ROUNDS, 2
    .equ ENTRIES, 1
    .equ NOTOUCH, 0
    .equ TRAP_HOST_SVE_513, 1
    .equ SOFTIRQ_NEON, 1
    .include "params.inc"
    .include "kvm_eras.inc"
    .include "kvm.inc"
