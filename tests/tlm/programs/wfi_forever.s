// WFI with every interrupt masked and no device programmed: nothing can wake it.
    .text
    .global _start
_start:
    wfi
    b _start
