#!/usr/bin/env python3
"""svesim's system-register table against llvm-mc's system-register names.

Oracle: llvm-mc disassembles every MRS and MSR (register) encoding (op0 = 2, 3; all op1, CRn,
CRm, op2: 2 x 32768 words) with the -mattr of svesim's feature set; each name it prints is
the register the Arm ARM gives that encoding. Checks:
  1. every row of `svesim sysregs` disassembles, in each direction the row allows, to the
     row's own name (so every encoding in the table is right);
  2. every name llvm-mc knows is either a row of the table or matched by a line of
     sysreg_llvm_missing.txt, which gives the reason (another helper's block, a feature
     svesim does not implement, AArch32, ...);
  3. every line of sysreg_llvm_missing.txt matches at least one name (the list stays exact).
Exit status: 0 pass, 1 failures (printed), 77 llvm-mc missing (CTest skip).
"""
import argparse
import os
import re
import subprocess
import sys

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "decode"))
import a64  # noqa: E402

MATTR = "+v8.2a,+sve,+fullfp16,+ras,+lor,+vh,+pan,+pan-rwv,+uaops,+ccpp,+lse,+rdm,+crc"


def llvm_names(llvm):
    """{(direction 'R'/'W', op0, op1, crn, crm, op2): NAME} for every named encoding."""
    keys, words = [], []
    for load in (1, 0):
        for o0 in (0, 1):
            for op1 in range(8):
                for crn in range(16):
                    for crm in range(16):
                        for op2 in range(8):
                            words.append(0xD5100000 | (load << 21) | (o0 << 19) | (op1 << 16)
                                         | (crn << 12) | (crm << 8) | (op2 << 5))
                            keys.append(("R" if load else "W", 2 + o0, op1, crn, crm, op2))
    out = {}
    for key, (status, text) in zip(keys, a64.llvm_disasm(llvm, words, MATTR)):
        if status == a64.INVALID or text is None:
            continue
        t = a64.norm(text)
        if a64.GENERIC_SYSREG.search(t):
            continue
        parts = t.replace(",", " ").split()
        out[key] = (parts[2] if parts[0] == "mrs" else parts[1]).upper()
    return out


def table_rows(svesim):
    p = subprocess.run([svesim, "sysregs"], capture_output=True, text=True, check=True)
    rows = []
    for line in p.stdout.splitlines()[2:]:
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        enc = tuple(int(x) for x in cells[1].split(","))
        rows.append((cells[0].upper(), enc, cells[3]))
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--svesim", required=True)
    args = ap.parse_args()
    llvm = a64.find_llvm_mc()
    if not llvm:
        print("SKIPPED: llvm-mc not found")
        return 77
    names = llvm_names(llvm)
    rows = table_rows(args.svesim)
    fails = []
    for name, enc, access in rows:
        for d in ("R", "W"):
            if (d == "R" and access == "WO") or (d == "W" and access == "RO"):
                continue
            theirs = names.get((d,) + enc)
            if theirs != name:
                fails.append("row %s %s %s: llvm-mc names it %s" % (name, enc, d, theirs))
    known = set(names.values())
    ours = {r[0] for r in rows}
    missing = []
    for line in open(os.path.join(HERE, "sysreg_llvm_missing.txt")):
        if line.strip() and not line.startswith("#"):
            pattern, reason = re.split(r"\s{2,}|\t", line.strip(), maxsplit=1)
            missing.append((re.compile(pattern + "$"), pattern, reason))
    used = set()
    for n in sorted(known - ours):
        hits = [m for m in missing if m[0].match(n)]
        if not hits:
            fails.append("llvm-mc name %s is not in the table and not listed in "
                         "sysreg_llvm_missing.txt" % n)
        used.update(h[1] for h in hits)
    for _, pattern, _ in missing:
        if pattern not in used:
            fails.append("sysreg_llvm_missing.txt line '%s' matches no missing name" % pattern)
    print("table rows: %d, llvm-mc names: %d, listed as absent: %d" %
          (len(rows), len(known), len(known - ours)))
    for f in fails:
        print("FAIL", f)
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
