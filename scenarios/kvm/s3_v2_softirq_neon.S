// S3 (v2) - softirq kernel-mode NEON in the exit->put window (nVHE, Feb 2021; §5 S3).
//
// After exit ZCR_EL2 = LEN_MASK and ZCR_EL1 still holds the guest's own gz1-1, so the host
// kernel at EL1 runs at VL gz1. A softirq calls kernel_neon_begin -> fpsimd_save: the state in
// the registers is the guest's, bound at gmax, but RDVL says gz1: WARN, and the state is not
// saved (the VMM is killed). With gz1 == gmax (--param gz1_vq=2) the check passes.
//
//   step               EL  ZCR_EL1  ZCR_EL2  VL
//   after exit         1   gz1-1    15       gz1   <- fpsimd_save's RDVL: gz1 != gmax
//
// Expected under every policy: WARN (the guest is never re-entered, so no LOSS is observed:
// its state was simply never saved).
    .equ HMAX_VQ, 4
    .equ GMAX_VQ, 2
    .equ GZ1_VQ, 1
    .equ ROUNDS, 2
    .equ ENTRIES, 1
    .equ NOTOUCH, 0
    .equ SOFTIRQ_NEON, 1
    .include "params.inc"
    .include "kvm_eras.inc"
    .include "kvm.inc"
