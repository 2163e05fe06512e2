// translation: the MMU wired into the processor, checked on svesim and qemu-system-aarch64.
//
// EL3 (MMU off) builds page tables, then runs snippets at EL1 and EL2 with translation on.
// Every expected value is worked out by hand from the Arm ARM (DDI0487: D8 "The AArch64
// Virtual Memory System Architecture", D24.2.45 ESR_ELx ISS for Data Aborts, HPFAR_EL2,
// PAR_EL1), never taken from svesim:
//   * stage 1 EL1&0 (4 KiB granule, TCR_EL1.T0SZ = 25: the walk starts at level 1): a page
//     translates to its output address; an invalid level 3 entry is a level 3 Translation
//     fault (DFSC 0b000111), AF = 0 an Access flag fault (0b001011), a store to AP = 0b10
//     (read-only) a Permission fault (0b001111, WnR = 1), and so is LDTR of an AP = 0b00 page
//     (EL0 permissions, PSTATE.UAO = 0); FAR_EL1 = the VA; a Data Abort
//     taken from EL1 to EL1 has EC 0x25;
//   * AT S1E1R writes PAR_EL1: F = 0 with PA[47:12], F = 1 with FST = the DFSC;
//   * TLBI VAE1 / VMALLE1 / VAE1IS after a descriptor change: the new output address;
//   * stage 2 (HCR_EL2.VM = 1, VTCR_EL2.T0SZ = 25, SL0 = 1): a stage 2 Translation fault on
//     the data access is taken to EL2 (EC 0x24) with ISV = 1, SAS = 3, SRT, SF = 1 for
//     LDR Xt, HPFAR_EL2.FIPA = IPA[47:12] in bits [39:4], FAR_EL2 = the VA; on the stage 1
//     table walk: S1PTW = 1, ISV = 0, HPFAR_EL2 = the table's IPA;
//   * EL2 regime (E2H = 0, SCTLR_EL2.M = 1): a level 3 Translation fault at EL2 is EC 0x25.

    .include "common.inc"
    .include "tables.inc"

    .text
    .global test_main
