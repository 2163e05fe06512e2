"""The A64 encoding space as the Arm ARM divides it, and the two decoders asked about it.

Shared by tests/decode/run_decode_diff.py (decoder coverage and disassembly against llvm-mc)
and tests/diff/gen.py (the word-drawn classes of the differential test against QEMU), so that
both draw their words from the architecture's encoding groups, never from svesim's tables.

GROUPS lists the top-level A64 encoding groups (op0 = insn[28:25], Arm ARM C4.1) and, inside
each, sub-groups that partition it (checked by `self_check`). A sub-group is one or more bit
patterns, written as {msb: "bits"} (the bits from insn[msb] downwards), minus `exclude`
patterns. Drawing a word picks a pattern in proportion to its size and fills the free bits at
random, so every sub-group is sampled uniformly.

LLVM_MATTR is the feature set svesim models: ARMv8.2-A (which brings CRC32, LSE, RDM) plus
FP16 and SVE; no crypto, AdvSIMD dot product, PAuth, BTI, MTE or SVE2.
"""

import random
import re
import shutil
import subprocess

LLVM_MATTR = "+v8.2a,+sve,+fullfp16,+lse,+rdm,+crc"


class Pattern:
    def __init__(self, spec):
        self.mask = 0
        self.value = 0
        for msb, bits in spec.items():
            for i, b in enumerate(bits):
                bit = 1 << (msb - i)
                if b == "x":
                    continue
                self.mask |= bit
                if b == "1":
                    self.value |= bit

    def match(self, w):
        return (w & self.mask) == self.value

    def size(self):
        return 1 << (32 - bin(self.mask).count("1"))

    def draw(self, rng):
        return self.value | (rng.getrandbits(32) & ~self.mask & 0xFFFFFFFF)


class SubGroup:
    def __init__(self, name, desc, specs, exclude=(), sysreg=False):
        self.name, self.desc, self.sysreg = name, desc, sysreg
        self.patterns = [Pattern(s) for s in specs]
        self.exclude = [Pattern(s) for s in exclude]

    def match(self, w):
        return any(p.match(w) for p in self.patterns) and not any(e.match(w) for e in self.exclude)

    def size(self):
        """Encodings in the sub-group (each exclusion lies inside one of its patterns)."""
        return sum(p.size() for p in self.patterns) - sum(e.size() for e in self.exclude)

    def draw(self, rng):
        weights = [p.size() for p in self.patterns]
        while True:
            p = rng.choices(self.patterns, weights)[0]
            w = p.value | (rng.getrandbits(32) & ~p.mask & 0xFFFFFFFF)
            if not any(e.match(w) for e in self.exclude):
                return w


class Group:
    def __init__(self, name, desc, subs):
        self.name, self.desc, self.subs = name, desc, subs


