// S2 - v2 `flags |= FP_ENABLED` bug (nVHE, Feb 2021; kvm-history.md §5 S2).
//
// KVM_RUN 1 runs the guest twice: it fills its registers (lazy trap, load at gmax), exits,
// re-enters with FP live, exits; put saves it at gmax; the host task's state is reloaded.
// KVM_RUN 2: vcpu_load clears FP_ENABLED, so the first entry traps FP; the guest exits
// WITHOUT using FP, but v2's exit path does `flags |= FP_ENABLED` anyway. The second entry
// therefore sets no traps and loads nothing: the guest runs on the registers as they are,
// which hold the host task's values.
//
//   step                     EL  ZCR_EL1  ZCR_EL2  CPTR_EL2.TZ  registers hold
//   KVM_RUN 2, entry 1       1   gz1-1    15       1            host task
//   exit (bug: FP_ENABLED)   2   gz1-1    15       0            host task
//   entry 2 (no traps)       1   gz1-1    15       0            host task  <- guest sees them
//
// Expected under every policy: LOSS (the guest's own bytes are gone) + LEAK (they are the
// host task's data).
    .equ HMAX_VQ, 4
    .equ GMAX_VQ, 2
    .equ GZ1_VQ, 1
    .equ ROUNDS, 2
    .equ ENTRIES, 2
    .equ NOTOUCH, 2
    .equ V2_EXIT_SETS_FP_ENABLED, 1
    .include "params.inc"
    .include "kvm_eras.inc"
    .include "kvm.inc"
