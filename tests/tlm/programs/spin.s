// Never exits: for --max-insns.
    .text
    .global _start
_start:
1:  add x0, x0, #1
    b 1b
