// vhe: the EL2&0 translation regime (HCR_EL2.E2H = 1, TGE = 1) on svesim and
// qemu-system-aarch64. Expected values are worked out by hand from the Arm ARM (DDI0487
// D8 "The AArch64 Virtual Memory System Architecture": the EL2&0 regime has two VA ranges,
// TTBR0_EL2 and TTBR1_EL2 with TCR_EL2 in TCR_EL1's layout; ASIDs tag nG entries; EL0 runs
// in it with TGE = 1 and its aborts go to EL2, EC 0x24; D24.2.45 ESR_ELx), never from svesim:
//   * TTBR1_EL2 translates the upper range (VA[63:39] all ones with T1SZ = 25), TTBR0_EL2 the
//     lower; TCR_EL2.EPD1 = 1 makes an upper-range access a level 0 Translation fault;
//   * EL0 reads and writes pages with AP = 0b01, faults on AP = 0b00 (Permission fault,
//     level 3, to EL2 with EC 0x24, FAR_EL2 = the VA) and on writes to AP = 0b11 (WnR);
//   * ASIDs (TCR_EL2.AS = 1: 16 bits, A1 = 0: from TTBR0_EL2): a nG page read with ASID 1,
//     then remapped, is seen remapped under ASID 2 (never used since the last TLBI, so no
//     entry can hold it); after TLBI VAE1 (ASID 1, VA) or TLBI ASIDE1 (ASID 1), executed at
//     EL2 with E2H = TGE = 1 (so they apply to EL2&0), + DSB + ISB, ASID 1 sees the new
//     mapping; TLBI VAAE1 does the same for a global page.
// Memory map of the regime (4 KiB granule, T0SZ = T1SZ = 25, walks start at level 1):
//   VA 0x40000000  1 GiB identity block, EL2 only (AP 0b00, UXN): code, data, stacks;
//   VA 0xC0000000  the same PA, AP 0b11 (read-only at EL0 and EL2), PXN: EL0's code;
//   VA 0x100000000 the same PA, AP 0b01 (EL0 read/write), UXN, PXN: EL0's results;
//   VA 0x80000000  level 3: [0] nG EL0 RW -> DATA_A, [1] EL2-only -> DATA_A, [2] global EL0
//                  RW -> DATA_A;
//   VA 0xFFFFFFFFC0000000 (TTBR1) level 3: [0] EL2-only -> DATA_B, [1] invalid,
//                  [2] EL0 RW -> DATA_B.

    .include "common.inc"
    .include "util.inc"

.equ T0_L1,    0x40400000
.equ T0_L2,    0x40401000
.equ T0_L3,    0x40402000
.equ T1_L1,    0x40403000
.equ T1_L2,    0x40404000
.equ T1_L3,    0x40405000
.equ EL1_L1,   0x40406000         // EL1&0's tables (E2H = 1, TGE = 0)
.equ EL1_L2,   0x40407000
.equ EL1_L3,   0x40408000
.equ DATA_A,   0x40410000
.equ DATA_B,   0x40411000
.equ DATA_C,   0x40412000
.equ DATA_D,   0x40413000
.equ DATA_E,   0x40414000
.equ TABLES_END, 0x40415000

.equ UXN,      (1 << 54)
.equ PXN,      (1 << 53)
.equ NG,       (1 << 11)
.equ B_EL2,    (0x701 | UXN)                // block, AF, Inner Shareable, AP 0b00
.equ B_EL0RX,  (0x7C1 | PXN)                // AP 0b11
.equ B_EL0RW,  (0x741 | PXN | UXN)          // AP 0b01
.equ P_EL0RW,  (0x743 | PXN | UXN)
.equ P_EL2,    (0x703 | PXN | UXN)
// TCR_EL2 (E2H = 1: TCR_EL1's layout): AS (16-bit ASID), IPS 40 bits, TG1 4 KiB (0b10),
// SH1/ORGN1/IRGN1 and SH0/ORGN0/IRGN0 Inner Shareable WB, T1SZ = T0SZ = 25.
.equ TCR_VHE,  0x12B5193519
.equ EPD1,     (1 << 23)
.equ SCTLR_HOST_MMU, 0x30D01805             // SCTLR_EL1 layout: SPAN = 1, M, C, I
.equ SCTLR2_OFF, 0x30C50830
.equ HI_VA,    0xFFFFFFFFC0000000
.equ EL0_X,    0x80000000                   // EL0 alias of the program: PA + EL0_X
.equ EL0_RW,   0xC0000000                   // EL0 read/write alias: PA + EL0_RW
.equ HCR_GUEST, (HCR_RW | HCR_E2H)         // a VHE host running its guest's context
.equ ASID1,    (1 << 48)
.equ ASID2,    (2 << 48)

