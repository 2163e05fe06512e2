// S11 - a guest without SVE on an SVE host (all eras; kvm-history.md §5 S11).
//
// CPTR_EL2.TZ stays set for the guest; its FP is switched lazily (TFP) as V0-V31 only. The
// host task's state is saved as FPSIMD only (>= 5.17, fpsimd_kvm_prepare: a syscall discards
// the SVE state) and restored as V registers: its Z bits above 128 and its P/FFR are not
// saved, which the syscall ABI allows.
//
// Expected: clean under every policy: the guest owns only V[127:0] (and cannot read more);
// the host task, which left by SVC, is owed only V[127:0] — its other bytes come back as its
// own or zero, never the guest's (the guest writes no byte above 128).
    .equ HMAX_VQ, 4
    .equ GMAX_VQ, 2
    .equ GZ1_VQ, 1
    .equ ROUNDS, 2
    .equ ENTRIES, 1
    .equ NOTOUCH, 0
    .equ NON_SVE_GUEST, 1
    .equ HOST_SAVED_AS_FPSIMD, 1
    .include "params.inc"
    .include "kvm_eras.inc"
    .include "kvm.inc"
