#!/usr/bin/env python3
"""Generates at_par.S: a bare-metal EL3 program for qemu-system-aarch64 that builds the page tables
of some tests/mmu cases (same descriptors, tables at other addresses), runs AT instructions on the
Non-secure EL1&0 regime (SCR_EL3.NS=1) and compares PAR_EL1 with the values the unit tests expect
(hand-evaluated from the Arm ARM). Run by tests/mmu/qemu/run.sh."""

import sys

AF, NG, AP_RO, AP_EL0 = 1 << 10, 1 << 11, 1 << 7, 1 << 6
SH_ISH, PAGE, BLOCK, TABLE = 3 << 8, 3, 1, 3
S2AP_R, S2AP_RW = 1 << 6, 3 << 6
MAIR = 0x004F0CAA0444FF00


def attr(n):
    return n << 2


writes = {}


class Builder:
    """Allocates tables upward; the same layout rules as tests/mmu/mmu_fixture.h."""

    def __init__(self, grain, start, insize, root, nxt):
        self.g, self.start, self.ins, self.root, self.next = grain, start, insize, root, nxt

    def shift(self, l):
        return self.g + (3 - l) * (self.g - 3)

    def index(self, va, l):
        w = self.ins - self.shift(l) if l == self.start else self.g - 3
        return (va >> self.shift(l)) & ((1 << w) - 1)

    def map(self, va, level, leaf, table_bits=0):
        table = self.root
        for l in range(self.start, level):
            slot = table + 8 * self.index(va, l)
            if slot not in writes or writes[slot] & 3 != 3:
                writes[slot] = self.next | TABLE | table_bits
                self.next += 1 << self.g
            table = writes[slot] & 0xFFFFFFFFF000 & ~((1 << self.g) - 1)
        writes[table + 8 * self.index(va, level)] = leaf


SCTLR_RES1 = 0x30D00800
TCR4K = 16 | (16 << 16) | (2 << 30) | (5 << 32)
HCR_RW, HCR_VM = 1 << 31, 1
cases = []


def case(name, regs, op, va, expected, qemu=None):
    """expected: PAR_EL1 per the Arm ARM; qemu: the value QEMU 7.2 gives where it deviates (the
    check then prints SKIP when QEMU gives exactly that value)."""
    cases.append((name, regs, op, va, expected, qemu))


# Stage 1, 4 KiB (test_stage1.cpp "pages at level 3, blocks at levels 1 and 2" and faults).
b = Builder(12, 0, 48, 0x40200000, 0x40210000)
b.map(0x0000123456789000, 3, 0x40003000 | PAGE | AF | SH_ISH | attr(1))
b.map(0x0000000000600000, 2, 0x80200000 | BLOCK | AF | attr(2))
b.map(0x3000, 3, 0x3000 | BLOCK | AF)                 # reserved 0b01 at level 3
b.map(0x4000, 3, 0x4000 | PAGE | attr(1))             # AF = 0
b.map(0x5000, 3, 0x5000 | PAGE | AF | AP_RO | attr(1))
s1 = dict(SCTLR_EL1=SCTLR_RES1 | 0x1005, TCR_EL1=TCR4K, TTBR0_EL1=0x40200000, MAIR_EL1=MAIR,
          HCR_EL2=HCR_RW, VTCR_EL2=1 << 31, VTTBR_EL2=0)
case("s1 4K page", s1, "s1e1r", 0x0000123456789ABC, 0xFF00000040003B80)
# QEMU 7.2 reports the descriptor's SH (0b00) for Normal Non-cacheable and Device memory; the Arm
# ARM (PAR_EL1.SH, PAREncodeShareability) requires 0b10.
case("s1 4K L2 block NC", s1, "s1e1r", 0x612345, 0x4400000080212B00, qemu=0x4400000080212A00)
case("s1 L3 reserved 0b01", s1, "s1e1r", 0x3000, 0x80F)
case("s1 L3 access flag", s1, "s1e1r", 0x4000, 0x817)
case("s1 L3 permission (write RO)", s1, "s1e1w", 0x5000, 0x81F)
case("s1 L3 read RO", s1, "s1e1r", 0x5008, 0xFF00000000005A00)  # SH 0b00
case("s1 off", dict(s1, SCTLR_EL1=SCTLR_RES1 | 0x1000), "s1e1r", 0x1234, 0x1B00, qemu=0x1A00)

# TTBR1, the 16 and 64 KiB granules (test_stage1.cpp, test_controls.cpp), AT S1E0R, APTable/HPD
# (test_permissions.cpp).
b1 = Builder(12, 0, 48, 0x40300000, 0x40310000)
b1.map(0xFFFF800000001000, 3, 0x70000000 | PAGE | AF | SH_ISH | attr(1))
b = Builder(12, 0, 48, 0x40200000, 0x40280000)  # more of the first tables (TTBR0 0x40200000)
APTABLE_RO = 1 << 62
b.map(0x0000010000000000, 3, 0x40008000 | PAGE | AF | SH_ISH | attr(1), APTABLE_RO)
s1b = dict(s1, TTBR1_EL1=0x40300000)
case("s1 TTBR1 4K page", s1b, "s1e1r", 0xFFFF800000001234, 0xFF00000070000B80)
case("s1 VA in neither range", s1b, "s1e1r", 0x0001000000000000, 0x809)
case("s1 AT S1E0R of an EL1-only page", s1b, "s1e0r", 0x0000123456789ABC, 0x81F)
case("s1 APTable RO write", s1b, "s1e1w", 0x0000010000000010, 0x81F)
case("s1 APTable RO read", s1b, "s1e1r", 0x0000010000000010, 0xFF00000040008B80)
case("s1 APTable RO ignored with HPD0", dict(s1b, TCR_EL1=TCR4K | (1 << 41)), "s1e1w",
     0x0000010000000010, 0xFF00000040008B80)
