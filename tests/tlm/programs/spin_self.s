// A branch to itself at EL3 with every interrupt masked (the reset state): nothing can ever
// change, so the run must end (stuck, exit 125) instead of spinning for ever.
    .text
    .global _start
_start:
    nop
1:  b 1b
