// cache_maint: the faults of data cache maintenance by VA and of DC ZVA, on svesim and
// qemu-system-aarch64. Expected values are worked out by hand from the Arm ARM (DDI0487:
// D7.5.9 (cache maintenance instructions and the MMU: DC CVAC/CVAU/CIVAC can give Translation
// and Access flag faults but not Permission faults, except at EL0 without read permission;
// DC IVAC needs write permission; DC ZVA is a write; whether DC/IC by VA give Access flag
// faults is IMPLEMENTATION DEFINED, so not checked here); D24.2.45 ESR_ELx: CM = 1 and WnR = 1 for
// a cache maintenance fault, ISV = 0; DC ZVA faults as a store, CM = 0; FAR = the address the
// instruction named (checked for DC by VA only)), never taken from svesim.
// Stage 1 (4 KiB, T0SZ 25): VA 0x80000000 + n * 4 KiB: [0] DATA0 EL1 RW, [1] DATA0 EL1
// read-only, [2] invalid, [4] DATA1 (not mapped at stage 2).

    .include "common.inc"
    .include "util.inc"

.equ S1_L1,    0x40400000
.equ S1_L2,    0x40401000
.equ S1_L3,    0x40402000
.equ S2_L1,    0x40404000
.equ S2_L2,    0x40405000
.equ S2_L3,    0x40406000
.equ DATA0,    0x40410000
.equ DATA1,    0x40411000
.equ TABLES_END, 0x40412000
.equ VA_BASE,  0x80000000
.equ S1_PAGE,  0x703
.equ S1_RO,    0x783
.equ S2_PAGE,  0x7FF
.equ S2_BLOCK, 0x7FD
.equ TCR1,     0x200803519
.equ VTCR,     0x80023559
.equ HCR_VM,   (HCR_RW | 1)
.equ CM,       0x100

// Run `insn` (on the address in x0 = results[30]) at EL1 and expect `esr` at `el`. QEMU 7.2
// makes DC CVAC/CVAU/CIVAC/IVAC no-ops that never translate (docs/mmu.md): their faults
// (nq = 1) are SKIP there.
.macro MAINT name, insn, va, el, esr, hcr=HCR_DEFAULT, nq=0
    bl      clear_records
    ldr     x0, =\va
    adr     x9, results
    str     x0, [x9, #240]
    RUN     snip_\@, SPSR_EL1H, SCR_DEFAULT, \hcr
    .if \nq
    bl      on_qemu
    cbz     x0, 1f
    SKIP    "\name"
    b       2f
1:
    .endif
    .if \el
    EXPECT  "\name", \el, \esr, t_\@
    .else
    EXPECT_NONE "\name"
    .endif
2:
    .pushsection .text.snips, "ax"
snip_\@:
    LDRESULT x0, 30
t_\@:
    \insn
    EXIT
    .popsection
.endm

    .text
    .global test_main
test_main:
    stp     x29, x30, [sp, #-16]!
    CLEAR_RANGE S1_L1, TABLES_END
    S1_4K_SKELETON S1_L1, S1_L2, S1_L3
    DESC    S1_L3, 0, (DATA0 | S1_PAGE)
    DESC    S1_L3, 1, (DATA0 | S1_RO)
    DESC    S1_L3, 4, (DATA1 | S1_PAGE)
    DESC    S2_L1, 1, (S2_L2 | 3)
    DESC    S2_L2, 0, (0x40000000 | S2_BLOCK)
    DESC    S2_L2, 2, (S2_L3 | 3)
    DESC    S2_L3, 0, (S1_L1 | S2_PAGE)
    DESC    S2_L3, 1, (S1_L2 | S2_PAGE)
    DESC    S2_L3, 2, (S1_L3 | S2_PAGE)
    DESC    S2_L3, 0x10, (DATA0 | S2_PAGE)
    dsb     sy
    SETSYS  mair_el1, MAIR_NORMAL
    SETSYS  tcr_el1, TCR1
    SETSYS  ttbr0_el1, S1_L1
    SETSYS  vtcr_el2, VTCR
    SETSYS  vttbr_el2, S2_L1
    bl      flush_tlbs
    SETSYS  sctlr_el1, SCTLR1_MMU

    MAINT   "DC CIVAC of a mapped page: no fault", "dc civac, x0", VA_BASE, 0, 0
    MAINT   "DC CIVAC of an invalid entry -> Translation fault L3, CM, WnR", "dc civac, x0", (VA_BASE + 0x2040), 1, (ESR_DABT_CUR | CM | WNR | 0x07), HCR_DEFAULT, 1
    REC     x19, 1, REC_FAR
    CHECK_IMM_NOT_QEMU "DC CIVAC fault: FAR_EL1 = the VA named", x19, (VA_BASE + 0x2040)
    MAINT   "DC CVAC of a read-only page: no Permission fault", "dc cvac, x0", (VA_BASE + 0x1000), 0, 0
    MAINT   "DC CVAU of a read-only page: no Permission fault", "dc cvau, x0", (VA_BASE + 0x1000), 0, 0
    MAINT   "DC IVAC of a read-only page -> Permission fault L3, CM, WnR", "dc ivac, x0", (VA_BASE + 0x1000), 1, (ESR_DABT_CUR | CM | WNR | 0x0F), HCR_DEFAULT, 1
    MAINT   "DC ZVA of a read-only page -> Permission fault L3, WnR, CM = 0", "dc zva, x0", (VA_BASE + 0x1000), 1, (ESR_DABT_CUR | WNR | 0x0F)
    MAINT   "DC CIVAC, stage 2 unmapped -> EL2 stage 2 Translation fault L3, CM, WnR, ISV = 0", "dc civac, x0", (VA_BASE + 0x4000), 2, (ESR_DABT_LOW | CM | WNR | 0x07), HCR_VM, 1
    mrs     x19, hpfar_el2
    CHECK_IMM_NOT_QEMU "DC CIVAC stage 2 fault: HPFAR_EL2", x19, (DATA1 >> 8)
    MAINT   "DC ZVA, stage 2 unmapped -> EL2 stage 2 Translation fault L3, WnR, CM = 0", "dc zva, x0", (VA_BASE + 0x4000), 2, (ESR_DABT_LOW | WNR | 0x07), HCR_VM

    SETSYS  sctlr_el1, SCTLR1_OFF
    ldp     x29, x30, [sp], #16
    ret
