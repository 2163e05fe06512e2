#!/usr/bin/env python3
"""Decoder coverage and differential: svesim's decoder and disassembler against llvm-mc.

The words come from outside svesim: for every sub-group of the A64 encoding space (a64.py:
the top-level groups op0 = insn[28:25] and their major sub-groups), --per-group words drawn
uniformly inside it; plus, as extra probes of the corners next to what svesim implements,
--per-row words matching each row of svesim's decode table and --random fully random words.
LLVM (llvm-mc with a64.LLVM_MATTR, the feature set svesim models) says which are valid. For
each word:
  - LLVM says invalid   -> svesim must say <undefined> (else svesim accepts an unallocated
                           encoding: FAIL "over-accept")
  - both decode         -> the disassembly must be the same text (after folding whitespace
                           and dropping LLVM's trailing comments): else FAIL "mismatch"
  - only LLVM decodes   -> an instruction svesim does not implement (UNDEFINED): counted.
  - LLVM "potentially undefined" (a should-be field is off: CONSTRAINED UNPREDICTABLE, either
    answer is allowed) -> counted as CU, text compared only if svesim decodes it.
Coverage of a sub-group = the share of its LLVM-valid words (from the uniform draw only) that
svesim decodes under their own name. A group's coverage weights its sub-groups by their size
in the encoding space. The SYS and MRS/MSR (register) sub-groups are listed separately (svesim
decodes every MRS/MSR and prints registers it does not implement as S<op0>_<op1>_C<n>_C<m>_<op2>;
those count as not covered) and are not part of their group's figure.

Coverage must not fall below the floors in coverage_floor.txt (a ratchet: --update-floors
raises them to the measured values, never lowers them; the floors are checked only with the
default --seed, --per-group and --mattr with llvm-mc 14, which make the measurement exact
and repeatable).

Exit status: 0 all agree, 1 failures (printed), 77 llvm-mc missing (CTest skip).
"""
import argparse
import collections
import os
import random
import re
import subprocess
import sys
import time

sys.dont_write_bytecode = True  # keep the source tree free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import a64  # noqa: E402

DEFAULT_SEED = 1
DEFAULT_PER_GROUP = 10000
FLOORS_LLVM = 14          # the floors were measured with this llvm-mc major version
FLOORS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "coverage_floor.txt")


class Stats:
    def __init__(self):
        self.drawn = self.valid = self.covered = self.generic = self.cu = 0
        self.mismatch = self.overaccept = self.llvm_dev = 0
        self.missing = collections.Counter()   # mnemonics LLVM decodes and svesim does not

    def coverage(self):
        return 100.0 * self.covered / self.valid if self.valid else None


def classify(words, llvm, ours, stats, fails):
    for w, (st, theirs), mine in zip(words, llvm, ours):
        stats.drawn += 1
        if st == a64.INVALID:
            if mine is not None:
                stats.overaccept += 1
                fails.append(("over-accept", w, mine, "<invalid>"))
            continue
        if st == a64.SOFTFAIL:
            stats.cu += 1
            if mine is not None and a64.norm(mine) != a64.norm(theirs):
                stats.mismatch += 1
                fails.append(("mismatch", w, mine, theirs))
            continue
        stats.valid += 1
        if mine is None:
            stats.missing[a64.norm(theirs).split()[0]] += 1
            continue
        m, t = a64.norm(mine), a64.norm(theirs)
        if m == t:
            stats.covered += 1
        elif a64.llvm_text_deviation(m, t):
            stats.covered += 1
            stats.llvm_dev += 1
        elif a64.naming_gap(m, t):
            stats.generic += 1
            stats.missing[t.split()[0] + " (generic name)"] += 1
        else:
            stats.mismatch += 1
            fails.append(("mismatch", w, mine, theirs))


def read_floors(path):
    floors = {}
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                line = line.split("#")[0].split()
                if len(line) == 2:
                    floors[line[0]] = float(line[1])
    return floors


def write_floors(path, floors, order):
    with open(path, "w") as f:
        f.write("# Decoder coverage floors (percent of LLVM-valid words svesim decodes), checked by\n"
                "# tests/decode/run_decode_diff.py at its default --seed and --per-group. A ratchet:\n"
                "# `run_decode_diff.py --svesim build/app/svesim --update-floors` raises them to the\n"
                "# measured values and never lowers them; lower one by hand only with a reason in\n"
                "# the commit message (e.g. an over-accepted encoding was removed).\n")
        for name in order:
            if name in floors:
                f.write("%-18s %6.2f\n" % (name, floors[name]))