.equ VA_,      0xAAAAAAAA00000001
.equ VB,       0xBBBBBBBB00000002
.equ VC,       0xCCCCCCCC00000003
.equ VD,       0xDDDDDDDD00000004
.equ VE,       0xEEEEEEEE00000005

// A stage 1 Data Abort taken to EL2: one exception there, ESR (ISV = 0: ISV is for stage 2
// aborts only; QEMU 7.2 sets ISV and the instruction syndrome for any Data Abort taken to
// EL2, so on QEMU only the bits outside ISS[24:14] are compared - docs/mmu.md), ELR.
.macro EXPECT_S1_EL2 name, esr, label
    REC     x19, 2, REC_COUNT
    CHECK_IMM "\name: one exception at EL2", x19, 1
    REC     x19, 2, REC_ESR
    ldr     x9, =0xFE003FFF
    and     x20, x19, x9
    CHECK_IMM "\name: ESR without ISS[24:14]", x20, \esr
    CHECK_IMM_NOT_QEMU "\name: ESR", x19, \esr
    REC     x19, 2, REC_ELR
    adr     x20, \label
    CHECK_REG "\name: ELR", x19, x20
.endm

// Run an EL0 snippet through its EL0 alias, in the host (E2H = TGE = 1).
.macro RUN_EL0 entry
    adr     x0, \entry
    mov     x9, #EL0_X
    add     x0, x0, x9
    ldr     x1, =SPSR_EL0T
    ldr     x2, =SCR_DEFAULT
    ldr     x3, =HCR_HOST
    bl      run_lower
.endm

