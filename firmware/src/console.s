// The firmware's only output: a fatal message on the boot-info block's PL011, then a
// semihosting SYS_EXIT that stops the simulator (svesim, or QEMU with -semihosting). Also the
// exit that PSCI SYSTEM_OFF and SYSTEM_RESET use.
.include "defs.inc"

.equ UART_DR, 0x00
.equ UART_FR, 0x18
.equ FR_TXFF, 5

.text
// x1 = exit status. Semihosting SYS_EXIT (AArch64: x1 points to {reason, status}); if the host
// has no semihosting the HLT is UNDEFINED and lands in `unexpected`, which stops for good.
.global semihosting_exit
semihosting_exit:
    ldr     x0, =ADP_Stopped_ApplicationExit
    stp     x0, x1, [sp, #-16]!
    mov     x1, sp
    mov     x0, #SH_SYS_EXIT
    hlt     #0xf000
1:  wfi
    b       1b

// x0 = the vector offset. One line naming the exception, then exit EXIT_FIRMWARE_FAULT.
.global unexpected
unexpected:
    mrs     x1, tpidr_el3                // set once we are dying: a second fault just stops
    cbnz    x1, 9f
    mov     x1, #1
    msr     tpidr_el3, x1
    adr     x20, boot_info
    mov     x19, x0
    adr     x0, msg_unexpected
    bl      puts
    mov     x0, x19
    bl      puthex
    adr     x0, msg_esr
    bl      puts
    mrs     x0, esr_el3
    bl      puthex
    adr     x0, msg_elr
    bl      puts
    mrs     x0, elr_el3
    bl      puthex
    adr     x0, msg_far
    bl      puts
    mrs     x0, far_el3
    bl      puthex
    adr     x0, msg_newline
    bl      puts
    mov     x1, #EXIT_FIRMWARE_FAULT
    b       semihosting_exit
9:  wfi
    b       9b

// x0 = a message. "svesim-firmware: <message>", then exit EXIT_FIRMWARE_FAULT.
.global fatal
fatal:
    adr     x20, boot_info
    mov     x19, x0
    adr     x0, msg_prefix
    bl      puts
    mov     x0, x19
    bl      puts
    adr     x0, msg_newline
    bl      puts
    mov     x1, #EXIT_FIRMWARE_FAULT
    b       semihosting_exit

// x0 = a NUL-terminated string. Uses x0, x9-x11; x30 kept in x12.
puts:
    mov     x12, x30
    mov     x11, x0
1:  ldrb    w0, [x11], #1
    cbz     w0, 2f
    bl      putc
    b       1b
2:  mov     x30, x12
    ret

// x0 = a value, as 0x and 16 hex digits. Uses x0, x9-x11, x13-x14; x30 kept in x15.
puthex:
    mov     x15, x30
    mov     x13, x0
    mov     w0, #'0'
    bl      putc
    mov     w0, #'x'
    bl      putc
    mov     x14, #60
1:  lsr     x0, x13, x14
    and     x0, x0, #0xf
    cmp     x0, #10
    add     x9, x0, #'0'
    add     x10, x0, #('a' - 10)
    csel    x0, x9, x10, lo
    bl      putc
    subs    x14, x14, #4
    b.pl    1b
    mov     x30, x15
    ret

// w0 = a character, to the PL011 (nothing without one). Uses x9, x10.
putc:
    ldr     x9, [x20, #BI_UART]
    cbz     x9, 2f
1:  ldr     w10, [x9, #UART_FR]
    tbnz    w10, #FR_TXFF, 1b
    str     w0, [x9, #UART_DR]
2:  ret

.section .rodata
msg_prefix:
    .asciz  "svesim-firmware: "
msg_unexpected:
    .asciz  "svesim-firmware: unexpected exception at EL3: vector "
msg_esr:
    .asciz  ", ESR_EL3 "
msg_elr:
    .asciz  ", ELR_EL3 "
msg_far:
    .asciz  ", FAR_EL3 "
msg_newline:
    .asciz  "\n"
