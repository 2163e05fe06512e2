"""Word-drawn instruction classes for the differential test: the instructions come from the
architecture's encoding groups (tests/decode/a64.py) and llvm-mc, not from svesim's tables.

A class draws random 32-bit words inside its encoding sub-groups (each sub-group equally
often), keeps those llvm-mc decodes (a64.LLVM_MATTR; "potentially undefined" encodings,
CONSTRAINED UNPREDICTABLE, are dropped), patches them so that running them is safe and
architecturally defined (below), asks llvm-mc again about the patched word and checks the
result from its text, then asks `svesim disasm` whether svesim decodes it. Words svesim does
not decode are counted and skipped (or reported, with --require-implemented), so a program
holds the implemented part of an independent sample. A body item is the word as
`.inst 0x........  // llvm text`, after the setup lines it needs.

Safety, for every class:
  * no branches or system instructions (the classes only draw from data-processing and
    load/store groups);
  * X28 (the scratch base) and SP (the dump base) are never written: a general-register
    destination field naming them is re-drawn, and the final text is checked;
  * MOVPRFX only with a successor llvm-mc's assembler accepts after it (a word of the same
    batch with MOVPRFX's Zd, and its Pg and size after a predicated MOVPRFX; LLVM checks the
    Arm ARM's MOVPRFX rules); no WRFFR (its predicate must be monotonic: the `sve` class
    covers it); no store-exclusive (whether it succeeds depends on the monitor state);
  * loads and stores: the base register field is X28, or for writeback forms a copy of it
    (`mov xT, x28`) in a register no other field names (no Rt == Rn); an offset register is
    made in range first (`and xR, xS, #0x1ff`); unsigned-offset, literal and SVE LDR/STR
    immediates are re-drawn in range, and every other immediate offset is checked against the
    16 KiB scratch buffer; SVE vector bases and offsets are made by INDEX first (bases from
    X28/W28, offsets small and non-negative); load pairs with Rt == Rt2 are dropped.
"""

import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "decode"))
import a64  # noqa: E402

WORD_CLASSES = {
    "w_int": ["dpi.pcrel", "dpi.addsub", "dpi.logical", "dpi.movewide", "dpi.bitfield",
              "dpi.extract", "dpr.logical", "dpr.addsub", "dpr.misc", "dpr.dp3"],
    "w_fp": ["fp"],
    "w_simd": ["simd.scalar", "simd.vec", "simd.vec_imm"],
    "w_sve": ["sve.int", "sve.perm", "sve.cmp", "sve.pred", "sve.muladd", "sve.fp_idx",
              "sve.fp"],
    "w_ldst": ["ldst.gpr.excl", "ldst.gpr.lit", "ldst.gpr.pair", "ldst.gpr.single"],
    "w_simd_ldst": ["ldst.struct", "ldst.fp.lit", "ldst.fp.pair", "ldst.fp.single"],
    "w_sve_ldst": ["sve.ld_gather32", "sve.ld_contig", "sve.ld_gather64", "sve.st"],
}
MEMORY = ("w_ldst", "w_simd_ldst", "w_sve_ldst")

WPOOL = [r for r in range(31) if r != 28]
HALF = 0x2000            # X28 is the middle of the 16 KiB scratch buffer
BATCH = 1000             # words drawn per refill
PRFX_TRIES = 24          # successors tried per MOVPRFX
PRFX_EXTRA = 8           # MOVPRFX words added to each w_sve batch
MOVPRFX_UNPRED = a64.Pattern({31: "0000010000100000101111"})        # MOVPRFX Zd, Zn
MOVPRFX_PRED = a64.Pattern({31: "00000100", 21: "01000", 15: "001"})  # MOVPRFX Zd.T, Pg/ZM, Zn.T
MAX_REFILLS = 2          # per class and program, when svesim implements too little of it

NO_DEST = {"cmp", "cmn", "tst", "ccmp", "ccmn", "fcmp", "fcmpe", "fccmp", "fccmpe", "ptest",
           "ctermeq", "ctermne"}
