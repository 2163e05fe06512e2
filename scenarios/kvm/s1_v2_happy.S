// S1 - v2 happy path (Daniel Kiss, nVHE, Feb 2021; kvm-history.md §2.1, §5 S1).
//
// KVM_RUN: vcpu_load saves the host task's live SVE state (at the host VL) and clears
// FP_ENABLED. Entry: FP not enabled for the guest, so CPTR_EL2.TZ|TFP trap it (lazy switch).
// The guest's first SVE instruction traps to EL2: clear the traps, ZCR_EL2 = gmax-1, load the
// guest's state at gmax, ZCR_EL1 = the guest's own (gz1-1), FP_ENABLED. The guest runs at
// VL = min(gz1, gmax) and exits (HVC). Exit (v2 __restore_host_sve_state): ZCR_EL2 = LEN_MASK,
// ZCR_EL1 stays gz1-1, so the host kernel at EL1 runs at VL gz1. vcpu_put at EL1: save the
// guest's ZCR_EL1, raise ZCR_EL1 to gmax-1 and save the guest's state at gmax.
//
//   step            EL  ZCR_EL1  ZCR_EL2  CPTR_EL2.TZ  VL
//   host task       0   hmax-1   hmax-1   0            hmax
//   guest trap/load 2   gz1-1    gmax-1   0            gmax (EL2)
//   guest runs      1   gz1-1    gmax-1   0            min(gz1, gmax)
//   after exit      1   gz1-1    15       0            gz1
//   put: save       1   gmax-1   15       0            gmax
//
// Expected: clean under every policy. Raising ZCR_EL1 at put may zero the guest's bytes above
// gz1 (R_YRPDH), but they are above the guest's own VL: not architected for it.
    .equ HMAX_VQ, 4
    .equ GMAX_VQ, 2
    .equ GZ1_VQ, 1
    .equ ROUNDS, 2
    .equ ENTRIES, 1
    .equ NOTOUCH, 0
    .include "params.inc"

    .include "kvm_eras.inc"
    .include "kvm.inc"
