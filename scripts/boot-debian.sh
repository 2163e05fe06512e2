#!/usr/bin/env bash
# One command from a fresh clone to Debian's own arm64 kernel on svesim: fetches Debian 12's
# kernel and busybox (cached under build/debian; scripts/fetch-debian.sh), builds the initramfs
# (scripts/make-initramfs.sh) and boots it with `svesim boot`, passing on every other argument
# (e.g. --cpus 2, --append kvm-arm.mode=nvhe, --max-vl 512). Needs a built svesim
# (build/app/svesim, or $SVESIM).
# Usage: scripts/boot-debian.sh [svesim boot options]
# Exit: svesim boot's status (0: the kernel powered off); 77 the package mirror cannot be reached;
# 3 no svesim binary; others from the two scripts.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="$here/build/debian"
svesim="${SVESIM:-$here/build/app/svesim}"
if [[ ! -x $svesim ]]; then
  echo "boot-debian.sh: no svesim at $svesim (build it: cmake -S . -B build && cmake --build build -j2)" >&2
  exit 3
fi
bash "$here/scripts/fetch-debian.sh" --cache-dir "$cache" || exit
bash "$here/scripts/make-initramfs.sh" --cache-dir "$cache" || exit
exec "$svesim" boot --kernel "$cache/Image" --initrd "$cache/initramfs.cpio.gz" "$@"
