// S6 fixed - 5b0870931371 "Fix host's ZCR_EL2 restore on nVHE" (Mar 2021).
//
// The same sequence with the fixed order: clear CPTR_EL2.TZ (ISB), then write ZCR_EL2; the
// RDVL re-executes at the host's VL bounded by the guest's own (= gmax here), the softirq
// saves at gmax.
//
// Expected: clean under every policy.
    .equ HMAX_VQ, 4
    .equ GMAX_VQ, 2
    .equ GZ1_VQ, 2
    .equ ROUNDS, 2
    .equ ENTRIES, 1
    .equ NOTOUCH, 0
    .equ TRAP_HOST_SVE_513, 1
    .equ SOFTIRQ_NEON, 1
    .include "params.inc"
    .include "kvm_eras.inc"
    .include "kvm.inc"