S = SubGroup
GROUPS = [
    Group("reserved", "op0=0000: reserved (UDF)", [
        S("reserved.udf", "UDF #imm16", [{31: "0000000000000000"}]),
        S("reserved.other", "rest of op0=0000", [{28: "0000"}], [{31: "0000000000000000"}]),
    ]),
    Group("unallocated", "op0=0001, 0011: unallocated", [
        S("unallocated", "op0=0001, 0011", [{28: "0001"}, {28: "0011"}]),
    ]),
    Group("sve", "op0=0010: SVE", [
        S("sve.int", "0x04: integer arithmetic, logical, shifts, INDEX, element count",
          [{31: "00000100"}]),
        S("sve.perm", "0x05: bitwise/wide immediates, permutes, SEL", [{31: "00000101"}]),
        S("sve.cmp", "0x24: integer compare (vectors, wide, unsigned immediate)",
          [{31: "00100100"}]),
        S("sve.pred", "0x25: signed compare immediate, predicate ops, WHILE, FFR, counts",
          [{31: "00100101"}]),
        S("sve.muladd", "0x44/0x45: integer multiply-add unpredicated, dot product, indexed",
          [{31: "0100010"}]),
        S("sve.fp_idx", "0x64: FP complex, multiply(-add) indexed", [{31: "01100100"}]),
        S("sve.fp", "0x65: FP arithmetic, compare, reduction, fused multiply-add, convert",
          [{31: "01100101"}]),
        S("sve.ld_gather32", "op0=100: 32-bit gathers, LD1R, LDR, prefetch", [{31: "1000010"}]),
        S("sve.ld_contig", "op0=101: contiguous loads, LD1RQ", [{31: "1010010"}]),
        S("sve.ld_gather64", "op0=110: 64-bit gathers and prefetch", [{31: "1100010"}]),
        S("sve.st", "op0=111: stores (contiguous, scatter, STR)", [{31: "1110010"}]),
    ]),
    Group("dp_imm", "op0=100x: data processing, immediate", [
        S("dpi.pcrel", "ADR, ADRP", [{28: "10000"}]),
        S("dpi.addsub", "add/subtract immediate", [{28: "100010"}]),
        S("dpi.addsub_tags", "add/subtract immediate with tags (MTE)", [{28: "100011"}]),
        S("dpi.logical", "logical immediate", [{28: "100100"}]),
        S("dpi.movewide", "move wide", [{28: "100101"}]),
        S("dpi.bitfield", "bitfield", [{28: "100110"}]),
        S("dpi.extract", "extract", [{28: "100111"}]),
    ]),
    Group("branch_sys", "op0=101x: branches, exception generation, system", [
        S("br.imm", "B, BL", [{30: "00101"}]),
        S("br.cmp", "CBZ/CBNZ, TBZ/TBNZ", [{30: "01101"}]),
        S("br.cond", "B.cond", [{31: "010101"}]),
        S("br.exc", "exception generation (SVC, HVC, SMC, BRK, HLT, DCPS)",
          [{31: "11010100"}]),
        S("br.sys.misc", "hints, barriers, PSTATE (MSR immediate)", [{31: "1101010100", 20: "00"}]),
        S("br.reg", "branch to register (BR, BLR, RET, ERET, DRPS)", [{31: "1101011"}]),
        S("br.other", "unallocated corners of op0=101x",
          [{30: "11101"}, {31: "1101010101"}, {31: "110101011"}]),
        S("br.sys.sys", "SYS, SYSL (AT, DC, IC, TLBI)", [{31: "1101010100", 20: "01"}],
          sysreg=True),
        S("br.sys.reg", "MRS, MSR (register)", [{31: "1101010100", 20: "1"}], sysreg=True),
    ]),
    Group("ldst", "op0=x1x0: loads and stores", [
        S("ldst.gpr.excl", "exclusive, ordered, CAS(P) (general registers)",
          [{29: "00100"}]),
        S("ldst.gpr.lit", "load register literal, PRFM literal", [{29: "01100"}]),
        S("ldst.gpr.pair", "LDP/STP/LDNP/STNP/LDPSW (general registers)", [{29: "10100"}]),
        S("ldst.gpr.single", "single register: immediate, register offset, unprivileged, "
          "atomic memory operations (general registers)", [{29: "11100"}]),
        S("ldst.struct", "AdvSIMD load/store multiple and single structures",
          [{31: "0", 29: "00110"}]),
        S("ldst.fp.lit", "load SIMD&FP register literal", [{29: "01110"}]),
        S("ldst.fp.pair", "LDP/STP/LDNP/STNP (SIMD&FP registers)", [{29: "10110"}]),
        S("ldst.fp.single", "single SIMD&FP register: immediate, register offset",
          [{29: "11110"}]),
        S("ldst.other", "op0=1x00 with V=1: unallocated", [{31: "1", 29: "00110"}]),
    ]),
    Group("dp_reg", "op0=x101: data processing, register", [
        S("dpr.logical", "logical shifted register", [{28: "01010"}]),
        S("dpr.addsub", "add/subtract shifted and extended register", [{28: "01011"}]),
        S("dpr.misc", "add/subtract with carry, flags, conditional compare and select, "
          "data processing 1 and 2 source", [{28: "11010"}]),
        S("dpr.dp3", "data processing 3 source", [{28: "11011"}]),
    ]),
    Group("simd_fp", "op0=x111: SIMD&FP data processing", [
        S("fp", "scalar FP: data processing 1/2/3 source, compare, immediate, conditional, "
          "conversions", [{30: "0", 28: "1111"}]),
        S("simd.scalar", "AdvSIMD scalar", [{31: "01", 28: "1111"}]),
        S("simd.vec", "AdvSIMD vector: three same/different, two-register misc, across lanes, "
          "copy, permute, extract, table", [{31: "0", 28: "0111", 24: "0"}]),
        S("simd.vec_imm", "AdvSIMD vector: modified immediate, shift by immediate, by element",
          [{31: "0", 28: "0111", 24: "1"}]),
        S("simd.other", "op0=1xx0, 11x1: crypto and unallocated",
          [{31: "1", 28: "0111"}, {31: "11", 28: "1111"}]),
    ]),
]
SUBGROUPS = {s.name: s for g in GROUPS for s in g.subs}