STORE_EXCLUSIVE = re.compile(r"^st(l)?xr[bh]?$|^st(l)?xp$")
FFNF = re.compile(r"^ld(ff|nf)1")
PAIR_LOADS = {"ldp", "ldnp", "ldpsw", "ldxp", "ldaxp"}
PAIRS = PAIR_LOADS | {"stp", "stnp", "stxp", "stlxp"}
GPR = re.compile(r"^(x|w)(\d+|zr)$|^w?sp$")


# QEMU 7.2 leaves the Z bits above 128 unchanged after these AdvSIMD instructions, and bits
# 16-31 set after FCVTZS (scalar, fixed-point) to H (found by
# tests/diff/qemu_vhigh_probe.py; README "QEMU 7.2 quirks"), but the Arm ARM's V[] setter
# zero-extends every write to the full Z register. After them the item re-writes the
# destination with `mov vD.16b, vD.16b` (ORR, which QEMU zero-extends), so the comparison
# stays exact; their own zeroing is then not checked here.
_LONG = ["addl", "subl", "addw", "subw", "abal", "abdl", "mlal", "mlsl", "mull", "shll",
         "addlp", "adalp"]
QEMU_VHIGH = ({p + b + s for p in ("s", "u") for b in _LONG for s in ("", "2")} |
              {q + s for q in ("sqdmlal", "sqdmlsl", "sqdmull", "shll", "fcvtl") for s in ("", "2")} |
              {"rev32", "rev64", "addp", "faddp", "fmaxp", "fminp", "fmaxnmp", "fminnmp"})
def qemu_uzp_p_wrong(vl):
    """QEMU 7.2 computes UZP1/UZP2 of predicates wrongly when a predicate (VL/8 bits) is longer
    than 64 bits and not a multiple of 64 (VL 640, 768, 896, 1152, ..., 1920): the Arm ARM
    concatenates operand2:operand1 at PL bits; tests/diff/README.md, "QEMU 7.2 quirks"."""
    pbits = vl // 8
    return pbits > 64 and pbits % 64 != 0


QEMU_VHIGH_LANE = re.compile(r"^ld[1-4]$")   # LD1-LD4 (single structure, one lane)


def qemu_vhigh_fixup(text):
    """The `mov` lines that restore the Arm ARM's zero upper Z bits after an instruction
    QEMU 7.2 leaves them unchanged after (empty for every other instruction)."""
    mn, ops = split_ops(text)
    regs = []
    if mn in QEMU_VHIGH and ops:
        m = re.match(r"^[vqdshb](\d+)\b", ops[0])
        regs = [int(m.group(1))] if m else []
    elif QEMU_VHIGH_LANE.match(mn) and ops and ops[0].startswith("{") and "}[" in ops[0]:
        regs = [int(r) for r in re.findall(r"\bv(\d+)\.", ops[0])]
    elif mn == "fcvtzs" and len(ops) == 3 and re.match(r"^h\d+$", ops[0]) and \
            ops[2].startswith("#"):
        # FCVTZS (scalar, fixed-point) to H: QEMU 7.2 writes the result sign-extended to
        # 32 bits; bits 16-31 of V[d] must be zero (and INS clears the bits above 128)
        return ["mov v%s.h[1], wzr" % ops[0][1:]]
    return ["mov v%d.16b, v%d.16b" % (r, r) for r in regs]


class Oracle:
    """The two decoders, and what the word classes saw (for the run's summary)."""

    def __init__(self, svesim, llvm_mc=None, require_implemented=False):
        self.svesim = svesim
        self.llvm_mc = llvm_mc or a64.find_llvm_mc()
        self.require_implemented = require_implemented
        if not self.llvm_mc:
            raise RuntimeError("the word-drawn classes need llvm-mc")
        if not svesim:
            raise RuntimeError("the word-drawn classes need --svesim (which words it decodes)")