test_main:
    stp     x29, x30, [sp, #-16]!
    bl      build_tables
    bl      test_reset
    bl      el1_mmu_on

    // ---- stage 1 translation at EL1
    RUN     snip_load_va0, SPSR_EL1H
    LDRESULT x19, 0
    CHECK_IMM "S1 EL1: VA 0x80000000 reads the word at PA 0x40300000", x19, 0x1111111111111111
    EXPECT_NONE "S1 EL1: a mapped page does not fault"

    bl      clear_records
    RUN     snip_load_va1, SPSR_EL1H
    EXPECT  "S1 EL1: invalid level 3 entry -> EL1 Translation fault L3", 1, (ESR_DABT_CUR | 0x07), t_load_va1
    REC     x19, 1, REC_FAR
    CHECK_IMM "S1 EL1: FAR_EL1 = the faulting VA", x19, (VA_BASE + 0x1000)

    bl      clear_records
    RUN     snip_store_ro, SPSR_EL1H
    EXPECT  "S1 EL1: store to a read-only page -> Permission fault L3, WnR", 1, (ESR_DABT_CUR | 0x4F), t_store_ro
    REC     x19, 1, REC_FAR
    CHECK_IMM "S1 EL1: FAR_EL1 of the permission fault", x19, (VA_BASE + 0x3008)

    bl      clear_records
    RUN     snip_load_noaf, SPSR_EL1H
    EXPECT  "S1 EL1: AF = 0 -> Access flag fault L3", 1, (ESR_DABT_CUR | 0x0B), t_load_noaf

    // LDTR at EL1 (PSTATE.UAO = 0) uses EL0's permissions: AP = 0b00 gives EL0 no access.
    bl      clear_records
    RUN     snip_ldtr, SPSR_EL1H
    EXPECT  "S1 EL1: LDTR of an EL1-only page -> Permission fault L3", 1, (ESR_DABT_CUR | 0x0F), t_ldtr

    // ---- AT S1E1R -> PAR_EL1
    bl      clear_records
    RUN     snip_at, SPSR_EL1H
    LDRESULT x19, 0
    ldr     x9, =0xFFFFFFFFF001
    and     x19, x19, x9
    CHECK_IMM "AT S1E1R mapped: PAR_EL1.F = 0, PA = 0x40300000", x19, DATA0
    LDRESULT x19, 1
    and     x19, x19, #0x7F
    CHECK_IMM "AT S1E1R unmapped: PAR_EL1.F = 1, FST = Translation L3", x19, 0x0F

    // ---- TLBI: remap VA 0x80000000 from DATA0 to DATA1, then invalidate
    bl      clear_records
    ldr     x0, =(DATA1 | S1_PAGE)
    ldr     x1, =S1_L3
    str     x0, [x1]
    dsb     sy
    RUN     snip_tlbi_vae1, SPSR_EL1H
    LDRESULT x19, 0
    CHECK_IMM "TLBI VAE1: the remapped page reads the new PA", x19, 0x2222222222222222
    ldr     x0, =(DATA0 | S1_PAGE)
    ldr     x1, =S1_L3
    str     x0, [x1]
    dsb     sy
    RUN     snip_tlbi_vmalle1, SPSR_EL1H
    LDRESULT x19, 0
    CHECK_IMM "TLBI VMALLE1: the remapped page reads the old PA again", x19, 0x1111111111111111
    ldr     x0, =(DATA1 | S1_PAGE)
    ldr     x1, =S1_L3
    str     x0, [x1]
    dsb     sy
    RUN     snip_tlbi_vae1is, SPSR_EL1H
    LDRESULT x19, 0
    CHECK_IMM "TLBI VAE1IS: the remapped page reads the new PA", x19, 0x2222222222222222
    ldr     x0, =(DATA0 | S1_PAGE)
    ldr     x1, =S1_L3
    str     x0, [x1]
    dsb     sy
    tlbi    alle1
    dsb     sy

    // ---- stage 2 (HCR_EL2.VM = 1)
    bl      clear_records
    RUN     snip_load_va0, SPSR_EL1H, SCR_DEFAULT, HCR_VM
    LDRESULT x19, 0
    CHECK_IMM "S2: stage 1 + identity stage 2 read the word at PA 0x40300000", x19, 0x1111111111111111
    EXPECT_NONE "S2: no fault through both stages"

    bl      clear_records
    RUN     snip_load_va2, SPSR_EL1H, SCR_DEFAULT, HCR_VM
    EXPECT  "S2: stage 2 Translation fault L3 -> EL2, ISV SAS=3 SRT=1 SF", 2, (ESR_DABT_LOW | 0x1C18007), t_load_va2
    REC     x19, 2, REC_FAR
    CHECK_IMM "S2: FAR_EL2 = the VA", x19, (VA_BASE + 0x2000)
    mrs     x19, hpfar_el2
    CHECK_IMM "S2: HPFAR_EL2 = IPA 0x40302000 >> 12 << 4", x19, 0x403020

    bl      clear_records
    RUN     snip_load_s1ptw, SPSR_EL1H, SCR_DEFAULT, HCR_VM
    EXPECT  "S2: fault on the stage 1 walk -> EL2, S1PTW, no ISV", 2, (ESR_DABT_LOW | 0x87), t_load_s1ptw
    mrs     x19, hpfar_el2
    CHECK_IMM "S2: HPFAR_EL2 = the stage 1 table's IPA", x19, 0x402060
    REC     x19, 2, REC_FAR
    CHECK_IMM "S2: FAR_EL2 = the VA of the access", x19, (VA_BASE + 0x200000)

    // ---- EL2 regime (E2H = 0)
    bl      el1_mmu_off
    bl      clear_records
    SETSYS  tcr_el2, TCR2
    SETSYS  mair_el2, 0xFF
    SETSYS  ttbr0_el2, S1_L1
    SETSYS  sctlr_el2, SCTLR2_MMU
    tlbi    alle2
    dsb     sy
    RUN     snip_el2, SPSR_EL2H
    SETSYS  sctlr_el2, SCTLR2_OFF
    LDRESULT x19, 0
    CHECK_IMM "EL2 regime: VA 0x80000000 reads PA 0x40300000", x19, 0x1111111111111111
    REC     x19, 2, REC_ESR
    ldr     x9, =0xFE00003F
    and     x20, x19, x9
    CHECK_IMM "EL2 regime: invalid level 3 entry -> EL2 EC 0x25 Translation fault L3", x20, (ESR_DABT_CUR | 0x07)
    // ISV is for stage 2 aborts only (ESR_ELx.ISV); QEMU 7.2 sets it for any abort taken to
    // EL2 (a documented deviation, docs/mmu.md).
    CHECK_IMM_NOT_QEMU "EL2 regime: stage 1 fault at EL2 has ISV = 0", x19, (ESR_DABT_CUR | 0x07)
    REC     x19, 2, REC_ELR
    adr     x20, t_el2_fault
    CHECK_REG "EL2 regime: ELR_EL2 = the faulting load", x19, x20
    REC     x19, 2, REC_FAR
    CHECK_IMM "EL2 regime: FAR_EL2", x19, (VA_BASE + 0x1000)

    ldp     x29, x30, [sp], #16
    ret

// ---------------------------------------------------------------- snippets (EL1 / EL2)

snip_load_va0:
    mov     x0, #VA_BASE
    ldr     x1, [x0]
    RESULT  0, x1
    EXIT

snip_load_va1:
    ldr     x0, =(VA_BASE + 0x1000)
t_load_va1:
    ldr     x1, [x0]
    EXIT

snip_store_ro:
    ldr     x0, =(VA_BASE + 0x3000)
t_store_ro:
    str     x1, [x0, #8]
    EXIT

snip_load_noaf:
    ldr     x0, =(VA_BASE + 0x4000)
t_load_noaf:
    ldr     x1, [x0]
    EXIT

snip_ldtr:
    mov     x0, #VA_BASE
t_ldtr:
    ldtr    x1, [x0]
    EXIT

snip_at:
    mov     x0, #VA_BASE
    at      s1e1r, x0
    isb
    mrs     x1, par_el1
    RESULT  0, x1
    ldr     x0, =(VA_BASE + 0x1000)
    at      s1e1r, x0
    isb
    mrs     x1, par_el1
    RESULT  1, x1
    EXIT

// Each TLBI snippet first reads the page (so that a TLB may hold the old translation).
snip_tlbi_vae1:
    mov     x0, #VA_BASE
    lsr     x2, x0, #12
    tlbi    vae1, x2
    dsb     sy
    isb
    ldr     x1, [x0]
    RESULT  0, x1
    EXIT

snip_tlbi_vmalle1:
    mov     x0, #VA_BASE
    tlbi    vmalle1
    dsb     sy
    isb
    ldr     x1, [x0]
    RESULT  0, x1
    EXIT

snip_tlbi_vae1is:
    mov     x0, #VA_BASE
    lsr     x2, x0, #12
    tlbi    vae1is, x2
    dsb     ish
    isb
    ldr     x1, [x0]
    RESULT  0, x1
    EXIT

snip_load_va2:
    ldr     x0, =(VA_BASE + 0x2000)
t_load_va2:
    ldr     x1, [x0]
    EXIT

snip_load_s1ptw:
    ldr     x0, =(VA_BASE + 0x200000)
t_load_s1ptw:
    ldr     x1, [x0]
    EXIT

snip_el2:
    mov     x0, #VA_BASE
    ldr     x1, [x0]
    RESULT  0, x1
    ldr     x0, =(VA_BASE + 0x1000)
t_el2_fault:
    ldr     x1, [x0]
    EXIT
