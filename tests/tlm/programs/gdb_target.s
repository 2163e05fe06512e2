// A target for the GDB stub test (tests/cli/test_gdb.sh): enables SVE at EL3 with the largest
// VL, fills Z0 with INDEX (doubleword lanes 0, 1, 2, ...), P1 with PTRUE.B, counts x3 down
// from 3 to 0 and exits with x3 as its status (0, unless a debugger changes x3 at `done`).
    .text
    .global _start
_start:
    mov x0, #(1 << 8)                       // CPTR_EL3.EZ
    msr cptr_el3, x0
    mov x0, #15
    msr zcr_el3, x0
    isb
    index z0.d, #0, #1
    ptrue p1.b
    mov x3, #3
    .global filled
filled:
    nop
loop:
    sub x3, x3, #1
    cbnz x3, loop
    .global done
done:
    adr x1, block
    str x3, [x1, #8]
    mov x0, #0x18                           // SYS_EXIT
    hlt #0xf000
    .balign 8
block: .quad 0x20026, 0
