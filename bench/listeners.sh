#!/usr/bin/env bash
# What the embedding features cost: MIPS of the integer loop (bench/programs/int_loop.s, 200 M
# instructions) inside SystemC with nothing attached, with --stats, with a VCD, with the TLM
# transaction trace (to /dev/null), with a 100 ns quantum, and with gdb-multiarch attached and a
# breakpoint that is never hit. Usage: bench/listeners.sh [BUILD_DIR] (default build/).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$here/build}"
out="$build/bench"
mkdir -p "$out"
cmake --build "$build" --target svesim -j2 >/dev/null
ITERS=${ITERS:-25000000} # 8 instructions each
n=$(( ITERS * 8 ))
aarch64-linux-gnu-as -march=armv8.2-a+sve -I "$here/bench/programs" --defsym ITERS="$ITERS" \
  --defsym VLLEN=0 "$here/bench/programs/int_loop.s" -o "$out/int_loop.listeners.o"
aarch64-linux-gnu-ld -Ttext=0x40080000 "$out/int_loop.listeners.o" -o "$out/int_loop.listeners.elf"
elf="$out/int_loop.listeners.elf"
svesim="$build/app/svesim"

seconds() { # command... -> wall seconds
  local t0 t1
  t0=$(date +%s.%N); "$@" >/dev/null 2>&1; t1=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }'
}
row() { # label seconds
  printf "%-44s %8s s %8.1f MIPS\n" "$1" "$2" "$(awk -v n="$n" -v s="$2" 'BEGIN { print n / s / 1e6 }')"
}
row "svesim run (1 us quantum)" "$(seconds "$svesim" run "$elf")"
row "  --stats" "$(seconds "$svesim" run --stats "$elf")"
row "  --vcd" "$(seconds "$svesim" run --vcd "$out/listeners.vcd" "$elf")"
row "  --trace tlm (to /dev/null)" "$(seconds "$svesim" run --trace tlm --trace-file /dev/null "$elf")"
row "  --quantum 100ns" "$(seconds "$svesim" run --quantum 100ns "$elf")"
if command -v gdb-multiarch >/dev/null; then
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  t0=$(date +%s.%N)
  "$svesim" run --gdb "$port" "$elf" >/dev/null 2>&1 &
  pid=$!
  sleep 0.2
  gdb-multiarch -batch -nx -ex "target remote :$port" -ex 'break *0x40000000' -ex continue \
    "$elf" >/dev/null 2>&1 || true
  wait "$pid" || true
  t1=$(date +%s.%N)
  row "  gdb attached, one breakpoint (incl. connect)" "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')"
fi
