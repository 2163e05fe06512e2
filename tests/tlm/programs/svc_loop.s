// Takes the same SVC (EL3 to EL3) 200000 times from a loop (the same ESR, ELR and vector each time, the
// counter in X2 changing): progress, not an exception storm. Exits with status 3.
    .text
    .global _start
_start:
    adr x0, vectors
    msr vbar_el3, x0
    isb
    movz x2, #0x3, lsl #16        // 196608 iterations
    movk x2, #0x0d40              // + 3392 = 200000
1:  svc #0
    subs x2, x2, #1
    b.ne 1b
    mov x0, #0x18
    adr x1, done
    hlt #0xf000
    .balign 0x800
vectors:
    .skip 0x200
    eret                          // current EL with SPx: ELR is past the SVC
    .balign 8
done: .quad 0x20026, 3
