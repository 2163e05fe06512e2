#!/usr/bin/env python3
"""Expected values of the AdvSIMD integer unit tests, taken from QEMU (not from svesim).

Every case is one instruction run by qemu-aarch64 (user mode, -cpu max) after V0-V3 were
loaded from one of the operand sets below and FPSR was cleared; QEMU's V0 and FPSR.QC after
it are the expectation. Writes tests/isa/test_simd_qemu_cases.inc (a C++ table the Catch2 tests
include). Rerun after adding instructions:

    python3 tests/isa/test_simd_qemu_gen.py > tests/isa/test_simd_qemu_cases.inc
    python3 tests/isa/test_simd_qemu_gen.py --ldst > tests/isa/test_simd_qemu_ldst_cases.inc
"""
import os
import random
import subprocess
import sys
import tempfile

AS = "aarch64-linux-gnu-as"
LD = "aarch64-linux-gnu-ld"
QEMU = "qemu-aarch64"

# ---- Operand sets: V0 (destination/accumulator), V1, V2 (sources), V3 (table/extra); -------
# ---- V16-V19 are copies of V3-V0, every other register is zero ------------------------------
EDGES = [0x00, 0x01, 0x7F, 0x80, 0x81, 0xFF, 0xFE, 0x40, 0x3F, 0xC0]


