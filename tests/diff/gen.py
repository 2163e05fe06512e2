#!/usr/bin/env python3
"""Random EL0 program generator for the svesim-vs-QEMU differential test.

A program is one assembly file (one .text section, no relocations) that holds

  * two entry points: ``_start_linux`` (QEMU user mode; branches straight to the body) and
    ``_start_svesim`` (bare metal at EL3: enables SVE and FP, sets ZCR_EL3/EL2/EL1 to the
    requested VL, installs an EL1 vector table and ERETs to the body at EL0);
  * the body, identical for both: a setup block that loads every X, Z, P register, FFR,
    NZCV, FPCR and FPSR from a seeded data block, the random instructions, and a dump block
    that stores X0-X30, NZCV, FPSR, Z0-Z31 (at the current VL), P0-P15 and FFR into a buffer;
  * a common tail ``write(1, buf, len); exit(0)`` by SVC #0. Under Linux those are the
    syscalls; under svesim the SVC lands in the EL1 handler, which writes the same buffer with
    semihosting SYS_WRITE and stops with SYS_EXIT 0.

The image is linked at the same address for both runs (``IMAGE_BASE``), so PC-relative
results (ADR, ADRP, BL, literal loads) and every stored pointer agree.

Generated instructions never write X28 (the scratch-memory base), never use SP (the dump
block's base), never loop, keep every memory access naturally aligned and inside the scratch
buffer, and avoid every CONSTRAINED UNPREDICTABLE encoding (writeback with Rt == Rn, LDP with
Rt == Rt2, STXR with Rs == Rt or Rn, MOVPRFX not followed by a suitable destructive
instruction, WRFFR of a non-monotonic predicate).

Usage: gen.py --seed S --vl BITS [--classes int,sve,...] [--length N] > prog.s
"""

import argparse
import os
import random
import re
import struct
import sys

sys.dont_write_bytecode = True  # keep the source tree free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import words  # noqa: E402

IMAGE_BASE = 0x40080000
# The image's first pages (entry points, EL1 vectors and handlers, their stack) are mapped for
# EL1 only; `body` starts right after them (an `.org`, so an overflow is an assembler error).
EL1_PAGES_SIZE = 0x2000
DUMP_REGS_SIZE = 0x3000   # X, NZCV, FPSR, Z0-Z31, P0-P15, FFR at up to VL 2048 (9248 bytes)
SCRATCH_SIZE = 0x4000     # X28 points to its middle
OUT_SIZE = DUMP_REGS_SIZE + SCRATCH_SIZE
Z_OFFSET = 512            # offset of Z0 in the dump

# Template classes (the default) and word-drawn classes (words.py: random words from the
# architecture's encoding groups that llvm-mc accepts and svesim decodes).
TEMPLATE_CLASSES = ["int", "branch", "ldst", "fpldst", "simd", "sve", "sve_ldst"]
WORD_CLASSES = list(words.WORD_CLASSES)
CLASSES = TEMPLATE_CLASSES + WORD_CLASSES
STATES = {"full": CLASSES,
          "fp": ["int", "branch", "ldst", "fpldst", "simd", "w_int", "w_fp", "w_simd", "w_ldst",
                 "w_simd_ldst"],
          "x": ["int", "branch", "ldst", "w_int", "w_ldst"]}
FPCR_OFFSET = 264         # FPCR in the dump, after X0-X30, NZCV (248) and FPSR (256)

# Writable general-purpose registers: X28 is the scratch base, 31 is SP or ZR.
WPOOL = [r for r in range(31) if r != 28]
CONDS = ["eq", "ne", "cs", "cc", "mi", "pl", "vs", "vc", "hi", "ls", "ge", "lt", "gt", "le",
         "al", "nv"]
PATTERNS = ["pow2", "vl1", "vl2", "vl3", "vl4", "vl5", "vl6", "vl7", "vl8", "vl16", "vl32",
            "vl64", "vl128", "vl256", "mul4", "mul3", "all"]
ESIZE = {"b": 8, "h": 16, "s": 32, "d": 64}
ARR = {"8b": ("b", 8), "16b": ("b", 16), "4h": ("h", 4), "8h": ("h", 8), "2s": ("s", 2),
       "4s": ("s", 4), "2d": ("d", 2)}


