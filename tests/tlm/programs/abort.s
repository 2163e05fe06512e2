// Loads from an address no target claims: a synchronous external abort (Data Abort, EC 0x25
// at EL3). The EL3 handler exits with ESR_EL3.EC, and checks FAR_EL3 and the DFSC.
    .text
    .global _start
_start:
    adr x0, vectors
    msr vbar_el3, x0
    isb
    movz x1, #0x2000, lsl #16     // 0x20000000: nothing mapped there
    ldr x2, [x1]
    mov x0, #0x18
    adr x1, fell_through
    hlt #0xf000

    .balign 0x800
vectors:
    .balign 0x200
    .skip 0x200                   // current EL with SP0 (unused)
sync_spx:                         // current EL with SPx: offset 0x200
    mrs x3, esr_el3
    mrs x4, far_el3
    movz x5, #0x2000, lsl #16
    cmp x4, x5
    b.ne bad
    and x6, x3, #0x3f             // DFSC
    cmp x6, #0x10                 // synchronous external abort
    b.ne bad
    lsr x3, x3, #26
    adr x1, result
    str x3, [x1, #8]
    mov x0, #0x18
    hlt #0xf000
bad:
    mov x0, #0x18
    adr x1, fell_through
    hlt #0xf000
    .balign 8
result:       .quad 0x20026, 0
fell_through: .quad 0x20026, 99
