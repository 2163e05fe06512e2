// The reviewer's proposal (Dave Martin, Feb 2021, in the seed thread): "When at EL2 exiting
// back to the host: if and only if FP_ENABLED is set then save the guest's ZCR_EL1 and
// ZCR_EL1 to match the guest's sve_max_vl".
//
// v2's sequence, except that EL2 saves the guest's ZCR_EL1 and sets ZCR_EL1 = gmax-1 before
// returning to EL1 (ZCR_EL2 = LEN_MASK as in v2). The host's EL1 never runs below the VL the
// guest's state is bound to: the softirq save in the window passes, put saves at gmax without
// touching ZCR_EL1, and the guest's ZCR_EL1 comes back on entry.
//
//   step           EL  ZCR_EL1  ZCR_EL2  VL
//   after exit     1   gmax-1   15       gmax  <- softirq save at gmax
//
// Expected: clean under every policy.
    .equ HMAX_VQ, 4
    .equ GMAX_VQ, 2
    .equ GZ1_VQ, 1
    .equ ROUNDS, 2
    .equ ENTRIES, 1
    .equ NOTOUCH, 0
    .equ REVIEWER_EL2_FIXUP, 1
    .equ SOFTIRQ_NEON, 1
    .include "params.inc"
    .include "kvm_eras.inc"
    .include "kvm.inc"
