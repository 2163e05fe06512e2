// S17 - the "too small" case (architectural; Dave Martin's worry in the seed: "if it's too
// small, we may have already lost some SVE register bits that the guest cares about").
//
// With the guest's state live and bound at gmax and the guest using its whole maximum
// (gz1 = gmax), host code at EL1 lowers ZCR_EL1 to 0 (VL 128), runs an SVE instruction, then
// raises ZCR_EL1 back to gmax-1 and put saves. When the VL grows again the bytes between 128
// and the guest's VL are "either zero or their old value" (R_YRPDH).
//
//   step              EL  ZCR_EL1  ZCR_EL2  VL
//   lowered           1   0        15       128
//   raised, saved     1   gmax-1   15       gmax  <- bytes [16, gmax*16) zero or kept
//
// Expected: clean under preserve (the old values come back), LOSS under zero and qemu (QEMU
// zeroes on the narrowing write), and either under random (a coin per register).
    .equ HMAX_VQ, 4
    .equ GMAX_VQ, 2
    .equ GZ1_VQ, 2
    .equ ROUNDS, 2
    .equ ENTRIES, 1
    .equ NOTOUCH, 0
    .equ HOST_LOWERS_VL, 1
    .include "params.inc"
    .include "kvm_eras.inc"
    .include "kvm.inc"
