#!/bin/bash
# Cross-checks PAR_EL1 values of tests/mmu against qemu-system-aarch64 (see gen_at_par.py).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-/tmp/svesim-mmu-qemu}"
for tool in qemu-system-aarch64 aarch64-linux-gnu-as aarch64-linux-gnu-ld; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "mmu qemu cross-check: SKIPPED: $tool not found"
        exit 0
    fi
done
mkdir -p "$out"
python3 "$here/gen_at_par.py" >"$out/at_par.S"
aarch64-linux-gnu-as -march=armv8.2-a "$out/at_par.S" -o "$out/at_par.o"
aarch64-linux-gnu-ld -T "$here/../../arch/programs/link.ld" "$out/at_par.o" -o "$out/at_par.elf"
# Exit status: the number of FAIL lines (SKIP lines are documented QEMU deviations).
timeout 20 qemu-system-aarch64 -M virt,virtualization=on,secure=on -cpu max -nographic \
    -nic none -semihosting -kernel "$out/at_par.elf" </dev/null
