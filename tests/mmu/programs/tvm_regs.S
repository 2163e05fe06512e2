// tvm_regs: HCR_EL2.TVM (writes) and HCR_EL2.TRVM (reads) trapping every EL1 virtual memory
// control register, each with its exact EC 0x18 ISS, on svesim and qemu-system-aarch64.
// Expected values are worked out by hand from the Arm ARM (DDI0487 D13.2.48 HCR_EL2.TVM/TRVM:
// SCTLR_EL1, TTBR0_EL1, TTBR1_EL1, TCR_EL1, ESR_EL1, FAR_EL1, AFSR0_EL1, AFSR1_EL1, MAIR_EL1,
// AMAIR_EL1, CONTEXTIDR_EL1; D24.2.45 ISS for EC 0x18: Op0[21:20] Op2[19:17] Op1[16:14]
// CRn[13:10] Rt[9:5] CRm[4:1] Direction[0], 1 = read), never taken from svesim. PAR_EL1 is
// not a TVM register: its accesses are not trapped. The EL1&0 MMU is off. The snippets end
// with HVC #0xFFFF (straight to EL2): EL1's own handler reads ESR_EL1, which TRVM traps.

    .include "common.inc"
    .include "util.inc"

.equ ESR_SYS,  0x62000000
.equ HCR_TVM,  (HCR_RW | (1 << 26))
.equ HCR_TRVM, (HCR_RW | (1 << 30))

// MSR (under TVM) and MRS (under TRVM) of `reg` = S3_0_C<crn>_C<crm>_<op2>, Rt = x0.
.macro TVM_REG reg, crn, crm, op2
    bl      clear_records
    RUN     snip_w_\@, SPSR_EL1H, SCR_DEFAULT, HCR_TVM
    EXPECT  "HCR_EL2.TVM: MSR \reg at EL1 -> EL2", 2, (ESR_SYS | (3 << 20) | (\op2 << 17) | (\crn << 10) | (\crm << 1)), tw_\@
    bl      clear_records
    RUN     snip_r_\@, SPSR_EL1H, SCR_DEFAULT, HCR_TRVM
    EXPECT  "HCR_EL2.TRVM: MRS \reg at EL1 -> EL2", 2, (ESR_SYS | (3 << 20) | (\op2 << 17) | (\crn << 10) | (\crm << 1) | 1), tr_\@
    bl      clear_records
    RUN     snip_r_\@, SPSR_EL1H, SCR_DEFAULT, HCR_TVM
    EXPECT_NONE "HCR_EL2.TVM does not trap MRS \reg"
    .pushsection .text.snips, "ax"
snip_w_\@:
    mrs     x0, \reg                // (not trapped: TVM alone) the value written back
tw_\@:
    msr     \reg, x0
    hvc     #EXIT_IMM
snip_r_\@:
tr_\@:
    mrs     x0, \reg
    hvc     #EXIT_IMM
    .popsection
.endm

    .text
    .global test_main
test_main:
    stp     x29, x30, [sp, #-16]!
    SETSYS  sctlr_el1, SCTLR1_OFF
    TVM_REG sctlr_el1, 1, 0, 0
    TVM_REG ttbr0_el1, 2, 0, 0
    TVM_REG ttbr1_el1, 2, 0, 1
    TVM_REG tcr_el1, 2, 0, 2
    TVM_REG afsr0_el1, 5, 1, 0
    TVM_REG afsr1_el1, 5, 1, 1
    TVM_REG esr_el1, 5, 2, 0
    TVM_REG far_el1, 6, 0, 0
    TVM_REG mair_el1, 10, 2, 0
    TVM_REG amair_el1, 10, 3, 0
    TVM_REG contextidr_el1, 13, 0, 1
    bl      clear_records
    RUN     snip_par, SPSR_EL1H, SCR_DEFAULT, (HCR_TVM | HCR_TRVM)
    EXPECT_NONE "HCR_EL2.TVM/TRVM do not trap PAR_EL1"
    ldp     x29, x30, [sp], #16
    ret

snip_par:
    mrs     x0, par_el1
    msr     par_el1, x0
    hvc     #EXIT_IMM
