// maintenance: DC ZVA, the EC 0x18 traps of DC/TLBI, and bad translation set-ups, checked on
// svesim and qemu-system-aarch64. Expected values are worked out by hand from the Arm ARM:
//   * DC ZVA zeroes the DCZID_EL0 block (64 bytes: BS = 4) that holds Xt, nothing around it;
//   * DC ZVA at EL0 with SCTLR_EL1.DZE = 0 is trapped to EL1 with EC 0x18, ISS = Op0 1, Op2 1,
//     Op1 3, CRn 7, Rt, CRm 4, Direction 0 (D24.2.45 ISS for EC 0x18);
//   * TLBI VMALLE1 at EL1 with HCR_EL2.TTLB = 1 is trapped to EL2 with EC 0x18;
//   * a stage 1 walk into a PA where nothing answers is a synchronous External abort on the
//     walk at the level of that read (DFSC 0b0101LL), to EL1;
//   * a level 3 descriptor 0b01 is reserved: a level 3 Translation fault (DFSC 0b000111).

    .include "common.inc"
    .include "tables.inc"

.equ ESR_SYS,      0x62000000      // EC 0x18, IL
.equ NOWHERE,      0x09100000      // nothing answers here (svesim and QEMU's virt board)

    .text
    .global test_main
test_main:
    stp     x29, x30, [sp, #-16]!
    bl      build_tables
    bl      test_reset
    bl      el1_mmu_on
    // A pattern around the block DC ZVA will zero: DATA0 + 0x38 .. 0x87.
    ldr     x0, =(DATA0 + 0x38)
    ldr     x1, =0x5555555555555555
    mov     x2, #10
1:  str     x1, [x0], #8
    subs    x2, x2, #1
    b.ne    1b
    dsb     sy

    RUN     snip_zva, SPSR_EL1H
    EXPECT_NONE "DC ZVA at EL1 (MMU on): no exception"
    ldr     x21, =DATA0
    ldr     x19, [x21, #0x40]
    CHECK_IMM "DC ZVA: first word of the 64-byte block is zero", x19, 0
    ldr     x19, [x21, #0x78]
    CHECK_IMM "DC ZVA: last word of the block is zero", x19, 0
    ldr     x19, [x21, #0x38]
    CHECK_IMM "DC ZVA: the word before the block is kept", x19, 0x5555555555555555
    ldr     x19, [x21, #0x80]
    CHECK_IMM "DC ZVA: the word after the block is kept", x19, 0x5555555555555555

    bl      el1_mmu_off
    bl      clear_records
    RUN     snip_zva_el0, SPSR_EL0T
    EXPECT  "DC ZVA at EL0 with SCTLR_EL1.DZE = 0 -> EL1 EC 0x18", 1, (ESR_SYS | 0x12DC08), t_zva_el0

    bl      clear_records
    RUN     snip_tlbi, SPSR_EL1H, SCR_DEFAULT, (HCR_RW | (1 << 25))
    EXPECT  "TLBI VMALLE1 at EL1 with HCR_EL2.TTLB = 1 -> EL2 EC 0x18", 2, (ESR_SYS | 0x1023EE), t_tlbi

    // Walk into nothing: stage 1 L2[2] (VA 0x80400000) points to a level 3 table where no
    // memory answers.
    bl      clear_records
    ldr     x0, =S1_L2
    ldr     x1, =(NOWHERE | 3)
    str     x1, [x0, #16]
    dsb     sy
    tlbi    alle1
    dsb     sy
    SETSYS  sctlr_el1, SCTLR1_MMU
    RUN     snip_walk_nowhere, SPSR_EL1H
    EXPECT  "walk into nothing: External abort on the level 3 walk -> EL1 DFSC 0x17", 1, 0x96000017, t_walk_nowhere
    REC     x19, 1, REC_FAR
    CHECK_IMM "walk into nothing: FAR_EL1 = the VA", x19, (VA_BASE + 0x400000)
    SETSYS  sctlr_el1, SCTLR1_OFF

    // A reserved descriptor: 0b01 at level 3 (L3[5], VA 0x80005000) is a level 3
    // Translation fault.
    bl      clear_records
    ldr     x0, =S1_L3
    ldr     x1, =(DATA0 | 0x701)
    str     x1, [x0, #40]
    dsb     sy
    tlbi    alle1
    dsb     sy
    SETSYS  sctlr_el1, SCTLR1_MMU
    RUN     snip_reserved, SPSR_EL1H
    EXPECT  "reserved level 3 descriptor 0b01 -> EL1 Translation fault L3", 1, 0x96000007, t_reserved
    SETSYS  sctlr_el1, SCTLR1_OFF

    ldp     x29, x30, [sp], #16
    ret

snip_zva:
    ldr     x0, =(VA_BASE + 0x48)
    dc      zva, x0
    EXIT

snip_zva_el0:
    mov     x0, #0
t_zva_el0:
    dc      zva, x0
    EXIT

snip_tlbi:
    nop
t_tlbi:
    tlbi    vmalle1
    EXIT

snip_walk_nowhere:
    ldr     x0, =(VA_BASE + 0x400000)
t_walk_nowhere:
    ldr     x1, [x0]
    EXIT

snip_reserved:
    ldr     x0, =(VA_BASE + 0x5000)
t_reserved:
    ldr     x1, [x0]
    EXIT
