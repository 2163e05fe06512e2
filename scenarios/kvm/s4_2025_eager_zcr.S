// S4 - the 2025 design (fpsimd_lazy_switch_to_host / _to_guest; §2.7, §5 S4).
//
// On exit, with the guest's FP live, EL2 saves the guest's ZCR_EL1, sets ZCR_EL2 = hmax-1 and
// ZCR_EL1 = gmax-1 before returning, so host EL1 code runs at exactly the VL the guest's
// state is bound to: the softirq's fpsimd_save passes and saves at gmax. On entry EL2 puts
// back ZCR_EL2 = gmax-1 and the guest's ZCR_EL1.
//
//   step           EL  ZCR_EL1  ZCR_EL2  VL
//   after exit     1   gmax-1   hmax-1   gmax  <- softirq save at gmax
//   entry          2   gz1-1    gmax-1   gmax (EL2), guest: gz1
//
// Expected: clean under every policy.
    .equ HMAX_VQ, 4
    .equ GMAX_VQ, 2
    .equ GZ1_VQ, 1
    .equ ROUNDS, 2
    .equ ENTRIES, 1
    .equ NOTOUCH, 0
    .equ EAGER_ZCR_2025, 1
    .equ SOFTIRQ_NEON, 1
    .include "params.inc"
    .include "kvm_eras.inc"
    .include "kvm.inc"
