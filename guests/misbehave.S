// misbehave: guests that break the contract on purpose, for svesim-vmm's own tests (never
// shipped as examples). Assembled twice:
//   --defsym SPIN=1         spin.elf: prints one line, then loops without any exit
//                           (svesim-vmm --timeout must end it: exit status 5)
//   --defsym WILD_ACCESS=1  wild_access.elf: stores to IPA 0x10000000, neither RAM nor the PL011
//                           (svesim-vmm must name the access: exit status 6)
    .include "contract.inc"

    .text
    .global guest_main
guest_main:
    ldr     x0, =msg_start
    bl      puts
.ifdef SPIN
1:  b       1b
.endif
.ifdef WILD_ACCESS
    mov     x1, #0x10000000
    str     w0, [x1]
.endif
    ldr     x0, =msg_returned
    b       fail_msg

    .section .rodata
    .global guest_name
guest_name:     .asciz "misbehave"
msg_start:      .asciz "misbehave: breaking the guest contract now\n"
msg_returned:   .asciz "the contract-breaking step returned"
