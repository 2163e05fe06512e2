// at_tlbi: address translation instructions (AT) with PAR_EL1 on success and failure, and
// TLB maintenance by ASID, by IPA and by VMID, on svesim and qemu-system-aarch64. Expected
// values are worked out by hand from the Arm ARM (DDI0487: C5.5 "A64 system instructions for
// address translation", D24.2.113 PAR_EL1, D8.13 "TLB maintenance", D24.2.45 ESR_ELx),
// never taken from svesim:
//   * PAR_EL1 on success: F = 0, SH[8:7], PA[47:12], ATTR[63:56] (MAIR Attr0 0xFF combined
//     with stage 2 Normal WB: 0xFF), bit 11 RES1; NS (bit 9) is UNKNOWN for a Non-secure
//     regime and not compared;
//   * PAR_EL1 on a fault: F = 1, FST[6:1] (the DFSC), PTW[8] = the stage 2 fault was on the
//     stage 1 walk, S[9] = the fault was at stage 2, bit 11 RES1;
//   * AT S12E1R/W and S12E0R/W at EL2 (HCR_EL2.VM = 1) walk both stages (a stage 2 fault,
//     even on the stage 1 walk, is reported in PAR_EL1); S12E0* check EL0's permissions;
//   * AT S1E1R executed at EL1 whose stage 1 walk meets a stage 2 fault is a Data Abort to
//     EL2 (EC 0x24) with S1PTW = 1, CM = 1 and WnR = 1 (AT instructions report WnR = 1),
//     HPFAR_EL2 = the table's IPA;
//   * AT S1E1RP/WP check PSTATE.PAN (an EL0-accessible page faults with PAN = 1), AT S1E1R
//     does not; AT S1E0R checks EL0's permissions;
//   * AT S1E2R/W translate in the EL2 regime (one VA range: AP[2] alone decides writes);
//   * after a descriptor change, TLBI VAE1 (ASID, VA) and TLBI ASIDE1 (ASID) + DSB + ISB make
//     the nG page of that ASID translate anew; TLBI IPAS2E1IS + DSB + TLBI VMALLE1IS + DSB +
//     ISB, and TLBI VMALLS12E1 alone, make a stage 2 change visible; a VMID that was never
//     used since the last TLBI sees the new stage 2 mapping without maintenance.
// Stage 1 (4 KiB, T0SZ 25): VA 0x40000000 1 GiB identity block (EL1 RW); VA 0x80000000 + n *
// 4 KiB: [0] DATA0 nG EL1 RW, [1] DATA0 EL0 RW, [2] DATA1 (read-only at stage 2), [3] DATA2
// (not mapped at stage 2), [4] DATA0 read-only, [5] invalid; VA 0x80200000 through a level 3
// table that stage 2 does not map. Stage 2 (4 KiB, T0SZ 25, SL0 1): IPA 0x40000000 2 MiB
// identity block; IPA 0x40400000 level 3: the stage 1 tables, DATA0, DATA1 (S2AP read-only),
// DATA3.

    .include "common.inc"
    .include "util.inc"

.equ S1_L1,    0x40400000
.equ S1_L2,    0x40401000
.equ S1_L3,    0x40402000
.equ S1_L3B,   0x40403000          // not mapped at stage 2
.equ S2_L1,    0x40404000
.equ S2_L2,    0x40405000
.equ S2_L3,    0x40406000
.equ DATA0,    0x40410000
.equ DATA1,    0x40411000
.equ DATA2,    0x40412000          // not mapped at stage 2
.equ DATA3,    0x40413000
.equ TABLES_END, 0x40414000
.equ VA_BASE,  0x80000000

.equ S1_PAGE,  0x703               // AF, Inner Shareable, AttrIndx 0, AP 0b00
.equ S1_EL0,   0x743               // AP 0b01
.equ S1_RO,    0x783               // AP 0b10
.equ NG,       0x800
.equ S1_BLOCK, 0x701
.equ S2_PAGE,  0x7FF               // S2AP 0b11, Normal WB
.equ S2_RO,    0x77F               // S2AP 0b01: read-only
.equ S2_BLOCK, 0x7FD
.equ TCR1,     0x200803519         // IPS 40 bits, EPD1, 4 KiB, T0SZ 25
.equ TCR2,     0x80823519          // RES1 31, 23; PS 40 bits; T0SZ 25
.equ VTCR,     0x80023559          // PS 40 bits, SL0 1, T0SZ 25
.equ SCTLR2_MMU, 0x30C51835
.equ SCTLR2_OFF, 0x30C50830
.equ HCR_VM,   (HCR_RW | 1)
.equ ASID5,    (5 << 48)
.equ VMID1,    (1 << 48)
.equ VMID2,    (2 << 48)