def make_sets():
    rng = random.Random(11)
    sets = []
    # 0: random bytes
    sets.append([[rng.getrandbits(8) for _ in range(16)] for _ in range(4)])
    # 1: edge values in every byte (saturation, most negative, all ones)
    sets.append([[rng.choice(EDGES) for _ in range(16)] for _ in range(4)])
    # 2: edge values at element boundaries: 0x80.. / 0x7F.. / 0xFF.. / 0x00.. words
    pats = [[0x00] * 8, [0xFF] * 8, [0xFF] * 7 + [0x7F], [0x00] * 7 + [0x80],
            [0x00, 0x80] * 4, [0xFF, 0x7F] * 4, [0, 0, 0, 0x80] * 2, [0xFF, 0xFF, 0xFF, 0x7F] * 2,
            [0x01] + [0] * 7, [0x80] * 8]
    sets.append([rng.choice(pats) + rng.choice(pats) for _ in range(4)])
    # 3: small signed shift amounts in V2 (and everywhere, for the shift-by-register forms)
    sets.append([[rng.getrandbits(8) for _ in range(16)],
                 [rng.choice(EDGES + [rng.getrandbits(8)]) for _ in range(16)],
                 [rng.randint(-70, 70) & 0xFF for _ in range(16)],
                 [rng.randint(-10, 40) & 0xFF for _ in range(16)]])
    # 4-15, for the saturating instructions only: per element size, element 0 (and every
    # element) at the signed extremes, and a left shift by 63 of the maximum
    for ebytes in (1, 2, 4, 8):
        smin = [0] * (ebytes - 1) + [0x80]
        smax = [0xFF] * (ebytes - 1) + [0x7F]
        shift63 = [0x3F] + [0] * (ebytes - 1)
        rep = lambda e: e * (16 // ebytes)  # noqa: E731
        sets.append([rep(smax), rep(smin), rep(smin), rep(smax)])
        sets.append([rep(smin), rep(smax), rep(smin), rep(smin)])
        sets.append([[0] * 16, rep(smax), rep(shift63), [0] * 16])
    return sets


BASE_SETS = 4


def saturating(line):
    return line.split()[0].startswith(("sq", "uq", "suqadd", "usqadd"))


# ---- The instructions ----------------------------------------------------------------------
ALL = ["8b", "16b", "4h", "8h", "2s", "4s", "2d"]
NO_D = ALL[:-1]
HS = ["4h", "8h", "2s", "4s"]


def same3(mns, arrs):
    return [f"{m} v0.{a}, v1.{a}, v2.{a}" for m in mns for a in arrs]


def scalar3(mns, regs):
    return [f"{m} {r}0, {r}1, {r}2" for m in mns for r in regs]


def instructions():
    out = []
    out += same3(["shadd", "uhadd", "srhadd", "urhadd", "shsub", "uhsub", "smax", "umax", "smin",
                  "umin", "sabd", "uabd", "saba", "uaba", "mla", "mls", "mul", "smaxp", "umaxp",
                  "sminp", "uminp"], NO_D)
    out += same3(["sqadd", "uqadd", "sqsub", "uqsub", "cmgt", "cmhi", "cmge", "cmhs", "sshl",
                  "ushl", "sqshl", "uqshl", "srshl", "urshl", "sqrshl", "uqrshl", "cmtst", "cmeq",
                  "addp"], ALL)
    out += same3(["pmul"], ["8b", "16b"])
    out += same3(["sqdmulh", "sqrdmulh", "sqrdmlah", "sqrdmlsh"], HS)
    out += scalar3(["sqadd", "uqadd", "sqsub", "uqsub", "sqshl", "uqshl", "sqrshl", "uqrshl"],
                   "bhsd")
    out += scalar3(["cmgt", "cmhi", "cmge", "cmhs", "sshl", "ushl", "srshl", "urshl", "add",
                    "sub", "cmtst", "cmeq"], "d")
    out += scalar3(["sqdmulh", "sqrdmulh", "sqrdmlah", "sqrdmlsh"], "hs")
    out += misc_instructions()
    out += diff_instructions()
    out += perm_instructions()
    out += shift_instructions()
    out += elem_instructions()
    return out


WIDEN = [("4h", "8b"), ("8h", "16b"), ("2s", "4h"), ("4s", "8h"), ("1d", "2s"), ("2d", "4s")]
NARROW = [("8b", "8h"), ("16b", "8h"), ("4h", "4s"), ("8h", "4s"), ("2s", "2d"), ("4s", "2d")]


def misc_instructions():
    out = []
    for m in ["suqadd", "usqadd", "sqabs", "sqneg", "abs", "neg"]:
        out += [f"{m} v0.{a}, v1.{a}" for a in ALL]
        out += [f"{m} {r}0, {r}1" for r in ("bhsd" if m.startswith(("s", "u")) else "d")]
    for m in ["cmgt", "cmge", "cmeq", "cmle", "cmlt"]:
        out += [f"{m} v0.{a}, v1.{a}, #0" for a in ALL] + [f"{m} d0, d1, #0"]
    out += [f"{m} v0.{a}, v1.{a}" for m in ["cls", "clz", "rev64"] for a in NO_D]
    out += [f"{m} v0.{a}, v1.{a}" for m in ["cnt", "mvn", "rbit", "rev16"] for a in ["8b", "16b"]]
    out += [f"rev32 v0.{a}, v1.{a}" for a in ["8b", "16b", "4h", "8h"]]
    out += [f"{m} v0.{d}, v1.{n}" for m in ["saddlp", "uaddlp", "sadalp", "uadalp"]
            for d, n in WIDEN]
    for m in ["xtn", "sqxtn", "uqxtn", "sqxtun"]:
        out += [f"{m}{'2' if d in ('16b', '8h', '4s') else ''} v0.{d}, v1.{n}" for d, n in NARROW]
        if m != "xtn":
            out += [f"{m} b0, h1", f"{m} h0, s1", f"{m} s0, d1"]
    out += ["shll v0.8h, v1.8b, #8", "shll v0.4s, v1.4h, #16", "shll v0.2d, v1.2s, #32",
            "shll2 v0.8h, v1.16b, #8", "shll2 v0.4s, v1.8h, #16", "shll2 v0.2d, v1.4s, #32"]
    for m in ["addv", "smaxv", "sminv", "umaxv", "uminv"]:
        out += [f"{m} {r}0, v1.{a}" for r, a in [("b", "8b"), ("b", "16b"), ("h", "4h"),
                                                  ("h", "8h"), ("s", "4s")]]
    for m in ["saddlv", "uaddlv"]:
        out += [f"{m} {r}0, v1.{a}" for r, a in [("h", "8b"), ("h", "16b"), ("s", "4h"),
                                                  ("s", "8h"), ("d", "4s")]]
    out += ["addp d0, v1.2d"]
    return out


def diff_instructions():
    out = []
    lng = [("8h", "8b"), ("4s", "4h"), ("2d", "2s")]
    lng2 = [("8h", "16b"), ("4s", "8h"), ("2d", "4s")]
    for m in ["saddl", "uaddl", "ssubl", "usubl", "sabal", "uabal", "sabdl", "uabdl", "smlal",
              "umlal", "smlsl", "umlsl", "smull", "umull", "sqdmlal", "sqdmlsl", "sqdmull"]:
        sq = m.startswith("sqd")
        out += [f"{m} v0.{d}, v1.{n}, v2.{n}" for d, n in lng if not (sq and n == "8b")]
        out += [f"{m}2 v0.{d}, v1.{n}, v2.{n}" for d, n in lng2 if not (sq and n == "16b")]
    out += ["pmull v0.8h, v1.8b, v2.8b", "pmull2 v0.8h, v1.16b, v2.16b"]
    for m in ["saddw", "uaddw", "ssubw", "usubw"]:
        out += [f"{m} v0.{d}, v1.{d}, v2.{n}" for d, n in lng]
        out += [f"{m}2 v0.{d}, v1.{d}, v2.{n}" for d, n in lng2]
    for m in ["addhn", "raddhn", "subhn", "rsubhn"]:
        out += [f"{m} v0.{n}, v1.{d}, v2.{d}" for d, n in lng]
        out += [f"{m}2 v0.{n}, v1.{d}, v2.{d}" for d, n in lng2]
    out += [f"{m} {d}0, {n}1, {n}2" for m in ["sqdmlal", "sqdmlsl", "sqdmull"]
            for d, n in [("s", "h"), ("d", "s")]]
    return out


def perm_instructions():
    out = []
    for m in ["zip1", "zip2", "uzp1", "uzp2", "trn1", "trn2"]:
        out += same3([m], ALL)
    out += ["ext v0.8b, v1.8b, v2.8b, #3", "ext v0.8b, v1.8b, v2.8b, #0",
            "ext v0.16b, v1.16b, v2.16b, #15", "ext v0.16b, v1.16b, v2.16b, #9"]
    for m in ["tbl", "tbx"]:
        for q in ["8b", "16b"]:
            for n in range(1, 5):
                first = 1 if n < 4 else 0
                regs = ", ".join(f"v{first + k}.16b" for k in range(n))
                out.append(f"{m} v0.{q}, {{{regs}}}, v3.{q}")
    # a table that wraps from V31 (zero: QEMU starts with V4-V15, V20-V31 zero) to V0, V1
    out += ["tbl v0.16b, {v31.16b, v0.16b, v1.16b}, v2.16b"]
    return out


ESIZE = {"8b": 8, "16b": 8, "4h": 16, "8h": 16, "2s": 32, "4s": 32, "2d": 64}


def shift_instructions():
    out = []
    for a in ALL:
        e = ESIZE[a]
        for m in ["sshr", "ushr", "ssra", "usra", "srshr", "urshr", "srsra", "ursra", "sri"]:
            out += [f"{m} v0.{a}, v1.{a}, #{sh}" for sh in sorted({1, e // 2 - 1, e})]
        for m in ["shl", "sli", "sqshlu", "sqshl", "uqshl"]:
            out += [f"{m} v0.{a}, v1.{a}, #{sh}" for sh in sorted({0, 1, e // 2 + 1, e - 1})]
    for r, e in [("b", 8), ("h", 16), ("s", 32), ("d", 64)]:
        for m in ["sqshlu", "sqshl", "uqshl"]:
            out += [f"{m} {r}0, {r}1, #{sh}" for sh in sorted({0, e // 2 + 1, e - 1})]
    for m in ["sshr", "ushr", "ssra", "usra", "srshr", "urshr", "srsra", "ursra", "sri"]:
        out += [f"{m} d0, d1, #{sh}" for sh in (1, 31, 64)]
    out += [f"{m} d0, d1, #{sh}" for m in ["shl", "sli"] for sh in (0, 33, 63)]
    for d, n in NARROW:
        e = ESIZE[d]
        two = "2" if d in ("16b", "8h", "4s") else ""
        for m in ["shrn", "rshrn", "sqshrn", "uqshrn", "sqrshrn", "uqrshrn", "sqshrun", "sqrshrun"]:
            out += [f"{m}{two} v0.{d}, v1.{n}, #{sh}" for sh in sorted({1, e // 2, e})]
    for d, n in [("b", "h"), ("h", "s"), ("s", "d")]:
        e = {"b": 8, "h": 16, "s": 32}[d]
        for m in ["sqshrn", "uqshrn", "sqrshrn", "uqrshrn", "sqshrun", "sqrshrun"]:
            out += [f"{m} {d}0, {n}1, #{sh}" for sh in sorted({1, e // 2, e})]
    for d, n in [("8h", "8b"), ("4s", "4h"), ("2d", "2s"), ("8h", "16b"), ("4s", "8h"),
                 ("2d", "4s")]:
        e = ESIZE[n]
        two = "2" if n in ("16b", "8h", "4s") else ""
        out += [f"{m}{two} v0.{d}, v1.{n}, #{sh}" for m in ["sshll", "ushll"]
                for sh in sorted({0, 3, e - 1})]
    return out


def elem_instructions():
    out = []
    same = [("4h", "h", 7), ("8h", "h", 2), ("2s", "s", 3), ("4s", "s", 1)]
    for m in ["mul", "mla", "mls", "sqdmulh", "sqrdmulh", "sqrdmlah", "sqrdmlsh"]:
        out += [f"{m} v0.{a}, v1.{a}, v2.{e}[{k}]" for a, e, k in same]
    lng = [("4s", "4h", "h", 5), ("4s", "8h", "h", 0), ("2d", "2s", "s", 2), ("2d", "4s", "s", 3)]
    for m in ["smull", "umull", "smlal", "umlal", "smlsl", "umlsl", "sqdmull", "sqdmlal",
              "sqdmlsl"]:
        out += [f"{m}{'2' if n in ('8h', '4s') else ''} v0.{d}, v1.{n}, v2.{e}[{k}]"
                for d, n, e, k in lng]
    for m in ["sqdmulh", "sqrdmulh", "sqrdmlah", "sqrdmlsh"]:
        out += [f"{m} h0, h1, v2.h[6]", f"{m} s0, s1, v2.s[1]"]
    for m in ["sqdmull", "sqdmlal", "sqdmlsl"]:
        out += [f"{m} s0, h1, v3.h[4]", f"{m} d0, s1, v2.s[3]"]
    # S elements take Vm from all 32 registers (M:Rm); V16-V19 hold V3-V0
    out += ["mul v0.4s, v1.4s, v17.s[1]", "sqdmulh s0, s1, v17.s[2]"]
    return out


# ---- Running them on QEMU ------------------------------------------------------------------
def run(cmd, **kw):
    res = subprocess.run(cmd, capture_output=True, **kw)
    if res.returncode != 0:
        sys.stderr.write(res.stderr.decode(errors="replace")[:3000])
        raise SystemExit(f"failed: {' '.join(cmd)}")
    return res


def llvm_texts(words):
    """llvm-mc's disassembly of each word (the text svesim must print), tabs kept."""
    text = "\n".join(" ".join(f"0x{(w >> (8 * k)) & 0xFF:02x}" for k in range(4)) for w in words)
    out = subprocess.run(["llvm-mc", "--disassemble", "-triple=aarch64",
                          "-mattr=+v8.2a,+neon,+rdm"], input=text, capture_output=True,
                         text=True, check=True).stdout.splitlines()
    lines = [l.strip() for l in out if l.strip() and not l.strip().startswith(".text")]
    assert len(lines) == len(words), "llvm-mc rejected a word"
    return lines


def cstr(s):
    return '"' + s.replace("\t", "\\t") + '"'


def assemble_words(lines, tmp):
    src = os.path.join(tmp, "w.s")
    with open(src, "w") as f:
        f.write("\n".join(lines) + "\n")
    run([AS, "-march=armv8.2-a+rdm", "-o", os.path.join(tmp, "w.o"), src])
    run(["aarch64-linux-gnu-objcopy", "-O", "binary", "-j", ".text", os.path.join(tmp, "w.o"),
         os.path.join(tmp, "w.bin")])
    data = open(os.path.join(tmp, "w.bin"), "rb").read()
    return [int.from_bytes(data[4 * k:4 * k + 4], "little") for k in range(len(lines))]


def qemu_results(runs, sets, tmp):
    """runs: (word, operand set) pairs."""
    body = []
    for w, s in runs:
        body += [f"add x9, x20, #{s * 64}", "ld1 {v0.16b, v1.16b, v2.16b, v3.16b}, [x9]",
                 "mov v16.16b, v3.16b", "mov v17.16b, v2.16b", "mov v18.16b, v1.16b",
                 "mov v19.16b, v0.16b", "msr fpsr, xzr", f".inst {w:#010x}", "mrs x10, fpsr",
                 "str q0, [x21], #16", "str x10, [x21], #16"]
    n = len(runs)
    setdata = ",".join(str(b) for st in sets for reg in st for b in reg)
    prog = f"""
.global _start
.text
_start:
    adrp x20, sets
    add x20, x20, :lo12:sets
    adrp x21, out
    add x21, x21, :lo12:out
{chr(10).join('    ' + l for l in body)}
    mov x0, #1
    adrp x1, out
    add x1, x1, :lo12:out
    ldr x2, ={n * 32}
    mov x8, #64
    svc #0
    mov x0, #0
    mov x8, #93
    svc #0
.data
sets: .byte {setdata}
.bss
.align 4
out: .skip {n * 32}
"""
    src = os.path.join(tmp, "p.s")
    with open(src, "w") as f:
        f.write(prog)
    run([AS, "-march=armv8.2-a+rdm", "-o", os.path.join(tmp, "p.o"), src])
    run([LD, "-static", "-o", os.path.join(tmp, "p"), os.path.join(tmp, "p.o")])
    data = run([QEMU, "-cpu", "max", os.path.join(tmp, "p")]).stdout
    res = []
    for k in range(n):
        rec = data[32 * k:32 * k + 32]
        lo = int.from_bytes(rec[0:8], "little")
        hi = int.from_bytes(rec[8:16], "little")
        fpsr = int.from_bytes(rec[16:24], "little")
        res.append((lo, hi, (fpsr >> 27) & 1))
    return res


# ---- Structure loads and stores -------------------------------------------------------------
# Before each: V0-V3 from operand set 0, a 128-byte buffer of bytes 3 + 7 * k, X1 = buffer + 16,
# X2 = 24. After: V0-V3, X1 - buffer, the buffer.
LDST_PATTERN = [(3 + 7 * k) & 0xFF for k in range(128)]


def ldst_instructions():
    out = []
    arrs = ALL + ["1d"]
    for a in arrs:
        for n in range(1, 5):
            regs = ", ".join(f"v{k}.{a}" for k in range(n))
            nbytes = n * (16 if a in ("16b", "8h", "4s", "2d") else 8)
            for m in ["ld1", "st1"]:
                out += [f"{m} {{{regs}}}, [x1]", f"{m} {{{regs}}}, [x1], #{nbytes}"]
            if a != "1d" and n >= 2:
                out += [f"{m}{n} {{{regs}}}, [x1]" for m in ["ld", "st"]]
                out += [f"{m}{n} {{{regs}}}, [x1], x2" for m in ["ld", "st"]]
    for n in range(1, 5):
        for e, idx in [("b", 13), ("h", 6), ("s", 1), ("d", 1), ("b", 0), ("s", 3)]:
            regs = ", ".join(f"v{k}.{e}" for k in range(n))
            nbytes = n * {"b": 1, "h": 2, "s": 4, "d": 8}[e]
            for m in ["ld", "st"]:
                out += [f"{m}{n} {{{regs}}}[{idx}], [x1]", f"{m}{n} {{{regs}}}[{idx}], [x1], x2",
                        f"{m}{n} {{{regs}}}[{idx}], [x1], #{nbytes}"]
        for a in arrs:
            regs = ", ".join(f"v{k}.{a}" for k in range(n))
            nbytes = n * {"b": 1, "h": 2, "s": 4, "d": 8}[a[-1]]
            out += [f"ld{n}r {{{regs}}}, [x1]", f"ld{n}r {{{regs}}}, [x1], #{nbytes}",
                    f"ld{n}r {{{regs}}}, [x1], x2"]
    return out


def qemu_ldst_results(words, sets, tmp):
    body = []
    copy = ["ldp q16, q17, [x12]", "stp q16, q17, [x11]", "ldp q16, q17, [x12, #32]",
            "stp q16, q17, [x11, #32]", "ldp q16, q17, [x12, #64]", "stp q16, q17, [x11, #64]",
            "ldp q16, q17, [x12, #96]", "stp q16, q17, [x11, #96]"]
    for w in words:
        body += ["ld1 {v0.16b, v1.16b, v2.16b, v3.16b}, [x20]", "mov x11, x22", "mov x12, x23"]
        body += copy
        body += ["add x1, x22, #16", "mov x2, #24", f".inst {w:#010x}", "sub x1, x1, x22",
                 "st1 {v0.16b, v1.16b, v2.16b, v3.16b}, [x21], #64", "str x1, [x21], #16",
                 "mov x11, x21", "mov x12, x22"]
        body += copy
        body += ["add x21, x21, #128"]
    rec = 64 + 16 + 128
    n = len(words)
    setdata = ",".join(str(b) for reg in sets[0] for b in reg)
    prog = f"""
.global _start
.text
_start:
    adrp x20, sets
    add x20, x20, :lo12:sets
    adrp x21, out
    add x21, x21, :lo12:out
    adrp x22, buf
    add x22, x22, :lo12:buf
    adrp x23, pat
    add x23, x23, :lo12:pat
{chr(10).join('    ' + l for l in body)}
    mov x0, #1
    adrp x1, out
    add x1, x1, :lo12:out
    ldr x2, ={n * rec}
    mov x8, #64
    svc #0
    mov x0, #0
    mov x8, #93
    svc #0
.data
sets: .byte {setdata}
.align 4
pat: .byte {",".join(str(b) for b in LDST_PATTERN)}
.bss
.align 4
buf: .skip 128
.align 4
out: .skip {n * rec}
"""
    src = os.path.join(tmp, "l.s")
    with open(src, "w") as f:
        f.write(prog)
    run([AS, "-march=armv8.2-a", "-o", os.path.join(tmp, "l.o"), src])
    run([LD, "-static", "-o", os.path.join(tmp, "l"), os.path.join(tmp, "l.o")])
    data = run([QEMU, "-cpu", "max", os.path.join(tmp, "l")]).stdout
    res = []
    for k in range(n):
        r = data[rec * k:rec * k + rec]
        q = [int.from_bytes(r[8 * j:8 * j + 8], "little") for j in range(rec // 8)]
        res.append((q[0:8], q[8], q[10:26]))
    return res


def main_ldst():
    sets = make_sets()
    lines = ldst_instructions()
    with tempfile.TemporaryDirectory() as tmp:
        words = assemble_words(lines, tmp)
        res = qemu_ldst_results(words, sets, tmp)
    print("// Generated by tests/isa/test_simd_qemu_gen.py --ldst from qemu-aarch64 runs; do not "
          "edit.")
    print("// clang-format off")
    print("inline constexpr std::uint8_t kLdStPattern[128] = {"
          + ", ".join(f"0x{b:02X}" for b in LDST_PATTERN) + "};")
    print("inline constexpr std::uint8_t kLdStRegs[4][16] = {"
          + ", ".join("{" + ", ".join(f"0x{b:02X}" for b in reg) + "}" for reg in sets[0]) + "};")
    print("// {word, V0-V3 (lo, hi each), X1 - buffer, the buffer, llvm-mc's text}")
    print("inline constexpr SimdLdStCase kSimdLdStCases[] = {")
    for text, w, (v, x1, mem) in zip(llvm_texts(words), words, res):
        print(f"    {{{w:#010x}, {{{', '.join(f'0x{x:016X}' for x in v)}}}, {x1}, "
              f"{{{', '.join(f'0x{x:016X}' for x in mem)}}}, {cstr(text)}}},")
    print("};")
    print("// clang-format on")
    return 0


def main():
    if "--ldst" in sys.argv:
        return main_ldst()
    sets = make_sets()
    lines = instructions()
    with tempfile.TemporaryDirectory() as tmp:
        words = assemble_words(lines, tmp)
        runs = [(w, s) for line, w in zip(lines, words)
                for s in range(len(sets) if saturating(line) else BASE_SETS)]
        res = qemu_results(runs, sets, tmp)
    print("// Generated by tests/isa/test_simd_qemu_gen.py from qemu-aarch64 runs; do not edit.")
    print("// clang-format off")
    print("inline constexpr std::uint8_t kSimdOperandSets[][4][16] = {")
    for st in sets:
        print("    {" + ", ".join("{" + ", ".join(f"0x{b:02X}" for b in reg) + "}" for reg in st)
              + "},")
    print("};")
    print("// {word, operand set, V0 bits [63:0], V0 bits [127:64], FPSR.QC, llvm-mc's text}")
    print("inline constexpr SimdQemuCase kSimdQemuCases[] = {")
    texts = dict(zip(words, llvm_texts(words)))
    for (w, s), (lo, hi, qc) in zip(runs, res):
        print(f"    {{{w:#010x}, {s}, 0x{lo:016X}, 0x{hi:016X}, {qc}, {cstr(texts[w])}}},")
    print("};")
    print("// clang-format on")
    return 0


if __name__ == "__main__":
    sys.exit(main())
