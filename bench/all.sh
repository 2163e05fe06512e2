#!/usr/bin/env bash
# Every benchmark of issue 15 in one run, each beside its peers: bench/run.sh (integer loop,
# SVE save/restore at VL 128/512/2048 with the MMU off and on, FP loop, SVE FP + gather; the
# model alone, inside SystemC, qemu-aarch64 and qemu-system-aarch64), bench/sweep.sh (what-if
# sweep points per second) and bench/boot.py (Debian's kernel to /init and to power-off on
# svesim and on qemu-system-aarch64; skipped with a message when build/debian is missing).
# Figures and how to read them: docs/performance.md.
# Usage: bench/all.sh [BUILD_DIR] (default build/).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$here/build}"
echo "== bench/run.sh: MIPS"
bash "$here/bench/run.sh" "$build"
echo
echo "== bench/sweep.sh: what-if sweep points per second"
bash "$here/bench/sweep.sh" "$build"
echo
echo "== bench/boot.py: Debian's kernel to /init"
if [ -f "$build/debian/Image" ] && [ -f "$build/debian/initramfs.cpio.gz" ]; then
  python3 "$here/bench/boot.py" --build "$build"
else
  echo "skipped: $build/debian/Image or initramfs.cpio.gz missing" \
    "(bash scripts/fetch-debian.sh && bash scripts/make-initramfs.sh)"
fi
