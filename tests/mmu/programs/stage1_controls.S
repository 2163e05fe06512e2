// stage1_controls: TCR_EL1 and descriptor controls of stage 1 at EL1&0 - a 48-bit VA (T0SZ =
// 16: the walk starts at level 0), a level 1 block with AF = 0, APTable and TCR_EL1.HPD0, the
// Contiguous hint, 8-bit ASIDs (TCR_EL1.AS = 0: ASID[15:8] ignored) and TCR_EL1.A1 (the ASID
// from TTBR1_EL1) - on svesim and qemu-system-aarch64. Expected values are worked out by hand
// from the Arm ARM (DDI0487 D8: starting level from TxSZ and the granule; AF fault at the
// level of the block; APTable[1] = 1 removes write permission below a table descriptor unless
// hierarchical permissions are disabled (FEAT_HPDS, TCR_EL1.HPD0); the Contiguous bit is a
// hint that does not change the translation of consistent entries; D13 TCR_EL1.AS/A1,
// TTBRn_EL1.ASID; TLBI VAE1/ASIDE1 with the ASID of the context), never taken from svesim.

    .include "common.inc"
    .include "util.inc"

.equ S1_L0,    0x40400000
.equ S1_L1,    0x40401000
.equ S1_L2,    0x40402000
.equ S1_L3,    0x40403000
.equ S1_L2B,   0x40404000          // reached through a table descriptor with APTable = 0b10
.equ DATA0,    0x40410000          // 64 KiB: 16 pages for the contiguous run
.equ DATA1,    0x40420000
.equ TABLES_END, 0x40421000
.equ VA_BASE,  0x80000000
.equ S1_PAGE,  0x703
.equ S1_BLOCK, 0x701
.equ NG,       0x800
.equ CONTIG,   (1 << 52)
.equ APT_RO,   (2 << 61)           // APTable = 0b10: no write access at any EL
.equ TCR48,    0x200803510         // IPS 40 bits, EPD1, 4 KiB, T0SZ 16
.equ HPD0,     (1 << 41)
.equ A1,       (1 << 22)
.equ AS16,     (1 << 36)

    .text
    .global test_main
test_main:
    stp     x29, x30, [sp, #-16]!
    CLEAR_RANGE S1_L0, TABLES_END
    // DATA0 + n * 4 KiB holds n, DATA1 holds 0x11
    mov     x1, #0
    ldr     x0, =DATA0
1:  str     x1, [x0]
    add     x0, x0, #0x1000
    add     x1, x1, #1
    cmp     x1, #16
    b.lo    1b
    POKE    DATA1, 0x11
    DESC    S1_L0, 0, (S1_L1 | 3)
    S1_4K_SKELETON S1_L1, S1_L2, S1_L3
    DESC    S1_L1, 3, (0x40000000 | 0x301)               // VA 0xC0000000: block, AF = 0
    DESC    S1_L1, 4, (S1_L2B | 3 | APT_RO)              // VA 0x100000000
    DESC    S1_L2B, 0, (0x40400000 | S1_BLOCK)           // 2 MiB, EL1 read/write
    DESC    S1_L3, 0, (DATA0 | S1_PAGE | NG)
    // L3[16..31]: a contiguous run of 16 pages (64 KiB aligned VA and PA)
    ldr     x0, =(S1_L3 + 16 * 8)
    ldr     x1, =(DATA0 | S1_PAGE | CONTIG)
    mov     x2, #16
2:  str     x1, [x0], #8
    add     x1, x1, #0x1000
    subs    x2, x2, #1
    b.ne    2b
    dsb     sy
    SETSYS  mair_el1, MAIR_NORMAL
    SETSYS  tcr_el1, TCR48
    SETSYS  ttbr0_el1, S1_L0
    bl      flush_tlbs
    SETSYS  sctlr_el1, SCTLR1_MMU

    TRY     snip_load, (VA_BASE + 0x1000 * 16 + 0x5000)
    LDRESULT x19, 0
    CHECK_IMM "T0SZ = 16 (level 0 start), Contiguous run: page 5 of the run", x19, 5
    TRY     snip_load, 0xC0000000
    EXPECT  "level 1 block with AF = 0 -> Access flag fault L1", 1, (ESR_DABT_CUR | 0x09), t_load
    TRY     snip_store, (0x100000000 + DATA1 - 0x40400000)
    EXPECT  "APTable = 0b10: store below the table -> Permission fault L2", 1, (ESR_DABT_CUR | WNR | 0x0E), t_store
    TRY     snip_load, (0x100000000 + DATA1 - 0x40400000)
    LDRESULT x19, 0
    CHECK_IMM "APTable = 0b10: loads below it are allowed", x19, 0x11
    SETSYS  tcr_el1, (TCR48 | HPD0)
    bl      flush_tlbs
    TRY     snip_store, (0x100000000 + DATA1 - 0x40400000)
    EXPECT_NONE "TCR_EL1.HPD0 = 1: APTable ignored, the store is made"
    ldr     x0, =DATA1
    ldr     x19, [x0]
    CHECK_IMM "TCR_EL1.HPD0 = 1: the stored value is at the PA", x19, 0x5AFE5AFE5AFE5AFE
    POKE    DATA1, 0x11

    // 8-bit ASIDs: TTBR0_EL1.ASID = 0x0105 is ASID 0x05
    SETSYS  tcr_el1, TCR48
    SETSYS  ttbr0_el1, (S1_L0 | (0x0105 << 48))
    bl      flush_tlbs
    TRY     snip_asid, (0x05 << 48), SPSR_EL1H
    LDRESULT x19, 0
    CHECK_IMM "AS = 0: TTBR0_EL1.ASID 0x0105 is ASID 0x05 (TLBI VAE1 with ASID 0x05)", x19, 0x11
    // A1 = 1: the ASID is TTBR1_EL1's (7)
    SETSYS  tcr_el1, (TCR48 | A1 | AS16)
    SETSYS  ttbr0_el1, (S1_L0 | (0x0005 << 48))
    SETSYS  ttbr1_el1, (0x0007 << 48)
    bl      flush_tlbs
    TRY     snip_asid, (0x07 << 48), SPSR_EL1H
    LDRESULT x19, 0
    CHECK_IMM "A1 = 1: the ASID comes from TTBR1_EL1 (TLBI VAE1 with ASID 7)", x19, 0x11
    EXPECT_NONE "ASIDs: no fault"

    SETSYS  sctlr_el1, SCTLR1_OFF
    ldp     x29, x30, [sp], #16
    ret

// At EL1: read the nG page VA 0x80000000 (DATA0), remap it to DATA1, TLBI VAE1 with the ASID in
// results[30] (bits [63:48]), read it again -> results[0]; then map it back to DATA0.
snip_asid:
    mov     x21, #VA_BASE
    ldr     x20, =S1_L3
    ldr     x1, [x21]
    ldr     x1, =(DATA1 | S1_PAGE | NG)
    str     x1, [x20]
    dsb     sy
    LDRESULT x0, 30
    orr     x0, x0, #(VA_BASE >> 12)
    tlbi    vae1, x0
    dsb     sy
    isb
    ldr     x1, [x21]
    RESULT  0, x1
    ldr     x1, =(DATA0 | S1_PAGE | NG)
    str     x1, [x20]
    dsb     sy
    tlbi    vmalle1
    dsb     sy
    isb
    EXIT