def split_ops(text):
    """(mnemonic, [operands]) of LLVM's text; braces and brackets stay whole."""
    text = a64.norm(text)
    mn, _, rest = text.partition(" ")
    ops, depth, cur = [], 0, ""
    for ch in rest:
        if ch in "[{":
            depth += 1
        elif ch in "]}":
            depth -= 1
        if ch == "," and depth == 0:
            ops.append(cur.strip())
            cur = ""
        else:
            cur += ch
    if cur.strip():
        ops.append(cur.strip())
    return mn, ops


def bracket(ops):
    """(index of the [..] operand, its elements, "!" or post-index operand or None)."""
    for i, o in enumerate(ops):
        if o.startswith("["):
            inner = o[1:o.index("]")]
            tail = o[o.index("]") + 1:]
            post = ops[i + 1] if i + 1 < len(ops) else None
            return i, [e.strip() for e in inner.split(",")], ("!" if tail == "!" else post)
    return None, None, None


def imm(s):
    return int(s.lstrip("#"), 0)


def setf(word, lsb, width, value):
    mask = ((1 << width) - 1) << lsb
    return (word & ~mask) | ((value << lsb) & mask)


def field(word, lsb, width=5):
    return (word >> lsb) & ((1 << width) - 1)


def refill(classes):
    """Refills the pools of several word classes with one llvm-mc call per pass and one
    svesim call (process start-up is most of the cost)."""
    if not classes:
        return
    oracle = classes[0].oracle
    raws = [wc.draw() for wc in classes]
    flat = [w for r in raws for w in r]
    first = a64.llvm_disasm(oracle.llvm_mc, flat)
    preps, k = [], 0
    for wc, raw in zip(classes, raws):
        preps.append(wc.first(raw, first[k:k + len(raw)]))
        k += len(raw)
    words = [p[0] for prep in preps for p in prep]
    if not words:
        return
    second = a64.llvm_disasm(oracle.llvm_mc, words)
    ours = a64.svesim_disasm(oracle.svesim, words)
    k = 0
    for wc, prep in zip(classes, preps):
        wc.second(prep, second[k:k + len(prep)], ours[k:k + len(prep)])
        k += len(prep)
    pair_movprfx([wc for wc in classes if wc.movprfx])


def llvm_asm_errors(llvm_mc, lines):
    """Line numbers (from 0) llvm-mc's assembler rejects (it checks MOVPRFX's rules)."""
    res = subprocess.run([llvm_mc, "-triple=aarch64", "-mattr=" + a64.LLVM_MATTR,
                          "-filetype=null"], input="\n".join(lines) + "\n",
                         capture_output=True, text=True)
    return {int(m.group(1)) - 1 for m in re.finditer(r"<stdin>:(\d+):\d+: error", res.stderr)}


def pair_movprfx(classes):
    """Gives every MOVPRFX svesim decodes a successor: a word of the class's pool with its
    insn[4:0] (Zd of destructive SVE instructions) set to MOVPRFX's Zd, kept where llvm-mc's
    assembler accepts the pair (it checks the Arm ARM's MOVPRFX rules: same destination, a
    destructive instruction, Zd not used as another source, same governing predicate and
    element size after a predicated MOVPRFX), the text passes the check and svesim decodes
    it."""
    if not classes:
        return
    oracle = classes[0].oracle
    tries = []      # (class, movprfx word, movprfx text, candidate word)
    for wc in classes:
        for w, text in wc.movprfx:
            cands = [it for it in wc.pool if len(it) == 1]
            for it in wc.rng.sample(cands, min(PRFX_TRIES, len(cands))):
                cw = setf(int(it[0].split()[1], 16), 0, 5, field(w, 0))
                if MOVPRFX_PRED.match(w):
                    # the same governing predicate (insn[12:10]) and element size
                    # (insn[23:22]) where most predicated destructive forms keep them
                    cw = setf(setf(cw, 10, 3, field(w, 10, 3)), 22, 2, field(w, 22, 2))
                tries.append((wc, w, text, cw))
        wc.movprfx = []
    if not tries:
        return
    texts = a64.llvm_disasm(oracle.llvm_mc, [t[3] for t in tries])
    ours = a64.svesim_disasm(oracle.svesim, [t[3] for t in tries])
    lines = []
    for (wc, w, text, cw), (st, ct) in zip(tries, texts):
        lines += [text, ct if st is None else "nop"]
    bad = llvm_asm_errors(oracle.llvm_mc, lines)
    done = set()
    for i, ((wc, w, text, cw), (st, ct), mine) in enumerate(zip(tries, texts, ours)):
        if w in done or st is not None or mine is None or 2 * i + 1 in bad or 2 * i in bad:
            continue
        if wc.check(cw, ct, None):
            continue
        done.add(w)
        wc.count("movprfx paired")
        wc.pool.insert(wc.rng.randrange(len(wc.pool) + 1),
                       [".inst 0x%08x  // %s" % (w, a64.norm(text)),
                        ".inst 0x%08x  // %s" % (cw, a64.norm(ct))])
    for wc, w, text, cw in tries:
        if w not in done:
            done.add(w)
            wc.count("unsafe: movprfx without a successor")


