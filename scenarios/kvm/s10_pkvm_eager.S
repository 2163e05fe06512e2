// S10 - pKVM 6.10+ normal path (kvm-history.md §2.5, §5 S10).
//
// The hypervisor owns the switch: on every entry EL2 saves the host's live state at the host
// VL (ZCR_EL2 = hmax-1), sets ZCR_EL2 = gmax-1 and loads the guest's at gmax with its ZCR_EL1;
// on every exit it saves the guest's at gmax, restores the host's at hmax and the host's
// ZCR_EL1. No lazy traps; the host never sees guest registers.
//
//   step           EL  ZCR_EL1  ZCR_EL2  VL
//   entry: save    2   hmax-1   hmax-1   hmax (host's state)
//   entry: load    2   gz1-1    gmax-1   gmax (guest's state)
//   exit: save     2   gz1-1    gmax-1   gmax
//   exit: restore  2   hmax-1   hmax-1   hmax
//
// Expected: clean under every policy (the bytes above gmax hold the host's own values,
// restored).
    .equ HMAX_VQ, 4
    .equ GMAX_VQ, 2
    .equ GZ1_VQ, 1
    .equ ROUNDS, 2
    .equ ENTRIES, 1
    .equ NOTOUCH, 0
    .equ PKVM_EAGER, 1
    .include "params.inc"
    .include "kvm_eras.inc"
    .include "kvm.inc"
