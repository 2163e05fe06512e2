// Configures the GIC (gic_group0.inc: SGI 1 as Group 0, priority 0x80, enabled; ICC_PMR_EL1 and
// ICC_IGRPEN0_EL1 through the system registers), unmasks FIQs, pends SGI 1 with GICR_ISPENDR0
// and waits in WFI. At EL3 a Group 0 interrupt is an FIQ: the FIQ vector exits with status 42.
    .include "gic_group0.inc"
    .text
    .global _start
_start:
    gic_group0_setup 1
    msr daifclr, #1               // unmask FIQ
    str w0, [x1, #0x200]          // GICR_ISPENDR0: SGI 1 pending
1:  wfi
    b 1b

    gic_fiq_exits_42
