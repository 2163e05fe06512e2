// s1_v2_happy - catalogue S1: Daniel Kiss's "[PATCHv2] kvm: arm64: Add SVE support for
// nVHE." (2 Feb 2021), nVHE, happy path: the guest touches FP/SVE after every entry, no
// event in the exit -> put window.
//
// Parameters (defaults): hmax_vq 4, gmax_vq 2, gz1_vq 1, htask_vq 0 (= hmax), rounds 2.
// Each round: KVM_RUN; guest: verify, PING (exit handled in the kernel, re-entry without
// vcpu_put), verify, YIELD (exit to the VMM: vcpu_put), new pattern. The VMM task fills
// its own pattern before every KVM_RUN and verifies what the syscall ABI keeps after it.
//
// Sequence, default parameters (VL in bits; "eff" = effective VL at that EL):
//  step                       EL   ZCR_EL1  ZCR_EL2  CPTR_EL2         eff
//  task fills, SVC KVM_RUN    EL0  3        3        RES1             512 (task VL)
//  syscall: TIF_SVE=0, ZEN_EL0EN=0 (regs untouched); load_fp: flags = FP_HOST
//  HVC, __activate_traps:     EL2  3        3        RES1|TTA|TZ|TFP  (TIF_FOREIGN=0 but
//                                                    FP_ENABLED was cleared by load_fp)
//  guest's first FP/SVE use traps (EC 0x07/0x19) to EL2:
//    clear TFP|TZ, host save V0-V31+FPSR/FPCR (HOST_SVE_IN_USE=0) into the task,
//    ZCR_EL2 := 1, load Z/P/FFR at 256 from the vcpu buffer, ZCR_EL1 := vcpu (gz1-1 = 0)
//                             EL1  0        1        RES1|TTA         128 (guest)
//  PING: exit to EL2, CPTR_EL2 = RES1, `flags |= FP_ENABLED` (already set), ZCR_EL2 := 3
//                             EL1  0        3        RES1             128 (host kernel runs
//                                                    at the guest's VL: ZCR_EL1 is the guest's)
//  ctxsync: bind the guest state, VL 256; TIF_SVE=1, TIF_FOREIGN=0
//  re-entry (FP_ENABLED): ZCR_EL1 := 0, ZCR_EL2 := 1, no TZ/TFP; guest verifies
//  YIELD: exit as for PING; put (EL1): vcpu ZCR_EL1 := ZCR_EL1 (0), ZCR_EL1 := 1
//                             EL1  1        3        RES1             256 = bound VL
//    fpsimd_save: RDVL 32 bytes == bound 32: Z/P/FFR saved at 256 into the vcpu buffer;
//    flush (TIF_FOREIGN=1); TIF_SVE := HOST_SVE_IN_USE (0)
//  return to the task: fpsimd_load(task) at EL1 (V0-V31, FPSR, FPCR); ZEN_EL0EN=0; the
//  task's first SVE use traps (do_sve_acc): ZCR_EL1 := 3, Z = V + zeros, P = FFR = 0.
//  Next KVM_RUN: the guest's first FP/SVE use traps again and reloads from the buffer.
//
// Expected checker verdict
//   preserve: clean (no LOSS/LEAK/CORRUPT/VL_CHANGED/ZCR_CHANGED/VL_ABOVE_MAX), no event.
//   zero (and qemu, random:N): clean too. The guest's own VL (gz1) is never cut: every EL
//     that holds its live state runs at >= gz1 (EL2 at gmax, host EL1 at gz1 until put
//     raises ZCR_EL1 to gmax). Bits between gz1 and gmax may be zeroed (at the ZCR_EL1
//     write in put, or on exception entry), but they are not the guest's (its VL is gz1).
//   Why: with nothing in the exit -> put window the v2 sequence saves at gmax with the VL
//   check satisfied. S2 and S3 show what the same code does when the guest does not touch
//   FP, or when kernel-mode NEON runs in the window.
// Notes for the checker: the host task's Z bits >= 128, P and FFR are discarded by the
// KVM_RUN syscall (ABI); on the return to EL0 its SVE is disabled (CPACR_EL1.ZEN_EL0EN=0,
// effective VL 128) until its first SVE use, where the kernel zeroes them. The guest is
// entered with TFP|TZ set after every vcpu_load (lazy switch): its registers become its
// own only at the FP/SVE trap.

    .include "scenario.inc"
    .include "era_v2.inc"

    .section .rodata
scenario_name:  .asciz "s1_v2_happy"
    .text
