// granules: the 16 KiB and 64 KiB translation granules (ID_AA64MMFR0_EL1.TGran16 = 1,
// TGran64 = 0 on svesim and QEMU -cpu max) at stage 1 of EL1&0 and at stage 2, with block and
// page descriptors and concatenated initial stage 2 tables, checked on svesim and
// qemu-system-aarch64. Expected values are worked out by hand from the Arm ARM (DDI0487
// D8.1-D8.3 "Translation table walks" for each granule, AArch64.TranslationTableWalk,
// D24.2.45 ESR_ELx ISS for Data Aborts, HPFAR_EL2, PAR_EL1), never taken from svesim:
//   * 16 KiB, TCR_EL1.T0SZ = 25: the walk starts at level 1 (VA[38:36]), level 2 resolves
//     VA[35:25] (32 MiB blocks), level 3 VA[24:14] (16 KiB pages); a block descriptor at
//     level 1 is not allowed with 16 KiB (no FEAT_LPA2/TCR.DS): level 1 Translation fault;
//   * 64 KiB, T0SZ = 25: the walk starts at level 2 (VA[38:29], 512 MiB blocks), level 3
//     VA[28:16] (64 KiB pages); a VA above the T0SZ range is a level 0 Translation fault;
//   * AT S1E1R: PAR_EL1.PA = the output address's bits [47:12], so the VA bits below the
//     granule (here [13:12] and [15:12]) show;
//   * stage 2 with 16 KiB, VTCR_EL2.T0SZ = 25, SL0 = 0b01: the walk starts at level 2 with
//     IPA[38:36] selecting one of 8 concatenated 16 KiB tables (one 128 KiB table indexed by
//     IPA[38:25]); an IPA above the 39-bit range is a stage 2 level 0 Translation fault;
//   * stage 2 with 64 KiB, T0SZ = 21, SL0 = 0b01: level 2 with IPA[42] selecting one of two
//     concatenated 64 KiB tables (IPA[42:29]);
//   * stage 2 faults on a data access: EC 0x24 to EL2, ISV = 1 (SAS 3, SRT 1, SF 1 for
//     LDR X1), DFSC = Translation fault at the level, HPFAR_EL2.FIPA = IPA[47:12] in [43:4].

    .include "common.inc"
    .include "util.inc"

// Stage 1, 16 KiB
.equ G16_L1,   0x40400000
.equ G16_L2,   0x40404000
.equ G16_L3,   0x40408000
// Stage 1, 64 KiB
.equ G64_L2,   0x40410000
.equ G64_L3,   0x40420000
.equ DATA16,   0x40434000          // a 16 KiB page
.equ DATA64,   0x40440000          // a 64 KiB page
// Stage 1, 4 KiB, for the stage 2 tests
.equ S1_L1,    0x40450000
.equ S1_L2,    0x40451000
// Stage 2
.equ S2_16,    0x40460000          // 8 concatenated 16 KiB level 2 tables (128 KiB aligned)
.equ S2_16_L3, 0x40480000
.equ S2_64,    0x404A0000          // 2 concatenated 64 KiB level 2 tables
.equ S2_64_L3, 0x404C0000
.equ DATA_S2,  0x404D0000
.equ TABLES_END, 0x404E0000

.equ S1_PAGE,  0x703               // AF, Inner Shareable, AttrIndx 0, EL1 RW, page/table
.equ S1_RO,    0x783               // AP = 0b10: read-only
.equ S1_BLOCK, 0x701
.equ S2_PAGE,  0x7FF               // AF, Inner Shareable, S2AP RW, Normal WB
.equ S2_BLOCK, 0x7FD
.equ TCR_16K,  0x20080B519         // IPS 40 bits, EPD1, TG0 = 0b10, SH0/ORGN0/IRGN0, T0SZ 25
.equ TCR_64K,  0x200807519         // TG0 = 0b01
.equ TCR_4K44, 0x400803519         // IPS 44 bits, TG0 4 KiB, T0SZ 25 (start level 1)
.equ VTCR_16K, 0x8002B559          // PS 40 bits, TG0 = 0b10, SL0 = 1, T0SZ 25
.equ VTCR_64K, 0x80047555          // PS 44 bits, TG0 = 0b01, SL0 = 1, T0SZ 21
.equ HCR_VM,   (HCR_RW | 1)
.equ IPA_A,    0x1000000000        // 64 GiB: the second 16 KiB concatenated table
.equ IPA_B,    0x40000000000       // 4 TiB: the second 64 KiB concatenated table

