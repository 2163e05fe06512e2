// semihost_va: semihosting parameter blocks, strings and results at virtual addresses of the
// caller's translation regime, on svesim and qemu-system-aarch64. The semihosting
// specification (Arm's "Semihosting for AArch32 and AArch64") passes pointers as the
// program sees them; a debugger reads them through the PE's translation (QEMU: guest VAs).
// Expected values come from the specification, not from svesim:
//   * SYS_OPEN of ":tt" with mode 4 returns a non-negative handle; the name string
//     straddles two VA pages whose PAs are not contiguous, so it reads ":tt" only when each
//     page is translated on its own;
//   * SYS_ELAPSED returns 0 and writes the 64-bit tick count at the VA in X1 (here a page
//     whose PA differs from its VA);
//   * a parameter block at a VA that does not translate: SYS_OPEN returns -1.
// Stage 1 at EL1 (4 KiB, T0SZ 25): VA 0x40000000 1 GiB identity; VA 0x80000000 -> PAGE_A,
// VA 0x80001000 -> PAGE_B (PAGE_A + 0x2000), VA 0x80002000 invalid.

    .include "common.inc"
    .include "util.inc"

.equ S1_L1,    0x40400000
.equ S1_L2,    0x40401000
.equ S1_L3,    0x40402000
.equ PAGE_A,   0x40410000
.equ PAGE_B,   0x40412000          // not PAGE_A + 4 KiB
.equ TABLES_END, 0x40413000
.equ VA_A,     0x80000000
.equ VA_B,     0x80001000
.equ S1_BLOCK, 0x701
.equ S1_PAGE,  0x703
.equ TCR1,     0x200803519
.equ SYS_OPEN, 0x01
.equ SYS_ELAPSED, 0x30
.equ SENTINEL, 0xFFFFFFFFFFFFFFFF

    .text
    .global test_main
test_main:
    stp     x29, x30, [sp, #-16]!
    CLEAR_RANGE S1_L1, TABLES_END
    S1_4K_SKELETON S1_L1, S1_L2, S1_L3
    DESC    S1_L3, 0, (PAGE_A | S1_PAGE)
    DESC    S1_L3, 1, (PAGE_B | S1_PAGE)
    // ":tt\0" across the VA page boundary: ':' 't' at VA 0x80000FFE, 't' '\0' at 0x80001000
    ldr     x0, =(PAGE_A + 0xFFE)
    mov     w1, #':'
    strb    w1, [x0]
    mov     w1, #'t'
    strb    w1, [x0, #1]
    ldr     x0, =PAGE_B
    strb    w1, [x0]
    strb    wzr, [x0, #1]
    // the SYS_OPEN parameter block at VA 0x80000100: name, mode 4 (write), length 3
    POKE    (PAGE_A + 0x100), (VA_A + 0xFFE)
    POKE    (PAGE_A + 0x108), 4
    POKE    (PAGE_A + 0x110), 3
    POKE    (PAGE_A + 0x200), SENTINEL
    SETSYS  mair_el1, MAIR_NORMAL
    SETSYS  tcr_el1, TCR1
    SETSYS  ttbr0_el1, S1_L1
    bl      flush_tlbs
    SETSYS  sctlr_el1, SCTLR1_MMU

    TRY     snip_semihost, 0
    SETSYS  sctlr_el1, SCTLR1_OFF
    EXPECT_NONE "semihosting at EL1 with the MMU on: no exception"
    LDRESULT x19, 0
    lsr     x19, x19, #63
    CHECK_IMM "SYS_OPEN \":tt\" through VAs (name across two pages): a handle, not -1", x19, 0
    LDRESULT x19, 1
    CHECK_IMM "SYS_ELAPSED at a VA: returns 0", x19, 0
    ldr     x0, =(PAGE_A + 0x200)
    ldr     x19, [x0]
    mov     x20, #SENTINEL
    cmp     x19, x20
    cset    x19, ne
    CHECK_IMM "SYS_ELAPSED at a VA: the tick count is written at its PA", x19, 1
    LDRESULT x19, 2
    CHECK_IMM "SYS_OPEN with its block at an untranslated VA: -1", x19, SENTINEL

    ldp     x29, x30, [sp], #16
    ret

snip_semihost:
    mov     w0, #SYS_OPEN
    ldr     x1, =(VA_A + 0x100)
    hlt     #0xf000
    RESULT  0, x0
    mov     w0, #SYS_ELAPSED
    ldr     x1, =(VA_A + 0x200)
    hlt     #0xf000
    RESULT  1, x0
    mov     w0, #SYS_OPEN
    ldr     x1, =(VA_A + 0x2000)
    hlt     #0xf000
    RESULT  2, x0
    EXIT
