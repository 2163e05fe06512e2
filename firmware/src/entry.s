// Reset: every PE starts here at EL3 (MMU off). The primary (MPIDR 0) sets up its EL3 controls
// for a Non-secure kernel at EL2 (el3_setup), its GIC redistributor and the distributor, and
// enters the kernel, per Documentation/arm64/booting.rst: x0 = the
// DTB's physical address, x1-x3 = 0, MMU off, DAIF masked, at EL2 (EL1 without EL2). The others
// wait in WFE until PSCI CPU_ON (psci.s) gives them an entry point, then do their own set-up.
//
// Registers kept across the whole firmware: x19 = this PE's index (MPIDR Aff1 * 16 + Aff0),
// x20 = the boot-info block, x21 = the firmware's RAM (mailboxes, stacks).
.include "defs.inc"

.section .text.head, "ax"
.global _start
_start:
    b       reset

// The boot-info block (firmware/README.md): the loader overwrites these defaults, which are
// QEMU virt's memory map with no kernel.
.balign BI_OFFSET, 0
.global boot_info
boot_info:
    .ascii  "svesimBI"
    .word   1                   // version
    .word   BI_END              // size
    .quad   0                   // kernel entry (0: none given)
    .quad   0                   // DTB
    .quad   0                   // CNTFRQ_EL0 (0: leave as is)
    .quad   0x08000000          // GICD
    .quad   0x080A0000          // GICR
    .quad   1                   // PE count
    .quad   0x0E000000          // firmware RAM (QEMU virt's secure RAM)
    .quad   0x09000000          // PL011 for fatal messages

.text
reset:
    msr     daifset, #0xf
    adr     x20, boot_info
    ldr     x21, [x20, #BI_FW_RAM]
    mrs     x0, mpidr_el1
    bl      mpidr_to_index
    tbnz    x0, #63, park               // a PE the boot-info block does not count
    mov     x19, x0
    bl      set_stack
    cbnz    x19, secondary
    bl      el3_setup
    bl      gic_redistributor_setup
    bl      gic_distributor_setup
    mov     x0, #STATE_ON
    bl      mailbox
    str     x0, [x1, #MBOX_STATE]
    bl      lower_el_spsr
    mov     x2, x0
    ldr     x1, [x20, #BI_KERNEL_ENTRY]
    adr     x0, msg_no_kernel
    cbz     x1, fatal
    ldr     x0, [x20, #BI_DTB]
    b       enter_lower_el

// A secondary PE's mailbox is STATE_OFF (0) because firmware RAM reads as zero at power-on; it
// must not write it itself: the boot PE may already have marked it ON_PENDING (CPU_ON) by the
// time a secondary gets here, and that request would be lost (a PE that never starts).
secondary:
    b       cpu_wait

// Waits (WFE) until CPU_ON marks this PE's mailbox ON_PENDING, then sets up its EL3 controls and
// redistributor (a PE that is never started touches nothing) and enters the given entry point
// with x0 = the context id, at EL2 (EL1 without EL2) like the kernel's boot PE. Also where CPU_OFF
// parks.
.global cpu_wait
cpu_wait:
    bl      mailbox
    mov     x4, x1
1:  ldr     x0, [x4, #MBOX_STATE]
    cmp     x0, #STATE_ON_PENDING
    b.eq    2f
    wfe
    b       1b
2:  bl      el3_setup
    bl      gic_redistributor_setup
    bl      mailbox
    mov     x4, x1
    bl      lower_el_spsr
    mov     x2, x0
    ldr     x1, [x4, #MBOX_ENTRY]
    ldr     x0, [x4, #MBOX_CONTEXT]
    mov     x3, #STATE_ON
    str     x3, [x4, #MBOX_STATE]
    dsb     sy
    b       enter_lower_el

// ERET to x1 with SPSR_EL3 = x2, x0 as given, x1-x3 = 0.
enter_lower_el:
    msr     elr_el3, x1
    msr     spsr_el3, x2
    mov     x1, xzr
    mov     x2, xzr
    mov     x3, xzr
    isb
    eret

// A PE beyond the boot-info block's count: never used, sleeps for ever.
park:
    wfi
    b       park

// x0 = MPIDR (or a PSCI target affinity) -> x0 = the PE's index, or -1 if it is not one of the
// boot-info block's PEs (Aff2, Aff3 must be 0; Aff0 < 16). Uses x1, x2.
.global mpidr_to_index
mpidr_to_index:
    ubfx    x1, x0, #16, #8             // Aff2
    ubfx    x2, x0, #32, #8             // Aff3
    orr     x1, x1, x2
    cbnz    x1, 9f
    ubfx    x1, x0, #0, #8              // Aff0
    cmp     x1, #16
    b.hs    9f
    ubfx    x2, x0, #8, #8              // Aff1
    add     x0, x1, x2, lsl #4
    ldr     x1, [x20, #BI_CPU_COUNT]
    cmp     x0, x1
    b.hs    9f
    ret
9:  mov     x0, #-1
    ret

// x1 = this PE's mailbox (x19 = index). Uses nothing else.
.global mailbox
mailbox:
    add     x1, x21, x19, lsl #MBOX_SHIFT
    ret

// SP_EL3 = the top of this PE's stack.
.global set_stack
set_stack:
    add     x0, x19, #1
    mov     x1, #STACK_SIZE
    mul     x0, x0, x1
    add     x0, x0, #STACKS
    add     x0, x0, x21
    mov     sp, x0
    ret

// x0 = SPSR_EL3 for the kernel: EL2h if EL2 is implemented (ID_AA64PFR0_EL1.EL2), else EL1h;
// D, A, I, F masked. Uses x1.
lower_el_spsr:
    mrs     x0, id_aa64pfr0_el1
    ubfx    x0, x0, #8, #4
    cmp     x0, #0
    mov     x0, #0x3c9                  // EL2h
    mov     x1, #0x3c5                  // EL1h
    csel    x0, x1, x0, eq
    ret

.section .rodata
msg_no_kernel:
    .asciz  "the boot-info block names no kernel entry point"