class WordClass:
    """Refills a pool of ready body items for one class of one program."""

    def __init__(self, name, oracle, rng, vl, stats):
        self.name, self.oracle, self.rng, self.vl = name, oracle, rng, vl
        self.subs = [a64.SUBGROUPS[s] for s in WORD_CLASSES[name]]
        self.stats = stats
        self.pool = []
        self.refills = 0
        self.unimplemented = []   # (word, text) llvm-valid and safe, svesim <undefined>
        self.movprfx = []         # (word, text) of MOVPRFX svesim decodes, to pair

    def count(self, key, n=1):
        self.stats[key] = self.stats.get(key, 0) + n

    def take(self):
        while not self.pool:
            if self.refills >= MAX_REFILLS:
                return None
            refill([self])
        self.count("placed")
        return self.pool.pop()

    def draw(self):
        self.refills += 1
        rng = self.rng
        out = [rng.choice(self.subs).draw(rng) for _ in range(BATCH)]
        if self.name == "w_sve":
            # MOVPRFX is 0.1% of the SVE space: a few more from its two encodings
            out += [rng.choice([MOVPRFX_UNPRED, MOVPRFX_PRED]).draw(rng)
                    for _ in range(PRFX_EXTRA)]
        return out

    def first(self, raw, first):
        """The LLVM-valid words of a batch, patched: [(word, prefix, context)]."""
        prepared = []
        for w, (st, text) in zip(raw, first):
            self.count("drawn")
            if st is not None:
                self.count("invalid" if st == a64.INVALID else "cu")
                continue
            self.count("valid")
            p = self.prepare(w, text)
            if isinstance(p, str):
                self.count("unsafe: " + p)
                continue
            prepared.append(p)
        return prepared

    def second(self, prepared, second, ours):
        """Items of the patched words LLVM still accepts, that pass the check and that
        svesim decodes."""
        for (w, prefix, ctx), (st, text), mine in zip(prepared, second, ours):
            if st is not None:
                self.count("patched word invalid")
                continue
            why = self.check(w, text, ctx)
            if why:
                self.count("unsafe: " + why)
                continue
            self.count("safe")
            if mine is None:
                self.count("unimplemented")
                self.unimplemented.append((w, a64.norm(text)))
                continue
            self.count("implemented")
            if ctx and ctx.get("movprfx"):
                self.movprfx.append((w, a64.norm(text)))
                continue
            self.pool.append(prefix + [".inst 0x%08x  // %s" % (w, a64.norm(text))] +
                             qemu_vhigh_fixup(text))
        self.rng.shuffle(self.pool)

    # ---- registers --------------------------------------------------------------------------
    def fresh(self, word, avoid=()):
        """A writable register no register field of `word` names."""
        used = {field(word, 0), field(word, 5), field(word, 10), field(word, 16)} | set(avoid)
        return self.rng.choice([r for r in WPOOL if r not in used])

    def prepare(self, w, text):
        """(patched word, prefix lines, context for check) or the reason it is unusable."""
        mn, ops = split_ops(text)
        if mn == "movprfx":
            return (w, [], {"movprfx": True}) if self.name == "w_sve" else "movprfx"
        if mn == "wrffr":
            return "wrffr"
        if mn in ("uzp1", "uzp2") and ops and ops[0].startswith("p") and qemu_uzp_p_wrong(self.vl):
            return "predicate UZP1/UZP2 at VL %d (QEMU 7.2)" % self.vl
        if self.name not in MEMORY:
            if mn not in NO_DEST and ops and ops[0] in ("x28", "w28", "sp", "wsp"):
                w = setf(w, 0, 5, self.fresh(w))
            return w, [], None
        return self.prepare_mem(w, mn, ops)

    def prepare_mem(self, w, mn, ops):
        if STORE_EXCLUSIVE.match(mn):
            return "store exclusive"
        rng = self.rng
        prefix = []
        ctx = {}
        # first-fault and non-fault loads stay in the page at X28 (QEMU 7.2 suppresses their
        # accesses on any other page, as the Arm ARM allows: README "QEMU 7.2 quirks")
        ff = bool(FFNF.match(mn))
        if ff:
            ctx["page"] = True
        bi, elems, post = bracket(ops)
        # general registers the word names outside the address: never X28 (Rt, Rs, and Rt2
        # of the pair forms; elsewhere insn[14:10] is not a register)
        outside = ops if bi is None else ops[:bi]
        if self.name == "w_ldst" and any(o in ("x28", "w28") for o in outside):
            for lsb in (0, 16) + ((10,) if mn in PAIRS else ()):
                if field(w, lsb) == 28:
                    w = setf(w, lsb, 5, self.fresh(w, (28,)))
        if bi is None:
            # literal: LDR (literal), LDRSW, PRFM: a PC-relative imm19, made small (the
            # neighbouring code, identical in both images)
            return setf(w, 5, 19, rng.randint(-64, 64)), prefix, {"literal": True}
        base = elems[0]
        if base.startswith("z"):
            # SVE vector base: every element an address near X28 (32-bit elements hold the
            # low half of it: the image is below 4 GiB)
            zn, t = base[1:].split(".")
            prefix.append("index z%s.%s, %s28, #%d" % (zn, t, "x" if t == "d" else "w",
                                                       rng.randint(0 if ff else -16, 15)))
            ctx["zbase"] = int(zn)
        else:
            if ff:
                # QEMU 7.2's contiguous LDFF1/LDNF1 load wrong data when element 0 is
                # inactive (README "QEMU 7.2 quirks"): make it active, keeping the rest
                g = int(re.search(r"\bp(\d+)/z", " ".join(ops)).group(1))
                x = rng.choice([r for r in range(16) if r != g])
                prefix += ["ptrue p%d.b, vl1" % x, "sel p%d.b, p%d, p%d.b, p%d.b" % (g, x, x, g)]
            wb = post is not None and not post.startswith("p") and (
                post == "!" or post.startswith("#") or GPR.match(post))
            if wb:
                t = self.fresh(w, (28,))
                w = setf(w, 5, 5, t)
                prefix.append("mov x%d, x28" % t)
                ctx["wb"] = t
            else:
                w = setf(w, 5, 5, 28)
        if len(elems) > 1:
            off = elems[1]
            if GPR.match(off):
                r = self.fresh(w, (28, ctx.get("wb", 28)))
                w = setf(w, 16, 5, r)
                prefix.insert(0, "and x%d, x%d, #0x%x" % (r, rng.randint(0, 30),
                                                         0xFF if ff else 0x1FF))
                ctx["index"] = r
            elif off.startswith("z"):
                zm, t = off[1:].split(".")
                prefix.append("index z%s.%s, #%d, #%d" % (zm, t, rng.randint(0, 15),
                                                          rng.randint(0, 15)))
                ctx["zoff"] = int(zm)
            elif off.startswith("#") and len(elems) == 2 and not base.startswith("z") \
                    and mn in ("ldr", "str") and ops[0][0] in "zp":
                # SVE LDR/STR (vector, predicate): imm9 * (VL or PL) bytes, made in range
                unit = self.vl // 8 if ops[0][0] == "z" else self.vl // 64
                lim = HALF // unit
                v = rng.randint(-lim, lim - 1) & 0x1FF
                w = setf(setf(w, 10, 3, v & 7), 16, 6, v >> 3)
            elif off.startswith("#") and self.unsigned_offset(w):
                scale = self.scale(w)
                w = setf(w, 10, 12, rng.randint(0, min(4095, (HALF >> scale) - 1)))
        return w, prefix, ctx

    @staticmethod
    def unsigned_offset(w):
        """Load/store register (unsigned immediate): op0 = xx11, op2 = 1x (insn[29:28],
        insn[24]), in the general-register and SIMD&FP single-register groups."""
        return field(w, 27, 3) == 0b111 and field(w, 24, 2) == 0b01

    @staticmethod
    def scale(w):
        size = field(w, 30, 2)
        if field(w, 26, 1) and field(w, 23, 1) and size == 0:
            return 4                        # 128-bit SIMD&FP register
        return size

    # ---- the final check, on LLVM's text of the patched word --------------------------------
    def check(self, w, text, ctx):
        mn, ops = split_ops(text)
        if mn == "movprfx" and ctx and ctx.get("movprfx"):
            return None                     # paired with a successor by pair_movprfx
        if mn in ("movprfx", "wrffr") or STORE_EXCLUSIVE.match(mn):
            return mn
        bi, elems, post = bracket(ops)
        outside = ops if bi is None else ops[:bi]
        if self.name not in MEMORY:
            if mn not in NO_DEST and ops and ops[0] in ("x28", "w28", "sp", "wsp"):
                return "writes x28 or sp"
            return None
        if any(o in ("x28", "w28", "sp", "wsp") for o in outside):
            return "names x28 or sp outside the address"
        if mn in PAIR_LOADS and outside[0] == outside[1]:
            return "load pair with Rt == Rt2"
        if ctx and ctx.get("literal"):
            if bi is not None or abs(imm(ops[-1])) > 512:
                return "literal offset"
            return None
        base = elems[0]
        if "wb" in ctx:
            if base != "x%d" % ctx["wb"] or any(o == "x%d" % ctx["wb"] or o == "w%d" % ctx["wb"]
                                               for o in outside):
                return "writeback base"
        elif "zbase" in ctx:
            if not base.startswith("z%d." % ctx["zbase"]):
                return "vector base"
        elif base != "x28":
            return "base is not x28"
        # offsets inside the brackets
        lo = 0
        rest = elems[1:]
        if rest and GPR.match(rest[0]):
            if rest[0][1:] != str(ctx.get("index")):
                return "offset register"
            return None
        if rest and rest[0].startswith("z"):
            if not rest[0].startswith("z%d." % ctx.get("zoff", -1)):
                return "vector offset"
            return None
        if rest and rest[0].startswith("#"):
            lo = imm(rest[0])
            if len(rest) > 1 and rest[1] == "mul vl":
                vlb = self.vl // 8
                if mn in ("ldr", "str"):
                    unit = vlb if ops[0].startswith("z") else vlb // 8
                    lo, hi = lo * unit, (lo + 1) * unit
                else:
                    lo, hi = lo * vlb, lo * vlb + 4 * vlb
            else:
                hi = lo + 64
            if "zbase" in ctx:         # elements at x28 + i * step, i < 64, step -16..15
                lo, hi = (lo if ctx.get("page") else lo - 64 * 16), hi + 64 * 16
            if ctx.get("page") and (lo < 0 or hi > 4096):
                return "first-fault/non-fault load off the page at x28"
            if lo < -HALF or hi > HALF:
                return "offset out of the scratch buffer"
        return None
