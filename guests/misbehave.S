// misbehave: guests that break the contract on purpose, for svesim-vmm's own tests (never
// shipped as examples). Assembled twice:
//   --defsym SPIN=1         spin.elf: prints one line, then loops without any exit
//                           (svesim-vmm --timeout must end it: exit status 5)
//   --defsym WILD_ACCESS=1  wild_access.elf: stores to IPA 0x10000000, neither RAM nor the PL011
//                           (svesim-vmm must name the access: exit status 6)
//   --defsym FAULT=1        fault.elf: points VBAR_EL1 at vectors that only spin, then executes
//                           UDF #0: an Undefined Instruction exception at EL1 (ESR_EL1 EC 0, IL 1
//                           = 0x2000000) it never leaves (--timeout ends it; the VMM reports
//                           ESR_EL1, FAR_EL1 and ELR_EL1 as KVM gives them: exit status 5)
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
.ifdef FAULT
    ldr     x1, =spin_vectors
    msr     vbar_el1, x1
    isb
    udf     #0
.endif
    ldr     x0, =msg_returned
    b       fail_msg

.ifdef FAULT
    .balign 0x800
spin_vectors:
    .rept 16
    .balign 0x80
    b       .
    .endr
.endif

    .section .rodata
    .global guest_name
guest_name:     .asciz "misbehave"
msg_start:      .asciz "misbehave: breaking the guest contract now\n"
msg_returned:   .asciz "the contract-breaking step returned"