.equ V0,       0x0000000011111111
.equ V1,       0x0000000022222222
.equ V3,       0x0000000033333333

// PAR_EL1 expectations (bit 11 RES1)
.equ PAR_OK,     0xFF00000000000980 // ATTR 0xFF, bit 11, SH 0b11 (| PA)
.equ PAR_NS,     0x200
.equ PAR_S1_PERM_L3, 0x81F         // F, FST 0b001111
.equ PAR_S1_TRANS_L3, 0x80F        // F, FST 0b000111
.equ PAR_S2_TRANS_L3, 0xA0F        // ... S
.equ PAR_S2_PERM_L3, 0xA1F
.equ PAR_S2_PTW_L3, 0xB0F          // ... S, PTW

// A snippet running `at op` on the address in results[30]; results[0] = PAR_EL1. `pre` runs
// first (e.g. msr pan, #1).
.macro AT_SNIP name, op, pre=nop
snip_\name:
    \pre
    LDRESULT x0, 30
    at      \op, x0
    isb
    mrs     x1, par_el1
    RESULT  0, x1
    EXIT
.endm

// TRY an AT snippet, then check PAR_EL1: with NS (UNKNOWN here) cleared on success (F = 0;
// in the fault format bit 9 is S).
.macro CHECK_PAR name, snip, va, expect, spsr, hcr
    TRY     \snip, \va, \spsr, SCR_DEFAULT, \hcr
    LDRESULT x19, 0
    tst     x19, #1
    b.ne    1f
    bic     x19, x19, #PAR_NS
1:  CHECK_IMM "\name", x19, \expect
.endm

    .text
    .global test_main
