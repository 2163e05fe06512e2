// stage1_more: more of stage 1 at EL1&0 - TTBR1_EL1's upper range, TBI, faults at level 2
// (Translation, Access flag on a block, Address size of a table address), Address size at
// level 3, Instruction Aborts (PXN, EL0-writable memory at EL1, UXN at EL0, Translation) and
// PAR_EL1's attributes for Device, Normal Non-cacheable and Non-shareable memory; on svesim and
// qemu-system-aarch64. Expected values are worked out by hand from the Arm ARM (DDI0487: D8
// VMSAv8-64 (two VA ranges, TBI, AArch64.CheckPermission: privileged execute-never for memory
// EL0 can write, output address checks against TCR_EL1.IPS at every level), D24.2.45 ESR_ELx
// (EC 0x20/0x21 Instruction Aborts), D24.2.113 PAR_EL1 (ATTR from MAIR, SH: Device and Normal
// Non-cacheable memory report Outer Shareable 0b10)), never taken from svesim.
// Instruction Aborts use the probe vector table of util.inc (the common handler would refetch
// the same page after skipping the instruction).

    .include "common.inc"
    .include "util.inc"

.equ S1_L1,    0x40400000
.equ S1_L2,    0x40401000
.equ S1_L3,    0x40402000
.equ T1_L1,    0x40403000
.equ T1_L2,    0x40404000
.equ DATA0,    0x40410000
.equ DATA1,    0x40411000
.equ TABLES_END, 0x40412000
.equ VA_BASE,  0x80000000
.equ EL0_X,    0x80000000          // EL0's execute alias of the program: VA = PA + EL0_X
.equ HI_VA,    0xFFFFFFFFC0000000

.equ UXN,      (1 << 54)
.equ PXN,      (1 << 53)
.equ S1_PAGE,  0x703
.equ S1_EL0RW, (0x743 | UXN)
.equ S1_NOPXN, (0x703 | PXN)
.equ S1_DEV,   (0x707 | UXN | PXN) // AttrIndx 1
.equ S1_NC,    (0x70B | UXN | PXN) // AttrIndx 2
.equ S1_NSH,   0x403               // Non-shareable
.equ B_EL0RX,  (0x7C1 | PXN)       // block, AP 0b11
.equ B_NOAF,   0x301
.equ MAIR3,    0x4400FF            // Attr0 Normal WB, Attr1 Device-nGnRnE, Attr2 Normal NC
// TCR_EL1: IPS 40 bits, TG1 4 KiB, SH1/ORGN1/IRGN1, T1SZ 25, SH0/ORGN0/IRGN0, T0SZ 25
.equ TCR_2R,   0x2B5193519
.equ TBI0,     (1 << 37)
.equ ESR_IABT_CUR, 0x86000000      // EC 0x21, IL
.equ ESR_IABT_LOW, 0x82000000      // EC 0x20, IL
.equ V0,       0x0F0F0F0F0F0F0F0F
.equ TAGGED,   0x5A00000080000000

