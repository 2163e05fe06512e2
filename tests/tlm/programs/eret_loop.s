// HVC whose EL3 handler returns to the SVC itself with nothing changed (ELR_EL3 not advanced):
// the same exception again after one instruction, for ever: an exception storm.
    .text
    .global _start
_start:
    adr x0, vectors
    msr vbar_el3, x0
    isb
again:
    hvc #0                        // UNDEFINED at EL3 (EC 0x00), taken at the same vector
    b again
    .balign 0x800
vectors:
    .skip 0x200
    eret                          // current EL with SPx: back to the HVC