// RESULT from EL0: through the read/write alias (adr gives the EL0_X alias).
.macro RESULT0 idx, reg
    adr     x9, results
    mov     x10, #(EL0_RW - EL0_X)
    add     x9, x9, x10
    str     \reg, [x9, #(\idx * 8)]
.endm

    .text
    .global test_main
test_main:
    stp     x29, x30, [sp, #-16]!
    CLEAR_RANGE T0_L1, TABLES_END
    POKE    DATA_A, VA_
    POKE    DATA_B, VB
    POKE    DATA_C, VC
    POKE    DATA_D, VD
    POKE    DATA_E, VE
    DESC    T0_L1, 1, (0x40000000 | B_EL2)
    DESC    T0_L1, 2, (T0_L2 | 3)
    DESC    T0_L1, 3, (0x40000000 | B_EL0RX)
    DESC    T0_L1, 4, (0x40000000 | B_EL0RW)
    DESC    T0_L2, 0, (T0_L3 | 3)
    DESC    T0_L3, 0, (DATA_A | P_EL0RW | NG)
    DESC    T0_L3, 1, (DATA_A | P_EL2)
    DESC    T0_L3, 2, (DATA_A | P_EL0RW)
    DESC    T1_L1, 511, (T1_L2 | 3)
    DESC    T1_L2, 0, (T1_L3 | 3)
    DESC    T1_L3, 0, (DATA_B | P_EL2)
    DESC    T1_L3, 2, (DATA_B | P_EL0RW)
    SETSYS  mair_el2, MAIR_NORMAL
    SETSYS  tcr_el2, TCR_VHE
    SETSYS  ttbr0_el2, (T0_L1 | ASID1)
    SETSYS  ttbr1_el2, T1_L1
    bl      flush_tlbs
    SETSYS  sctlr_el2, SCTLR_HOST_MMU

    // ---- EL2 in the EL2&0 regime: both ranges
    TRY     snip_load, HI_VA, SPSR_EL2H, SCR_DEFAULT, HCR_HOST
    LDRESULT x19, 0
    CHECK_IMM "EL2&0: EL2 reads the upper range through TTBR1_EL2", x19, VB
    EXPECT_NONE "EL2&0: the upper-range page does not fault"
    TRY     snip_load, (HI_VA + 0x1000), SPSR_EL2H, SCR_DEFAULT, HCR_HOST
    EXPECT_S1_EL2 "EL2&0: invalid TTBR1 level 3 entry -> EL2 EC 0x25 Translation fault L3", (ESR_DABT_CUR | 0x07), t_load
    REC     x19, 2, REC_FAR
    CHECK_IMM "EL2&0: FAR_EL2 = the upper-range VA", x19, (HI_VA + 0x1000)
    TRY     snip_load, 0x80000000, SPSR_EL2H, SCR_DEFAULT, HCR_HOST
    LDRESULT x19, 0
    CHECK_IMM "EL2&0: EL2 reads the lower range through TTBR0_EL2", x19, VA_

    SETSYS  tcr_el2, (TCR_VHE | EPD1)
    bl      flush_tlbs
    TRY     snip_load, HI_VA, SPSR_EL2H, SCR_DEFAULT, HCR_HOST
    EXPECT_S1_EL2 "EL2&0: TCR_EL2.EPD1 = 1 -> upper range Translation fault L0", (ESR_DABT_CUR | 0x04), t_load
    SETSYS  tcr_el2, TCR_VHE
    bl      flush_tlbs

    // ---- EL0 in the host
    bl      clear_records
    RUN_EL0 snip_el0_reads
    LDRESULT x19, 0
    CHECK_IMM "EL2&0 EL0: reads its page in the lower range", x19, VA_
    LDRESULT x19, 1
    CHECK_IMM "EL2&0 EL0: reads its page in the upper range", x19, VB
    EXPECT_NONE "EL2&0 EL0: no fault"
    bl      clear_records
    RUN_EL0 snip_el0_priv
    // ISV is 0 for a stage 1 fault (only stage 2 aborts set it); QEMU 7.2 sets it for any
    // Data Abort taken to EL2 (docs/mmu.md).
    REC     x19, 2, REC_ESR
    ldr     x9, =0xFEFFFFFF
    and     x20, x19, x9
    CHECK_IMM "EL2&0 EL0: load of an AP 0b00 page -> EL2 EC 0x24 Permission fault L3", x20, (ESR_DABT_LOW | 0x0F)
    CHECK_IMM_NOT_QEMU "EL2&0 EL0: the stage 1 fault has ISV = 0", x19, (ESR_DABT_LOW | 0x0F)
    REC     x19, 2, REC_ELR
    adr     x20, t_el0_priv
    mov     x9, #EL0_X
    add     x20, x20, x9
    CHECK_REG "EL2&0 EL0: ELR_EL2 = the load (its EL0 VA)", x19, x20
    REC     x19, 2, REC_FAR
    CHECK_IMM "EL2&0 EL0: FAR_EL2", x19, 0x80001000
    REC     x19, 2, REC_COUNT
    CHECK_IMM "EL2&0 EL0: one exception, at EL2 (TGE)", x19, 1
    bl      clear_records
    RUN_EL0 snip_el0_store_rx
    REC     x19, 2, REC_ESR
    ldr     x9, =0xFEFFFFFF
    and     x19, x19, x9
    CHECK_IMM "EL2&0 EL0: store to its read-only code alias (1 GiB block) -> Permission fault L1, WnR", x19, (ESR_DABT_LOW | WNR | 0x0D)

    // ---- ASIDs (at EL2: the regime's nG entries are tagged with TTBR0_EL2.ASID)
    TRY     snip_asid, 0, SPSR_EL2H, SCR_DEFAULT, HCR_HOST
    LDRESULT x19, 0
    CHECK_IMM "ASID: ASID 1 reads the nG page", x19, VA_
    LDRESULT x19, 1
    CHECK_IMM "ASID: after a remap, ASID 2 (no entries) reads the new page", x19, VC
    LDRESULT x19, 2
    CHECK_IMM "ASID: TLBI VAE1 (ASID 1) at EL2 in a host, ASID 1 reads the new page", x19, VD
    LDRESULT x19, 3
    CHECK_IMM "ASID: TLBI ASIDE1 (ASID 1), ASID 1 reads the new page", x19, VE
    LDRESULT x19, 4
    CHECK_IMM "ASID: TLBI VAAE1 on a global page, the new page", x19, VB
    EXPECT_NONE "ASID: no fault"

    // ---- AT and TLBI at EL2 in a host: the EL1 forms operate on EL2&0
    TRY     snip_host_at, 0, SPSR_EL2H, SCR_DEFAULT, HCR_HOST
    ldr     x21, =0xFFFFFFFFF001
    LDRESULT x19, 7
    and     x19, x19, x21
    CHECK_IMM "host: AT S1E1R at EL2 translates in EL2&0 (TTBR1_EL2)", x19, DATA_B
    LDRESULT x19, 8
    and     x19, x19, x21
    CHECK_IMM "host: AT S1E2R with E2H = 1 translates in EL2&0 (TTBR1_EL2)", x19, DATA_B
    LDRESULT x19, 9
    and     x19, x19, #0xFFF
    CHECK_IMM "host: AT S1E0R of an EL2-only page -> F, FST Permission L3", x19, 0x81F
    LDRESULT x19, 10
    and     x19, x19, x21
    CHECK_IMM "host: AT S1E0R of an EL0 page -> its PA", x19, DATA_E
    TRY     snip_host_tlbi, 0, SPSR_EL2H, SCR_DEFAULT, HCR_HOST
    LDRESULT x19, 5
    CHECK_IMM "host: TLBI VMALLE1 at EL2 invalidates EL2&0 (upper range remapped)", x19, VC
    LDRESULT x19, 6
    CHECK_IMM "host: TLBI VAE2 (upper-range VA) invalidates EL2&0", x19, VB
    EXPECT_NONE "host: AT and TLBI do not fault"

    // ---- E2H = 1, TGE = 0 (a VHE hypervisor running its guest's maintenance): at EL2 the EL1
    // forms of AT and TLBI operate on EL1&0, whose tables map VA 0x80000000 to DATA_D
    S1_4K_SKELETON EL1_L1, EL1_L2, EL1_L3
    DESC    EL1_L3, 0, (DATA_D | 0x703)
    dsb     sy
    SETSYS  mair_el1, MAIR_NORMAL
    SETSYS  tcr_el1, 0x200803519    // IPS 40 bits, EPD1, 4 KiB, T0SZ 25
    SETSYS  ttbr0_el1, EL1_L1
    bl      flush_tlbs
    SETSYS  sctlr_el1, SCTLR1_MMU
    TRY     snip_at_e1, 0x80000000, SPSR_EL2H, SCR_DEFAULT, HCR_GUEST
    LDRESULT x19, 0
    ldr     x9, =0xFFFFFFFFF001
    and     x19, x19, x9
    CHECK_IMM "E2H = 1, TGE = 0: AT S1E1R at EL2 translates in EL1&0", x19, DATA_D
    TRY     snip_load, 0x80000000, SPSR_EL1H, SCR_DEFAULT, HCR_GUEST
    LDRESULT x19, 0
    CHECK_IMM "E2H = 1, TGE = 0: EL1 reads its page", x19, VD
    TRY     snip_guest_tlbi, 0, SPSR_EL2H, SCR_DEFAULT, HCR_GUEST
    TRY     snip_load, 0x80000000, SPSR_EL1H, SCR_DEFAULT, HCR_GUEST
    LDRESULT x19, 0
    CHECK_IMM "E2H = 1, TGE = 0: TLBI VMALLE1 at EL2 invalidates EL1&0 (remapped page)", x19, VC
    EXPECT_NONE "E2H = 1, TGE = 0: no fault"
    SETSYS  sctlr_el1, SCTLR1_OFF

    SETSYS  sctlr_el2, SCTLR2_OFF
    ldp     x29, x30, [sp], #16
    ret

// ---------------------------------------------------------------- EL0 (through EL0_X)
snip_el0_reads:
    mov     x0, #0x80000000
    ldr     x1, [x0]
    RESULT0 0, x1
    ldr     x0, =(HI_VA + 0x2000)
    ldr     x1, [x0]
    RESULT0 1, x1
    EXIT

snip_el0_priv:
    ldr     x0, =0x80001000
t_el0_priv:
    ldr     x1, [x0]
    EXIT

snip_el0_store_rx:
    adr     x0, results             // the EL0_X alias: read-only
    str     xzr, [x0]
    EXIT

// ---------------------------------------------------------------- EL2
// x20 = T0_L3, x21 = VA 0x80000000.
.macro REMAP index, pa, attrs
    ldr     x1, =(\pa | \attrs)
    str     x1, [x20, #(\index * 8)]
    dsb     sy
.endm

snip_asid:
    ldr     x20, =T0_L3
    mov     x21, #0x80000000
    ldr     x22, =T0_L1
    ldr     x1, [x21]
    RESULT  0, x1
    REMAP   0, DATA_C, (P_EL0RW | NG)
    mov     x0, #ASID2
    orr     x0, x0, x22
    msr     ttbr0_el2, x0
    isb
    ldr     x1, [x21]
    RESULT  1, x1
    mov     x0, #ASID1
    orr     x0, x0, x22
    msr     ttbr0_el2, x0
    isb
    REMAP   0, DATA_D, (P_EL0RW | NG)
    ldr     x0, =((0x80000000 >> 12) | ASID1)
    tlbi    vae1, x0
    dsb     sy
    isb
    ldr     x1, [x21]
    RESULT  2, x1
    REMAP   0, DATA_E, (P_EL0RW | NG)
    mov     x0, #ASID1
    tlbi    aside1, x0
    dsb     sy
    isb
    ldr     x1, [x21]
    RESULT  3, x1
    // global page [2]: read it, remap it to DATA_B, TLBI VAAE1
    ldr     x1, [x21, #0x2000]
    REMAP   2, DATA_B, P_EL0RW
    ldr     x0, =((0x80000000 + 0x2000) >> 12)
    tlbi    vaae1, x0
    dsb     sy
    isb
    ldr     x1, [x21, #0x2000]
    RESULT  4, x1
    EXIT

snip_host_at:
    ldr     x0, =HI_VA
    at      s1e1r, x0
    isb
    mrs     x1, par_el1
    RESULT  7, x1
    at      s1e2r, x0
    isb
    mrs     x1, par_el1
    RESULT  8, x1
    ldr     x0, =0x80001000
    at      s1e0r, x0
    isb
    mrs     x1, par_el1
    RESULT  9, x1
    mov     x0, #0x80000000
    at      s1e0r, x0
    isb
    mrs     x1, par_el1
    RESULT  10, x1
    EXIT

// The upper-range page (global, EL2 only): read, remap to DATA_C, TLBI VMALLE1, read; remap
// back to DATA_B, TLBI VAE2 (Xt[43:0] = VA[55:12]), read.
snip_host_tlbi:
    ldr     x20, =T1_L3
    ldr     x21, =HI_VA
    ldr     x1, [x21]
    REMAP   0, DATA_C, P_EL2
    tlbi    vmalle1
    dsb     sy
    isb
    ldr     x1, [x21]
    RESULT  5, x1
    REMAP   0, DATA_B, P_EL2
    ldr     x0, =((HI_VA >> 12) & 0xFFFFFFFFFFF)
    tlbi    vae2, x0
    dsb     sy
    isb
    ldr     x1, [x21]
    RESULT  6, x1
    EXIT

// At EL2 with E2H = 1, TGE = 0: AT S1E1R of results[30] -> results[0].
snip_at_e1:
    LDRESULT x0, 30
    at      s1e1r, x0
    isb
    mrs     x1, par_el1
    RESULT  0, x1
    EXIT

// At EL2 with E2H = 1, TGE = 0: remap EL1&0's VA 0x80000000 to DATA_C, TLBI VMALLE1.
snip_guest_tlbi:
    ldr     x20, =EL1_L3
    REMAP   0, DATA_C, 0x703
    tlbi    vmalle1
    dsb     sy
    isb
    EXIT
