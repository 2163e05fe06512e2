// Virtual interrupts (R23). EL3 sets up EL2 and EL1 and drops to EL1 with IRQs unmasked and
// HCR_EL2 = {RW, IMO, VI}: the virtual IRQ is taken at once, before el1_main's first
// instruction, to EL1's IRQ vector (EL1h: 0x280). The handler asks EL2 (HVC) to clear
// HCR_EL2.VI and returns; el1_main then waits in WFI until the test bench raises the Cpu's
// virq input; that second virtual IRQ exits with 40 + the number of vIRQs taken (42).
    .text
    .global _start
_start:
    mov x0, #(1 << 0 | 1 << 8 | 1 << 10)    // SCR_EL3: NS, HCE, RW
    msr scr_el3, x0
    adr x0, el2_vectors
    msr vbar_el2, x0
    adr x0, el1_vectors
    msr vbar_el1, x0
    mov x0, #(1 << 4 | 1 << 7)              // HCR_EL2: IMO, VI
    orr x0, x0, #(1 << 31)                  // RW
    msr hcr_el2, x0
    mov x0, #0x345                          // SPSR: EL1h, D, A, F masked, I clear
    msr spsr_el3, x0
    adr x0, el1_main
    msr elr_el3, x0
    mov x20, #0
    isb
    eret

el1_main:
    cmp x20, #1                             // the HCR_EL2.VI interrupt came first
    b.ne fail
1:  wfi
    b 1b

fail:
    adr x1, bad
    b exit

    .balign 0x800
el1_vectors:
    .skip 0x280
el1_irq_spx:
    add x20, x20, #1
    cmp x20, #2
    b.eq done
    hvc #0                                  // EL2 clears HCR_EL2.VI
    eret

done:
    adr x1, ok
exit:
    mov x0, #0x18                           // SYS_EXIT
    hlt #0xf000

    .balign 0x800
el2_vectors:
    .skip 0x400
el2_sync_lower:
    mrs x0, hcr_el2
    bic x0, x0, #(1 << 7)                   // clear VI
    msr hcr_el2, x0
    eret

    .balign 8
ok:  .quad 0x20026, 42
bad: .quad 0x20026, 1
