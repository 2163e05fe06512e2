// A program that never enters a world: it stays at EL3 and exits (semihosting SYS_EXIT,
// status 0). Nothing could be lost or leaked, so `svesim scenario run` must say "not checked",
// never "clean".
    .text
    .global _start
_start:
    mov x0, #0x18                     // SYS_EXIT
    ldr x1, =0x20026                  // ADP_Stopped_ApplicationExit
    hlt #0xf000
    b .
