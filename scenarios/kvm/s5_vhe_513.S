// S5 - VHE, 5.13+ without NV (kvm-history.md §2.2, §5 S5).
//
// The host kernel runs at EL2 (E2H = TGE = 1). Entry: ZCR_EL2 = gmax-1, the guest's ZCR_EL1
// through ZCR_EL12, FP/SVE trapped until its first use (CPTR_EL2.{ZEN,FPEN} = 00), which loads
// its state at gmax. After exit ZCR_EL2 keeps gmax-1, so the host kernel at EL2 runs at the
// guest's maximum: the softirq's fpsimd_save sees RDVL = gmax, as bound, and saves. Put saves
// the guest's ZCR_EL12 and state at gmax; the task's VL returns when it is reloaded (its
// sve_set_vq writes the ZCR_EL1 name, which at EL2 with E2H = 1 is ZCR_EL2).
//
//   step           EL  ZCR_EL1 (guest)  ZCR_EL2  VL
//   guest runs     1   gz1-1            gmax-1   gz1
//   after exit     2   gz1-1            gmax-1   gmax  <- softirq save at gmax
//   task reloaded  0   gz1-1            hmax-1   hmax
//
// Expected: clean under every policy (the host kernel runs at the guest's VL, but it holds no
// SVE state of its own).
    .equ HMAX_VQ, 4
    .equ GMAX_VQ, 2
    .equ GZ1_VQ, 1
    .equ ROUNDS, 2
    .equ ENTRIES, 1
    .equ NOTOUCH, 0
    .equ SOFTIRQ_NEON, 1
    .include "params.inc"
    .include "kvm_vhe.inc"
