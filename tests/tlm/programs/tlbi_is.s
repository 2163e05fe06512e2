// Two PEs share EL3 stage 1 tables (4 KiB, TCR_EL3.T0SZ = 25: a 1 GiB identity block for the
// program and RAM; VA 0x80000000 -> PAGE_A through a level 3 table). PE 0 builds the tables and
// raises `ready`; both turn the MMU on. PE 1 reads VA 0x80000000 (its TLB now holds the
// translation), raises `seen` and waits for `done`; PE 0 waits for `seen`, remaps the page to
// PAGE_B, then TLBI VAE3IS + DSB ISH and raises `done`. PE 1 reads again: the Inner Shareable
// TLBI has reached its TLB (ARM-M D8.13: broadcast TLB maintenance affects every PE of the
// Inner Shareable domain once the DSB completes), so it reads PAGE_B's 2.
// Exit status: 0 (PE 0); PE 1: 100 + first read * 10 + second read = 112 (a stale TLB: 111).
    .equ L1, 0x40400000
    .equ L2, 0x40401000
    .equ L3, 0x40402000
    .equ PAGE_A, 0x40410000
    .equ PAGE_B, 0x40411000
    .equ VA, 0x80000000
    .text
    .global _start
_start:
    mrs x19, mpidr_el1
    and x19, x19, #0xff
    adr x20, ready
    adr x21, seen
    adr x22, done
    cbnz x19, pe1
    // PE 0: tables and data (MMU off: Device memory, aligned accesses only)
    ldr x0, =L1
    mov x1, #(3 * 512)
1:  str xzr, [x0], #8
    subs x1, x1, #1
    b.ne 1b
    ldr x0, =L1
    ldr x1, =(0x40000000 | 0x701)           // level 1 block: AF, Inner Shareable, AttrIndx 0
    str x1, [x0, #8]
    ldr x1, =(L2 | 3)
    str x1, [x0, #16]
    ldr x0, =L2
    ldr x1, =(L3 | 3)
    str x1, [x0]
    ldr x0, =L3
    ldr x1, =(PAGE_A | 0x703)
    str x1, [x0]
    ldr x0, =PAGE_A
    mov x1, #1
    str x1, [x0]
    ldr x0, =PAGE_B
    mov x1, #2
    str x1, [x0]
    dsb sy
    mov x1, #1
    str x1, [x20]
    sev
    bl mmu_on
    sevl
2:  wfe
    ldr x1, [x21]
    cbz x1, 2b
    ldr x0, =L3
    ldr x1, =(PAGE_B | 0x703)
    str x1, [x0]
    dsb ish
    mov x0, #(VA >> 12)
    tlbi vae3is, x0
    dsb ish
    isb
    mov x1, #1
    str x1, [x22]
    sev
    mov x2, #0
    b exit
pe1:
    sevl
3:  wfe
    ldr x1, [x20]
    cbz x1, 3b
    bl mmu_on
    mov x0, #VA
    ldr x23, [x0]
    mov x1, #1
    str x1, [x21]
    sev
    sevl
4:  wfe
    ldr x1, [x22]
    cbz x1, 4b
    mov x0, #VA
    ldr x24, [x0]
    mov x2, #10
    mul x2, x23, x2
    add x2, x2, x24
    add x2, x2, #100
exit:
    adr x1, block                           // block[Aff0] = {0x20026, status}
    add x1, x1, x19, lsl #4
    str x2, [x1, #8]
    mov x0, #0x18                           // SYS_EXIT
    hlt #0xf000

mmu_on:
    mov x0, #0xff
    msr mair_el3, x0
    ldr x0, =0x80823519                     // RES1 31, 23; PS 40 bits; WB Inner Shareable; T0SZ 25
    msr tcr_el3, x0
    ldr x0, =L1
    msr ttbr0_el3, x0
    isb
    tlbi alle3
    dsb sy
    ldr x0, =0x30c51835                     // RES1 bits, I, C, M
    msr sctlr_el3, x0
    isb
    ret

    .ltorg
    .balign 8
ready:   .quad 0
seen:    .quad 0
done:    .quad 0
block:   .quad 0x20026, 0, 0x20026, 0
