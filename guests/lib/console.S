// PL011 output. Every FR read and DR write is an exit to the VMM under KVM; after each the
// guest's exit hook (start.S) runs, so a guest can check its state after every exit.
    .include "contract.inc"

    .text
// putc(w0): waits while FR says the transmit FIFO is full, then writes DR.
    .global putc
putc:
    stp     x29, x30, [sp, #-32]!
    str     x19, [sp, #16]
    mov     w19, w0
    mov     x9, #UART_BASE
1:  ldr     w10, [x9, #UART_FR]
    bl      run_exit_hook
    mov     x9, #UART_BASE
    tbnz    w10, #UART_FR_TXFF, 1b
    str     w19, [x9, #UART_DR]
    ldr     x9, =last_char
    strb    w19, [x9]
    bl      run_exit_hook
    ldr     x19, [sp, #16]
    ldp     x29, x30, [sp], #32
    ret

// Keeps x10 (the FR value) for putc.
run_exit_hook:
    ldr     x11, =exit_hook
    ldr     x11, [x11]
    cbz     x11, 1f
    stp     x10, x30, [sp, #-16]!
    blr     x11
    ldp     x10, x30, [sp], #16
1:  ret

// puts(x0 = NUL-terminated string)
    .global puts
puts:
    stp     x29, x30, [sp, #-32]!
    str     x19, [sp, #16]
    mov     x19, x0
1:  ldrb    w0, [x19], #1
    cbz     w0, 2f
    bl      putc
    b       1b
2:  ldr     x19, [sp, #16]
    ldp     x29, x30, [sp], #32
    ret

// put_hex(x0): "0x" and 16 hex digits.
    .global put_hex
put_hex:
    mov     x1, #16
    b       put_hex_digits

// put_hex8(x0): "0x" and 2 hex digits.
    .global put_hex8
put_hex8:
    mov     x1, #2

put_hex_digits:
    stp     x29, x30, [sp, #-32]!
    stp     x19, x20, [sp, #16]
    mov     x19, x0
    mov     x20, x1
    mov     w0, #'0'
    bl      putc
    mov     w0, #'x'
    bl      putc
1:  sub     x20, x20, #1
    lsl     x1, x20, #2
    lsr     x0, x19, x1
    and     x0, x0, #0xf
    cmp     x0, #10
    add     x1, x0, #'0'
    add     x2, x0, #('a' - 10)
    csel    x0, x1, x2, lo
    bl      putc
    cbnz    x20, 1b
    ldp     x19, x20, [sp, #16]
    ldp     x29, x30, [sp], #32
    ret

// put_dec(x0): unsigned decimal.
    .global put_dec
put_dec:
    stp     x29, x30, [sp, #-64]!
    stp     x19, x20, [sp, #16]
    add     x19, sp, #63                // digits are written backwards into the frame
    strb    wzr, [x19]
    mov     x1, #10
1:  udiv    x2, x0, x1
    msub    x3, x2, x1, x0
    add     w3, w3, #'0'
    strb    w3, [x19, #-1]!
    mov     x0, x2
    cbnz    x0, 1b
    mov     x0, x19
    bl      puts
    ldp     x19, x20, [sp, #16]
    ldp     x29, x30, [sp], #64
    ret

    .data
    .global last_char
last_char:      .byte '\n'             // the last character written (fail_begin starts a line)