def self_check(n=20000, seed=0):
    """Every word lies in exactly one sub-group; the sub-groups' sizes add up to 2^32."""
    assert sum(s.size() for s in SUBGROUPS.values()) == 1 << 32, "sub-group sizes"
    rng = random.Random(seed)
    for _ in range(n):
        w = rng.getrandbits(32)
        hits = [s.name for s in SUBGROUPS.values() if s.match(w)]
        assert len(hits) == 1, "%08x in %s" % (w, hits)
    for s in SUBGROUPS.values():
        for _ in range(50):
            assert s.match(s.draw(rng)), s.name


def group_rng(seed, name):
    """An RNG per (seed, sub-group): adding a sub-group leaves the others' words unchanged."""
    return random.Random("%d:%s" % (seed, name))


# ---- the two decoders -----------------------------------------------------------------------
def find_llvm_mc():
    return shutil.which("llvm-mc") or shutil.which("llvm-mc-14")


INVALID = "invalid"
SOFTFAIL = "softfail"


def llvm_disasm(llvm_mc, words, mattr=LLVM_MATTR):
    """[(status, text)] per word: status None (decoded), INVALID or SOFTFAIL (LLVM's
    "potentially undefined instruction encoding": a should-be field is off, CONSTRAINED
    UNPREDICTABLE; the text is still given)."""
    text = "\n".join(" ".join("0x%02x" % ((w >> (8 * i)) & 0xFF) for i in range(4))
                     for w in words)
    res = subprocess.run([llvm_mc, "--disassemble", "-triple=aarch64", "-mattr=" + mattr],
                         input=text, capture_output=True, text=True)
    # stdout: one line per decoded word, in order; stderr: a warning per invalid or
    # soft-failing word, with its input line number.
    status = {}
    for m in re.finditer(r"<stdin>:(\d+):\d+: warning: (invalid|potentially undefined) "
                         r"instruction encoding", res.stderr):
        status[int(m.group(1)) - 1] = INVALID if m.group(2) == "invalid" else SOFTFAIL
    decoded = [ln.strip() for ln in res.stdout.splitlines()
               if ln.strip() and not ln.strip().startswith(".text")]
    out, k = [], 0
    for idx in range(len(words)):
        st = status.get(idx)
        if st == INVALID:
            out.append((INVALID, None))
            continue
        out.append((st, decoded[k] if k < len(decoded) else "?"))
        k += 1
    if k != len(decoded):
        raise RuntimeError("llvm-mc gave %d lines for %d decodable words" % (len(decoded), k))
    for i, (st, t) in enumerate(out):
        if st != INVALID and llvm_overaccepts(t):
            out[i] = (INVALID, None)
        elif st is None and llvm_missed_softfail(words[i], t):
            out[i] = (SOFTFAIL, t)
    return out


