// Entry for picolibc programs run at EL3 (svesim run, and qemu-system-aarch64 -M
// virt,secure=on): turns on the MMU before picolibc's own _start, as a bare-metal C program
// must (picolibc is built without -mstrict-align, and with the MMU off every data access is to
// Device memory, where an unaligned access takes an Alignment fault; QEMU 7.2 does not check).
// Identity map of the first 4 GiB with 1 GiB blocks: 0-1 GiB Device-nGnRnE (the devices),
// 1-4 GiB Normal write-back (RAM). FP/AdvSIMD/SVE are not trapped to EL3 (CPTR_EL3 = 0).
    .section .text.init.enter, "ax"
    .global mmu_start
mmu_start:
    msr     cptr_el3, xzr
    mov     x0, #0xFF00                  // MAIR attr0 Device-nGnRnE, attr1 Normal WB
    msr     mair_el3, x0
    ldr     x0, =(1 << 31) | (1 << 23) | (3 << 12) | (1 << 10) | (1 << 8) | 32  // TCR_EL3
    msr     tcr_el3, x0
    adr     x0, level1
    msr     ttbr0_el3, x0
    isb
    tlbi    alle3
    dsb     sy
    isb
    mrs     x0, sctlr_el3
    mov     x1, #(1 << 0) | (1 << 2)     // M, C
    orr     x1, x1, #(1 << 12)           // I
    orr     x0, x0, x1
    msr     sctlr_el3, x0
    isb
    b       _start                       // picolibc's crt0

    .section .rodata.mmu, "a"
    .balign 4096
level1:
    .quad 0x00000000 | (1 << 10) | (0 << 2) | 1                       // Device, AF, block
    .quad 0x40000000 | (1 << 10) | (3 << 8) | (1 << 2) | 1            // Normal, AF, inner shareable
    .quad 0x80000000 | (1 << 10) | (3 << 8) | (1 << 2) | 1
    .quad 0xC0000000 | (1 << 10) | (3 << 8) | (1 << 2) | 1
