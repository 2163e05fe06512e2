// Semihosting input (tests/cli/test_cli.sh): SYS_READ of up to 64 bytes from ":tt" twice, each
// line echoed with SYS_WRITE0 between '<' and '>', then SYS_GET_CMDLINE echoed the same way.
// Exits with the number of bytes the two reads got (64 - result, each).
    .text
    .global _start
_start:
    adr x1, open_r
    mov w0, #0x01           // SYS_OPEN ":tt", mode 0 (read)
    hlt #0xf000
    mov x19, x0
    mov x20, #0             // bytes read in all
    mov x21, #2
1:  adr x1, blk
    adr x2, buf
    mov x3, #64
    stp x19, x2, [x1]
    str x3, [x1, #16]
    mov w0, #0x06           // SYS_READ
    hlt #0xf000
    mov x3, #64
    sub x3, x3, x0          // bytes read
    add x20, x20, x3
    adr x2, buf
    strb wzr, [x2, x3]      // NUL after them
    bl echo
    subs x21, x21, #1
    b.ne 1b
    adr x1, blk
    adr x2, buf
    mov x3, #64
    stp x2, x3, [x1]
    mov w0, #0x15           // SYS_GET_CMDLINE
    hlt #0xf000
    bl echo
    adr x1, exit_blk
    str x20, [x1, #8]
    mov w0, #0x18           // SYS_EXIT
    hlt #0xf000
echo:                       // prints "<" buf ">"
    adr x1, lt
    mov w0, #0x04
    hlt #0xf000
    adr x1, buf
    mov w0, #0x04
    hlt #0xf000
    adr x1, gt
    mov w0, #0x04
    hlt #0xf000
    ret
    .align 3
open_r:   .quad tt, 0, 3
exit_blk: .quad 0x20026, 0
blk:      .quad 0, 0, 0
tt:       .asciz ":tt"
lt:       .asciz "<"
gt:       .asciz ">"
    .align 3
buf:      .fill 72, 1, 0