b16 = Builder(14, 0, 48, 0x42000000, 0x42100000)
b16.map(0x0000800012344000, 3, 0x40004000 | PAGE | AF | SH_ISH | attr(1))
b16.map(0x0000000006000000, 2, 0x82000000 | BLOCK | AF | SH_ISH | attr(1))
b16.map(0x0000001000000000, 1, 0x1000000000 | BLOCK | AF)
s16 = dict(s1, TCR_EL1=16 | (2 << 14) | (5 << 32), TTBR0_EL1=0x42000000)
case("s1 16K page", s16, "s1e1r", 0x0000800012345678, 0xFF00000040005B80)
case("s1 16K L2 block", s16, "s1e1r", 0x0000000006123456, 0xFF00000082123B80)
# Without FEAT_LPA2 (or with TCR.DS=0) a 16 KiB granule has no level 1 blocks; QEMU 7.2 -cpu max
# translates it.
case("s1 16K L1 block is a fault", s16, "s1e1r", 0x0000001000001000, 0x80B, qemu=0x1000001A00)
b64 = Builder(16, 1, 48, 0x43000000, 0x43100000)
b64.map(0x0000123456780000, 3, 0x500000000 | PAGE | AF | SH_ISH | attr(1))
b64.map(0x0000000060000000, 2, 0x200000000 | BLOCK | AF | SH_ISH | attr(1))
s64 = dict(s1, TCR_EL1=16 | (1 << 14) | (5 << 32), TTBR0_EL1=0x43000000)
case("s1 64K page", s64, "s1e1r", 0x0000123456789ABC, 0xFF00000500009B80)
case("s1 64K L2 block", s64, "s1e1r", 0x0000000071234567, 0xFF00000211234B80)

# Stage 2 start levels and concatenation (test_stage2.cpp "every SL0 of every granule"), with
# HCR_EL2.DC=1 so stage 1 gives Normal WB and the combined attributes are stage 2's.
def s2case(name, grain, tg0, t0sz, sl0, start, root, ipa, leaf_level, oa, expected):
    bb = Builder(grain, start, 64 - t0sz, root, root + 0x100000)
    bb.map(ipa, leaf_level, oa | (PAGE if leaf_level == 3 else BLOCK) | AF | S2AP_RW | attr(0xF) |
           SH_ISH)
    regs = dict(SCTLR_EL1=SCTLR_RES1, TCR_EL1=0, TTBR0_EL1=0, MAIR_EL1=MAIR,
                HCR_EL2=HCR_RW | HCR_VM | (1 << 12),
                VTCR_EL2=(1 << 31) | t0sz | (sl0 << 6) | (tg0 << 14) | (5 << 16), VTTBR_EL2=root)
    case(name, regs, "s12e1r", ipa, expected)


s2case("s2 4K SL0=0, 4 tables", 12, 0, 32, 0, 2, 0x44000000, 0xC0201234, 2, 0x100000000,
       0xFF00000100001B80)
s2case("s2 16K SL0=1, 16 tables", 14, 2, 24, 1, 2, 0x45000000, 0xFFFE000012, 2, 0x800000000,
       0xFF00000800000B80)
s2case("s2 64K SL0=0, 8 tables", 16, 1, 32, 0, 3, 0x46000000, 0xFFFF0ABC, 3, 0x300000000,
       0xFF00000300000B80)
s2case("s2 64K SL0=2", 16, 1, 16, 2, 1, 0x47000000, 0xFC0000010008, 3, 0x600000000,
       0xFF00000600000B80)

# Stage 1 + 2 (test_stage2.cpp TwoStage: 4 KiB, 40-bit IPA, SL0=1).
s2n = AF | S2AP_RW | attr(0xF) | SH_ISH
b = Builder(12, 0, 48, 0x40100000, 0x40110000)
b.map(0x1000, 3, 0x80001000 | PAGE | AF | attr(1) | SH_ISH)
b.map(0x5000, 3, 0x100005000 | PAGE | AF | attr(1) | SH_ISH)
b.map(0x6000, 3, 0x140006000 | PAGE | AF | attr(1) | SH_ISH)
b.map(0x7000, 3, 0x180007000 | PAGE | AF | attr(1) | SH_ISH)
R = 0x41000000
writes[R + 1 * 8] = 0x40000000 | BLOCK | s2n
writes[R + 2 * 8] = 0x200000000 | BLOCK | s2n
writes[R + 4 * 8] = 0x300000000 | BLOCK | AF | S2AP_R | attr(0xF)
writes[R + 5 * 8] = 0x340000000 | BLOCK | AF | S2AP_RW | attr(0b1010) | SH_ISH
writes[R + 6 * 8] = 0x380000000 | BLOCK | AF | S2AP_RW | attr(0b0001)
vtcr = (1 << 31) | 24 | (1 << 6) | (5 << 16)
s12 = dict(SCTLR_EL1=SCTLR_RES1 | 0x1005, TCR_EL1=16 | (2 << 32), TTBR0_EL1=0x40100000,
           MAIR_EL1=MAIR, HCR_EL2=HCR_RW | HCR_VM, VTCR_EL2=vtcr, VTTBR_EL2=R | (5 << 48))
