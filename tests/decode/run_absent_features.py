#!/usr/bin/env python3
"""Absent features are absent: the words only an absent feature makes valid are UNDEFINED.

Oracle: llvm-mc. For every feature the feature table (`svesim sysregs --features`) marks as
not implemented and gives an llvm-mc -mattr, the words llvm-mc decodes with svesim's
feature set plus that -mattr, and rejects with svesim's set alone, belong to that feature;
svesim must decode every one of them as <undefined> (an UNDEFINED exception, EC 0x00).

Words: --per-group words drawn uniformly in each sub-group of the A64 encoding space (a64.py;
outside the MRS/MSR/SYS space, where the system-register tests apply), the words llvm-mc
assembles for a few instructions of the features whose encodings are a tiny corner of their
group (SEEDS: single-encoding instructions such as FJCVTZS, CFINV, SB), plus --mutations
single- and double-bit neighbours of each word found. Prints per feature how many of its words were found
and checked. Fails when svesim decodes one of them, or when a feature with instructions
yields no word at all (the check would then be vacuous; raise --per-group).
Exit status: 0 pass, 1 failures, 77 llvm-mc missing (CTest skip).
"""
import argparse
import os
import random
import re
import subprocess
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import a64  # noqa: E402


# Instructions of features a uniform draw rarely hits (llvm-mc assembles them: the words come
# from LLVM, not from svesim).
SEEDS = {
    "+jsconv": ["fjcvtzs w0, d1"],
    "+rcpc": ["ldapr x0, [x1]", "ldapr w0, [x1]", "ldaprb w0, [x1]", "ldaprh w0, [x1]"],
    "+flagm": ["cfinv", "rmif x0, #3, #2", "setf8 w0", "setf16 w0"],
    "+altnzcv": ["xaflag", "axflag"],
    "+dit": ["msr dit, #1"],
    "+sb": ["sb"],
    "+ssbs": ["msr ssbs, #1"],
    "+fptoint": ["frint32z s0, s1", "frint64x d0, d1", "frint32x v0.4s, v1.4s",
                 "frint64z v0.2d, v1.2d"],
    "+ls64": ["ld64b x0, [x1]", "st64b x0, [x1]", "st64bv x2, x0, [x1]"],
}


def llvm_assemble(llvm, lines, mattr):
    res = subprocess.run([llvm, "-triple=aarch64", "-mattr=" + mattr, "-show-encoding"],
                         input="\n".join(lines), capture_output=True, text=True)
    out = []
    for m in re.finditer(r"encoding: \[0x(..),0x(..),0x(..),0x(..)\]", res.stdout):
        out.append(int(m.group(4) + m.group(3) + m.group(2) + m.group(1), 16))
    return out


def absent_features(svesim):
    """[(FEAT_name, mattr)] of the features the table marks absent, with instructions."""
    p = subprocess.run([svesim, "sysregs", "--features"], capture_output=True, text=True,
                       check=True)
    out = []
    for line in p.stdout.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 6 and cells[2] == "**no**" and cells[4].startswith("+"):
            out.append((cells[0], cells[4]))
    return out


def decodes(llvm, words, mattr):
    """The set of words llvm-mc decodes cleanly with `mattr`."""
    res = a64.llvm_disasm(llvm, words, mattr)
    return {w for w, (st, _) in zip(words, res) if st is None}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--svesim", required=True)
    ap.add_argument("--per-group", type=int, default=3000)
    ap.add_argument("--mutations", type=int, default=32)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    llvm = a64.find_llvm_mc()
    if not llvm:
        print("SKIPPED: llvm-mc not found")
        return 77
    feats = absent_features(args.svesim)
    base = a64.LLVM_MATTR
    union = base + "," + ",".join(sorted({m for _, m in feats}))

    words = set()
    for group in a64.GROUPS:
        for sub in group.subs:
            if sub.sysreg:
                continue
            rng = a64.group_rng(args.seed, sub.name)
            words.update(sub.draw(rng) for _ in range(args.per_group))
    for mattr, lines in SEEDS.items():
        words.update(llvm_assemble(llvm, lines, base + "," + mattr))
    words = sorted(words)
    # Candidates: valid with some absent feature, invalid with svesim's set.
    cand = decodes(llvm, words, union) - decodes(llvm, words, base)
    # Grow the candidates by bit-flip neighbours (feature corners are small).
    rng = random.Random(args.seed)
    nb = set()
    for w in sorted(cand):
        for _ in range(args.mutations):
            m = w ^ (1 << rng.randrange(32))
            if rng.random() < 0.5:
                m ^= 1 << rng.randrange(32)
            nb.add(m)
    nb = sorted(nb - cand)
    cand |= decodes(llvm, nb, union) - decodes(llvm, nb, base)
    cand = sorted(w for w in cand if not any(s.sysreg and s.match(w)
                                             for g in a64.GROUPS for s in g.subs))

    ours = dict(zip(cand, a64.svesim_disasm(args.svesim, cand)))
    fails = [w for w in cand if ours[w] is not None]
    print("%d words drawn, %d valid only with an absent feature" % (len(words) + len(nb),
                                                                    len(cand)))
    status = 0
    for name, mattr in feats:
        own = decodes(llvm, cand, base + "," + mattr)
        bad = [w for w in own if ours[w] is not None]
        print("  %-18s %-16s %6d words, %d decoded by svesim" % (name, mattr, len(own), len(bad)))
        if not own:
            print("FAIL %s: no word found for %s (the check would be vacuous)" % (name, mattr))
            status = 1
    for w in fails[:20]:
        print("FAIL %08x: svesim decodes '%s', valid only with an absent feature" % (w, ours[w]))
    return 1 if fails else status


if __name__ == "__main__":
    sys.exit(main())
