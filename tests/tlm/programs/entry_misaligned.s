// An ELF whose entry point is inside its segment but not 4-byte aligned: refused before the run.
    .text
    .global _start
    .set _start, code + 2
code:
    nop
    b code