def fmt_cov(c):
    return "   n/a" if c is None else "%6.2f" % c


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--svesim", required=True)
    ap.add_argument("--per-group", type=int, default=DEFAULT_PER_GROUP,
                    help="words drawn uniformly in each sub-group (default %d)"
                    % DEFAULT_PER_GROUP)
    ap.add_argument("--per-row", type=int, default=300,
                    help="extra words per svesim decode-table row (checks only, no coverage)")
    ap.add_argument("--random", type=int, default=30000,
                    help="extra fully random words (checks only, no coverage)")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--mattr", default=a64.LLVM_MATTR, help="llvm-mc features")
    ap.add_argument("--show", type=int, default=40, help="failures to print")
    ap.add_argument("--report", action="store_true",
                    help="the coverage table with descriptions and the most common "
                         "unimplemented mnemonics per sub-group")
    ap.add_argument("--markdown", action="store_true",
                    help="also print the coverage table in Markdown (for docs/isa.md)")
    ap.add_argument("--floors", default=FLOORS, help="coverage floor file (ratchet)")
    ap.add_argument("--update-floors", action="store_true",
                    help="raise the floors in --floors to the measured coverage")
    args = ap.parse_args()
    llvm_mc = a64.find_llvm_mc()
    if not llvm_mc:
        print("SKIP: llvm-mc not found")
        return 77
    a64.self_check(2000)
    t0 = time.time()

    # The words: per sub-group (coverage and checks), per svesim row and random (checks).
    batches = []   # (stats key or None, words)
    for sg in a64.SUBGROUPS.values():
        rng = a64.group_rng(args.seed, sg.name)
        batches.append((sg.name, [sg.draw(rng) for _ in range(args.per_group)]))
    rng = random.Random(args.seed)
    rows = subprocess.run([args.svesim, "disasm", "--rows"], capture_output=True, text=True,
                          check=True).stdout.splitlines()
    extra = []
    for row in rows:
        mask, value = (int(x, 16) for x in row.split()[:2])
        for _ in range(args.per_row):
            extra.append(value | (rng.getrandbits(32) & ~mask & 0xFFFFFFFF))
    extra += [rng.getrandbits(32) for _ in range(args.random)]
    batches.append((None, extra))

    all_words = [w for _, ws in batches for w in ws]
    llvm = a64.llvm_disasm(llvm_mc, all_words, args.mattr)
    ours = a64.svesim_disasm(args.svesim, all_words)
    stats = {}
    fails = []
    k = 0
    for key, ws in batches:
        st = Stats()
        classify(ws, llvm[k:k + len(ws)], ours[k:k + len(ws)], st, fails)
        stats[key or "(svesim rows + random)"] = st
        k += len(ws)

    # Group figures: each sub-group's estimated count of valid / covered encodings.
    def estimate(subs):
        valid = covered = 0.0
        for sg in subs:
            s = stats[sg.name]
            if s.drawn:
                valid += sg.size() * s.valid / s.drawn
                covered += sg.size() * s.covered / s.drawn
        return (100.0 * covered / valid) if valid else None, valid

    floors = read_floors(args.floors)

    def floor(name):
        return "%7.2f" % floors[name] if name in floors else ""

    measured = {}
    lines = []
    hdr = "%-18s %8s %7s %7s %7s %7s %4s %5s %6s" % (
        "group", "drawn", "valid", "decoded", "cover%", "floor", "CU", "mism", "overac")
    lines.append(hdr)
    lines.append("-" * len(hdr))
    sys_rows = []
    total_valid = total_cov = 0.0
    for g in a64.GROUPS:
        subs = [sg for sg in g.subs if not sg.sysreg]
        cov, valid = estimate(subs)
        measured[g.name] = cov
        if cov is not None:
            total_valid += valid
            total_cov += valid * cov / 100.0
        agg = Stats()
        for sg in subs:
            s = stats[sg.name]
            for f in ("drawn", "valid", "covered", "cu", "mismatch", "overaccept"):
                setattr(agg, f, getattr(agg, f) + getattr(s, f))
        lines.append("%-18s %8d %7d %7d %7s %7s %4d %5d %6d" % (
            g.name, agg.drawn, agg.valid, agg.covered, fmt_cov(cov), floor(g.name), agg.cu,
            agg.mismatch,
            agg.overaccept))
        for sg in g.subs:
            s = stats[sg.name]
            measured[sg.name] = s.coverage()
            row = "  %-16s %8d %7d %7d %7s %7s %4d %5d %6d" % (
                sg.name, s.drawn, s.valid, s.covered, fmt_cov(s.coverage()), floor(sg.name), s.cu,
                s.mismatch, s.overaccept)
            (sys_rows if sg.sysreg else lines).append(row)
    measured["total"] = 100.0 * total_cov / total_valid
    lines.append("-" * len(hdr))
    lines.append("%-18s %8s %7s %7s %7s %7s" % ("total (by encodings)", "", "", "",
                                               fmt_cov(measured["total"]), floor("total")))
    lines.append("system registers and operations (not in the figures above):")
    lines.extend(sys_rows)
    ex = stats["(svesim rows + random)"]
    lines.append("extra probes (svesim rows + random): %d words, %d valid, %d decoded, %d CU, "
                 "%d mismatches, %d over-accepted" % (ex.drawn, ex.valid, ex.covered, ex.cu,
                                                      ex.mismatch, ex.overaccept))

    # Floors (only at the default sampling, where the measurement is exact).
    ver = re.search(r"LLVM version (\d+)", subprocess.run(
        [llvm_mc, "--version"], capture_output=True, text=True).stdout)
    same_llvm = ver is not None and int(ver.group(1)) == FLOORS_LLVM
    exact = (args.seed == DEFAULT_SEED and args.per_group == DEFAULT_PER_GROUP and same_llvm
             and args.mattr == a64.LLVM_MATTR)
    below = []
    for name, fl in floors.items():
        if exact and (measured.get(name) is None or measured[name] + 1e-9 < fl):
            below.append("%s: coverage %s%% is below its floor %.2f%%"
                         % (name, fmt_cov(measured.get(name)).strip(), fl))
    order = ["total"] + [n for g in a64.GROUPS for n in [g.name] + [s.name for s in g.subs]]
    if args.update_floors:
        if not exact:
            print("--update-floors needs the default --seed and --per-group")
            return 2
        new = dict(floors)
        for name in order:
            if measured.get(name) is not None:
                val = int(measured[name] * 100) / 100.0
                new[name] = max(floors.get(name, 0.0), val)
        write_floors(args.floors, new, order)
        print("floors written to %s" % args.floors)

    print("decoder coverage against llvm-mc (-mattr=%s), %d words per sub-group, seed %d, "
          "%.1f s" % (args.mattr, args.per_group, args.seed, time.time() - t0))
    print("\n".join(lines))
    if args.report:
        print("\nmost common LLVM-valid mnemonics svesim does not decode, per sub-group:")
        for g in a64.GROUPS:
            for sg in g.subs:
                s = stats[sg.name]
                if s.missing:
                    top = ", ".join("%s %d" % kv for kv in s.missing.most_common(10))
                    print("  %-16s %s" % (sg.name, top))
        print("\nsub-groups:")
        for g in a64.GROUPS:
            print("  %-16s %s" % (g.name, g.desc))
            for sg in g.subs:
                print("    %-14s %s" % (sg.name, sg.desc))

    if args.markdown:
        print()
        print("| group | sub-group | LLVM-valid | svesim decodes | coverage |")
        print("|---|---|---:|---:|---:|")
        for g in a64.GROUPS:
            subs = [sg for sg in g.subs if not sg.sysreg]
            print("| **%s** | %s | | | **%s** |" % (g.name, g.desc,
                                                  fmt_cov(measured[g.name]).strip()))
            for sg in g.subs:
                s = stats[sg.name]
                print("| | `%s`%s: %s | %d | %d | %s |" % (
                    sg.name, " (system, not in the group figure)" if sg.sysreg else "",
                    sg.desc, s.valid, s.covered, fmt_cov(s.coverage()).strip()))
        print("| **total** | weighted by encodings | | | **%s** |"
              % fmt_cov(measured["total"]).strip())
    if not exact:
        print("floors not checked (they hold for the default --seed, --per-group and --mattr "
              "with llvm-mc %d)" % FLOORS_LLVM)
    nm = sum(1 for f in fails if f[0] == "mismatch")
    no = sum(1 for f in fails if f[0] == "over-accept")
    ndev = sum(s.llvm_dev for s in stats.values())
    print("%d mismatches, %d over-accepted encodings, %d coverage floors broken "
          "(%d words where svesim prints the Arm ARM's preferred text and LLVM 14 does not)"
          % (nm, no, len(below), ndev))
    for b in below:
        print("  " + b)
    seen = set()
    shown = 0
    for kind, w, mine, t in fails:
        key = kind + "|" + mine.split("\t")[0] + "|" + t.split("\t")[0].split()[0]
        if key in seen:
            continue
        seen.add(key)
        print("  %s %08x: svesim '%s'  llvm '%s'" % (kind, w, a64.norm(mine), a64.norm(t)))
        shown += 1
        if shown >= args.show:
            break
    return 1 if fails or below else 0


if __name__ == "__main__":
    sys.exit(main())
