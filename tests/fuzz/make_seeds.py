#!/usr/bin/env python3
"""Writes fuzz seeds tests/fuzz/corpus/seed_<group>: one input per instruction group, made of
the instruction words the unit tests of that group use (tests/isa/<files>) that svesim decodes,
behind a configuration that enables FP, AdvSIMD and SVE at EL3 with VL 2048 (see the bit order
in fuzz_execute.cpp). The fuzzer mutates from there into the new instructions' neighbourhoods.
Usage: make_seeds.py SVESIM (the svesim binary, for `svesim disasm`)."""
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ISA = os.path.join(HERE, "..", "isa")
GROUPS = {
    "fp_scalar": ["test_fp_insns.cpp", "test_fp_scalar_qemu.cpp"],
    "fp_estimates": ["test_fp_estimate_qemu.cpp"],
    "simd_fp": ["test_simd_fp_qemu.cpp"],
    "simd_int": ["test_simd_int.cpp", "test_simd_fuzz.cpp", "test_simd_ldst.cpp"],
    "sve_fp": ["test_sve_fp_insns.cpp", "test_sve_fp_qemu.cpp", "test_sve_fp_trig.cpp",
               "test_sve_fp_trig_qemu.cpp"],
    "sve_mem": ["test_sve_mem_ffr.cpp", "test_sve_mem_qemu.cpp", "test_sve_ldst.cpp"],
    "sve_int_perm": ["test_sve_int_binary.cpp", "test_sve_perm_qemu.cpp", "test_sve_pred_perm.cpp"],
    "lse": ["test_lse_atomics.cpp", "test_ldst_lor_pairs_unpriv.cpp"],
}
MAX_WORDS = 256


def config():
    """The 64 configuration bits in the order fuzz_execute.cpp takes them."""
    fields = [(1, 1), (1, 1),          # EL2, EL3
              (2, 0), (1, 1), (1, 0),  # max VL 2048, powers of two
              (2, 0),                  # policy: preserve
              (4, 0xF),                # CPACR_EL1.FPEN/ZEN = 11
              (4, 0), (1, 0), (1, 0),  # CPTR_EL2: no traps
              (1, 1), (1, 0),          # CPTR_EL3.EZ = 1, TFP = 0
              (4, 15), (4, 15), (4, 15),  # ZCR_EL1/2/3.LEN = 15
              (1, 0), (1, 0), (1, 0), (1, 0), (1, 0),  # E2H, TGE, IMO, HCE, SCTLR.M
              (2, 3), (1, 0)]          # start at EL3, no IRQ
    v, pos = 0, 0
    for width, value in fields:
        v |= value << pos
        pos += width
    return v.to_bytes(8, "little")


def decodable(svesim, words):
    out = subprocess.run([svesim, "disasm"], input="\n".join("%#x" % w for w in words),
                         capture_output=True, text=True, check=True).stdout.splitlines()
    return [w for w, line in zip(words, out) if "<undefined>" not in line]


def main():
    svesim = sys.argv[1]
    for group, files in GROUPS.items():
        words = []
        for f in files:
            for m in re.finditer(r"\b0x([0-9a-fA-F]{8})\b", open(os.path.join(ISA, f)).read()):
                w = int(m.group(1), 16)
                if w not in words:
                    words.append(w)
        words = decodable(svesim, words)[:MAX_WORDS]
        with open(os.path.join(HERE, "corpus", "seed_" + group), "wb") as out:
            out.write(config() + b"".join(w.to_bytes(4, "little") for w in words))
        print("seed_%s: %d words" % (group, len(words)))


if __name__ == "__main__":
    main()
