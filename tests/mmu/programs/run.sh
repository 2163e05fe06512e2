#!/bin/bash
# Builds tests/mmu/programs/*.S (with tests/arch/programs/common.inc) and runs each on svesim
# or on qemu-system-aarch64; each program exits with its number of failures.
#   run.sh --svesim PATH OUTDIR | run.sh --qemu OUTDIR
# Exit status: 0 all passed, 1 a failure, 77 a tool missing (ctest: skipped).
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
inc="$here/../../arch/programs"
runner="$1"
if [ "$runner" = --svesim ]; then svesim="$2"; out="$3"; else out="$2"; fi
for tool in aarch64-linux-gnu-as aarch64-linux-gnu-ld; do
    command -v "$tool" >/dev/null 2>&1 || { echo "SKIPPED: $tool not found"; exit 77; }
done
if [ "$runner" = --qemu ] && ! command -v qemu-system-aarch64 >/dev/null 2>&1; then
    echo "SKIPPED: qemu-system-aarch64 not found"
    exit 77
fi
mkdir -p "$out"
status=0
for src in "$here"/*.S; do
    name="$(basename "$src" .S)"
    aarch64-linux-gnu-as -march=armv8.2-a+sve -I "$here" -I "$inc" "$src" -o "$out/$name.o" || exit 1
    aarch64-linux-gnu-ld --no-warn-rwx-segments -T "$inc/link.ld" "$out/$name.o" \
        -o "$out/$name.elf" 2>/dev/null ||
        aarch64-linux-gnu-ld -T "$inc/link.ld" "$out/$name.o" -o "$out/$name.elf" || exit 1
    if [ "$runner" = --svesim ]; then
        timeout 20 "$svesim" run "$out/$name.elf" </dev/null >"$out/$name.log" 2>&1
    else
        timeout 20 qemu-system-aarch64 -M virt,virtualization=on,secure=on -cpu max -nographic \
            -nic none -semihosting -kernel "$out/$name.elf" </dev/null >"$out/$name.log" 2>&1
    fi
    rc=$?
    cat "$out/$name.log"
    if [ $rc -ne 0 ] || ! grep -q '^DONE failures=0' "$out/$name.log"; then
        echo "=== FAIL $name (exit status $rc)"
        status=1
    else
        echo "=== ok $name"
    fi
done
exit $status