.equ V16,      0x1616161616161616
.equ V16_END,  0x16160000AAAA3FF8
.equ V64,      0x6464646464646464
.equ V64_END,  0x64640000BBBBFFF8
.equ VS2,      0x5252525252525252
.equ MARKER,   0x4D4D4D4D4D4D4D4D   // `marker` in .data: in the first 2 MiB of RAM

    .text
    .global test_main
test_main:
    stp     x29, x30, [sp, #-16]!
    CLEAR_RANGE G16_L1, TABLES_END
    POKE    DATA16, V16
    POKE    (DATA16 + 0x3FF8), V16_END
    POKE    DATA64, V64
    POKE    (DATA64 + 0xFFF8), V64_END
    POKE    DATA_S2, VS2

    // ---- stage 1, 16 KiB granule
    DESC    G16_L1, 0, (G16_L2 | 3)
    DESC    G16_L1, 1, (0x1000000000 | S1_BLOCK)         // level 1 block: not with 16 KiB
    DESC    G16_L2, 0x20, (0x40000000 | S1_BLOCK)        // VA 0x40000000: 32 MiB identity
    DESC    G16_L2, 0x40, (G16_L3 | 3)                   // VA 0x80000000
    DESC    G16_L2, 0x41, (0x40000000 | S1_BLOCK)        // VA 0x82000000 -> PA 0x40000000
    DESC    G16_L3, 0, (DATA16 | S1_PAGE)                // VA 0x80000000
    DESC    G16_L3, 2, (DATA16 | S1_RO)                  // VA 0x80008000 (index 1 invalid)
    SETSYS  mair_el1, MAIR_NORMAL
    SETSYS  tcr_el1, TCR_16K
    SETSYS  ttbr0_el1, G16_L1
    bl      flush_tlbs
    SETSYS  sctlr_el1, SCTLR1_MMU

    TRY     snip_load, 0x80000000
    LDRESULT x19, 0
    CHECK_IMM "16K S1: level 3 page, VA 0x80000000 -> PA 0x40434000", x19, V16
    EXPECT_NONE "16K S1: the page does not fault"
    TRY     snip_load, 0x80003FF8
    LDRESULT x19, 0
    CHECK_IMM "16K S1: offset 0x3FF8 is inside the 16 KiB page", x19, V16_END
    TRY     snip_load, 0x80004000
    EXPECT  "16K S1: invalid level 3 entry -> Translation fault L3", 1, (ESR_DABT_CUR | 0x07), t_load
    REC     x19, 1, REC_FAR
    CHECK_IMM "16K S1: FAR_EL1", x19, 0x80004000
    TRY     snip_store, 0x80008010
    EXPECT  "16K S1: store to a read-only page -> Permission fault L3, WnR", 1, (ESR_DABT_CUR | WNR | 0x0F), t_store
    TRY     snip_load, (0x82000000 + DATA16 - 0x40000000)
    LDRESULT x19, 0
    CHECK_IMM "16K S1: level 2 block (32 MiB) translates", x19, V16
    // QEMU 7.2 (with FEAT_LPA2) maps a 16 KiB level 1 block even with TCR_EL1.DS = 0 (its
    // walk then reads PA 64 GiB: an External abort); the Arm ARM's
    // AArch64.BlockDescSupported allows it only with DS = 1 (docs/mmu.md).
    TRY     snip_load, 0x1000000000
    REC     x19, 1, REC_ESR
    CHECK_IMM_NOT_QEMU "16K S1: block descriptor at level 1 -> Translation fault L1", x19, (ESR_DABT_CUR | 0x05)
    TRY     snip_at, 0x80003000
    LDRESULT x19, 0
    ldr     x9, =0xFFFFFFFFF001
    and     x19, x19, x9
    CHECK_IMM "16K S1: AT S1E1R PAR_EL1.PA keeps VA[13:12]", x19, (DATA16 + 0x3000)
    TRY     snip_at, 0x1000000000
    LDRESULT x19, 0
    and     x19, x19, #0x7F
    CHECK_IMM_NOT_QEMU "16K S1: AT S1E1R of the level 1 block: F = 1, FST = Translation L1", x19, 0x0B

    // ---- stage 1, 64 KiB granule
    SETSYS  sctlr_el1, SCTLR1_OFF
    DESC    G64_L2, 2, (0x40000000 | S1_BLOCK)           // VA 0x40000000: 512 MiB identity
    DESC    G64_L2, 4, (G64_L3 | 3)                      // VA 0x80000000
    DESC    G64_L2, 5, (0x40000000 | S1_BLOCK)           // VA 0xA0000000 -> PA 0x40000000
    DESC    G64_L3, 0, (DATA64 | S1_PAGE)
    DESC    G64_L3, 2, (DATA64 | S1_RO)                  // VA 0x80020000 (index 1 invalid)
    SETSYS  tcr_el1, TCR_64K
    SETSYS  ttbr0_el1, G64_L2
    bl      flush_tlbs
    SETSYS  sctlr_el1, SCTLR1_MMU

    TRY     snip_load, 0x80000000
    LDRESULT x19, 0
    CHECK_IMM "64K S1: level 3 page, VA 0x80000000 -> PA 0x40440000", x19, V64
    EXPECT_NONE "64K S1: the page does not fault"
    TRY     snip_load, 0x8000FFF8
    LDRESULT x19, 0
    CHECK_IMM "64K S1: offset 0xFFF8 is inside the 64 KiB page", x19, V64_END
    TRY     snip_load, 0x80010000
    EXPECT  "64K S1: invalid level 3 entry -> Translation fault L3", 1, (ESR_DABT_CUR | 0x07), t_load
    REC     x19, 1, REC_FAR
    CHECK_IMM "64K S1: FAR_EL1", x19, 0x80010000
    TRY     snip_store, 0x80020008
    EXPECT  "64K S1: store to a read-only page -> Permission fault L3, WnR", 1, (ESR_DABT_CUR | WNR | 0x0F), t_store
    TRY     snip_load, (0xA0000000 + DATA64 - 0x40000000)
    LDRESULT x19, 0
    CHECK_IMM "64K S1: level 2 block (512 MiB) translates", x19, V64
    TRY     snip_load, 0x8000000000
    EXPECT  "64K S1: VA above the T0SZ range -> Translation fault L0", 1, (ESR_DABT_CUR | 0x04), t_load
    TRY     snip_at, 0x8000F000
    LDRESULT x19, 0
    ldr     x9, =0xFFFFFFFFF001
    and     x19, x19, x9
    CHECK_IMM "64K S1: AT S1E1R PAR_EL1.PA keeps VA[15:12]", x19, (DATA64 + 0xF000)
    SETSYS  sctlr_el1, SCTLR1_OFF

    // ---- stage 2: stage 1 is 4 KiB (VA 0x8000_0000 + n * 2 MiB -> IPA blocks)
    DESC    S1_L1, 1, (0x40000000 | S1_BLOCK)            // 1 GiB identity (program, tables)
    DESC    S1_L1, 2, (S1_L2 | 3)
    DESC    S1_L2, 0, (IPA_A | S1_BLOCK)                 // VA 0x80000000 -> IPA 64 GiB
    DESC    S1_L2, 1, ((IPA_A + 0x2000000) | S1_BLOCK)   // VA 0x80200000 -> 64 GiB + 32 MiB
    DESC    S1_L2, 2, (IPA_B | S1_BLOCK)                 // VA 0x80400000 -> IPA 4 TiB
    DESC    S1_L2, 3, ((IPA_A + 0x4000000) | S1_BLOCK)   // VA 0x80600000 -> 64 GiB + 64 MiB
    // 16 KiB stage 2: the 128 KiB concatenated level 2 table is indexed by IPA[38:25]
    DESC    S2_16, 0x20, (0x40000000 | S2_BLOCK)         // IPA 0x40000000: 32 MiB identity
    DESC    S2_16, 0x800, (S2_16_L3 | 3)                 // IPA 64 GiB (table 1, entry 0)
    DESC    S2_16, 0x801, (0x40000000 | S2_BLOCK)        // IPA 64 GiB + 32 MiB -> PA 1 GiB
    DESC    S2_16_L3, 0, (DATA_S2 | S2_PAGE)             // (0x802 and L3[1] invalid)
    // 64 KiB stage 2: the 128 KiB concatenated level 2 table is indexed by IPA[42:29]
    DESC    S2_64, 2, (0x40000000 | S2_BLOCK)            // IPA 0x40000000: 512 MiB identity
    DESC    S2_64, 0x80, (S2_64_L3 | 3)                  // IPA 64 GiB
    DESC    S2_64, 0x2000, (0x40000000 | S2_BLOCK)       // IPA 4 TiB (table 1) -> PA 1 GiB
    DESC    S2_64_L3, 0, (DATA_S2 | S2_PAGE)
    dsb     sy
    SETSYS  tcr_el1, TCR_4K44
    SETSYS  ttbr0_el1, S1_L1
    SETSYS  vtcr_el2, VTCR_16K
    SETSYS  vttbr_el2, S2_16
    bl      flush_tlbs
    SETSYS  sctlr_el1, SCTLR1_MMU

    TRY     snip_load, 0x80000000, SPSR_EL1H, SCR_DEFAULT, HCR_VM
    LDRESULT x19, 0
    CHECK_IMM "16K S2: concatenated table 1, level 3 page -> PA 0x404D0000", x19, VS2
    EXPECT_NONE "16K S2: no fault"
    TRY     snip_load, (0x80200000 + marker - 0x40000000), SPSR_EL1H, SCR_DEFAULT, HCR_VM
    LDRESULT x19, 0
    CHECK_IMM "16K S2: level 2 block in concatenated table 1", x19, MARKER
    TRY     snip_load, 0x80004000, SPSR_EL1H, SCR_DEFAULT, HCR_VM
    EXPECT  "16K S2: invalid level 3 entry -> EL2 stage 2 Translation fault L3", 2, (ESR_DABT_LOW | ISV_LDR_X1 | 0x07), t_load
    mrs     x19, hpfar_el2
    CHECK_IMM "16K S2: HPFAR_EL2 = IPA 0x1000004000 >> 12 << 4", x19, 0x10000040
    REC     x19, 2, REC_FAR
    CHECK_IMM "16K S2: FAR_EL2 = the VA", x19, 0x80004000
    TRY     snip_load, 0x80600000, SPSR_EL1H, SCR_DEFAULT, HCR_VM
    EXPECT  "16K S2: invalid entry in concatenated table 1 -> stage 2 Translation fault L2", 2, (ESR_DABT_LOW | ISV_LDR_X1 | 0x06), t_load
    mrs     x19, hpfar_el2
    CHECK_IMM "16K S2: HPFAR_EL2 of the level 2 fault", x19, 0x10040000
    TRY     snip_load, 0x80400000, SPSR_EL1H, SCR_DEFAULT, HCR_VM
    EXPECT  "16K S2: IPA above the 39-bit input range -> stage 2 Translation fault L0", 2, (ESR_DABT_LOW | ISV_LDR_X1 | 0x04), t_load
    mrs     x19, hpfar_el2
    CHECK_IMM "16K S2: HPFAR_EL2 = IPA 4 TiB >> 12 << 4", x19, 0x400000000

    SETSYS  vtcr_el2, VTCR_64K
    SETSYS  vttbr_el2, S2_64
    bl      flush_tlbs
    TRY     snip_load, 0x80000000, SPSR_EL1H, SCR_DEFAULT, HCR_VM
    LDRESULT x19, 0
    CHECK_IMM "64K S2: level 3 page in concatenated table 0 -> PA 0x404D0000", x19, VS2
    EXPECT_NONE "64K S2: no fault"
    TRY     snip_load, (0x80400000 + marker - 0x40000000), SPSR_EL1H, SCR_DEFAULT, HCR_VM
    LDRESULT x19, 0
    CHECK_IMM "64K S2: level 2 block in concatenated table 1 (IPA 4 TiB)", x19, MARKER
    TRY     snip_load, 0x80010000, SPSR_EL1H, SCR_DEFAULT, HCR_VM
    EXPECT  "64K S2: invalid level 3 entry -> stage 2 Translation fault L3", 2, (ESR_DABT_LOW | ISV_LDR_X1 | 0x07), t_load
    mrs     x19, hpfar_el2
    CHECK_IMM "64K S2: HPFAR_EL2 = IPA 0x1000010000 >> 12 << 4", x19, 0x10000100
    TRY     snip_at12, 0x80000000, SPSR_EL2H, SCR_DEFAULT, HCR_VM
    LDRESULT x19, 0
    ldr     x9, =0xFFFFFFFFF001
    and     x19, x19, x9
    CHECK_IMM "64K S2: AT S12E1R PAR_EL1.PA = the final PA", x19, DATA_S2
    TRY     snip_at, 0x80000000, SPSR_EL1H, SCR_DEFAULT, HCR_VM
    LDRESULT x19, 0
    ldr     x9, =0xFFFFFFFFF001
    and     x19, x19, x9
    CHECK_IMM "64K S2: AT S1E1R at EL1 with stage 2 on: PAR_EL1.PA = the IPA", x19, IPA_A

    SETSYS  sctlr_el1, SCTLR1_OFF
    ldp     x29, x30, [sp], #16
    ret

// AT S12E1R (at EL2) of the address in results[30] -> results[0].

snip_at12:
    LDRESULT x0, 30
    at      s12e1r, x0
    isb
    mrs     x1, par_el1
    RESULT  0, x1
    EXIT

    .data
    .balign 8
marker: .quad MARKER
