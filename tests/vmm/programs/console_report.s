// A tiny arm64 Image (booting.rst header) for `svesim boot --check`'s console watcher: entered at
// EL2 by svesim's firmware, it enables the PL011 at 0x09000000, prints its text and powers off
// with PSCI SYSTEM_OFF through SMC (the firmware's conduit). Assembled three times: with
// --defsym REPORT=1 the text holds an arm64 Oops report as Linux 6.1 prints it (the Oops line,
// arch/arm64/kernel/traps.c die(), and the end marker), with --defsym PLAN=1 two plan results
// of scripts/initramfs-init.sh (one not as expected), with --defsym STALL=1 a plan run that
// starts and never ends (it spins at EL2: no world ever runs), without any only ordinary lines.
// MMU off: aligned 32-bit accesses only.
.equ PL011, 0x09000000
.equ SYSTEM_OFF, 0x84000008

.text
.global _start
_start:
    b       start
    .word   0
    .quad   0                   // text_offset
    .quad   0x10000             // image_size
    .quad   0xa                 // flags: little-endian, 4K pages, anywhere
    .quad   0, 0, 0
    .ascii  "ARM\x64"
    .word   0

start:
    ldr     x1, =PL011
    mov     w2, #0x301          // UARTCR: UARTEN, TXE, RXE
    str     w2, [x1, #0x30]
    adr     x3, text
1:  ldrb    w2, [x3], #1
    cbz     w2, 2f
    str     w2, [x1]            // UARTDR
    b       1b
2:
.ifdef STALL
4:  add     x5, x5, #1          // the plan "runs"; the PE stays busy at EL2, no world runs
    b       4b
.endif
    ldr     x0, =SYSTEM_OFF
    smc     #0
3:  b       3b

text:
    .ascii  "[    0.100000] console_report: an ordinary line\r\n"
.ifdef REPORT
    .ascii  "[    0.200000] Internal error: Oops - Undefined instruction: 0000000002000000 [#1] SMP\r\n"
    .ascii  "[    0.200001] Modules linked in:\r\n"
    .ascii  "[    0.200002] ---[ end trace 0000000000000000 ]---\r\n"
.endif
.ifdef PLAN
    .ascii  "vmm-test: result 0 expected 0 time 1.00..2.00 s: svesim-vmm /guests/sve_fill.elf\r\n"
    .ascii  "vmm-test: result 7 expected 0 time 2.00..3.00 s: svesim-vmm /guests/user.elf\r\n"
.endif
.ifdef STALL
    .ascii  "vmm-test: run svesim-vmm /guests/sve_fill.elf\r\n"
.endif
    .ascii  "[    0.300000] console_report: done\r\n"
    .byte   0
    .balign 4
