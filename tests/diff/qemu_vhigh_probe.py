#!/usr/bin/env python3
"""QEMU-only probe: after which AdvSIMD/FP instructions are bits above the result not zero?

The Arm ARM's V[] setter zero-extends every write of a SIMD&FP register to the whole Z
register (`_Z[n] = ZeroExtend(value, MAX_VL)`), so after any instruction that writes Vd the
bits of Zd above 128 must be zero, and above 8/16/32/64 after a write of a scalar B/H/S/D
register. This probe draws words of a word-drawn class (words.py:
LLVM-valid, patched safe), fills Zd with ones, runs the word, stores Zd, and lists by
mnemonic and operand form the ones after which qemu-aarch64 (VL 256) left upper bits set.
svesim is not involved (it only serves as the words' decoder check, which is skipped here).
The result is the list words.QEMU_VHIGH works around; rerun it with a new QEMU.

Usage: qemu_vhigh_probe.py [--class w_simd] [--words 100000] [--seed 1]
"""

import argparse
import collections
import os
import random
import re
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen  # noqa: E402
import words  # noqa: E402
a64 = words.a64

VLB = 32                      # VL 256: Z is 32 bytes, the upper 16 must be zero


class NoSvesim(words.Oracle):
    def __init__(self):       # noqa: D401 - the probe does not ask svesim
        self.svesim, self.llvm_mc, self.require_implemented = None, a64.find_llvm_mc(), False


SCALAR_BYTES = {"b": 1, "h": 2, "s": 4, "d": 8, "q": 16}


def scalar_bytes(text):
    """Bytes of the destination when it is a scalar B/H/S/D register (else 16): a scalar
    write zero-extends to the whole register too, so the bytes above it must be zero."""
    mn, ops = words.split_ops(text)
    m = re.match(r"^([bhsdq])\d+$", ops[0]) if ops else None
    return SCALAR_BYTES[m.group(1)] if m else 16


def vdest(text):
    """Register numbers of the SIMD&FP registers the instruction writes (by LLVM's text)."""
    mn, ops = words.split_ops(text)
    if not ops or mn in words.NO_DEST or mn.startswith("st") or mn.startswith("prf"):
        return []
    if ops[0].startswith("{"):
        return [int(r) for r in re.findall(r"\bv(\d+)\.", ops[0])]
    m = re.match(r"^[vqdshb](\d+)\b", ops[0])
    return [int(m.group(1))] if m else []


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--class", dest="cls", default="w_simd",
                    choices=["w_fp", "w_simd", "w_simd_ldst"])
    ap.add_argument("--words", type=int, default=100000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--qemu", default="qemu-aarch64")
    args = ap.parse_args()
    wc = words.WordClass(args.cls, NoSvesim(), random.Random(args.seed), 8 * VLB, {})
    raw = []
    for _ in range(max(1, args.words // words.BATCH)):
        raw += wc.draw()
    prep = wc.first(raw, a64.llvm_disasm(wc.oracle.llvm_mc, raw))
    second = a64.llvm_disasm(wc.oracle.llvm_mc, [p[0] for p in prep])
    items = []
    for (w, prefix, ctx), (st, text) in zip(prep, second):
        if st is None and not wc.check(w, text, ctx) and vdest(text):
            items.append((w, a64.norm(text), vdest(text), prefix))
    bad, good = collections.defaultdict(set), collections.defaultdict(set)
    unhandled = set()
    rng = random.Random(args.seed)
    zinit = bytearray(rng.getrandbits(8) for _ in range(32 * VLB))
    gen.fp_specials(zinit, 8 * VLB, rng)
    with tempfile.TemporaryDirectory(prefix="svesim-vhigh-") as d:
        src, obj, exe = (os.path.join(d, n) for n in ("p.s", "p.o", "p"))
        for k in range(0, len(items), 100):
            chunk = items[k:k + 100]
            # sources: random bytes, and FP values of every kind (gen.fp_value)
            lines = [".arch armv8.2-a+sve", ".text", ".globl _start", "_start:",
                     "  adr x0, zinit"] + ["  ldr z%d, [x0, #%d, mul vl]" % (i, i)
                                           for i in range(32)]
            slot = 0
            for w, text, regs, prefix in chunk:
                lines += ["  dup z%d.b, #-1" % r for r in regs]
                lines += ["  adr x28, buf + 0x2000"] + ["  " + x for x in prefix]
                lines.append("  .inst 0x%08x  // %s" % (w, text))
                lines.append("  adr x28, out")
                for r in regs:
                    lines.append("  str z%d, [x28, #%d, mul vl]" % (r, slot))
                    slot += 1
            lines += ["  mov x0, #1", "  adr x1, out", "  mov x2, #%d" % (slot * VLB),
                      "  mov x8, #64", "  svc #0", "  mov x0, #0", "  mov x8, #93", "  svc #0",
                      ".balign 4096", "buf: .fill 0x4000, 1, 0", "out: .fill %d, 1, 0"
                      % (slot * VLB), "zinit: .byte " + ",".join(str(b) for b in zinit)]
            with open(src, "w") as f:
                f.write("\n".join(lines) + "\n")
            subprocess.run(["aarch64-linux-gnu-as", "-march=armv8.2-a+sve", "-o", obj, src],
                           check=True)
            subprocess.run(["aarch64-linux-gnu-ld", "-N", "-o", exe, obj], check=True,
                           capture_output=True)
            out = subprocess.run([args.qemu, "-cpu", "max,sve-default-vector-length=%d" % VLB,
                                  exe], capture_output=True).stdout
            if len(out) != slot * VLB:
                print("qemu did not finish a chunk of %d words (skipped)" % len(chunk))
                continue
            slot = 0
            for w, text, regs, prefix in chunk:
                dirty = False
                for r in regs:
                    dirty |= any(out[slot * VLB + scalar_bytes(text):(slot + 1) * VLB])
                    slot += 1
                form = re.sub(r"#-?\w+", "#I", re.sub(r"\b([vqdshbxw])\d+", r"\1N", text))
                form = re.sub(r"\[\d+\]", "[i]", form)
                (bad if dirty else good)[text.split()[0]].add(form)
                if dirty and not words.qemu_vhigh_fixup(text):
                    unhandled.add(form)
    print("%d instructions of class %s writing SIMD&FP registers, %d mnemonics; QEMU leaves "
          "Z bits above 128 set after:" % (len(items), args.cls, len(set(bad) | set(good))))
    for m in sorted(bad):
        print("  %-9s %s" % (m, "; ".join(sorted(bad[m]))))
        if m in good:
            z = sorted(good[m])
            print("  %-9s (zeroed after: %s%s)" % ("", "; ".join(z[:6]), "; ..." if z[6:] else ""))
    if unhandled:
        print("not yet worked around by words.qemu_vhigh_fixup: %s" % "; ".join(sorted(unhandled)))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
