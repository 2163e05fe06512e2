// Configures the GIC over its memory-mapped frames at QEMU virt's addresses (GICD_CTLR,
// GICR_WAKER, SGI 1 as Group 0 with priority 0x80, enabled), routes FIQs to EL3, unmasks them,
// pends SGI 1 with GICR_ISPENDR0 and waits in WFI. The bench set ICC_PMR_EL1 and
// ICC_IGRPEN0_EL1 through the model (the ICC system registers are not wired yet). At EL3 a Group
// 0 interrupt is an FIQ: the FIQ vector (current EL, SPx: 0x300) exits with status 42.
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
    strb w0, [x1, #0x401]         // GICR_IPRIORITYR: SGI 1 at 0x80
    mov w0, #2
    str w0, [x1, #0x100]          // GICR_ISENABLER0: SGI 1
    msr daifclr, #1               // unmask FIQ
    str w0, [x1, #0x200]          // GICR_ISPENDR0: SGI 1 pending
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
