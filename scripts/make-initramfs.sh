#!/usr/bin/env bash
# Builds the boot test's initramfs (cpio newc, gzip) from the static arm64 busybox that
# scripts/fetch-debian.sh unpacked. Its /init (busybox sh):
#   mounts proc, sys and devtmpfs; prints the marker line "SVESIM-INIT: reached /init";
#   shows the kernel version, whether /proc/cpuinfo lists the `sve` flag, the kernel's KVM
#   messages (dmesg | grep -i kvm) and /proc/sys/abi/sve_default_vector_length;
#   runs every executable in /tests (optional extra programs given with --add);
#   prints "SVESIM-INIT: done" and powers off (poweroff -f: PSCI SYSTEM_OFF).
#
# Usage: scripts/make-initramfs.sh [--cache-dir DIR] [--out FILE] [--add PROGRAM]...
#   --cache-dir: where fetch-debian.sh put busybox (default build/debian)
#   --out: the archive (default CACHE/initramfs.cpio.gz)
# Exit statuses: 0 done; 2 bad usage; 3 busybox or cpio missing (run fetch-debian.sh / setup.sh).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="$here/build/debian"
out=""
extra=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --cache-dir) cache="$2"; shift ;;
    --out) out="$2"; shift ;;
    --add) extra+=("$2"); shift ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "make-initramfs.sh: unknown option '$1' (allowed: --cache-dir DIR, --out FILE, --add PROGRAM)" >&2; exit 2 ;;
  esac
  shift
done
[[ -z $out ]] && out="$cache/initramfs.cpio.gz"
if [[ ! -x $cache/busybox ]]; then
  echo "make-initramfs.sh: no busybox in $cache (run scripts/fetch-debian.sh first)" >&2; exit 3
fi
if ! command -v cpio >/dev/null; then
  echo "make-initramfs.sh: cpio is not installed (scripts/setup.sh installs it)" >&2; exit 3
fi

root="$(mktemp -d)"
trap 'rm -rf "$root"' EXIT
mkdir -p "$root"/{bin,sbin,proc,sys,dev,tmp,tests}
cp "$cache/busybox" "$root/bin/busybox"
# The applets /init uses, as links (busybox --install needs a running arm64 busybox).
for applet in sh mount cat grep sed dmesg echo uname poweroff ls sleep; do
  ln -s busybox "$root/bin/$applet"
done
for p in "${extra[@]}"; do
  cp "$p" "$root/tests/"
done

cat >"$root/init" <<'EOF'
#!/bin/sh
export PATH=/bin:/sbin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
echo "SVESIM-INIT: reached /init"
echo "SVESIM-INIT: kernel $(uname -r) on $(grep -c ^processor /proc/cpuinfo) cpu(s)"
if grep -q '^Features.* sve' /proc/cpuinfo; then
  echo "SVESIM-INIT: cpuinfo sve: yes"
else
  echo "SVESIM-INIT: cpuinfo sve: no"
fi
dmesg | grep -i kvm | sed 's/^/SVESIM-INIT: dmesg: /'
if [ -r /proc/sys/abi/sve_default_vector_length ]; then
  echo "SVESIM-INIT: sve_default_vector_length $(cat /proc/sys/abi/sve_default_vector_length)"
else
  echo "SVESIM-INIT: sve_default_vector_length absent"
fi
for t in /tests/*; do
  [ -x "$t" ] || continue
  echo "SVESIM-INIT: test $t"
  "$t"
  echo "SVESIM-INIT: test $t exit $?"
done
echo "SVESIM-INIT: done"
poweroff -f
EOF
chmod +x "$root/init"

mkdir -p "$(dirname "$out")"
(cd "$root" && find . -print0 | LC_ALL=C sort -z |
  cpio --null -o -H newc --owner=0:0 --quiet) | gzip -9n >"$out"
echo "make-initramfs.sh: $out"
