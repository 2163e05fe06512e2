// vl_per_el: the effective SVE vector length at every Exception level.
//
// For each row of ZCR_EL3/EL2/EL1.LEN values, RDVL #1 (VL in bytes) is executed at
//   EL3, EL2 (E2H=0), EL2 (E2H=1), EL1, EL0, and EL0 of a VHE host (E2H=TGE=1)
// and compared with the Arm ARM value:
//   R1  VL = min of the LEN fields that constrain the EL (EL3: ZCR_EL3; EL2 and host EL0:
//       ZCR_EL2, ZCR_EL3; EL1 and EL0: ZCR_EL1, ZCR_EL2, ZCR_EL3)
//   R3  the length (LEN+1)*128 rounded down to a power of two (LEN=2 -> 256 bits)
//   R5  at EL3 RDVL directly follows the MSR ZCR_EL3 with no ISB
// and a few single checks:
//   R2  Secure EL1 (SCR_EL3.NS=0, no Secure EL2) ignores ZCR_EL2 (QEMU 7.2 applies it)
//   R4  ZCR_ELx bits [8:4] read as zero
//   R6  at EL2 with E2H=1 the name ZCR_EL1 reaches ZCR_EL2 and ZCR_EL12 reaches ZCR_EL1
//
// On QEMU run with only power-of-two vector lengths enabled (see README.md): QEMU's default
// -cpu max also offers 384, 640, ... bits, the legacy rule.

    .include "common.inc"

// One row: LEN values, then the expected RDVL #1 (bytes) at EL3, EL2, EL2 (E2H=1), EL1,
// EL0, host EL0, then the row's name.
.macro VLROW l3, l2, l1, e3, e2, e2h, e1, e0, eh
    .pushsection .rodata.str, "a"
.Lrow\@:
    .asciz "R1/R3 ZCR_EL3/2/1.LEN=\l3/\l2/\l1 "
    .popsection
    .quad \l3, \l2, \l1, \e3, \e2, \e2h, \e1, \e0, \eh, .Lrow\@
.endm
.equ ROW_SIZE, 80

    .section .rodata
    .balign 8
vl_rows:
    //     L3  L2  L1   EL3  EL2 EL2h EL1  EL0  host
    VLROW  3,  1,  0,   64,  32,  32,  16,  16,  32
    VLROW  15, 15, 15,  256, 256, 256, 256, 256, 256
    VLROW  1,  3,  7,   32,  32,  32,  32,  32,  32
    VLROW  15, 2,  5,   256, 32,  32,  32,  32,  32     // LEN 2: 384 -> 256 bits
    VLROW  15, 5,  14,  256, 64,  64,  64,  64,  64     // LEN 5: 768 -> 512 bits
    VLROW  6,  15, 2,   64,  64,  64,  32,  32,  64     // LEN 6: 896 -> 512 bits
    VLROW  15, 9,  13,  256, 128, 128, 128, 128, 128    // LEN 9: 1280 -> 1024 bits
    VLROW  15, 7,  0,   256, 128, 128, 16,  16,  128    // host EL0 ignores ZCR_EL1
    VLROW  2,  15, 15,  32,  32,  32,  32,  32,  32
    VLROW  11, 15, 15,  128, 128, 128, 128, 128, 128    // LEN 11: 1536 -> 1024 bits
vl_rows_end:

    .text
    .global test_main
