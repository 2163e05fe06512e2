// Exits with status 7 after a short integer loop (sum 1..10 = 55 checked).
    .text
    .global _start
_start:
    mov x2, #0
    mov x3, #10
1:  add x2, x2, x3
    subs x3, x3, #1
    b.ne 1b
    cmp x2, #55
    b.ne 2f
    adr x1, ok
    b 3f
2:  adr x1, bad
3:  mov x0, #0x18          // SYS_EXIT
    hlt #0xf000
    .align 3
ok:  .quad 0x20026, 7
bad: .quad 0x20026, 1
