// Jumps to an address no target claims. The fetch takes an Instruction Abort to EL3, whose
// vector (VBAR_EL3 = 0 from reset) is unmapped too: the same abort at the same vector for ever,
// an exception storm svesim must stop.
    .text
    .global _start
_start:
    movz x0, #0x2000, lsl #16     // 0x20000000: nothing mapped there
    br x0