// Run `entry` (at EL1, or at EL0 through the EL0_X alias) with the probe vectors at EL1.
.macro RUN_PROBED entry, va, el0=0
    bl      clear_records
    ldr     x0, =\va
    adr     x9, results
    str     x0, [x9, #240]
    str     xzr, [x9, #16]
    adr     x0, probe_vectors_el1
    msr     vbar_el1, x0
    adr     x0, \entry
    .if \el0
    mov     x9, #EL0_X
    add     x0, x0, x9
    ldr     x1, =SPSR_EL0T
    .else
    ldr     x1, =SPSR_EL1H
    .endif
    ldr     x2, =SCR_DEFAULT
    ldr     x3, =HCR_DEFAULT
    bl      run_lower
    adr     x0, vectors_el1
    msr     vbar_el1, x0
    isb
.endm

// The probe's record: ESR_EL1, and FAR_EL1 = ELR_EL1 = the VA fetched.
.macro CHECK_IABT name, esr, va
    LDRESULT x19, 2
    CHECK_IMM "\name: ESR_EL1", x19, \esr
    LDRESULT x19, 3
    CHECK_IMM "\name: FAR_EL1", x19, \va
    LDRESULT x19, 4
    CHECK_IMM "\name: ELR_EL1", x19, \va
.endm

// QEMU 7.2 reports the descriptor's SH (0b11) for Device and Normal Non-cacheable memory
// instead of 0b10 (docs/mmu.md): those checks are SKIP on QEMU (nq = 1).
.macro CHECK_PAR name, va, expect, nq=0
    TRY     snip_at, \va
    LDRESULT x19, 0
    bic     x19, x19, #0x200        // NS: UNKNOWN for a Non-secure regime
    .if \nq
    CHECK_IMM_NOT_QEMU "\name", x19, \expect
    .else
    CHECK_IMM "\name", x19, \expect
    .endif
.endm

    .text
    .global test_main
test_main:
    stp     x29, x30, [sp, #-16]!
    CLEAR_RANGE S1_L1, TABLES_END
    POKE    DATA0, V0
    S1_4K_SKELETON S1_L1, S1_L2, S1_L3
    DESC    S1_L1, 3, (0x40000000 | B_EL0RX)             // VA 0xC0000000: EL0's code
    DESC    S1_L2, 3, (0x40000000 | B_NOAF)              // VA 0x80600000 (L2[2] invalid)
    DESC    S1_L2, 4, (0x10000000000 | 3)                // VA 0x80800000: table above IPS
    DESC    S1_L3, 0, (DATA0 | S1_PAGE)
    DESC    S1_L3, 1, (DATA0 | S1_EL0RW)
    DESC    S1_L3, 2, (DATA0 | S1_NOPXN)
    DESC    S1_L3, 3, (0x10000000000 | S1_PAGE)          // output address above IPS
    DESC    S1_L3, 4, (DATA1 | S1_DEV)
    DESC    S1_L3, 5, (DATA1 | S1_NC)
    DESC    S1_L3, 6, (DATA1 | S1_NSH)
    DESC    T1_L1, 511, (T1_L2 | 3)
    DESC    T1_L2, 0, (S1_L3 | 3)                        // VA 0xFFFFFFFFC0000000 -> DATA0
    SETSYS  mair_el1, MAIR3
    SETSYS  tcr_el1, TCR_2R
    SETSYS  ttbr0_el1, S1_L1
    SETSYS  ttbr1_el1, T1_L1
    bl      flush_tlbs
    SETSYS  sctlr_el1, SCTLR1_MMU

    // ---- data accesses
    TRY     snip_load, HI_VA
    LDRESULT x19, 0
    CHECK_IMM "TTBR1_EL1: the upper range translates", x19, V0
    TRY     snip_load, TAGGED
    EXPECT  "TBI0 = 0: a tagged VA is outside both ranges -> Translation fault L0", 1, (ESR_DABT_CUR | 0x04), t_load
    REC     x19, 1, REC_FAR
    CHECK_IMM "TBI0 = 0: FAR_EL1 = the tagged VA", x19, TAGGED
    SETSYS  tcr_el1, (TCR_2R | TBI0)
    bl      flush_tlbs
    TRY     snip_load, TAGGED
    LDRESULT x19, 0
    CHECK_IMM "TBI0 = 1: the tag is ignored", x19, V0
    SETSYS  tcr_el1, TCR_2R
    bl      flush_tlbs
    TRY     snip_load, (VA_BASE + 0x400000)
    EXPECT  "invalid level 2 entry -> Translation fault L2", 1, (ESR_DABT_CUR | 0x06), t_load
    TRY     snip_load, (VA_BASE + 0x600000)
    EXPECT  "level 2 block with AF = 0 -> Access flag fault L2", 1, (ESR_DABT_CUR | 0x0A), t_load
    TRY     snip_load, (VA_BASE + 0x800000)
    EXPECT  "level 2 table address above IPS -> Address size fault L2", 1, (ESR_DABT_CUR | 0x02), t_load
    TRY     snip_load, (VA_BASE + 0x3000)
    EXPECT  "level 3 output address above IPS -> Address size fault L3", 1, (ESR_DABT_CUR | 0x03), t_load

    // ---- PAR_EL1 attributes
    CHECK_PAR "PAR_EL1: Device-nGnRnE -> ATTR 0x00, SH 0b10", (VA_BASE + 0x4000), (DATA1 | 0x900), 1
    CHECK_PAR "PAR_EL1: Normal Non-cacheable -> ATTR 0x44, SH 0b10", (VA_BASE + 0x5000), (0x4400000000000900 | DATA1), 1
    CHECK_PAR "PAR_EL1: Normal WB Non-shareable -> ATTR 0xFF, SH 0b00", (VA_BASE + 0x6000), (0xFF00000000000800 | DATA1)

    // ---- Instruction Aborts
    RUN_PROBED snip_branch, (VA_BASE + 0x2000)
    CHECK_IABT "EL1 fetch from a PXN page -> EC 0x21 Permission fault L3", (ESR_IABT_CUR | 0x0F), (VA_BASE + 0x2000)
    RUN_PROBED snip_branch, (VA_BASE + 0x1000)
    CHECK_IABT "EL1 fetch from EL0-writable memory -> Permission fault L3", (ESR_IABT_CUR | 0x0F), (VA_BASE + 0x1000)
    RUN_PROBED snip_branch, (VA_BASE + 0x7000)
    CHECK_IABT "EL1 fetch from an invalid entry -> Translation fault L3", (ESR_IABT_CUR | 0x07), (VA_BASE + 0x7000)
    RUN_PROBED snip_branch, (VA_BASE + 0x1000), 1
    CHECK_IABT "EL0 fetch from a UXN page -> EC 0x20 Permission fault L3", (ESR_IABT_LOW | 0x0F), (VA_BASE + 0x1000)
    RUN_PROBED snip_branch, (VA_BASE + 0x400000), 1
    CHECK_IABT "EL0 fetch from an invalid level 2 entry -> EC 0x20 Translation fault L2", (ESR_IABT_LOW | 0x06), (VA_BASE + 0x400000)

    SETSYS  sctlr_el1, SCTLR1_OFF
    ldp     x29, x30, [sp], #16
    ret


// Branch to the VA in results[30] (at EL0 through EL0_X: adr gives that alias, readable).
snip_branch:
    LDRESULT x0, 30
    br      x0
