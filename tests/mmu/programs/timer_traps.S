// timer_traps: the generic timer's EL1/EL0 access traps (CNTHCTL_EL2 with E2H = 0 and
// CNTKCTL_EL1), their priority and exact EC 0x18 ISS, on svesim and qemu-system-aarch64.
// Expected values are worked out by hand from the Arm ARM (DDI0487 D13.8 CNTHCTL_EL2.EL1PCTEN
// (CNTPCT_EL0 at EL1/EL0 -> EL2), EL1PCEN (CNTP_CTL/CVAL/TVAL_EL0 -> EL2); CNTKCTL_EL1
// EL0PCTEN/EL0VCTEN (EL0 -> EL1, before EL2's trap); CNTVCT_EL0 is not trapped by CNTHCTL_EL2
// without FEAT_ECV; D24.2.45 ISS for EC 0x18), never taken from svesim.
    .include "common.inc"
    .include "util.inc"
.equ ESR_SYS,  0x62000000
.macro SYSTRAP name, insn, spsr, hcr, el, esr
    bl      clear_records
    RUN     snip_\@, \spsr, SCR_DEFAULT, \hcr
    EXPECT  "\name", \el, \esr, t_\@
    .pushsection .text.snips, "ax"
snip_\@:
    nop
t_\@:
    \insn
    EXIT
    .popsection
.endm
.macro NOTRAP name, insn, spsr, hcr
    bl      clear_records
    RUN     snip_\@, \spsr, SCR_DEFAULT, \hcr
    EXPECT_NONE "\name"
    .pushsection .text.snips, "ax"
snip_\@:
    \insn
    EXIT
    .popsection
.endm
    .text
    .global test_main
test_main:
    stp     x29, x30, [sp, #-16]!
    SETSYS  cnthctl_el2, 0
    SETSYS  cntkctl_el1, 0
    SYSTRAP "CNTHCTL.EL1PCTEN=0: EL1 MRS CNTPCT_EL0 -> EL2", "mrs x0, cntpct_el0", SPSR_EL1H, HCR_DEFAULT, 2, (ESR_SYS | (3<<20)|(1<<17)|(3<<14)|(14<<10)|1)
    SYSTRAP "CNTHCTL.EL1PCEN=0: EL1 MRS CNTP_CTL_EL0 -> EL2", "mrs x0, cntp_ctl_el0", SPSR_EL1H, HCR_DEFAULT, 2, (ESR_SYS | (3<<20)|(1<<17)|(3<<14)|(14<<10)|(2<<1)|1)
    SYSTRAP "CNTHCTL.EL1PCEN=0: EL1 MSR CNTP_CVAL_EL0 -> EL2", "msr cntp_cval_el0, x0", SPSR_EL1H, HCR_DEFAULT, 2, (ESR_SYS | (3<<20)|(2<<17)|(3<<14)|(14<<10)|(2<<1))
    SYSTRAP "CNTKCTL.EL0PCTEN=0: EL0 MRS CNTPCT_EL0 -> EL1 first", "mrs x0, cntpct_el0", SPSR_EL0T, HCR_DEFAULT, 1, (ESR_SYS | (3<<20)|(1<<17)|(3<<14)|(14<<10)|1)
    NOTRAP  "EL1 MRS CNTVCT_EL0 not trapped by CNTHCTL", "mrs x0, cntvct_el0", SPSR_EL1H, HCR_DEFAULT
    SETSYS  cnthctl_el2, 3
    NOTRAP  "CNTHCTL.EL1PCTEN=1: EL1 MRS CNTPCT_EL0", "mrs x0, cntpct_el0", SPSR_EL1H, HCR_DEFAULT
    SETSYS  cntkctl_el1, 3
    NOTRAP  "CNTKCTL.EL0PCTEN=1: EL0 MRS CNTPCT_EL0", "mrs x0, cntpct_el0", SPSR_EL0T, HCR_DEFAULT
    SETSYS  cntkctl_el1, 1
    SYSTRAP "CNTKCTL.EL0VCTEN=0: EL0 MRS CNTVCT_EL0 -> EL1", "mrs x0, cntvct_el0", SPSR_EL0T, HCR_DEFAULT, 1, (ESR_SYS | (3<<20)|(2<<17)|(3<<14)|(14<<10)|1)
    ldp     x29, x30, [sp], #16
    ret
