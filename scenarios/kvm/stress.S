// Stress - a guest and a host task each running sve-test style loops over many timer-IRQ-driven
// switches at different VLs, with an eager (pKVM-style) save/restore at EL2.
//
// The host task (VL hmax) fills its registers and spins; the timer preempts it (IRQ at EL1:
// an asynchronous leave, owed its whole state); the host kernel runs the vCPU for a slice
// (HVC); the guest alternates its own VL between gz1 and gmax on every slice, refills and
// spins until the timer exits it (IRQ routed to EL2 by HCR_EL2.IMO: asynchronous, owed
// everything); EL2 saves the guest at gmax, restores the host at hmax; the host kernel resumes
// the task. `rounds` guest slices (default 40).
//
// Expected: clean under every policy.
    .equ HMAX_VQ, 4
    .equ GMAX_VQ, 2
    .equ GZ1_VQ, 1
    .equ ROUNDS, 40
    .equ ENTRIES, 1
    .equ NOTOUCH, 0
    .equ STRESS, 1
    .equ PKVM_EAGER, 1
    .include "params.inc"
    .include "kvm_eras.inc"
    .include "kvm.inc"
