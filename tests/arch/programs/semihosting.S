// semihosting: the Arm semihosting operations a C library's startup and stdio use, as
// qemu-system-aarch64 -semihosting answers them for a -kernel ELF (the oracle: run-arch-tests.sh
// runs this program on both, with stdin and stdout redirected from /dev/null and to a file).
//
// SYS_OPEN ":tt" for reading and writing; SYS_ISTTY (0: not a terminal here; -1 for an unknown
// handle); SYS_FLEN and SYS_SEEK on the console's input (0); SYS_ISERROR (1 for a negative status, 0
// else); SYS_READ at the end of input (nothing read: the result is the length); SYS_GET_CMDLINE
// (the program's path, NUL-terminated, its length written back, ".elf" at its end);
// SYS_HEAPINFO (heap from the end of the image to the end of RAM, the stack's base there and
// its limit not given); SYS_CLOSE (0, and -1 for an unknown handle); SYS_ERRNO after that
// failure (EBADF, 9); the extensions' feature file (":semihosting-features": SHFB, exit-extended
// and stdout-stderr; FLEN, READ, SEEK, CLOSE); SYS_TIME (after 2020).

    .include "common.inc"

// Semihosting call: w0 = op, x1 = parameter; the result in x0.
.macro SEMI op, param
    adr     x1, \param
    mov     w0, #\op
    hlt     #0xf000
.endm

// Semihosting call on a one-word block {reg}.
.macro CALL1 op, reg
    adr     x1, block
    str     \reg, [x1]
    mov     w0, #\op
    hlt     #0xf000
.endm