case("s12 page", s12, "s12e1r", 0x1234, 0xFF00000200001B80)
case("s1 with s2 on", s12, "s1e1r", 0x1234, 0xFF00000080001B80)
case("s12 s2 permission", s12, "s12e1w", 0x5008, 0xA1B)
case("s12 s2 WT combined", s12, "s12e1r", 0x6008, 0xBB00000340006B80)
case("s12 s2 Device combined", s12, "s12e1r", 0x7008, 0x0400000380007B00)
# A stage 2 fault on a stage 1 walk reports the level of the stage 2 lookup (AArch64.S2Walk's
# fault); QEMU 7.2 reports the stage 1 level (0) instead.
case("s12 S1PTW translation L1", dict(s12, TTBR0_EL1=0xC0000000), "s12e1w", 0x1008, 0xB0B,
     qemu=0xB09)
writes[R + 7 * 8] = 0x41200000 | TABLE  # IPA 0x1_C000_0000: a level 2 table with no entries
case("s12 S1PTW translation L2", dict(s12, TTBR0_EL1=0x1C0000000), "s12e1r", 0x1008, 0xB0D,
     qemu=0xB09)
case("s2 SL0=3 reserved", dict(s12, SCTLR_EL1=SCTLR_RES1, VTCR_EL2=vtcr | (3 << 6)), "s12e1r",
     0x1000, 0xA09)

out = sys.stdout
p = out.write
p("// Generated by gen_at_par.py: do not edit.\n.text\n.section .text.boot\n.global _start\n_start:\n")
p("    ldr x0, =0x531\n    msr scr_el3, x0\n    isb\n")
for addr, val in sorted(writes.items()):
    p(f"    ldr x0, ={addr:#x}\n    ldr x1, ={val:#x}\n    str x1, [x0]\n")
p("    dsb sy\n    mov x20, #0\n")
for i, (name, regs, op, va, exp, qemu) in enumerate(cases):
    for r, v in regs.items():
        p(f"    ldr x0, ={v:#x}\n    msr {r}, x0\n")
    p("    isb\n    tlbi alle1\n    dsb sy\n    isb\n")
    p(f"    ldr x0, ={va:#x}\n    at {op}, x0\n    isb\n    mrs x19, par_el1\n")
    p(f"    ldr x0, ={exp:#x}\n    adr x21, name{i}\n    cmp x19, x0\n    b.eq 1f\n")
    if qemu is not None:
        p(f"    ldr x0, ={qemu:#x}\n    cmp x19, x0\n    b.ne 3f\n")
        p("    adr x0, skipmsg\n    bl print_str\n    b 2f\n3:\n")
    p("    add x20, x20, #1\n    adr x0, failmsg\n    bl print_str\n    b 2f\n")
    p("1:  adr x0, passmsg\n    bl print_str\n")
    p("2:  mov x0, x21\n    bl print_str\n    adr x0, parmsg\n    bl print_str\n")
    p("    mov x0, x19\n    bl print_hex\n    adr x0, nl\n    bl print_str\n")
p("""    adr x0, donemsg
    bl print_str
    adr x1, exit_block
    ldr x2, =0x20026
    stp x2, x20, [x1]
    mov w0, #0x18
    hlt #0xf000
    b .
print_str:
    mov x1, x0
    mov w0, #0x04
    hlt #0xf000
    ret
print_hex:
    adr x1, numbuf
    mov x3, #60
1:  lsr x5, x0, x3
    and x5, x5, #0xf
    cmp x5, #10
    add x6, x5, #'0'
    add x7, x5, #('a' - 10)
    csel x6, x6, x7, lo
    strb w6, [x1], #1
    subs x3, x3, #4
    b.pl 1b
    strb wzr, [x1]
    adr x0, numbuf
    mov x1, x0
    mov w0, #0x04
    hlt #0xf000
    ret
.data
.align 4
exit_block: .quad 0, 0
numbuf: .space 32
passmsg: .asciz "PASS "
failmsg: .asciz "FAIL "
skipmsg: .asciz "SKIP (QEMU deviation) "
parmsg: .asciz ": PAR_EL1=0x"
nl: .asciz "\\n"
donemsg: .asciz "DONE\\n"
""")
for i, (name, *_rest) in enumerate(cases):
    p(f"name{i}: .asciz \"{name}\"\n")
