// The EL1 virtual timer's PPI 27 through the GIC wakes a WFI: configures the GIC as gic_sgi.s
// does (PPI 27 as Group 0, priority 0x80, enabled), arms CNTV for 6250 ticks (100 us at the
// 62.5 MHz counter) and waits in WFI with FIQs routed to EL3 and unmasked. The bench set
// ICC_PMR_EL1 and ICC_IGRPEN0_EL1 through the model. The FIQ vector exits with status 42.
    .text
    .global _start
_start:
    adr x0, vectors
    msr vbar_el3, x0
    mrs x0, scr_el3
    orr x0, x0, #4                // SCR_EL3.FIQ
    msr scr_el3, x0
    isb
    ldr x1, =0x08000000           // GICD
    mov w0, #0x37
    str w0, [x1]                  // GICD_CTLR: EnableGrp0/1NS/1S, ARE_S, ARE_NS
    ldr x1, =0x080A0000           // GICR of PE 0
    str wzr, [x1, #0x14]          // GICR_WAKER: awake
    ldr x1, =0x080B0000           // its SGI_base frame
    str wzr, [x1, #0x80]          // GICR_IGROUPR0: all Group 0
    mov w0, #0x80
    strb w0, [x1, #0x41b]         // GICR_IPRIORITYR: PPI 27 at 0x80
    mov w0, #(1 << 27)
    str w0, [x1, #0x100]          // GICR_ISENABLER0: PPI 27
    mrs x2, cntvct_el0
    mov x3, #6250
    add x2, x2, x3
    msr cntv_cval_el0, x2
    mov x3, #1
    msr cntv_ctl_el0, x3          // ENABLE, not masked
    msr daifclr, #1               // unmask FIQ
1:  wfi
    b 1b

    .balign 0x800
vectors:
    .skip 0x300
fiq_spx:
    mov x0, #0x18
    adr x1, done
    hlt #0xf000
    .balign 8
done: .quad 0x20026, 42