class Gen:
    def __init__(self, seed, vl, classes, length=None, avoid=None, oracle=None):
        self.rng = random.Random(seed)
        self.seed = seed
        self.vl = vl
        self.classes = list(classes)
        self.length = length
        self.avoid = re.compile(avoid) if avoid else None
        self.label_no = 0
        # word-drawn classes: each with its own RNG, so the template classes' stream is the
        # same with or without them
        self.word_stats = {}
        self.word_classes = {}
        for c in self.classes:
            if c in words.WORD_CLASSES:
                if oracle is None:
                    raise RuntimeError("class %s needs the decoders (--svesim, llvm-mc)" % c)
                self.word_stats[c] = {}
                self.word_classes[c] = words.WordClass(c, oracle, random.Random("%d:%s" % (
                    seed, c)), vl, self.word_stats[c])
        words.refill(list(self.word_classes.values()))

    # ---- random helpers -------------------------------------------------------------------
    def ri(self, a, b):
        return self.rng.randint(a, b)

    def ch(self, seq):
        return self.rng.choice(seq)

    def coin(self, p=0.5):
        return self.rng.random() < p

    def label(self):
        self.label_no += 1
        return "L%d" % self.label_no

    def wreg(self):
        return self.ch(WPOOL)

    def rreg(self):
        """Any readable register number (0-30, X28 included)."""
        return self.ri(0, 30)

    @staticmethod
    def gpr(n, is64):
        if n == 31:
            return "xzr" if is64 else "wzr"
        return ("x%d" if is64 else "w%d") % n

    def src_zr(self, is64, p=0.08):
        """A source register that may be the zero register (encodings where 31 is ZR)."""
        return self.gpr(31 if self.coin(p) else self.rreg(), is64)

    def dst_zr(self, is64, p=0.05):
        return self.gpr(31 if self.coin(p) else self.wreg(), is64)

    def value64(self):
        k = self.ri(0, 9)
        if k == 0:
            return self.ch([0, 1, 2, 0xFFFFFFFFFFFFFFFF, 0x8000000000000000, 0x7FFFFFFFFFFFFFFF,
                            0x80000000, 0x7FFFFFFF, 0xFFFFFFFF, 0x100000000])
        if k == 1:
            return self.ri(0, 64)
        if k == 2:
            return (-self.ri(1, 64)) & 0xFFFFFFFFFFFFFFFF
        if k == 3:
            return self.rng.getrandbits(32)
        return self.rng.getrandbits(64)

    def bitmask_imm(self, width):
        """A random valid logical (bitmask) immediate of `width` bits, as an integer."""
        sizes = [e for e in (2, 4, 8, 16, 32, 64) if e <= width]
        e = self.ch(sizes)
        ones = self.ri(1, e - 1)
        rot = self.ri(0, e - 1)
        elem = (1 << ones) - 1
        elem = ((elem >> rot) | (elem << (e - rot))) & ((1 << e) - 1)
        v = 0
        for i in range(width // e):
            v |= elem << (i * e)
        return v

    def fp_imm(self):
        """A value FMOV (immediate) can encode: +-(16+m)/16 * 2^e, m 0-15, e -3..4."""
        v = (16 + self.ri(0, 15)) / 16.0 * 2.0 ** self.ri(-3, 4)
        return -v if self.coin() else v

    def zreg(self):
        return self.ri(0, 31)

    def preg(self):
        return self.ri(0, 15)

    def pg3(self):
        return self.ri(0, 7)

    # ---- integer --------------------------------------------------------------------------
    def t_addsub_imm(self):
        op = self.ch(["add", "adds", "sub", "subs"])
        is64 = self.coin(0.7)
        rd = self.gpr(self.wreg(), is64) if op in ("add", "sub") else self.dst_zr(is64, 0.2)
        rn = self.gpr(self.rreg(), is64)
        sh = ", lsl #12" if self.coin(0.2) else ""
        return ["%s %s, %s, #%d%s" % (op, rd, rn, self.ri(0, 4095), sh)]

    def t_addsub_shift(self):
        op = self.ch(["add", "adds", "sub", "subs"])
        is64 = self.coin(0.7)
        w = 64 if is64 else 32
        return ["%s %s, %s, %s, %s #%d" % (op, self.dst_zr(is64), self.src_zr(is64),
                                          self.src_zr(is64), self.ch(["lsl", "lsr", "asr"]),
                                          self.ri(0, w - 1))]

    def t_addsub_ext(self):
        op = self.ch(["add", "adds", "sub", "subs"])
        is64 = self.coin(0.7)
        rd = self.gpr(self.wreg(), is64) if op in ("add", "sub") else self.dst_zr(is64, 0.2)
        rn = self.gpr(self.rreg(), is64)
        ext = self.ch(["uxtb", "uxth", "uxtw", "uxtx", "sxtb", "sxth", "sxtw", "sxtx"])
        rm64 = is64 and ext in ("uxtx", "sxtx")
        amt = self.ri(0, 4)
        return ["%s %s, %s, %s, %s #%d" % (op, rd, rn, self.src_zr(rm64), ext, amt)]

    def t_adc(self):
        op = self.ch(["adc", "adcs", "sbc", "sbcs", "ngc", "ngcs"])
        is64 = self.coin(0.7)
        if op.startswith("ngc"):
            return ["%s %s, %s" % (op, self.dst_zr(is64), self.src_zr(is64))]
        return ["%s %s, %s, %s" % (op, self.dst_zr(is64), self.src_zr(is64), self.src_zr(is64))]

    def t_logic_imm(self):
        op = self.ch(["and", "orr", "eor", "ands"])
        is64 = self.coin(0.7)
        w = 64 if is64 else 32
        rd = self.dst_zr(is64, 0.2) if op == "ands" else self.gpr(self.wreg(), is64)
        return ["%s %s, %s, #0x%x" % (op, rd, self.src_zr(is64), self.bitmask_imm(w))]

    def t_logic_shift(self):
        op = self.ch(["and", "orr", "eor", "ands", "bic", "orn", "eon", "bics"])
        is64 = self.coin(0.7)
        w = 64 if is64 else 32
        return ["%s %s, %s, %s, %s #%d" % (op, self.dst_zr(is64), self.src_zr(is64),
                                          self.src_zr(is64),
                                          self.ch(["lsl", "lsr", "asr", "ror"]),
                                          self.ri(0, w - 1))]

    def t_movewide(self):
        op = self.ch(["movz", "movn", "movk"])
        is64 = self.coin(0.7)
        hw = self.ri(0, 3 if is64 else 1)
        return ["%s %s, #0x%x, lsl #%d" % (op, self.gpr(self.wreg(), is64), self.ri(0, 0xFFFF),
                                          hw * 16)]

    def t_bitfield(self):
        op = self.ch(["ubfm", "sbfm", "bfm"])
        is64 = self.coin(0.7)
        w = 64 if is64 else 32
        return ["%s %s, %s, #%d, #%d" % (op, self.dst_zr(is64), self.src_zr(is64),
                                        self.ri(0, w - 1), self.ri(0, w - 1))]

    def t_extr(self):
        is64 = self.coin(0.7)
        w = 64 if is64 else 32
        return ["extr %s, %s, %s, #%d" % (self.dst_zr(is64), self.src_zr(is64), self.src_zr(is64),
                                         self.ri(0, w - 1))]

    def t_shiftv(self):
        op = self.ch(["lslv", "lsrv", "asrv", "rorv"])
        is64 = self.coin(0.7)
        return ["%s %s, %s, %s" % (op, self.dst_zr(is64), self.src_zr(is64), self.src_zr(is64))]

    def t_csel(self):
        op = self.ch(["csel", "csinc", "csinv", "csneg"])
        is64 = self.coin(0.7)
        return ["%s %s, %s, %s, %s" % (op, self.dst_zr(is64), self.src_zr(is64, 0.2),
                                      self.src_zr(is64, 0.2), self.ch(CONDS))]

    def t_ccmp(self):
        op = self.ch(["ccmp", "ccmn"])
        is64 = self.coin(0.7)
        b = ("#%d" % self.ri(0, 31)) if self.coin() else self.src_zr(is64)
        return ["%s %s, %s, #%d, %s" % (op, self.src_zr(is64), b, self.ri(0, 15),
                                       self.ch(CONDS))]

    def t_mul(self):
        k = self.ri(0, 2)
        if k == 0:
            op = self.ch(["madd", "msub"])
            is64 = self.coin(0.7)
            return ["%s %s, %s, %s, %s" % (op, self.dst_zr(is64), self.src_zr(is64),
                                          self.src_zr(is64), self.src_zr(is64, 0.2))]
        if k == 1:
            op = self.ch(["smaddl", "smsubl", "umaddl", "umsubl"])
            return ["%s %s, %s, %s, %s" % (op, self.dst_zr(True), self.src_zr(False),
                                          self.src_zr(False), self.src_zr(True, 0.2))]
        op = self.ch(["smulh", "umulh"])
        return ["%s %s, %s, %s" % (op, self.dst_zr(True), self.src_zr(True), self.src_zr(True))]

    def t_div(self):
        op = self.ch(["udiv", "sdiv"])
        is64 = self.coin(0.7)
        return ["%s %s, %s, %s" % (op, self.dst_zr(is64), self.src_zr(is64), self.src_zr(is64))]

    def t_onesrc(self):
        is64 = self.coin(0.7)
        ops = ["rbit", "rev16", "rev", "clz", "cls"] + (["rev32"] if is64 else [])
        return ["%s %s, %s" % (self.ch(ops), self.dst_zr(is64), self.src_zr(is64))]

    def t_adr(self):
        if self.coin():
            return ["adr %s, . + %d" % (self.gpr(self.wreg(), True), self.ri(-4096, 4096))]
        # ADRP's result depends only on its page offset, but the assembler would leave a
        # relocation for it: encode it directly (objdump shows it as ADRP).
        imm = self.ri(-64, 64) & 0x1FFFFF
        enc = 0x90000000 | ((imm & 3) << 29) | ((imm >> 2) << 5) | self.wreg()
        return [".inst 0x%08x" % enc]

    def t_nzcv(self):
        if self.coin():
            return ["mrs %s, nzcv" % self.gpr(self.wreg(), True)]
        # NZCV bits other than [31:28] are RES0: write them as zero
        r = self.wreg()
        return ["and x%d, %s, #0xf0000000" % (r, self.src_zr(True)), "msr nzcv, x%d" % r]

    # ---- branches (forward only) ----------------------------------------------------------
    def t_branch(self):
        lab = self.label()
        k = self.ri(0, 6)
        if k == 0:
            head = ["b.%s %s" % (self.ch(CONDS[:14]), lab)]
        elif k == 1:
            head = ["%s %s, %s" % (self.ch(["cbz", "cbnz"]), self.src_zr(self.coin(), 0.05), lab)]
        elif k == 2:
            b = self.ri(0, 63)
            head = ["%s %s, #%d, %s" % (self.ch(["tbz", "tbnz"]), self.gpr(self.rreg(), b >= 32),
                                        b, lab)]
        elif k == 3:
            head = ["b %s" % lab]
        elif k == 4:
            head = ["bl %s" % lab]
        else:
            r = self.wreg()
            head = ["adr x%d, %s" % (r, lab), "%s x%d" % (self.ch(["br", "blr"]), r)]
        body = []
        for _ in range(self.ri(1, 3)):
            body += self.item(allow_branch=False) or []
        return head + body + ["%s:" % lab]

    # ---- integer loads and stores ---------------------------------------------------------
    # (mnemonic, access bytes, register is 64-bit, is a store)
    LDST = [("ldrb", 1, False, False), ("ldrsb", 1, False, False), ("ldrsb", 1, True, False),
            ("ldrh", 2, False, False), ("ldrsh", 2, False, False), ("ldrsh", 2, True, False),
            ("ldr", 4, False, False), ("ldrsw", 4, True, False), ("ldr", 8, True, False),
            ("strb", 1, False, True), ("strh", 2, False, True), ("str", 4, False, True),
            ("str", 8, True, True)]

    @staticmethod
    def unscaled(mn):
        return mn.replace("ldr", "ldur").replace("str", "stur")

    def t_ldst_imm(self):
        mn, size, is64, store = self.ch(self.LDST)
        rt = self.src_zr(is64, 0.05) if store else self.gpr(self.wreg(), is64)
        if self.coin(0.6):
            off = size * self.ri(0, min(4095, 0x1FF8 // size))
            return ["%s %s, [x28, #%d]" % (mn, rt, off)]
        off = size * self.ri(-256 // size, 255 // size)
        return ["%s %s, [x28, #%d]" % (self.unscaled(mn), rt, off)]

    def index_reg(self, size, scaled):
        """An AND that makes an in-range, aligned index register; returns (lines, reg)."""
        r = self.wreg()
        # index * size (scaled) or the index itself stays below SCRATCH_SIZE / 2
        mask = ((SCRATCH_SIZE // 2 // size) - 1) if scaled else (0x1FFF & ~(size - 1))
        return ["and x%d, %s, #0x%x" % (r, self.src_zr(True), mask)], r

    def regoff(self, size, r, scaled):
        sh = {1: 0, 2: 1, 4: 2, 8: 3, 16: 4}[size]
        k = self.ri(0, 2)
        if k == 0:
            return ("[x28, x%d, lsl #%d]" % (r, sh)) if scaled else "[x28, x%d]" % r
        ext = self.ch(["uxtw", "sxtw"])
        return ("[x28, w%d, %s #%d]" % (r, ext, sh)) if scaled else "[x28, w%d, %s]" % (r, ext)

    def t_ldst_reg(self):
        mn, size, is64, store = self.ch(self.LDST)
        scaled = self.coin()
        lines, r = self.index_reg(size, scaled)
        rt = self.src_zr(is64, 0.05) if store else self.gpr(self.wreg(), is64)
        return lines + ["%s %s, %s" % (mn, rt, self.regoff(size, r, scaled))]

    def temp_base(self, avoid=()):
        """ADD/SUB of an aligned offset to X28 into a fresh base register."""
        b = self.ch([r for r in WPOOL if r not in avoid])
        off = 16 * self.ri(0, 0x100)
        return ["%s x%d, x28, #%d" % (self.ch(["add", "sub"]), b, off)], b

    def t_ldst_wb(self):
        mn, size, is64, store = self.ch(self.LDST)
        lines, b = self.temp_base()
        t = self.ch([r for r in WPOOL if r != b])
        rt = self.gpr(t, is64)
        off = size * self.ri(-256 // size, 255 // size)
        if self.coin():
            return lines + ["%s %s, [x%d, #%d]!" % (mn, rt, b, off)]
        return lines + ["%s %s, [x%d], #%d" % (mn, rt, b, off)]

    def t_ldst_pair(self):
        kind = self.ch(["x", "w", "sw"])
        load = kind == "sw" or self.coin()
        mn = ("ldp" if load else "stp") if kind != "sw" else "ldpsw"
        is64 = kind != "w"
        size = 4 if kind in ("w", "sw") else 8
        mode = self.ri(0, 2)
        lines, b = ([], 28) if mode == 0 else self.temp_base()
        t1 = self.ch([r for r in WPOOL if r != b])
        t2 = self.ch([r for r in WPOOL if r not in (b, t1)]) if load or self.coin(0.8) else t1
        if not load and mode == 0 and self.coin(0.1):
            t1 = 31
        r1, r2 = self.gpr(t1, is64), self.gpr(t2, is64)
        off = size * self.ri(-64, 63)
        if mode == 0:
            return ["%s %s, %s, [x28, #%d]" % (mn, r1, r2, off)]
        if mode == 1:
            return lines + ["%s %s, %s, [x%d, #%d]!" % (mn, r1, r2, b, off)]
        return lines + ["%s %s, %s, [x%d], #%d" % (mn, r1, r2, b, off)]

    def t_ldr_literal(self):
        kind = self.ri(0, 2)
        lit, skip = self.label(), self.label()
        rt = self.gpr(self.wreg(), kind != 0)
        mn = "ldrsw" if kind == 2 else "ldr"
        return ["%s %s, %s" % (mn, rt, lit), "b %s" % skip, ".balign 8",
                "%s: .quad 0x%x" % (lit, self.value64()), "%s:" % skip]

    def t_acqrel(self):
        lines, b = self.temp_base()
        mn, size, is64 = self.ch([("ldarb", 1, False), ("ldarh", 2, False), ("ldar", 4, False),
                                  ("ldar", 8, True), ("stlrb", 1, False), ("stlrh", 2, False),
                                  ("stlr", 4, False), ("stlr", 8, True)])
        t = self.ch([r for r in WPOOL if r != b])
        return lines + ["%s %s, [x%d]" % (mn, self.gpr(t, is64), b)]

    def t_exclusive(self):
        lines, b = self.temp_base()
        is64 = self.coin()
        acq = self.coin()
        t = self.ch([r for r in WPOOL if r != b])
        t2 = self.rreg()
        s = self.ch([r for r in WPOOL if r not in (b, t2)])
        return lines + ["%s %s, [x%d]" % ("ldaxr" if acq else "ldxr", self.gpr(t, is64), b),
                        "%s w%d, %s, [x%d]" % ("stlxr" if self.coin() else "stxr", s,
                                               self.gpr(t2, is64), b)]

    def t_prfm(self):
        op = self.ch(["pldl1keep", "pldl2strm", "pstl1keep", "plil3keep"])
        return ["prfm %s, [x28, #%d]" % (op, 8 * self.ri(0, 0x3FF))]

    # ---- SIMD&FP loads and stores ---------------------------------------------------------
    FPREG = {1: "b", 2: "h", 4: "s", 8: "d", 16: "q"}

    def t_fp_ldst(self):
        size = self.ch([1, 2, 4, 8, 16])
        store = self.coin()
        mn = "str" if store else "ldr"
        rt = "%s%d" % (self.FPREG[size], self.zreg())
        k = self.ri(0, 3)
        if k == 0:
            return ["%s %s, [x28, #%d]" % (mn, rt, size * self.ri(0, min(4095, 0x1FF0 // size)))]
        if k == 1:
            off = size * self.ri(-256 // size, 255 // size)
            return ["%s %s, [x28, #%d]" % (self.unscaled(mn), rt, off)]
        if k == 2:
            scaled = self.coin()
            lines, r = self.index_reg(size, scaled)
            if not scaled:
                lines = ["and x%d, %s, #0x%x" % (r, self.src_zr(True), 0x1FF0 & ~(size - 1))]
            return lines + ["%s %s, %s" % (mn, rt, self.regoff(size, r, scaled))]
        lines, b = self.temp_base()
        off = size * self.ri(-256 // size, 255 // size)
        if self.coin():
            return lines + ["%s %s, [x%d, #%d]!" % (mn, rt, b, off)]
        return lines + ["%s %s, [x%d], #%d" % (mn, rt, b, off)]

    def t_fp_pair(self):
        size = self.ch([4, 8, 16])
        load = self.coin()
        t1 = self.zreg()
        t2 = self.ch([r for r in range(32) if r != t1]) if load or self.coin(0.8) else t1
        p = self.FPREG[size]
        r1, r2 = "%s%d" % (p, t1), "%s%d" % (p, t2)
        mn = "ldp" if load else "stp"
        off = size * self.ri(-64, 63)
        mode = self.ri(0, 2)
        if mode == 0:
            return ["%s %s, %s, [x28, #%d]" % (mn, r1, r2, off)]
        lines, b = self.temp_base()
        if mode == 1:
            return lines + ["%s %s, %s, [x%d, #%d]!" % (mn, r1, r2, b, off)]
        return lines + ["%s %s, %s, [x%d], #%d" % (mn, r1, r2, b, off)]

    def t_fp_literal(self):
        size = self.ch([4, 8, 16])
        lit, skip = self.label(), self.label()
        data = ".quad 0x%x, 0x%x" % (self.value64(), self.value64()) if size == 16 else (
            ".quad 0x%x" % self.value64())
        return ["ldr %s%d, %s" % (self.FPREG[size], self.zreg(), lit), "b %s" % skip,
                ".balign 16", "%s: %s" % (lit, data), "%s:" % skip]

    # ---- AdvSIMD ----------------------------------------------------------------------------
    def v(self, arr, n=None):
        return "v%d.%s" % (self.zreg() if n is None else n, arr)

    def t_simd_logic(self):
        op = self.ch(["and", "bic", "orr", "orn", "eor", "bsl", "bit", "bif"])
        a = self.ch(["8b", "16b"])
        return ["%s %s, %s, %s" % (op, self.v(a), self.v(a), self.v(a))]

    def t_simd_add(self):
        a = self.ch(list(ARR))
        return ["%s %s, %s, %s" % (self.ch(["add", "sub"]), self.v(a), self.v(a), self.v(a))]

    def elem(self, t, n=None):
        idx = self.ri(0, 128 // ESIZE[t] - 1)
        return "v%d.%s[%d]" % (self.zreg() if n is None else n, t, idx)

    def t_simd_dup(self):
        a = self.ch(list(ARR))
        t, _ = ARR[a]
        if self.coin():
            return ["dup %s, %s" % (self.v(a), self.elem(t))]
        return ["dup %s, %s" % (self.v(a), self.gpr(self.rreg(), t == "d"))]

    def t_simd_ins(self):
        t = self.ch("bhsd")
        if self.coin():
            return ["mov %s, %s" % (self.elem(t), self.gpr(self.rreg(), t == "d"))]
        return ["mov %s, %s" % (self.elem(t), self.elem(t))]

    def t_simd_mov_scalar(self):
        t = self.ch("bhsd")
        return ["mov %s%d, %s" % (t, self.zreg(), self.elem(t))]

    def t_simd_umov(self):
        k = self.ri(0, 1)
        if k == 0:
            t = self.ch("bhsd")
            return ["umov %s, %s" % (self.gpr(self.wreg(), t == "d"), self.elem(t))]
        t, is64 = self.ch([("b", False), ("h", False), ("b", True), ("h", True), ("s", True)])
        return ["smov %s, %s" % (self.gpr(self.wreg(), is64), self.elem(t))]

    def t_simd_movi(self):
        k = self.ri(0, 7)
        imm8 = self.ri(0, 255)
        if k == 0:
            return ["movi %s, #0x%x" % (self.v(self.ch(["8b", "16b"])), imm8)]
        if k == 1:
            op = self.ch(["movi", "mvni", "orr", "bic"])
            return ["%s %s, #0x%x, lsl #%d" % (op, self.v(self.ch(["4h", "8h"])), imm8,
                                              self.ch([0, 8]))]
        if k == 2:
            op = self.ch(["movi", "mvni", "orr", "bic"])
            return ["%s %s, #0x%x, lsl #%d" % (op, self.v(self.ch(["2s", "4s"])), imm8,
                                              self.ch([0, 8, 16, 24]))]
        if k == 3:
            op = self.ch(["movi", "mvni"])
            return ["%s %s, #0x%x, msl #%d" % (op, self.v(self.ch(["2s", "4s"])), imm8,
                                              self.ch([8, 16]))]
        if k == 4:
            v = 0
            for i in range(8):
                if self.coin():
                    v |= 0xFF << (8 * i)
            if self.coin():
                return ["movi d%d, #0x%x" % (self.zreg(), v)]
            return ["movi v%d.2d, #0x%x" % (self.zreg(), v)]
        if k == 5:
            return ["fmov %s, #%r" % (self.v(self.ch(["2s", "4s", "2d"])), self.fp_imm())]
        if k == 6:
            return ["fmov %s%d, #%r" % (self.ch("sd"), self.zreg(), self.fp_imm())]
        t = self.ch("sd")
        return ["fmov %s%d, %s%d" % (t, self.zreg(), t, self.zreg())]

    def t_simd_fmov_gen(self):
        k = self.ri(0, 5)
        if k == 0:
            return ["fmov %s, s%d" % (self.gpr(self.wreg(), False), self.zreg())]
        if k == 1:
            return ["fmov s%d, %s" % (self.zreg(), self.src_zr(False))]
        if k == 2:
            return ["fmov %s, d%d" % (self.gpr(self.wreg(), True), self.zreg())]
        if k == 3:
            return ["fmov d%d, %s" % (self.zreg(), self.src_zr(True))]
        if k == 4:
            return ["fmov %s, v%d.d[1]" % (self.gpr(self.wreg(), True), self.zreg())]
        return ["fmov v%d.d[1], %s" % (self.zreg(), self.src_zr(True))]

    # ---- SVE (no memory) ------------------------------------------------------------------
    def z(self, t, n=None):
        return "z%d.%s" % (self.zreg() if n is None else n, t)

    def pat(self):
        k = self.ri(0, 9)
        if k == 0:
            return "#%d" % self.ri(14, 28)   # unallocated patterns: no elements
        return self.ch(PATTERNS)

    def t_sve_vl(self):
        k = self.ri(0, 3)
        if k == 0:
            return ["rdvl x%d, #%d" % (self.wreg(), self.ri(-32, 31))]
        if k == 1:
            return ["%s x%d, x%d, #%d" % (self.ch(["addvl", "addpl"]), self.wreg(), self.rreg(),
                                         self.ri(-32, 31))]
        op = ("cnt" if k == 2 else self.ch(["inc", "dec"])) + self.ch("bhwd")
        tail = ""
        if self.coin(0.7):
            tail = ", " + self.pat()
            if self.coin():
                tail += ", mul #%d" % self.ri(1, 16)
        return ["%s x%d%s" % (op, self.wreg(), tail)]

    def t_sve_logic(self):
        k = self.ri(0, 2)
        op = self.ch(["and", "orr", "eor", "bic"])
        if k == 0:
            return ["%s %s, %s, %s" % (op, self.z("d"), self.z("d"), self.z("d"))]
        t = self.ch("bhsd")
        d = self.zreg()
        if k == 1:
            return ["%s %s, p%d/m, %s, %s" % (op, self.z(t, d), self.pg3(), self.z(t, d),
                                             self.z(t))]
        op = self.ch(["and", "orr", "eor"])
        return ["%s %s, %s, #0x%x" % (op, self.z(t, d), self.z(t, d),
                                     self.bitmask_imm(ESIZE[t]))]

    def arith_imm(self, t):
        if t != "b" and self.coin(0.3):
            return "#%d, lsl #8" % self.ri(0, 255)
        return "#%d" % self.ri(0, 255)

    def t_sve_arith(self):
        k = self.ri(0, 2)
        t = self.ch("bhsd")
        if k == 0:
            op = self.ch(["add", "sub", "sqadd", "uqadd", "sqsub", "uqsub"])
            return ["%s %s, %s, %s" % (op, self.z(t), self.z(t), self.z(t))]
        d = self.zreg()
        if k == 1:
            op = self.ch(["add", "sub", "subr"])
            return ["%s %s, p%d/m, %s, %s" % (op, self.z(t, d), self.pg3(), self.z(t, d),
                                             self.z(t))]
        op = self.ch(["add", "sub", "subr", "sqadd", "uqadd", "sqsub", "uqsub"])
        return ["%s %s, %s, %s" % (op, self.z(t, d), self.z(t, d), self.arith_imm(t))]

    def t_sve_uaddv(self):
        return ["uaddv d%d, p%d, %s" % (self.zreg(), self.pg3(), self.z(self.ch("bhsd")))]

    def dup_imm(self, t):
        if t != "b" and self.coin(0.3):
            return "#%d, lsl #8" % self.ri(-128, 127)
        return "#%d" % self.ri(-128, 127)

    def t_sve_dup(self):
        t = self.ch("bhsd")
        k = self.ri(0, 4)
        if k == 0:
            return ["dup %s, %s" % (self.z(t), self.dup_imm(t))]
        if k == 1:
            return ["dup %s, %s" % (self.z(t), self.gpr(self.rreg(), t == "d"))]
        if k == 2:
            return ["cpy %s, p%d/%s, %s" % (self.z(t), self.preg(), self.ch("zm"),
                                           self.dup_imm(t))]
        if k == 3:
            return ["cpy %s, p%d/m, %s" % (self.z(t), self.pg3(), self.gpr(self.rreg(), t == "d"))]
        return ["cpy %s, p%d/m, %s%d" % (self.z(t), self.pg3(), t, self.zreg())]

    def t_sve_index(self):
        t = self.ch("bhsd")
        is64 = t == "d"

        def op():
            return ("#%d" % self.ri(-16, 15)) if self.coin() else self.src_zr(is64)
        return ["index %s, %s, %s" % (self.z(t), op(), op())]

    def t_sve_sel(self):
        t = self.ch("bhsd")
        return ["sel %s, p%d, %s, %s" % (self.z(t), self.preg(), self.z(t), self.z(t))]

    def t_sve_movprfx(self):
        t = self.ch("bhsd")
        d = self.zreg()
        others = [r for r in range(32) if r != d]
        predicated = self.coin()
        g = self.pg3()
        if predicated:
            pre = "movprfx %s, p%d/%s, %s" % (self.z(t, d), g, self.ch("zm"),
                                              self.z(t, self.ch(others)))
        else:
            pre = "movprfx z%d, z%d" % (d, self.ch(others))
        k = self.ri(0, 2) if not predicated else 0
        if k == 0:
            op = self.ch(["add", "sub", "subr", "and", "orr", "eor", "bic"])
            nxt = "%s %s, p%d/m, %s, %s" % (op, self.z(t, d), g if predicated else self.pg3(),
                                           self.z(t, d), self.z(t, self.ch(others)))
        elif k == 1:
            op = self.ch(["add", "sub", "subr", "sqadd", "uqadd", "sqsub", "uqsub"])
            nxt = "%s %s, %s, %s" % (op, self.z(t, d), self.z(t, d), self.arith_imm(t))
        else:
            op = self.ch(["and", "orr", "eor"])
            nxt = "%s %s, %s, #0x%x" % (op, self.z(t, d), self.z(t, d),
                                       self.bitmask_imm(ESIZE[t]))
        return [pre, nxt]

    def t_sve_ptrue(self):
        k = self.ri(0, 2)
        if k == 0:
            return ["pfalse p%d.b" % self.preg()]
        op = self.ch(["ptrue", "ptrues"])
        tail = (", " + self.pat()) if self.coin(0.7) else ""
        return ["%s p%d.%s%s" % (op, self.preg(), self.ch("bhsd"), tail)]

    def t_sve_plogic(self):
        if self.coin(0.15):
            return ["sel p%d.b, p%d, p%d.b, p%d.b" % (self.preg(), self.preg(), self.preg(),
                                                     self.preg())]
        if self.coin(0.15):
            return ["ptest p%d, p%d.b" % (self.preg(), self.preg())]
        op = self.ch(["and", "bic", "eor", "orr", "orn", "nor", "nand"]) + self.ch(["", "s"])
        return ["%s p%d.b, p%d/z, p%d.b, p%d.b" % (op, self.preg(), self.preg(), self.preg(),
                                                  self.preg())]

    def t_sve_ffr(self):
        k = self.ri(0, 4)
        if k == 0:
            return ["setffr"]
        if k == 1:
            return ["rdffr p%d.b" % self.preg()]
        if k == 2:
            return ["%s p%d.b, p%d/z" % (self.ch(["rdffr", "rdffrs"]), self.preg(), self.preg())]
        # WRFFR needs a monotonic predicate: make one first.
        p = self.preg()
        m = self.ri(0, 2)
        if m == 0:
            first = "ptrue p%d.b, %s" % (p, self.pat())
        elif m == 1:
            first = "whilelo p%d.b, %s, %s" % (p, self.src_zr(True), self.src_zr(True))
        else:
            first = "pfalse p%d.b" % p
        return [first, "wrffr p%d.b" % p]

    def t_sve_while(self):
        is64 = self.coin()
        op = self.ch(["whilelt", "whilele", "whilelo", "whilels"])
        return ["%s p%d.%s, %s, %s" % (op, self.preg(), self.ch("bhsd"), self.src_zr(is64),
                                      self.src_zr(is64))]

    def t_sve_cmp(self):
        t = self.ch("bhsd")
        k = self.ri(0, 3)
        head = "p%d.%s, p%d/z, %s" % (self.preg(), t, self.pg3(), self.z(t))
        if k == 0:
            cc = self.ch(["eq", "ne", "ge", "gt", "hi", "hs", "le", "lt", "lo", "ls"])
            return ["cmp%s %s, %s" % (cc, head, self.z(t))]
        if k == 1 and t != "d":
            cc = self.ch(["eq", "ne", "ge", "gt", "lt", "le", "hi", "hs", "lo", "ls"])
            return ["cmp%s %s, %s" % (cc, head, self.z("d"))]
        if k <= 2:
            cc = self.ch(["eq", "ne", "ge", "gt", "lt", "le"])
            return ["cmp%s %s, #%d" % (cc, head, self.ri(-16, 15))]
        cc = self.ch(["hi", "hs", "lo", "ls"])
        return ["cmp%s %s, #%d" % (cc, head, self.ri(0, 127))]

    # ---- SVE loads and stores -------------------------------------------------------------
    def sve_base(self):
        if self.coin(0.7):
            return [], 28
        return self.temp_base()

    def t_sve_ldr_str(self):
        lines, b = self.sve_base()
        op = self.ch(["ldr", "str"])
        imm = self.ri(-8, 7)
        if self.coin(0.6):
            return lines + ["%s z%d, [x%d, #%d, mul vl]" % (op, self.zreg(), b, imm)]
        return lines + ["%s p%d, [x%d, #%d, mul vl]" % (op, self.preg(), b, imm)]

    LD1 = [("ld1b", 1, "bhsd"), ("ld1h", 2, "hsd"), ("ld1w", 4, "sd"), ("ld1d", 8, "d"),
           ("ld1sb", 1, "hsd"), ("ld1sh", 2, "sd"), ("ld1sw", 4, "d")]
    ST1 = [("st1b", 1, "bhsd"), ("st1h", 2, "hsd"), ("st1w", 4, "sd"), ("st1d", 8, "d")]

    def t_sve_ld1_st1(self):
        store = self.coin()
        mn, msize, ts = self.ch(self.ST1 if store else self.LD1)
        t = self.ch(ts)
        reg = "{z%d.%s}" % (self.zreg(), t)
        g = "p%d" % self.pg3() if store else "p%d/z" % self.pg3()
        if self.coin():
            lines, b = self.sve_base()
            addr = "[x%d, #%d, mul vl]" % (b, self.ri(-8, 7)) if self.coin(0.8) else "[x%d]" % b
            return lines + ["%s %s, %s, %s" % (mn, reg, g, addr)]
        r = self.wreg()
        lines = ["and x%d, %s, #0x1ff" % (r, self.src_zr(True))]
        sh = {1: "", 2: ", lsl #1", 4: ", lsl #2", 8: ", lsl #3"}[msize]
        return lines + ["%s %s, %s, [x28, x%d%s]" % (mn, reg, g, r, sh)]

    # ---- the program ----------------------------------------------------------------------
    TEMPLATES = {
        "int": [(t_addsub_imm, 3), (t_addsub_shift, 3), (t_addsub_ext, 2), (t_adc, 2),
                (t_logic_imm, 3), (t_logic_shift, 3), (t_movewide, 2), (t_bitfield, 3),
                (t_extr, 1), (t_shiftv, 2), (t_csel, 3), (t_ccmp, 2), (t_mul, 2), (t_div, 2),
                (t_onesrc, 2), (t_adr, 1), (t_nzcv, 1)],
        "branch": [(t_branch, 1)],
        "ldst": [(t_ldst_imm, 4), (t_ldst_reg, 3), (t_ldst_wb, 3), (t_ldst_pair, 3),
                 (t_ldr_literal, 1), (t_acqrel, 1), (t_exclusive, 1), (t_prfm, 1)],
        "fpldst": [(t_fp_ldst, 4), (t_fp_pair, 2), (t_fp_literal, 1)],
        "simd": [(t_simd_logic, 3), (t_simd_add, 3), (t_simd_dup, 2), (t_simd_ins, 2),
                 (t_simd_mov_scalar, 1), (t_simd_umov, 2), (t_simd_movi, 3),
                 (t_simd_fmov_gen, 2)],
        "sve": [(t_sve_vl, 3), (t_sve_logic, 3), (t_sve_arith, 4), (t_sve_uaddv, 1),
                (t_sve_dup, 3), (t_sve_index, 2), (t_sve_sel, 1), (t_sve_movprfx, 2),
                (t_sve_ptrue, 2), (t_sve_plogic, 3), (t_sve_ffr, 2), (t_sve_while, 2),
                (t_sve_cmp, 4)],
        "sve_ldst": [(t_sve_ldr_str, 2), (t_sve_ld1_st1, 3)],
    }
    CLASS_WEIGHT = {"int": 6, "branch": 1, "ldst": 3, "fpldst": 2, "simd": 4, "sve": 6,
                    "sve_ldst": 3, "w_int": 4, "w_fp": 4, "w_simd": 4, "w_sve": 6, "w_ldst": 3,
                    "w_simd_ldst": 3, "w_sve_ldst": 3}

    def item(self, allow_branch=True):
        """One body item: a template's lines (an instruction and whatever it needs), or a
        word of a word-drawn class with its setup lines."""
        classes = [c for c in self.classes if allow_branch or c != "branch"]
        if not classes:
            classes = ["int"]
        for _ in range(1000):
            if not classes:
                return None     # every class is a word class svesim implements nothing of
            cls = self.rng.choices(classes, [self.CLASS_WEIGHT[c] for c in classes])[0]
            if cls in self.word_classes:
                lines = self.word_classes[cls].take()
                if lines is None:          # svesim implements (almost) nothing of it
                    classes.remove(cls)
                    continue
            else:
                temps = self.TEMPLATES[cls]
                fn = self.rng.choices([t for t, _ in temps], [w for _, w in temps])[0]
                lines = fn(self)
            if self.avoid is None or not any(self.avoid.search(x) for x in lines):
                return lines
        raise RuntimeError("--avoid %s rejects every instruction" % self.avoid.pattern)

    def fpcr(self):
        """A random FPCR: RMode, FZ, DN, AHP and FZ16 (from its own RNG, so the body is the
        same as with --fpcr zero)."""
        r = random.Random("%d:fpcr" % self.seed)
        return (r.randint(0, 1) << 26 | r.randint(0, 1) << 25 | r.randint(0, 1) << 24 |
                r.randint(0, 3) << 22 | r.randint(0, 1) << 19)

    def items(self):
        """The body; shorter than asked when the word classes run out of implemented words."""
        n = self.length if self.length is not None else self.ri(20, 120)
        out = []
        for _ in range(n):
            it = self.item()
            if it is None:
                break
            out.append(it)
        return out

    # ---- data -----------------------------------------------------------------------------
    def init_data(self):
        """(z bytes, p bytes, nzcv, x values, scratch bytes)."""
        zb = bytearray()
        for _ in range(32 * 256 // 8):
            zb += struct.pack("<Q", self.value64())
        pb = bytearray(self.rng.getrandbits(8) for _ in range(16 * 32))
        for p in range(16):          # some all-true, all-false and sparse predicates
            k = self.ri(0, 5)
            if k in (0, 1):
                fill = 0xFF if k == 0 else 0
                pb[p * 32:(p + 1) * 32] = bytes([fill]) * 32
            elif k == 2:
                pb[p * 32:(p + 1) * 32] = bytes([self.ch([0x55, 0x11, 0x01])]) * 32
        nzcv = self.ri(0, 15) << 28
        xs = [self.value64() for _ in range(31)]
        scratch = bytearray()
        for _ in range(SCRATCH_SIZE // 8):
            scratch += struct.pack("<Q", self.value64())
        return zb, pb, nzcv, xs, scratch


def quads(data):
    out = []
    for i in range(0, len(data), 64):
        chunk = data[i:i + 64]
        vals = struct.unpack("<%dQ" % (len(chunk) // 8), chunk)
        out.append("    .quad " + ", ".join("0x%x" % v for v in vals))
    return out


def zcr_len(vl):
    return vl // 128 - 1


def render(vl, zb, pb, nzcv, xs, scratch, ffr_init, body, stop=None, state="full", fpcr=0):
    """The whole assembly file; `stop` truncates the body to its first `stop` items.

    `state` is the register state the setup block loads and the dump block stores: "full"
    (X, Z, P, FFR), "fp" (X and the 128-bit V registers only: for a model without SVE
    loads and stores) or "x" (X only: for a model without SIMD&FP loads and stores). The
    parts left out stay zero in the dump."""
    L = []
    a = L.append
    a("// svesim differential test program, VL %d" % vl)
    a(".arch armv8.2-a+sve")
    a(".text")
    a(".equ IMAGE_BASE, 0x%x" % IMAGE_BASE)
    a(".equ OUT_SIZE, 0x%x" % OUT_SIZE)
    a("image_start:")
    a("_start_linux:")
    a("    b body")
    a("_start_svesim:                      // EL3, reset state")
    a("    mov x0, #0x100                  // CPTR_EL3: EZ=1, TFP=0")
    a("    msr cptr_el3, x0")
    a("    isb")
    a("    mov x0, #%d                     // ZCR_ELx.LEN for VL %d" % (zcr_len(vl), vl))
    a("    msr zcr_el3, x0")
    a("    msr zcr_el2, x0")
    a("    msr zcr_el1, x0")
    a("    mov x0, #0x32ff                 // CPTR_EL2 (E2H=0): RES1 bits, TZ=0, TFP=0")
    a("    msr cptr_el2, x0")
    a("    mov x0, #0x80000000             // HCR_EL2: RW")
    a("    msr hcr_el2, x0")
    a("    mov x0, #0x531                  // SCR_EL3: NS, RES1[5:4], HCE, RW")
    a("    msr scr_el3, x0")
    a("    mov x0, #0x330000               // CPACR_EL1: ZEN=FPEN=0b11")
    a("    msr cpacr_el1, x0")
    # EL0 needs Normal memory (unaligned accesses, as under Linux), so stage 1 is on with an
    # identity map (l1_table below): EL1's page(s) before `body` are EL1-only, the rest EL0
    # read/write (such pages are never executable at EL1: Arm ARM, AArch64.S1ComputePermissions).
    a("    adr x0, l1_table")
    a("    msr ttbr0_el1, x0")
    a("    movz x0, #0x3519                // TCR_EL1: T0SZ=25, WBWA inner/outer, inner shareable")
    a("    movk x0, #0x80, lsl #16         //   EPD1=1 (no TTBR1 walks)")
    a("    movk x0, #0x2, lsl #32          //   IPS=40 bits")
    a("    msr tcr_el1, x0")
    a("    mov x0, #0xff                   // MAIR_EL1: Attr0 Normal write-back")
    a("    msr mair_el1, x0")
    a("    movz x0, #0x0801                // SCTLR_EL1: RES1 bits, M=1 (the identity map)")
    a("    movk x0, #0x30d0, lsl #16")
    a("    msr sctlr_el1, x0")
    a("    adr x0, el1_vectors")
    a("    msr vbar_el1, x0")
    a("    adr x0, el1_stack_top")
    a("    msr sp_el1, x0")
    a("    adr x0, body")
    a("    msr elr_el3, x0")
    a("    mov x0, #0x3c0                  // EL0t, DAIF masked")
    a("    msr spsr_el3, x0")
    a("    isb")
    a("    eret")
    a("")
    a(".balign 2048")
    a("el1_vectors:")
    for i in range(16):
        a(".balign 128")
        if i == 8:
            a("    b el1_sync_lower")
        else:
            a("    mov x10, #%d" % i)
            a("    b el1_bad")
    a("el1_sync_lower:")
    a("    mov x10, #8")
    a("    mrs x9, esr_el1")
    a("    lsr x9, x9, #26")
    a("    cmp x9, #0x15                   // SVC from EL0: the program's end")
    a("    b.ne el1_bad")
    a("    adr x1, sh_write_out")
    a("    mov w0, #5                      // SYS_WRITE")
    a("    hlt #0xf000")
    a("    adr x1, sh_exit_ok")
    a("    mov w0, #0x18                   // SYS_EXIT")
    a("    hlt #0xf000")
    a("    b .")
    a("el1_bad:")
    a("    adr x1, excbuf")
    a("    mrs x9, esr_el1")
    a("    str x9, [x1, #8]")
    a("    mrs x9, elr_el1")
    a("    str x9, [x1, #16]")
    a("    mrs x9, far_el1")
    a("    str x9, [x1, #24]")
    a("    str x10, [x1, #32]")
    a("    adr x1, sh_write_exc")
    a("    mov w0, #5")
    a("    hlt #0xf000")
    a("    adr x1, sh_exit_bad")
    a("    mov w0, #0x18")
    a("    hlt #0xf000")
    a("    b .")
    a(".balign 8")
    a("excbuf: .ascii \"EXCEPTN!\"")
    a("    .quad 0, 0, 0, 0")
    a("sh_write_out: .quad 1, IMAGE_BASE + (dumpbuf - image_start), OUT_SIZE")
    a("sh_write_exc: .quad 1, IMAGE_BASE + (excbuf - image_start), 40")
    a("sh_exit_ok: .quad 0x20026, 0")
    a("sh_exit_bad: .quad 0x20026, 3")
    a(".balign 16")
    a("    .fill 512, 1, 0")
    a("el1_stack_top:")
    a("")
    a(".org 0x%x                          // EL1's pages end here (see l1_table)" % EL1_PAGES_SIZE)
    a("body:")
    a("    adr x0, dumpbuf")
    a("    mov sp, x0")
    if fpcr:
        a("    movz x0, #0x%x, lsl #16           // FPCR: AHP DN FZ RMode FZ16" % (fpcr >> 16))
        a("    msr fpcr, x0")
    else:
        a("    msr fpcr, xzr")
    a("    msr fpsr, xzr")
    a("    adr x0, init_z")
    if state == "full":
        for i in range(32):
            a("    ldr z%d, [x0, #%d, mul vl]" % (i, i))
        a("    adr x0, init_p")
        a("    ptrue p0.b, %s" % ffr_init)
        a("    wrffr p0.b")
        for i in range(16):
            a("    ldr p%d, [x0, #%d, mul vl]" % (i, i))
    elif state == "fp":
        for i in range(32):
            a("    ldr q%d, [x0, #%d]" % (i, i * vl // 8))
    a("    adr x0, init_x")
    a("    ldr x1, [x0, #248]")
    a("    msr nzcv, x1")
    for i in range(1, 31, 2):
        if i == 27:
            a("    ldr x27, [x0, #216]")
            continue
        a("    ldp x%d, x%d, [x0, #%d]" % (i, i + 1, 8 * i))
    a("    adr x28, scratch + 0x%x" % (SCRATCH_SIZE // 2))
    a("    ldr x0, [x0]")
    a("body_items:")
    items = body if stop is None else body[:stop]
    for n, it in enumerate(items):
        a("// item %d" % n)
        for line in it:
            a(("    " + line) if not line.endswith(":") and ": " not in line else line)
    a("body_dump:")
    for i in range(0, 30, 2):
        a("    stp x%d, x%d, [sp, #%d]" % (i, i + 1, 8 * i))
    a("    str x30, [sp, #240]")
    a("    mrs x0, nzcv")
    a("    str x0, [sp, #248]")
    a("    mrs x0, fpsr")
    a("    str x0, [sp, #256]")
    a("    mrs x0, fpcr")
    a("    str x0, [sp, #%d]" % FPCR_OFFSET)
    a("    add x0, sp, #%d" % Z_OFFSET)
    if state == "full":
        for i in range(32):
            a("    str z%d, [x0, #%d, mul vl]" % (i, i))
        a("    addvl x0, x0, #16")
        a("    addvl x0, x0, #16")
        for i in range(16):
            a("    str p%d, [x0, #%d, mul vl]" % (i, i))
        a("    rdffr p0.b")
        a("    str p0, [x0, #16, mul vl]")
    elif state == "fp":
        for i in range(32):
            a("    str q%d, [x0, #%d]" % (i, i * vl // 8))
    a("    mov x0, #1                      // write(1, dumpbuf, OUT_SIZE); exit(0)")
    a("    adr x1, dumpbuf")
    a("    mov x2, #OUT_SIZE")
    a("    mov x8, #64")
    a("    svc #0")
    a("    mov x0, #0")
    a("    mov x8, #93")
    a("    svc #0")
    a("    b .")
    a("body_end:")
    a("")
    a(".balign 4096")
    a("init_z:")
    L += quads(zb)
    a("init_p:")
    L += quads(pb)
    a("init_x:")
    L += quads(b"".join(struct.pack("<Q", v) for v in xs) + struct.pack("<Q", nzcv))
    a(".balign 4096")
    a("dumpbuf:")
    a("    .fill 0x%x, 1, 0" % DUMP_REGS_SIZE)
    a("scratch:")
    L += quads(scratch)
    L += identity_map_tables()
    a("image_end:")
    return "\n".join(L) + "\n"


def identity_map_tables():
    """Stage 1 tables of the EL1&0 regime (4 KiB granule, 39-bit VA: level 1 first) mapping
    0x40000000-0x7fffffff to itself as Normal memory: the 2 MiB holding the image by 4 KiB
    pages (EL1's pages EL1-only, AP=00; the rest AP=01, read/write at EL0 and EL1), the rest
    by 2 MiB blocks (AP=01)."""
    L = [".balign 4096", "l1_table:", "    .quad 0",
         "    .quad IMAGE_BASE + (l2_table - image_start) + 3", "    .fill 510, 8, 0", "l2_table:",
         "    .quad IMAGE_BASE + (l3_table - image_start) + 3"]
    block_attrs = 0x741   # AF, inner shareable, AP=01, AttrIndx 0, block
    base = IMAGE_BASE & ~0x1FFFFF
    for i in range(1, 512):
        L.append("    .quad 0x%x" % (base + i * 0x200000 | block_attrs))
    L.append("l3_table:")
    el1_first = (IMAGE_BASE - base) // 0x1000
    el1_last = el1_first + EL1_PAGES_SIZE // 0x1000
    for i in range(512):
        attrs = 0x703 if el1_first <= i < el1_last else 0x743   # page; AP=00 or AP=01
        L.append("    .quad 0x%x" % (base + i * 0x1000 | attrs))
    return L


FP_WORD_CLASSES = ("w_fp", "w_simd", "w_sve")


def fp_value(rng, ebits):
    """An IEEE value of `ebits` (16, 32, 64) bits, biased to the cases FPCR changes: signed
    zeros, infinities, quiet and signalling NaNs, denormals, the smallest and largest
    normals, and numbers near 1.0."""
    e, m = {16: (5, 10), 32: (8, 23), 64: (11, 52)}[ebits]
    sign = rng.getrandbits(1) << (ebits - 1)
    emax = (1 << e) - 1
    k = rng.randint(0, 9)
    if k == 0:
        return sign                                                    # +-0
    if k == 1:
        return sign | emax << m                                        # +-inf
    if k == 2:                                                         # quiet NaN
        return sign | emax << m | 1 << (m - 1) | rng.getrandbits(m - 1)
    if k == 3:                                                         # signalling NaN
        return sign | emax << m | (rng.getrandbits(m - 1) or 1)
    if k == 4:                                                         # denormal
        return sign | (rng.getrandbits(m) or 1)
    if k == 5:                                                         # near the normal limits
        return sign | rng.choice([1 << m, (emax - 1) << m | ((1 << m) - 1), 1 << m | 1])
    bias = (1 << (e - 1)) - 1                                          # near 1.0
    return sign | (bias + rng.randint(-3, 3)) << m | rng.getrandbits(m)


def fp_specials(zb, vl, rng):
    """Overwrites about half of the Z (and so V) registers' initial values with lanes of
    fp_value, each register at one element size."""
    vlb = vl // 8
    for r in range(32):
        if rng.random() < 0.5:
            continue
        ebits = rng.choice([16, 32, 64])
        n = ebits // 8
        for off in range(r * vlb, (r + 1) * vlb, n):
            zb[off:off + n] = fp_value(rng, ebits).to_bytes(n, "little")


class Program:
    """A generated program that can be re-rendered with a truncated body (for bisection)."""

    def __init__(self, seed, vl, classes, length=None, state="full", avoid=None, oracle=None,
                 fpcr="random"):
        g = Gen(seed, vl, classes, length, avoid, oracle)
        self.seed, self.vl, self.classes, self.state = seed, vl, classes, state
        self.data = g.init_data()
        if any(c in FP_WORD_CLASSES for c in classes):
            fp_specials(self.data[0], vl, random.Random("%d:fpdata" % seed))
        self.ffr_init = g.pat()
        self.body = g.items()
        self.fpcr = g.fpcr() if fpcr == "random" else 0
        self.word_stats = g.word_stats          # per word class: what happened to its words
        self.unimplemented = [u for wc in g.word_classes.values() for u in wc.unimplemented]

    def text(self, stop=None):
        zb, pb, nzcv, xs, scratch = self.data
        return render(self.vl, zb, pb, nzcv, xs, scratch, self.ffr_init, self.body, stop,
                      self.state, self.fpcr)

    def body_lines(self, stop=None):
        out = []
        for n, it in enumerate(self.body if stop is None else self.body[:stop]):
            out.append("// item %d" % n)
            out += it
        return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--vl", type=int, default=128)
    ap.add_argument("--classes", default=",".join(TEMPLATE_CLASSES),
                    help="default: the template classes; word-drawn: %s" % ",".join(WORD_CLASSES))
    ap.add_argument("--svesim", help="svesim binary (the word-drawn classes keep what it decodes)")
    ap.add_argument("--fpcr", choices=["random", "zero"], default="random")
    ap.add_argument("--length", type=int)
    ap.add_argument("--state", choices=sorted(STATES), default="full")
    ap.add_argument("--avoid", help="regenerate every item with a line matching this regex")
    args = ap.parse_args()
    classes = [c for c in args.classes.split(",") if c]
    for c in classes:
        if c not in CLASSES:
            sys.exit("gen.py: unknown class %s (known: %s)" % (c, ", ".join(CLASSES)))
        if c not in STATES[args.state]:
            sys.exit("gen.py: class %s needs more than --state %s" % (c, args.state))
    try:
        oracle = words.Oracle(args.svesim) if any(c in WORD_CLASSES for c in classes) else None
        text = Program(args.seed, args.vl, classes, args.length, args.state, args.avoid, oracle,
                       args.fpcr).text()
    except RuntimeError as e:
        sys.exit("gen.py: %s" % e)
    sys.stdout.write(text)


if __name__ == "__main__":
    main()
