#!/usr/bin/env bash
# Downloads Debian's stock arm64 kernel and a static arm64 busybox (Debian packages only, with
# apt-get download) and unpacks them, without installing anything, into a cache directory:
#   CACHE/Image            the kernel (Debian's vmlinuz-*-arm64 is an uncompressed arm64 Image)
#   CACHE/config           its configuration
#   CACHE/busybox          the static arm64 busybox
#   CACHE/kernel-version   e.g. 6.1.0-57-arm64
# The package name of the current image is resolved at run time from linux-image-arm64's
# dependency (never hard-coded). A second run with the same packages is a no-op.
#
# Usage: scripts/fetch-debian.sh [--cache-dir DIR]   (default: build/debian)
# Exit statuses: 0 done; 2 bad usage; 3 not root and no sudo (the arm64 architecture or the
# package lists are missing); 77 the package mirror cannot be reached (a test that needs the
# kernel reports itself skipped); 1 anything else.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="$here/build/debian"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --cache-dir) cache="$2"; shift ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "fetch-debian.sh: unknown option '$1' (allowed: --cache-dir DIR)" >&2; exit 2 ;;
  esac
  shift
done
mkdir -p "$cache"
cache="$(cd "$cache" && pwd)"

sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null; then sudo_cmd=(sudo); else
    echo "fetch-debian.sh: needs root (or sudo) to add the arm64 architecture to dpkg" >&2; exit 3
  fi
fi

# The arm64 architecture and its package lists (once; setup.sh style).
if ! dpkg --print-foreign-architectures | grep -qx arm64; then
  "${sudo_cmd[@]}" dpkg --add-architecture arm64
  need_update=1
fi
if [[ ${need_update:-0} -eq 1 ]] || ! apt-cache show linux-image-arm64:arm64 >/dev/null 2>&1; then
  if ! "${sudo_cmd[@]}" apt-get update -qq >"$cache/apt-update.log" 2>&1 ||
     ! apt-cache show linux-image-arm64:arm64 >/dev/null 2>&1; then
    echo "fetch-debian.sh: the Debian package mirror cannot be reached (apt-get update failed: $cache/apt-update.log)" >&2
    exit 77
  fi
fi

# linux-image-arm64 is a metapackage: its dependency names the current image package.
image_pkg="$(apt-cache depends linux-image-arm64:arm64 2>/dev/null |
             sed -n 's/^ *Depends: \(linux-image-[0-9][^ :]*-arm64\)\(:arm64\)\{0,1\}$/\1/p' | head -n1)"
if [[ -z $image_pkg ]]; then
  echo "fetch-debian.sh: apt-cache depends linux-image-arm64:arm64 names no linux-image-N-arm64 package" >&2
  exit 1
fi
version="${image_pkg#linux-image-}"

if [[ -f $cache/kernel-version && $(cat "$cache/kernel-version") == "$version" && -f $cache/Image &&
      -f $cache/busybox ]]; then
  echo "fetch-debian.sh: $image_pkg and busybox-static already in $cache"
  exit 0
fi

debs="$cache/debs"
mkdir -p "$debs"
if ! (cd "$debs" && apt-get download -qq "$image_pkg:arm64" busybox-static:arm64) \
     >"$cache/apt-download.log" 2>&1; then
  if grep -qiE "temporary failure|could not resolve|failed to fetch|connection" "$cache/apt-download.log"; then
    echo "fetch-debian.sh: the Debian package mirror cannot be reached (apt-get download failed: $cache/apt-download.log)" >&2
    exit 77
  fi
  echo "fetch-debian.sh: apt-get download $image_pkg:arm64 busybox-static:arm64 failed: $cache/apt-download.log" >&2
  exit 1
fi

rm -rf "$cache/unpacked"
mkdir -p "$cache/unpacked"
for deb in "$debs"/"$image_pkg"_*_arm64.deb "$debs"/busybox-static_*_arm64.deb; do
  dpkg-deb -x "$deb" "$cache/unpacked"
done
cp "$cache/unpacked/boot/vmlinuz-$version" "$cache/Image"
cp "$cache/unpacked/boot/config-$version" "$cache/config"
cp "$cache/unpacked/bin/busybox" "$cache/busybox"
echo "$version" >"$cache/kernel-version"
# Old versions' packages are not needed any more.
find "$debs" -name 'linux-image-*_arm64.deb' ! -name "${image_pkg}_*" -delete
echo "fetch-debian.sh: $image_pkg and busybox-static unpacked into $cache"