test_main:
    stp     x29, x30, [sp, #-16]!
    CLEAR_RANGE S1_L1, TABLES_END
    POKE    DATA0, V0
    POKE    DATA1, V1
    POKE    DATA3, V3
    S1_4K_SKELETON S1_L1, S1_L2, S1_L3
    DESC    S1_L2, 1, (S1_L3B | 3)
    DESC    S1_L3, 0, (DATA0 | S1_PAGE | NG)
    DESC    S1_L3, 1, (DATA0 | S1_EL0)
    DESC    S1_L3, 2, (DATA1 | S1_PAGE)
    DESC    S1_L3, 3, (DATA2 | S1_PAGE)
    DESC    S1_L3, 4, (DATA0 | S1_RO)
    DESC    S1_L3B, 0, (DATA0 | S1_PAGE)
    DESC    S2_L1, 1, (S2_L2 | 3)
    DESC    S2_L2, 0, (0x40000000 | S2_BLOCK)
    DESC    S2_L2, 2, (S2_L3 | 3)
    DESC    S2_L3, 0, (S1_L1 | S2_PAGE)
    DESC    S2_L3, 1, (S1_L2 | S2_PAGE)
    DESC    S2_L3, 2, (S1_L3 | S2_PAGE)
    DESC    S2_L3, 0x10, (DATA0 | S2_PAGE)
    DESC    S2_L3, 0x11, (DATA1 | S2_RO)
    DESC    S2_L3, 0x13, (DATA3 | S2_PAGE)
    dsb     sy
    SETSYS  mair_el1, MAIR_NORMAL
    SETSYS  tcr_el1, TCR1
    SETSYS  ttbr0_el1, (S1_L1 | ASID5)
    SETSYS  vtcr_el2, VTCR
    SETSYS  vttbr_el2, (S2_L2 - 0x1000 + VMID1)  // = S2_L1 with VMID 1
    SETSYS  mair_el2, MAIR_NORMAL
    SETSYS  tcr_el2, TCR2
    SETSYS  ttbr0_el2, S1_L1
    bl      flush_tlbs
    SETSYS  sctlr_el1, SCTLR1_MMU

    // ---- AT S12E1R/W, S12E0R/W at EL2 (stage 1 of EL1&0 and stage 2)
    CHECK_PAR "AT S12E1R: both stages map -> PAR PA, SH, ATTR", snip_s12e1r, VA_BASE, (PAR_OK | DATA0), SPSR_EL2H, HCR_VM
    CHECK_PAR "AT S12E1R: stage 2 Translation fault -> F, FST L3, S", snip_s12e1r, (VA_BASE + 0x3000), PAR_S2_TRANS_L3, SPSR_EL2H, HCR_VM
    CHECK_PAR "AT S12E1R: stage 2 read-only page reads", snip_s12e1r, (VA_BASE + 0x2000), (PAR_OK | DATA1), SPSR_EL2H, HCR_VM
    CHECK_PAR "AT S12E1W: stage 2 read-only page -> F, FST Permission L3, S", snip_s12e1w, (VA_BASE + 0x2000), PAR_S2_PERM_L3, SPSR_EL2H, HCR_VM
    CHECK_PAR "AT S12E1W: stage 1 read-only page -> F, FST Permission L3, S = 0", snip_s12e1w, (VA_BASE + 0x4000), PAR_S1_PERM_L3, SPSR_EL2H, HCR_VM
    CHECK_PAR "AT S12E1R: stage 2 fault on the stage 1 walk -> F, FST L3, S, PTW", snip_s12e1r, (VA_BASE + 0x200000), PAR_S2_PTW_L3, SPSR_EL2H, HCR_VM
    EXPECT_NONE "AT S12E1R at EL2: the walk's stage 2 fault is not taken"
    CHECK_PAR "AT S12E1R: invalid stage 1 entry -> F, FST Translation L3, S = 0", snip_s12e1r, (VA_BASE + 0x5000), PAR_S1_TRANS_L3, SPSR_EL2H, HCR_VM
    CHECK_PAR "AT S12E0R: EL1-only page -> F, FST Permission L3 (EL0 permissions)", snip_s12e0r, VA_BASE, PAR_S1_PERM_L3, SPSR_EL2H, HCR_VM
    CHECK_PAR "AT S12E0R: EL0 page -> PAR PA", snip_s12e0r, (VA_BASE + 0x1000), (PAR_OK | DATA0), SPSR_EL2H, HCR_VM
    CHECK_PAR "AT S12E0W: EL0 page -> PAR PA", snip_s12e0w, (VA_BASE + 0x1000), (PAR_OK | DATA0), SPSR_EL2H, HCR_VM
    CHECK_PAR "AT S12E0W: EL1-only page -> F, FST Permission L3, S = 0", snip_s12e0w, (VA_BASE + 0x2000), PAR_S1_PERM_L3, SPSR_EL2H, HCR_VM

    // ---- AT S1E1R at EL1 meeting a stage 2 fault on its walk: a Data Abort to EL2
    TRY     snip_s1e1r, (VA_BASE + 0x200000), SPSR_EL1H, SCR_DEFAULT, HCR_VM
    EXPECT  "AT S1E1R at EL1, stage 2 fault on the walk -> EL2 EC 0x24, S1PTW, CM, WnR", 2, (ESR_DABT_LOW | 0x1C7), t_s1e1r
    mrs     x19, hpfar_el2
    CHECK_IMM "AT S1E1R at EL1: HPFAR_EL2 = the stage 1 table's IPA", x19, (S1_L3B >> 8)
    REC     x19, 2, REC_FAR
    CHECK_IMM "AT S1E1R at EL1: FAR_EL2 = the VA", x19, (VA_BASE + 0x200000)

    // ---- AT S1E1R/RP/WP and S1E0R at EL1 (no stage 2)
    CHECK_PAR "AT S1E1R with PAN = 1: an EL0 page translates (no PAN check)", snip_s1e1r_pan, (VA_BASE + 0x1000), (PAR_OK | DATA0), SPSR_EL1H, HCR_DEFAULT
    CHECK_PAR "AT S1E1RP with PAN = 1: an EL0 page -> F, FST Permission L3", snip_s1e1rp_pan, (VA_BASE + 0x1000), PAR_S1_PERM_L3, SPSR_EL1H, HCR_DEFAULT
    CHECK_PAR "AT S1E1WP with PAN = 1: an EL0 page -> F, FST Permission L3", snip_s1e1wp_pan, (VA_BASE + 0x1000), PAR_S1_PERM_L3, SPSR_EL1H, HCR_DEFAULT
    CHECK_PAR "AT S1E1RP with PAN = 1: an EL1-only page translates", snip_s1e1rp_pan, VA_BASE, (PAR_OK | DATA0), SPSR_EL1H, HCR_DEFAULT
    CHECK_PAR "AT S1E1RP with PAN = 0: an EL0 page translates", snip_s1e1rp, (VA_BASE + 0x1000), (PAR_OK | DATA0), SPSR_EL1H, HCR_DEFAULT
    CHECK_PAR "AT S1E1W: a read-only page -> F, FST Permission L3", snip_s1e1w, (VA_BASE + 0x4000), PAR_S1_PERM_L3, SPSR_EL1H, HCR_DEFAULT
    CHECK_PAR "AT S1E0R: an EL1-only page -> F, FST Permission L3", snip_s1e0r, VA_BASE, PAR_S1_PERM_L3, SPSR_EL1H, HCR_DEFAULT
    CHECK_PAR "AT S1E0W: an EL0 page -> PAR PA", snip_s1e0w, (VA_BASE + 0x1000), (PAR_OK | DATA0), SPSR_EL1H, HCR_DEFAULT

    // ---- AT S1E2R/W in the EL2 regime (E2H = 0, SCTLR_EL2.M = 1, the same tables)
    SETSYS  sctlr_el2, SCTLR2_MMU
    CHECK_PAR "AT S1E2R: EL2 regime page -> PAR PA", snip_s1e2r, (VA_BASE + 0x2000), (PAR_OK | DATA1), SPSR_EL2H, HCR_DEFAULT
    CHECK_PAR "AT S1E2W: AP[2] = 1 -> F, FST Permission L3", snip_s1e2w, (VA_BASE + 0x4000), PAR_S1_PERM_L3, SPSR_EL2H, HCR_DEFAULT
    CHECK_PAR "AT S1E2W: AP 0b01 is writable in a one-range regime", snip_s1e2w, (VA_BASE + 0x1000), (PAR_OK | DATA0), SPSR_EL2H, HCR_DEFAULT
    CHECK_PAR "AT S1E2R: invalid entry -> F, FST Translation L3", snip_s1e2r, (VA_BASE + 0x5000), PAR_S1_TRANS_L3, SPSR_EL2H, HCR_DEFAULT
    TRY     snip_tlbi_vae2, 0, SPSR_EL2H, SCR_DEFAULT, HCR_DEFAULT
    LDRESULT x19, 0
    CHECK_IMM "TLBI VAE2 (EL2 regime): the remapped page reads the new PA", x19, V3
    EXPECT_NONE "TLBI VAE2: no fault"
    SETSYS  sctlr_el2, SCTLR2_OFF
    DESC    S1_L3, 2, (DATA1 | S1_PAGE)
    bl      flush_tlbs

    // ---- TLBI by ASID at EL1 (stage 2 on)
    TRY     snip_tlbi_asid, 0, SPSR_EL1H, SCR_DEFAULT, HCR_VM
    LDRESULT x19, 0
    CHECK_IMM "TLBI: ASID 5 reads its nG page", x19, V0
    LDRESULT x19, 1
    CHECK_IMM "TLBI VAE1 (ASID 5, VA): the remapped nG page reads the new PA", x19, V3
    LDRESULT x19, 2
    CHECK_IMM "TLBI ASIDE1 (ASID 5): the remapped nG page reads the old PA again", x19, V0
    EXPECT_NONE "TLBI by ASID: no fault"

    // ---- stage 2 changes: IPAS2E1IS + VMALLE1IS, VMALLS12E1, a new VMID
    TRY     snip_load, VA_BASE, SPSR_EL1H, SCR_DEFAULT, HCR_VM
    LDRESULT x19, 0
    CHECK_IMM "S2 TLBI: IPA 0x40410000 -> DATA0", x19, V0
    TRY     snip_s2_remap_ipas2, (DATA3 | S2_PAGE), SPSR_EL2H, SCR_DEFAULT, HCR_VM
    TRY     snip_load, VA_BASE, SPSR_EL1H, SCR_DEFAULT, HCR_VM
    LDRESULT x19, 0
    CHECK_IMM "TLBI IPAS2E1IS + VMALLE1IS: the new stage 2 mapping", x19, V3
    TRY     snip_s2_remap_vmalls12, (DATA0 | S2_PAGE), SPSR_EL2H, SCR_DEFAULT, HCR_VM
    TRY     snip_load, VA_BASE, SPSR_EL1H, SCR_DEFAULT, HCR_VM
    LDRESULT x19, 0
    CHECK_IMM "TLBI VMALLS12E1: the new stage 2 mapping", x19, V0
    // remap without maintenance, then switch to VMID 2 (no entries since the last TLBI)
    ldr     x0, =S2_L3
    ldr     x1, =(DATA3 | S2_PAGE)
    str     x1, [x0, #(0x10 * 8)]
    dsb     sy
    SETSYS  vttbr_el2, (S2_L2 - 0x1000 + VMID2)
    TRY     snip_load, VA_BASE, SPSR_EL1H, SCR_DEFAULT, HCR_VM
    LDRESULT x19, 0
    CHECK_IMM "VMID 2 (no TLB entries) sees the new stage 2 mapping", x19, V3
    EXPECT_NONE "S2 TLBI: no fault"

    SETSYS  sctlr_el1, SCTLR1_OFF
    ldp     x29, x30, [sp], #16
    ret

    AT_SNIP s12e1r, s12e1r
    AT_SNIP s12e1w, s12e1w
    AT_SNIP s12e0r, s12e0r
    AT_SNIP s12e0w, s12e0w
    AT_SNIP s1e1r_pan, s1e1r, "msr pan, #1"
    AT_SNIP s1e1rp_pan, s1e1rp, "msr pan, #1"
    AT_SNIP s1e1wp_pan, s1e1wp, "msr pan, #1"
    AT_SNIP s1e1rp, s1e1rp
    AT_SNIP s1e1w, s1e1w
    AT_SNIP s1e0r, s1e0r
    AT_SNIP s1e0w, s1e0w
    AT_SNIP s1e2r, s1e2r
    AT_SNIP s1e2w, s1e2w

snip_s1e1r:
    LDRESULT x0, 30
t_s1e1r:
    at      s1e1r, x0
    isb
    mrs     x1, par_el1
    RESULT  0, x1
    EXIT

// At EL1: read the nG page of ASID 5, remap it and TLBI VAE1, then back and TLBI ASIDE1.
snip_tlbi_asid:
    mov     x21, #VA_BASE
    ldr     x20, =S1_L3
    ldr     x1, [x21]
    RESULT  0, x1
    ldr     x1, =(DATA3 | S1_PAGE | NG)
    str     x1, [x20]
    dsb     sy
    ldr     x0, =((VA_BASE >> 12) | ASID5)
    tlbi    vae1, x0
    dsb     sy
    isb
    ldr     x1, [x21]
    RESULT  1, x1
    ldr     x1, =(DATA0 | S1_PAGE | NG)
    str     x1, [x20]
    dsb     sy
    mov     x0, #ASID5
    tlbi    aside1, x0
    dsb     sy
    isb
    ldr     x1, [x21]
    RESULT  2, x1
    EXIT

// At EL2: stage 2 entry of IPA DATA0 = results[30], then the maintenance.
snip_s2_remap_ipas2:
    LDRESULT x1, 30
    ldr     x0, =S2_L3
    str     x1, [x0, #(0x10 * 8)]
    dsb     ish
    ldr     x0, =(DATA0 >> 12)
    tlbi    ipas2e1is, x0
    dsb     ish
    tlbi    vmalle1is
    dsb     ish
    isb
    EXIT

snip_s2_remap_vmalls12:
    LDRESULT x1, 30
    ldr     x0, =S2_L3
    str     x1, [x0, #(0x10 * 8)]
    dsb     sy
    tlbi    vmalls12e1
    dsb     sy
    isb
    EXIT

// At EL2 (E2H = 0, SCTLR_EL2.M = 1): read VA_BASE + 0x2000, remap it to DATA3, TLBI VAE2.
snip_tlbi_vae2:
    ldr     x21, =(VA_BASE + 0x2000)
    ldr     x1, [x21]
    ldr     x20, =S1_L3
    ldr     x1, =(DATA3 | S1_PAGE)
    str     x1, [x20, #16]
    dsb     sy
    lsr     x0, x21, #12
    tlbi    vae2, x0
    dsb     sy
    isb
    ldr     x1, [x21]
    RESULT  0, x1
    EXIT
