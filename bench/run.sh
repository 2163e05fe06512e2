#!/usr/bin/env bash
# Prints MIPS for (a) an integer loop, (b) the kernel-style SVE save/restore loop at VL 128,
# 512 and 2048 (MMU off and on), (c) a scalar + AdvSIMD FP loop and (d) an SVE FP loop with a
# gather at VL 128, 512 and 2048: each on the model alone, inside SystemC (svesim run, 1 us
# quantum: the default), under qemu-aarch64 (the same loop built for Linux) and under
# qemu-system-aarch64 (the same bare-metal ELF, semihosting exit), with qemu-aarch64's MIPS as a
# ratio to SystemC's.
# Usage: bench/run.sh [BUILD_DIR] (default build/; built if needed).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$here/build}"
out="$build/bench"
mkdir -p "$out"
cmake --build "$build" --target svesim svesim_bench_processor -j2 >/dev/null

INT_ITERS=${INT_ITERS:-25000000}   # 8 instructions each: 200 M instructions
SVE_ITERS=${SVE_ITERS:-200000}     # 102 instructions each: 20.4 M instructions
FP_ITERS=${FP_ITERS:-1000000}      # 13 instructions each: 13 M instructions
SVE_FP_ITERS=${SVE_FP_ITERS:-50000} # 148 instructions each: 7.4 M instructions

asm() { # name defsyms... -> elf
  local name=$1 tag=$2; shift 2
  aarch64-linux-gnu-as -march=armv8.2-a+sve -I "$here/bench/programs" "$@" \
    "$here/bench/programs/$name.s" -o "$out/$name.$tag.o"
  aarch64-linux-gnu-ld -Ttext=0x40080000 "$out/$name.$tag.o" -o "$out/$name.$tag.elf"
}
mips() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.1f", n / s / 1e6 }'; }
seconds() { # command... -> wall seconds
  local t0 t1
  t0=$(date +%s.%N); "$@" >/dev/null; t1=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }'
}

printf "%-34s %12s %10s %10s %10s %10s %8s\n" "benchmark" "instructions" "processor" "SystemC" "qemu" "qemu-sys" "qemu/sc"
run_case() { # label program iters insns_per_iter vl_bits [mmu]
  local label=$1 prog=$2 iters=$3 per=$4 vl=$5 len=$(( $5 / 128 - 1 ))
  local tag="bm$vl" mmu=()
  if [ "${6:-}" = mmu ]; then tag="bm${vl}mmu"; mmu=(--defsym MMU=1); fi
  asm "$prog" "$tag" --defsym ITERS="$iters" --defsym VLLEN="$len" "${mmu[@]}"
  asm "$prog" "linux$vl" --defsym ITERS="$iters" --defsym VLLEN="$len" --defsym LINUX=1
  local n=$(( iters * per ))
  local p_line; p_line=$("$build/bench/svesim_bench_processor" "$out/$prog.$tag.elf" 2048)
  local p_mips; p_mips=$(echo "$p_line" | awk '{print $6}')
  local sc_s; sc_s=$(seconds "$build/app/svesim" run --quantum 1000 "$out/$prog.$tag.elf")
  local sc_mips; sc_mips=$(mips "$n" "$sc_s")
  local q="n/a" ratio="n/a"
  if command -v qemu-aarch64 >/dev/null; then
    local q_s; q_s=$(seconds qemu-aarch64 -cpu "max,sve-default-vector-length=$(( vl / 8 ))" "$out/$prog.linux$vl.elf")
    q=$(mips "$n" "$q_s"); ratio=$(awk -v a="$q" -v b="$sc_mips" 'BEGIN { printf "%.2f", a / b }')
  fi
  local qs="n/a"
  if command -v qemu-system-aarch64 >/dev/null; then
    # The bare-metal ELF starts at EL3 (secure=on) with the VL its ZCR_EL3 write sets.
    local qs_s; qs_s=$(seconds timeout 600 qemu-system-aarch64 -M virt,secure=on,virtualization=on \
      -cpu max -m 1G -nographic -nic none -monitor none -serial none -semihosting \
      -kernel "$out/$prog.$tag.elf")
    qs=$(mips "$n" "$qs_s")
  fi
  printf "%-34s %12d %10s %10s %10s %10s %8s\n" "$label" "$n" "$p_mips" "$sc_mips" "$q" "$qs" "$ratio"
}
run_case "(a) integer loop" int_loop "$INT_ITERS" 8 128
run_case "(a) integer loop, MMU on (4 KiB)" int_loop "$INT_ITERS" 8 128 mmu
for vl in 128 512 2048; do
  run_case "(b) SVE save/restore, VL $vl" sve_save_restore "$SVE_ITERS" 102 "$vl"
done
for vl in 128 512 2048; do
  run_case "(b) SVE save/restore, VL $vl, MMU on" sve_save_restore "$SVE_ITERS" 102 "$vl" mmu
done
run_case "(c) FP loop (scalar + AdvSIMD)" fp_loop "$FP_ITERS" 13 128
for vl in 128 512 2048; do
  run_case "(d) SVE FP + gather, VL $vl" sve_fp_gather "$SVE_FP_ITERS" 148 "$vl"
done
echo "processor = the model alone (MIPS); SystemC = svesim run with a 1 us quantum (MIPS, wall"
echo "time including start-up); qemu = qemu-aarch64 user mode (MIPS); qemu-sys = qemu-system-aarch64"
echo "on the bare-metal ELF (MIPS, wall time including start-up); qemu/sc = qemu MIPS / SystemC MIPS."
