// An UNDEFINED instruction with VBAR_EL3 pointing at zeroed RAM: the vector's first word (0,
// UDF #0) is UNDEFINED again, so the same exception is taken at the same vector for ever.
    .text
    .global _start
_start:
    adr x0, vectors
    msr vbar_el3, x0
    isb
    udf #1
    .balign 0x800
vectors:
    .skip 0x800
