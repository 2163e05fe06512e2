#!/usr/bin/env bash
# Bad input to `svesim boot`: each case gives its documented exit status (svesim help exit-codes)
# and one line on stderr. The files are synthetic: a 64-byte Image header per booting.rst.
# Usage: test_boot_cli.sh SVESIM
set -uo pipefail
svesim="$1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0

source "$(dirname "${BASH_SOURCE[0]}")/../support/expect.sh"

# image FILE FLAGS IMAGE_SIZE: a header (text_offset 0) followed by a branch-to-self.
image() {
  python3 - "$1" "$2" "$3" <<'PY'
import struct, sys
path, flags, size = sys.argv[1], int(sys.argv[2], 0), int(sys.argv[3], 0)
hdr = struct.pack('<IIQQQQQQII', 0x14000000, 0, 0, size, flags, 0, 0, 0, 0x644d5241, 0)
open(path, 'wb').write(hdr + b'\0' * 64)
PY
}
image "$tmp/Image" 0xa 0x10000
image "$tmp/BigImage" 0xb 0x10000
printf 'not a kernel at all, just text, long enough for a header ...........' >"$tmp/text"
head -c 4096 /dev/urandom >"$tmp/junk.dtb"
head -c $((3 << 20)) /dev/zero >"$tmp/big.initrd"

expect "no --kernel" 2 "no --kernel" "$svesim" boot
expect "unreadable kernel" 2 "cannot be read" "$svesim" boot --kernel "$tmp/missing"
expect "not an Image" 111 "not an arm64 kernel Image: no .* magic" "$svesim" boot --kernel "$tmp/text"
expect "big-endian Image" 111 "big-endian" "$svesim" boot --kernel "$tmp/BigImage"
expect "initrd larger than memory" 112 "initrd .* does not fit the RAM" \
  "$svesim" boot --kernel "$tmp/Image" --initrd "$tmp/big.initrd" --mem 4M
expect "DTB that does not parse" 113 "junk.dtb is not a device tree blob" \
  "$svesim" boot --kernel "$tmp/Image" --dtb "$tmp/junk.dtb"
expect "no EL3 for our firmware" 2 "runs at EL3" "$svesim" boot --kernel "$tmp/Image" --has-el3 false
expect "too many PEs" 2 "--cpus 65" "$svesim" boot --kernel "$tmp/Image" --cpus 65
expect "dry run" 0 "" "$svesim" boot --kernel "$tmp/Image" --dry-run --dump-dtb "$tmp/ours.dtb"
if grep -q "^kernel 0x40200000 0x10000$" "$tmp/out"; then echo "PASS dry run layout"; else
  echo "FAIL dry run layout:"; cat "$tmp/out"; failures=$((failures + 1)); fi
# Our DTB decompiles with the reference compiler, without a warning.
if command -v dtc >/dev/null; then
  if dtc -I dtb -O dts -o "$tmp/ours.dts" "$tmp/ours.dtb" 2>"$tmp/dtc.err" && [[ ! -s $tmp/dtc.err ]] &&
     grep -q 'enable-method = "psci"' "$tmp/ours.dts"; then echo "PASS dtc reads our DTB"
  else echo "FAIL dtc on our DTB:"; cat "$tmp/dtc.err"; failures=$((failures + 1)); fi
else
  echo "SKIP dtc not installed (scripts/setup.sh installs device-tree-compiler)"
fi
# Our own DTB given back as the user's: accepted.
expect "our DTB as --dtb" 0 "" "$svesim" boot --kernel "$tmp/Image" --dtb "$tmp/ours.dtb" --dry-run
exit $((failures > 0))
