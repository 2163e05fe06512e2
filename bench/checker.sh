#!/usr/bin/env bash
# The provenance checker's price: MIPS of the integer loop and of the kernel-style SVE
# save/restore loop (VL 512) inside SystemC, without and with `--check` (byte provenance on every
# register and memory byte), and the ratio. The issue's floor: with the checker a run keeps at
# least a third of its unchecked speed. Usage: bench/checker.sh [BUILD_DIR] (default build/).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$here/build}"
out="$build/bench"
mkdir -p "$out"
cmake --build "$build" --target svesim -j2 >/dev/null

INT_ITERS=${INT_ITERS:-5000000}  # 8 instructions each: 40 M instructions
SVE_ITERS=${SVE_ITERS:-50000}    # 102 instructions each: 5.1 M instructions

asm() { # name tag defsyms... -> elf
  local name=$1 tag=$2; shift 2
  aarch64-linux-gnu-as -march=armv8.2-a+sve -I "$here/bench/programs" "$@" \
    "$here/bench/programs/$name.s" -o "$out/$name.$tag.o"
  aarch64-linux-gnu-ld -Ttext=0x40080000 "$out/$name.$tag.o" -o "$out/$name.$tag.elf"
}
seconds() { # command... -> wall seconds (best of 3)
  local best=""
  for _ in 1 2 3; do
    local t0 t1 s
    t0=$(date +%s.%N); "$@" >/dev/null || true; t1=$(date +%s.%N)
    s=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
    if [[ -z "$best" ]] || awk -v s="$s" -v b="$best" 'BEGIN { exit !(s < b) }'; then best=$s; fi
  done
  echo "$best"
}
mips() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.1f", n / s / 1e6 }'; }

printf "%-30s %12s %12s %12s %8s\n" "benchmark" "instructions" "plain MIPS" "--check MIPS" "ratio"
run_case() { # label program iters insns_per_iter vl_bits
  local label=$1 prog=$2 iters=$3 per=$4 vl=$5 len=$(( $5 / 128 - 1 ))
  asm "$prog" "ck$vl" --defsym ITERS="$iters" --defsym VLLEN="$len"
  local n=$(( iters * per )) elf="$out/$prog.ck$vl.elf"
  local plain checked
  plain=$(seconds "$build/app/svesim" run --quantum 1000 "$elf")
  checked=$(seconds "$build/app/svesim" run --quantum 1000 --check "$elf")
  printf "%-30s %12d %12s %12s %8s\n" "$label" "$n" "$(mips "$n" "$plain")" \
    "$(mips "$n" "$checked")" "$(awk -v a="$plain" -v b="$checked" 'BEGIN { printf "%.2f", a / b }')"
}
run_case "integer loop" int_loop "$INT_ITERS" 8 512
run_case "SVE save/restore, VL 512" sve_save_restore "$SVE_ITERS" 102 512
