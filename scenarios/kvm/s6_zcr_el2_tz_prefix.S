// S6 - the host SVE trap handler's order, before 5b0870931371 (Mar 2021; §5 S6, fact A1).
//
// 5.13's sequence with the guest at its maximum (gz1 = gmax, so the VL check passes): after
// exit CPTR_EL2.TZ stays set; the softirq's RDVL traps to EL2, and the handler writes
// ZCR_EL2 BEFORE clearing TZ. With E2H = 0, CPTR_EL2.TZ traps ZCR_EL2 accesses at EL2 too
// (R7): an SVE access trap taken at EL2 itself, which KVM can only treat as hyp_panic.
//
// Expected under every policy: HYP_PANIC.
    .equ HMAX_VQ, 4
    .equ GMAX_VQ, 2
    .equ GZ1_VQ, 2
    .equ ROUNDS, 2
    .equ ENTRIES, 1
    .equ NOTOUCH, 0
    .equ TRAP_HOST_SVE_513, 1
    .equ SOFTIRQ_NEON, 1
    .equ ZCR_EL2_BEFORE_TZ, 1
    .include "params.inc"
    .include "kvm_eras.inc"
    .include "kvm.inc"
