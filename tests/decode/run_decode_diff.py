#!/usr/bin/env python3
"""Decoder differential: svesim's decoder and disassembler against llvm-mc.

Words tested: for every row of svesim's decode table, random words matching its fixed bits
(so every implemented group is covered, including its unallocated corners), plus fully random
words. For each word:
  - LLVM says invalid   -> svesim must say <undefined> (else: svesim accepts an unallocated
                           encoding: FAIL)
  - both decode         -> the disassembly must be the same text (after folding whitespace
                           and dropping LLVM's trailing comments): else FAIL
  - only LLVM decodes   -> an instruction svesim does not implement (UNDEFINED): counted,
                           not a failure.
Exit status: 0 all agree, 1 mismatches (printed), 77 tools missing (CTest skip).
"""
import argparse
import random
import re
import shutil
import subprocess
import sys


def llvm_disasm(llvm_mc, words):
    text = "\n".join(" ".join(f"0x{(w >> (8 * i)) & 0xFF:02x}" for i in range(4)) for w in words)
    res = subprocess.run([llvm_mc, "--disassemble", "-triple=aarch64",
                          "-mattr=+v8.2a,+sve,+el3,+neon,+fp-armv8"],
                         input=text, capture_output=True, text=True)
    # stdout: one line per decoded word, in order; stderr: a warning per invalid word, with
    # the input line number ("<stdin>:LINE:COL: warning: invalid instruction encoding").
    invalid = set()
    for m in re.finditer(r"<stdin>:(\d+):\d+: warning: invalid instruction encoding", res.stderr):
        invalid.add(int(m.group(1)) - 1)
    decoded = [l.strip() for l in res.stdout.splitlines()
               if l.strip() and not l.strip().startswith(".text")]
    out, k = [], 0
    for idx in range(len(words)):
        if idx in invalid:
            out.append(None)
        else:
            out.append(decoded[k] if k < len(decoded) else "?")
            k += 1
    return out


def norm(s):
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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--svesim", required=True)
    ap.add_argument("--per-row", type=int, default=200)
    ap.add_argument("--random", type=int, default=20000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--show", type=int, default=40, help="mismatches to print")
    args = ap.parse_args()
    llvm_mc = shutil.which("llvm-mc") or shutil.which("llvm-mc-14")
    if not llvm_mc:
        print("SKIP: llvm-mc not found")
        return 77
    rng = random.Random(args.seed)
    rows = subprocess.run([args.svesim, "disasm", "--rows"], capture_output=True, text=True,
                          check=True).stdout.splitlines()
    words = []
    for row in rows:
        mask, value = (int(x, 16) for x in row.split()[:2])
        for _ in range(args.per_row):
            words.append(value | (rng.getrandbits(32) & ~mask & 0xFFFFFFFF))
    words += [rng.getrandbits(32) for _ in range(args.random)]
    ours = subprocess.run([args.svesim, "disasm"], input="\n".join(f"{w:08x}" for w in words),
                          capture_output=True, text=True, check=True).stdout.splitlines()
    theirs = llvm_disasm(llvm_mc, words)
    fails, unimplemented, agree, named = [], 0, 0, 0
    for w, o, t in zip(words, ours, theirs):
        mine = o.split("\t", 1)[1]
        if t is None:
            if mine != "<undefined>":
                fails.append((w, mine, "<invalid>"))
            continue
        if mine == "<undefined>":
            unimplemented += 1
            continue
        if norm(mine) != norm(t):
            if naming_gap(norm(mine), norm(t)):
                named += 1
            else:
                fails.append((w, mine, t))
        else:
            agree += 1
    print(f"{len(words)} words: {agree} agree, {unimplemented} decoded by LLVM only "
          f"(not implemented in svesim), {named} system-register/SYS names svesim prints in "
          f"generic form, {len(fails)} mismatches")
    seen = set()
    shown = 0
    for w, mine, t in fails:
        key = mine.split("\t")[0] + "|" + t.split("\t")[0].split()[0]
        if key in seen:
            continue
        seen.add(key)
        print(f"  {w:08x}: svesim '{norm(mine)}'  llvm '{norm(t)}'")
        shown += 1
        if shown >= args.show:
            break
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