# ---- where LLVM 14 deviates from the Arm ARM (each with the rule) ----------------------------
LLVM_S01_SYSREG = re.compile(r"^(mrs|msr)\s.*\bS[01]_[0-7]_C\d+_C\d+_[0-7]\b")


def llvm_overaccepts(text):
    """Words LLVM decodes that the Arm ARM leaves unallocated, so they count as invalid.

    MRS/MSR (register) have insn[20] = 1 (op0 = 0b1:o0, Arm ARM C6.2 MRS/MSR); LLVM also
    decodes insn[20] = 0 as MRS/MSR of a register "S0_..."/"S1_..." (op0 0 or 1), but those
    encodings are the hint/barrier/PSTATE space (op0 = 00: unallocated where no hint,
    barrier, CLREX or MSR (immediate) is defined, e.g. CFINV of v8.4) and SYS/SYSL (op0 = 01,
    which LLVM prints as SYS/SYSL when L matches)."""
    return bool(LLVM_S01_SYSREG.match(norm(text)))


def llvm_missed_softfail(word, text):
    """Should-be-one fields LLVM does not check (it does for LDXR, LDAR, STLR and others):
    Rt2 (insn[14:10]) of the single-register store exclusives STXR, STLXR, STXRB, STXRH,
    STLXRB, STLXRH and Rs (insn[20:16]) of LDXP, LDAXP are (1)(1)(1)(1)(1) in the Arm ARM
    (C6.2), so other values are CONSTRAINED UNPREDICTABLE, like the ones LLVM flags."""
    mn = text.split()[0]
    if mn in ("stxr", "stlxr", "stxrb", "stxrh", "stlxrb", "stlxrh"):
        return (word >> 10) & 31 != 31
    if mn in ("ldxp", "ldaxp"):
        return (word >> 16) & 31 != 31
    return False


def llvm_text_deviation(mine, theirs):
    """svesim's text is the Arm ARM's preferred disassembly where LLVM 14 picks another.

    BFM with Rn = ZR and imms >= immr: LLVM prints BFC even for lsb = 0 (immr = 0), but BFC
    is the preferred alias only when UInt(imms) < UInt(immr) (Arm ARM C6.2 BFM, alias
    conditions); otherwise BFXIL <Wd>, <Wn>, #<lsb>, #<width> is (here with WZR/XZR)."""
    m = re.match(r"^bfc ([wx]\d+), #0, #(\d+)$", theirs)
    if m and mine == "bfxil %s, %szr, #0, #%s" % (m.group(1), m.group(1)[0], m.group(2)):
        return True
    return False


def svesim_disasm(svesim, words):
    """svesim's text per word, None for <undefined> (one process for all words)."""
    p = subprocess.run([svesim, "disasm"], input="\n".join("%08x" % w for w in words),
                       capture_output=True, text=True, check=True)
    out = []
    for line in p.stdout.splitlines():
        t = line.split("\t", 1)[1]
        out.append(None if t == "<undefined>" else t)
    if len(out) != len(words):
        raise RuntimeError("svesim disasm gave %d lines for %d words" % (len(out), len(words)))
    return out


def norm(s):
    """Disassembly text without comments, with whitespace folded."""
    s = s.split("//")[0]
    return re.sub(r"\s+", " ", s.replace("\t", " ")).strip()


GENERIC_SYSREG = re.compile(r"\bS[0-3]_[0-7]_C\d+_C\d+_[0-7]\b")


def naming_gap(mine, theirs):
    """svesim prints registers it does not implement as S<op0>_<op1>_C<n>_C<m>_<op2> (MRS/MSR
    then execute as UNDEFINED), and SYS operations in their generic form; LLVM knows more
    names (trace, debug, TLBI, DC, IC, AT). Same encoding, different spelling."""
    if GENERIC_SYSREG.search(mine) and mine.split()[0] == theirs.split()[0]:
        return True
    if mine.startswith("sys ") and theirs.split()[0] in ("tlbi", "dc", "ic", "at"):
        return True
    return False
