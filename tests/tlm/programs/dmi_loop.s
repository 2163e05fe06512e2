// Adds 1 to `value` in memory 20000 times (a load and a store per round), then exits with
// status 0 if it reached 20000. The test bench revokes DMI halfway through, so the later
// accesses must go through b_transport.
    .text
    .global _start
_start:
    adr x4, value
    mov x6, #20000
1:  ldr x5, [x4]
    add x5, x5, #1
    str x5, [x4]
    subs x6, x6, #1
    b.ne 1b
    ldr x5, [x4]
    mov x7, #20000
    cmp x5, x7
    adr x1, ok
    adr x2, bad
    csel x1, x1, x2, eq
    mov x0, #0x18                           // SYS_EXIT
    hlt #0xf000
    .balign 8
ok:    .quad 0x20026, 0
bad:   .quad 0x20026, 1
value: .quad 0
