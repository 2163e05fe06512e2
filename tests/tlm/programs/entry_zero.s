// An ELF whose entry point is 0, outside its only segment (RAM is at 0x40000000): refused
// before the run.
    .text
    .global _start
    .set _start, 0
code:
    b code
