// The EL1 virtual timer's PPI 27 through the GIC wakes a WFI: configures the GIC as gic_sgi.s
// does (gic_group0.inc: PPI 27 as Group 0, priority 0x80, enabled), arms CNTV for 6250 ticks
// (100 us at the 62.5 MHz counter) and waits in WFI with FIQs routed to EL3 and unmasked. The
// FIQ vector exits with status 42.
    .include "gic_group0.inc"
    .text
    .global _start
_start:
    gic_group0_setup 27
    mrs x2, cntvct_el0
    mov x3, #6250
    add x2, x2, x3
    msr cntv_cval_el0, x2
    mov x3, #1
    msr cntv_ctl_el0, x3          // ENABLE, not masked
    msr daifclr, #1               // unmask FIQ
1:  wfi
    b 1b

    gic_fiq_exits_42
