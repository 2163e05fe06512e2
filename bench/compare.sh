#!/usr/bin/env bash
# Compares two svesim builds on the bench ELFs that bench/run.sh leaves in BUILD/bench/:
# MIPS per CPU second (user + sys) of `svesim run --quantum 1000`, best of three, which other
# jobs on a shared machine disturb far less than wall time.
# Usage: bench/compare.sh OLD_SVESIM NEW_SVESIM [BUILD_DIR]   (run bench/run.sh first)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ $# -lt 2 ]; then
  echo "usage: $0 OLD_SVESIM NEW_SVESIM [BUILD_DIR]" >&2
  exit 2
fi
old=$1 new=$2 out="${3:-$here/build}/bench"
# ELF name : millions of instructions (bench/run.sh's default iteration counts)
cases="int_loop.bm128:200 int_loop.bm128mmu:200 sve_save_restore.bm128:20.4
sve_save_restore.bm512:20.4 sve_save_restore.bm2048:20.4 sve_save_restore.bm128mmu:20.4
sve_save_restore.bm512mmu:20.4 sve_save_restore.bm2048mmu:20.4 fp_loop.bm128:13
sve_fp_gather.bm128:7.4 sve_fp_gather.bm512:7.4 sve_fp_gather.bm2048:7.4"
best_mips() { # svesim elf millions
  local best=0 t m
  for _ in 1 2 3; do
    t=$({ /usr/bin/time -f "%U %S" "$1" run --quantum 1000 "$2" >/dev/null; } 2>&1 | tail -1 |
      awk '{print $1 + $2}')
    m=$(awk -v t="$t" -v n="$3" 'BEGIN { printf "%.1f", n / t }')
    best=$(awk -v a="$m" -v b="$best" 'BEGIN { print (a > b) ? a : b }')
  done
  echo "$best"
}
printf "%-28s %8s %8s %6s\n" "ELF" "old" "new" "x"
for c in $cases; do
  elf="$out/${c%%:*}.elf" n=${c##*:}
  if [ ! -f "$elf" ]; then
    echo "$elf missing: run bench/run.sh first" >&2
    exit 2
  fi
  o=$(best_mips "$old" "$elf" "$n") w=$(best_mips "$new" "$elf" "$n")
  printf "%-28s %8s %8s %6s\n" "${c%%:*}" "$o" "$w" "$(awk -v a="$o" -v b="$w" 'BEGIN { printf "%.2f", b / a }')"
done
echo "MIPS per CPU second (user + sys) inside SystemC (svesim run, 1 us quantum), best of 3."
