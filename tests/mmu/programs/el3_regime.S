// el3_regime: the EL3 translation regime (SCTLR_EL3.M = 1, TTBR0_EL3, TCR_EL3, MAIR_EL3), with
// the test driver itself running under it through an identity map, on svesim and
// qemu-system-aarch64. Expected values are worked out by hand from the Arm ARM (DDI0487 D8:
// EL3 has one VA range and one privilege level: AP[2] alone decides writes; a Data Abort taken
// from EL3 to EL3 has EC 0x25; AT S1E3R/W translate in the EL3 regime (PAR_EL1.NS = 0 for a
// Secure regime, not compared)), never taken
// from svesim. Stage 1 (4 KiB, TCR_EL3.T0SZ = 25): VA 0x40000000 1 GiB identity block (the
// program); VA 0x80000000: [0] DATA0, [1] DATA0 read-only (AP[2] = 1), [2] invalid.

    .include "common.inc"
    .include "util.inc"

.equ S1_L1,    0x40400000
.equ S1_L2,    0x40401000
.equ S1_L3,    0x40402000
.equ DATA0,    0x40410000
.equ TABLES_END, 0x40411000
.equ VA_BASE,  0x80000000
.equ S1_PAGE,  0x703
.equ S1_RO,    0x783
.equ TCR3,     0x80823519          // RES1 31, 23; PS 40 bits; SH0/ORGN0/IRGN0 WB; T0SZ 25
.equ SCTLR3_MMU, 0x30C51835        // RES1 bits, I, C, M
.equ SCTLR3_OFF, 0x30C50830
.equ V0,       0x3333333333333333

    .text
    .global test_main
test_main:
    stp     x29, x30, [sp, #-16]!
    CLEAR_RANGE S1_L1, TABLES_END
    POKE    DATA0, V0
    S1_4K_SKELETON S1_L1, S1_L2, S1_L3
    DESC    S1_L3, 0, (DATA0 | S1_PAGE)
    DESC    S1_L3, 1, (DATA0 | S1_RO)
    dsb     sy
    SETSYS  mair_el3, MAIR_NORMAL
    SETSYS  tcr_el3, TCR3
    SETSYS  ttbr0_el3, S1_L1
    tlbi    alle3
    dsb     sy
    isb
    bl      clear_records
    SETSYS  sctlr_el3, SCTLR3_MMU

    mov     x0, #VA_BASE
    ldr     x19, [x0]
    CHECK_IMM "EL3 regime: VA 0x80000000 reads DATA0", x19, V0
    ldr     x0, =(VA_BASE + 0x2000)
t_el3_load:
    ldr     x1, [x0]
    EXPECT  "EL3 regime: invalid level 3 entry -> EL3 EC 0x25 Translation fault L3", 3, (ESR_DABT_CUR | 0x07), t_el3_load
    REC     x19, 3, REC_FAR
    CHECK_IMM "EL3 regime: FAR_EL3", x19, (VA_BASE + 0x2000)
    bl      clear_records
    ldr     x0, =(VA_BASE + 0x1000)
t_el3_store:
    str     x1, [x0]
    EXPECT  "EL3 regime: store to AP[2] = 1 -> Permission fault L3, WnR", 3, (ESR_DABT_CUR | WNR | 0x0F), t_el3_store
    ldr     x0, =(VA_BASE + 0x1000)
    at      s1e3r, x0
    isb
    mrs     x19, par_el1
    ldr     x9, =0xFFFFFFFFF001
    and     x19, x19, x9
    CHECK_IMM "EL3 regime: AT S1E3R -> PAR_EL1 PA", x19, DATA0
    ldr     x0, =(VA_BASE + 0x1000)
    at      s1e3w, x0
    isb
    mrs     x19, par_el1
    and     x19, x19, #0xFFF
    CHECK_IMM "EL3 regime: AT S1E3W of a read-only page -> F, FST Permission L3", x19, 0x81F
    ldr     x0, =(DATA0 | S1_PAGE)
    ldr     x1, =S1_L3
    str     x0, [x1, #8]            // VA 0x80001000 now writable
    dsb     sy
    ldr     x0, =((VA_BASE + 0x1000) >> 12)
    tlbi    vae3, x0
    dsb     sy
    isb
    ldr     x0, =(VA_BASE + 0x1000)
    ldr     x1, =0x4444444444444444
    str     x1, [x0]
    ldr     x0, =DATA0
    ldr     x19, [x0]
    CHECK_IMM "EL3 regime: after a remap and TLBI VAE3 the page is writable", x19, 0x4444444444444444

    SETSYS  sctlr_el3, SCTLR3_OFF
    ldp     x29, x30, [sp], #16
    ret