// SYS_READ of `len` bytes from handle `reg` into read_buf.
.macro READ reg, len
    adr     x1, block
    adr     x2, read_buf
    mov     x3, #\len
    stp     \reg, x2, [x1]
    str     x3, [x1, #16]
    mov     w0, #0x06
    hlt     #0xf000
.endm

    .text
    .global test_main
test_main:
    stp     x29, x30, [sp, #-16]!
    stp     x19, x20, [sp, #-16]!

    SEMI    0x01, open_write
    mov     x19, x0                             // the console for writing
    SEMI    0x01, open_read
    mov     x20, x0                             // the console for reading
    cmp     x19, #0
    cset    x2, ge
    CHECK_IMM "semihosting SYS_OPEN :tt for writing gives a handle", x2, 1
    cmp     x20, #0
    cset    x2, ge
    CHECK_IMM "semihosting SYS_OPEN :tt for reading gives a handle", x2, 1

    CALL1   0x09, x19
    CHECK_IMM "semihosting SYS_ISTTY of stdout redirected to a file is 0", x0, 0
    mov     x2, #99
    CALL1   0x09, x2
    CHECK_IMM "semihosting SYS_ISTTY of an unknown handle is -1", x0, -1

    // On the reading handle: QEMU passes both to the host's file, and this program's output
    // may be a file (seeking it would overwrite the lines above; its length grows).
    CALL1   0x0C, x20
    CHECK_IMM "semihosting SYS_FLEN of the console's input (/dev/null) is 0", x0, 0
    adr     x1, block
    stp     x20, xzr, [x1]
    mov     w0, #0x0A
    hlt     #0xf000
    CHECK_IMM "semihosting SYS_SEEK of the console's input to 0 succeeds", x0, 0

    mov     x2, #-1
    CALL1   0x08, x2
    CHECK_IMM "semihosting SYS_ISERROR(-1) is 1", x0, 1
    mov     x2, #5
    CALL1   0x08, x2
    CHECK_IMM "semihosting SYS_ISERROR(5) is 0", x0, 0

    READ    x20, 4
    CHECK_IMM "semihosting SYS_READ at the end of input reads nothing (result = length)", x0, 4

    adr     x1, block
    adr     x2, cmdline
    mov     x3, #256
    stp     x2, x3, [x1]
    mov     w0, #0x15
    hlt     #0xf000
    CHECK_IMM "semihosting SYS_GET_CMDLINE succeeds", x0, 0
    adr     x1, block
    ldr     x19, [x1, #8]                       // the length written back
    adr     x0, cmdline
    mov     x2, #0
1:  ldrb    w3, [x0, x2]
    cbz     w3, 2f
    add     x2, x2, #1
    b       1b
2:  CHECK_REG "semihosting SYS_GET_CMDLINE writes back the string's length", x19, x2
    adr     x0, cmdline
    add     x0, x0, x19
    ldurb   w2, [x0, #-4]
    ldurb   w3, [x0, #-3]
    orr     w2, w2, w3, lsl #8
    ldurb   w3, [x0, #-2]
    orr     w2, w2, w3, lsl #16
    ldurb   w3, [x0, #-1]
    orr     w2, w2, w3, lsl #24
    CHECK_IMM "semihosting SYS_GET_CMDLINE is the program's path (.elf at its end)", x2, 0x666c652e

    adr     x1, heap_ptr
    adr     x2, heap_info
    str     x2, [x1]
    mov     w0, #0x16
    hlt     #0xf000
    adr     x1, heap_info
    ldp     x19, x20, [x1]                      // heap base, heap limit
    ldr     x2, =_end
    CHECK_REG "semihosting SYS_HEAPINFO heap base is the end of the image", x19, x2
    adr     x1, heap_info
    ldp     x2, x3, [x1, #16]                   // stack base, stack limit
    CHECK_REG "semihosting SYS_HEAPINFO stack base is the heap limit (the end of RAM)", x2, x20
    CHECK_IMM "semihosting SYS_HEAPINFO stack limit is 0 (not given)", x3, 0
    and     x2, x20, #0xFFFFF
    CHECK_IMM "semihosting SYS_HEAPINFO heap limit is a MiB boundary", x2, 0

    mov     x2, #99
    CALL1   0x02, x2
    CHECK_IMM "semihosting SYS_CLOSE of an unknown handle is -1", x0, -1
    mov     w0, #0x13
    hlt     #0xf000
    CHECK_IMM "semihosting SYS_ERRNO after it is EBADF", x0, 9
    SEMI    0x01, open_read                     // a reading handle again (x20 was reused)
    CALL1   0x02, x0
    CHECK_IMM "semihosting SYS_CLOSE of the console succeeds", x0, 0

    // The semihosting extensions' feature file: "SHFB", then SH_EXT_EXIT_EXTENDED (bit 0) and
    // SH_EXT_STDOUT_STDERR (bit 1).
    SEMI    0x01, open_features
    mov     x19, x0
    cmp     x19, #0
    cset    x2, ge
    CHECK_IMM "semihosting SYS_OPEN :semihosting-features gives a handle", x2, 1
    CALL1   0x0C, x19
    CHECK_IMM "semihosting SYS_FLEN of the feature file is 5", x0, 5
    READ    x19, 8
    CHECK_IMM "semihosting SYS_READ of the feature file leaves 3 of 8 bytes unread", x0, 3
    adr     x1, read_buf
    ldr     x2, [x1]
    CHECK_IMM "semihosting the feature file is SHFB with EXIT_EXTENDED and STDOUT_STDERR", x2, 0x0342464853
    adr     x1, block
    mov     x2, #4
    stp     x19, x2, [x1]
    mov     w0, #0x0A
    hlt     #0xf000
    CHECK_IMM "semihosting SYS_SEEK of the feature file to 4 succeeds", x0, 0
    adr     x1, read_buf
    str     xzr, [x1]
    READ    x19, 1
    adr     x1, read_buf
    ldrb    w2, [x1]
    CHECK_IMM "semihosting after it SYS_READ gives the feature byte", x2, 3
    CALL1   0x02, x19
    CHECK_IMM "semihosting SYS_CLOSE of the feature file succeeds", x0, 0

    mov     w0, #0x11
    mov     x1, #0
    hlt     #0xf000
    ldr     x2, =1577836800                     // 2020-01-01
    cmp     x0, x2
    cset    x2, hi
    CHECK_IMM "semihosting SYS_TIME is seconds since 1970 (after 2020)", x2, 1

    ldp     x19, x20, [sp], #16
    ldp     x29, x30, [sp], #16
    ret

    .data
    .balign 8
open_write: .quad tt, 4, 3
open_read:  .quad tt, 0, 3
open_features: .quad features, 0, 21
block:      .quad 0, 0, 0, 0
heap_ptr:   .quad 0
heap_info:  .quad 0, 0, 0, 0
read_buf:   .quad 0, 0
tt:         .asciz ":tt"
features:   .asciz ":semihosting-features"
cmdline:    .fill 256, 1, 0