test_main:
    stp     x29, x30, [sp, #-16]!
    bl      check_sve_prereq
    adr     x19, vl_rows
    adr     x20, vl_rows_end
1:  cmp     x19, x20
    b.hs    2f
    bl      vl_row
    add     x19, x19, #ROW_SIZE
    b       1b
2:
    // R2: Secure EL1 without Secure EL2: ZCR_EL2 does not constrain VL.
    bl      test_reset
    mov     x0, #15
    msr     zcr_el3, x0
    mov     x0, #1
    msr     zcr_el2, x0
    mov     x0, #7
    msr     zcr_el1, x0
    RUN     snip_rdvl, SPSR_EL1H, SCR_SECURE
    LDRESULT x19, 0
    CHECK_IMM_NOT_QEMU "R2 Secure EL1 ignores ZCR_EL2 (LEN 15/1/7 -> 1024 bits)", x19, 128

    // R4: LEN is bits [3:0]; bits [8:4] are RAZ/WI.
    bl      test_reset
    mov     x0, #0x1F3
    msr     zcr_el3, x0
    mrs     x19, zcr_el3
    CHECK_IMM "R4 ZCR_EL3 written 0x1f3 reads 0x3", x19, 0x3
    mov     x0, #0x1F5
    msr     zcr_el2, x0
    mrs     x19, zcr_el2
    CHECK_IMM "R4 ZCR_EL2 written 0x1f5 reads 0x5", x19, 0x5

    // R6: at EL2 with E2H=1, ZCR_EL1 names ZCR_EL2 and ZCR_EL12 names ZCR_EL1.
    bl      test_reset
    mov     x0, #5
    msr     zcr_el1, x0
    ldr     x0, =(HCR_RW | HCR_E2H)
    bl      set_hcr_open
    RUN     snip_vhe_alias, SPSR_EL2H, SCR_DEFAULT, (HCR_RW|HCR_E2H)
    LDRESULT x19, 0
    CHECK_IMM "R6 EL2 E2H=1: MSR ZCR_EL1 #1 sets the EL2 VL (256 bits)", x19, 32
    LDRESULT x19, 1
    CHECK_IMM "R6 EL2 E2H=1: MRS ZCR_EL12 reads ZCR_EL1 (5)", x19, 5
    mrs     x19, zcr_el2
    CHECK_IMM "R6 EL2 E2H=1: ZCR_EL2 now holds 1", x19, 1

    ldp     x29, x30, [sp], #16
    ret

// Run one row (x19 = row). Keeps x19/x20.
vl_row:
    stp     x29, x30, [sp, #-16]!
    bl      test_reset
    ldp     x0, x1, [x19]
    ldr     x2, [x19, #16]
    msr     zcr_el2, x1
    msr     zcr_el1, x2
    mov     x1, #0xbad                  // stays if RDVL is not executed
    msr     zcr_el3, x0
    rdvl    x1, #1                      // R5: no ISB after the ZCR_EL3 write
    ldr     x2, [x19, #24]
    ldr     x0, [x19, #72]
    LDSTR   x3, "at EL3"
    bl      check_report

    RUN     snip_rdvl, SPSR_EL2H
    LDRESULT x1, 0
    ldr     x2, [x19, #32]
    ldr     x0, [x19, #72]
    LDSTR   x3, "at EL2 (E2H=0)"
    bl      check_report

    ldr     x0, =(HCR_RW | HCR_E2H)
    bl      set_hcr_open
    RUN     snip_rdvl, SPSR_EL2H, SCR_DEFAULT, (HCR_RW|HCR_E2H)
    LDRESULT x1, 0
    ldr     x2, [x19, #40]
    ldr     x0, [x19, #72]
    LDSTR   x3, "at EL2 (E2H=1)"
    bl      check_report

    ldr     x0, =HCR_DEFAULT
    bl      set_hcr_open
    RUN     snip_rdvl, SPSR_EL1H
    LDRESULT x1, 0
    ldr     x2, [x19, #48]
    ldr     x0, [x19, #72]
    LDSTR   x3, "at EL1"
    bl      check_report

    RUN     snip_rdvl, SPSR_EL0T
    LDRESULT x1, 0
    ldr     x2, [x19, #56]
    ldr     x0, [x19, #72]
    LDSTR   x3, "at EL0"
    bl      check_report

    ldr     x0, =HCR_HOST
    bl      set_hcr_open
    RUN     snip_rdvl, SPSR_EL0T, SCR_DEFAULT, HCR_HOST
    LDRESULT x1, 0
    ldr     x2, [x19, #64]
    ldr     x0, [x19, #72]
    LDSTR   x3, "at EL0 of a VHE host (E2H=TGE=1)"
    bl      check_report

    ldp     x29, x30, [sp], #16
    ret

// ---------------------------------------------------------------- lower-EL code
// results[0] = RDVL #1 (0xbad if the RDVL trapped and was skipped).
snip_rdvl:
    mov     x0, #0xbad
    rdvl    x0, #1
    RESULT  0, x0
    EXIT

// At EL2 with E2H=1: ZCR_EL1 is ZCR_EL2, ZCR_EL12 is ZCR_EL1 (R6).
snip_vhe_alias:
    mov     x0, #1
    msr     zcr_el1, x0
    mov     x0, #0xbad
    rdvl    x0, #1
    RESULT  0, x0
    mrs     x0, zcr_el12
    RESULT  1, x0
    EXIT
