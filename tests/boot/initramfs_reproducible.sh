#!/usr/bin/env bash
# scripts/make-initramfs.sh is reproducible: two archives of the same inputs, built a second
# apart in different temporary trees, are byte-identical (no build time, inode or device number
# inside), so a boot's instruction count depends on its inputs only. A third with
# SOURCE_DATE_EPOCH set differs (the setting reaches the archive: the comparison can fail).
# Usage: initramfs_reproducible.sh CACHE_DIR. Exit 77 (skipped) without the Debian packages.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cache=$1
bash "$here/scripts/fetch-debian.sh" --cache-dir "$cache"
rc=$?
[[ $rc -eq 77 ]] && { echo "SKIP: the Debian package mirror cannot be reached"; exit 77; }
[[ $rc -ne 0 ]] && { echo "FAIL: fetch-debian.sh exited $rc"; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
build() { bash "$here/scripts/make-initramfs.sh" --cache-dir "$cache" --out "$tmp/$1" >/dev/null ||
  { echo "FAIL: make-initramfs.sh --out $1"; exit 1; }; }
build a.gz
sleep 1.1
build b.gz
SOURCE_DATE_EPOCH=86400 build c.gz
cmp -s "$tmp/a.gz" "$tmp/b.gz" || { echo "FAIL: two builds of the same inputs differ"; exit 1; }
cmp -s "$tmp/a.gz" "$tmp/c.gz" && { echo "FAIL: SOURCE_DATE_EPOCH does not reach the archive"; exit 1; }
echo "PASS: the initramfs is byte-identical across builds ($(stat -c %s "$tmp/a.gz") bytes)"
