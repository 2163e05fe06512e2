// Routes IRQs to EL3 (SCR_EL3.IRQ), unmasks them, waits in WFI; the test bench raises the IRQ
// line later. The IRQ vector (current EL, SPx: 0x280) exits with status 42.
    .text
    .global _start
_start:
    adr x0, vectors
    msr vbar_el3, x0
    mrs x0, scr_el3
    orr x0, x0, #2                // SCR_EL3.IRQ
    msr scr_el3, x0
    isb
    msr daifclr, #2               // unmask IRQ
1:  wfi
    b 1b

    .balign 0x800
vectors:
    .skip 0x280
irq_spx:
    mov x0, #0x18
    adr x1, done
    hlt #0xf000
    .balign 8
done: .quad 0x20026, 42
