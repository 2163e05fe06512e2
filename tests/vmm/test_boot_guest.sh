#!/usr/bin/env bash
# `svesim boot --guest FILE.elf` (issue 14 point 7), two parts:
#   bad-input: the guest is refused before anything runs, one line each, with the exit statuses
#     of svesim's ELF table (120 unreadable, 121 malformed, 122 not AArch64, 123 outside guest
#     RAM or entry outside its segments) and 2 for option misuse;
#   qemu: the initrd svesim boot gives the kernel (--dry-run --dump-initrd: the --vmm initramfs
#     with the user's guest and plan appended as one more cpio archive) booted by Debian's
#     kernel on qemu-system-aarch64 with KVM (as run_vmm_kvm.sh): the guest must run under
#     svesim-vmm at the requested VL and pass, beside the host pressure.
# Usage: test_boot_guest.sh bad-input SVESIM BUILD_DIR
#        test_boot_guest.sh qemu SVESIM BUILD_DIR CACHE_DIR WORK_DIR
# Exit: 0 as expected; 1 not; 77 (qemu part) without QEMU, cpio or the Debian packages.
set -uo pipefail
part="$1" svesim="$2" build="$3"
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
failures=0
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
python3 - "$tmp/Image" <<'PY'
import struct, sys
hdr = struct.pack('<IIQQQQQQII', 0x14000000, 0, 0, 0x10000, 0xa, 0, 0, 0, 0x644d5241, 0)
open(sys.argv[1], 'wb').write(hdr + b'\0' * 64)
PY
echo "not a cpio" >"$tmp/initrd"
good="$build/guests/sve_arith.elf"

if [[ $part == bad-input ]]; then
  mkdir -p "$tmp/bad"
  python3 - "$good" "$tmp/bad" <<'PY'
import struct, sys
src, out = sys.argv[1:]
data = bytearray(open(src, "rb").read())
phoff = struct.unpack_from("<Q", data, 0x20)[0]
for name, off, fmt, value in (("x86_64", 0x12, "<H", 62), ("segment_outside", phoff + 0x18, "<Q", 0x1000),
                              ("entry_outside", 0x18, "<Q", 0x50000000), ("segment_above", phoff + 0x18, "<Q", 0x43fff000)):
    d = bytearray(data)
    struct.pack_into(fmt, d, off, value)
    open(f"{out}/{name}.elf", "wb").write(d)
open(f"{out}/text.elf", "w").write("not an ELF\n")
PY
  expect() { # STATUS FRAGMENT ARGS...
    local want="$1" fragment="$2" out status
    shift 2
    out="$("$svesim" boot --kernel "$tmp/Image" --dry-run "$@" 2>&1 </dev/null)"
    status=$?
    if [[ $status -eq $want ]] && grep -qF -- "$fragment" <<<"$out"; then
      echo "ok   exit $status: $(grep -F -m1 -- "$fragment" <<<"$out")"
    else
      echo "FAIL boot $*: exit $status (expected $want), wanted: $fragment"; sed 's/^/  /' <<<"$out"
      failures=$((failures + 1))
    fi
  }
  expect 2 "--guest needs --initrd" --guest "$good"
  expect 2 "--guest-vl needs --guest" --initrd "$tmp/initrd" --guest-vl 256
  expect 2 "--guest-vl 100 is not a vector length" --initrd "$tmp/initrd" --guest "$good" --guest-vl 100
  expect 120 "--guest $tmp/none.elf: cannot open" --initrd "$tmp/initrd" --guest "$tmp/none.elf"
  expect 121 "--guest $tmp/bad/text.elf: not an ELF file" --initrd "$tmp/initrd" --guest "$tmp/bad/text.elf"
  expect 122 "not an AArch64 ELF (e_machine 62" --initrd "$tmp/initrd" --guest "$tmp/bad/x86_64.elf"
  expect 123 "lies outside guest RAM [0x40000000, 0x44000000)" --initrd "$tmp/initrd" --guest "$tmp/bad/segment_outside.elf"
  expect 123 "lies outside guest RAM" --initrd "$tmp/initrd" --guest "$tmp/bad/segment_above.elf"
  expect 123 "the entry point 0x50000000 is not in a loaded segment" --initrd "$tmp/initrd" --guest "$tmp/bad/entry_outside.elf"
  # A good guest: the initrd grows by the archive (4-byte aligned), holding the guest and plan.
  expect 0 "initrd" --initrd "$tmp/initrd" --guest "$good" --guest-vl 256 --dump-initrd "$tmp/out"
  if ! cmp -s <(head -c 11 "$tmp/out") "$tmp/initrd" ||
     ! tail -c +13 "$tmp/out" | cpio -it 2>/dev/null | grep -qx 'guests/user.elf'; then
    echo "FAIL the dumped initrd is not the original, padded, followed by a cpio with guests/user.elf"
    failures=$((failures + 1))
  else
    echo "ok   the dumped initrd: the original, zero-padded to 12 bytes, then guests/user.elf and plan"
  fi
  [[ $failures -eq 0 ]] && { echo "svesim boot --guest: every bad input refused as documented"; exit 0; }
  echo "$failures case(s) not as expected"; exit 1
fi

# qemu
cache="$4" work="$5"
for tool in qemu-system-aarch64 cpio timeout; do
  command -v "$tool" >/dev/null 2>&1 || { echo "SKIPPED: $tool not found"; exit 77; }
done
mkdir -p "$work"
bash "$repo/scripts/fetch-debian.sh" --cache-dir "$cache"
rc=$?
[[ $rc -eq 77 ]] && { echo "SKIPPED: the Debian package mirror cannot be reached"; exit 77; }
[[ $rc -ne 0 ]] && { echo "FAIL: fetch-debian.sh exited $rc"; exit 1; }
bash "$repo/scripts/make-initramfs.sh" --cache-dir "$cache" --out "$work/base.cpio.gz" --vmm "$build" ||
  { echo "FAIL: make-initramfs.sh"; exit 1; }
"$svesim" boot --kernel "$cache/Image" --initrd "$work/base.cpio.gz" --guest "$good" --guest-vl 256 \
  --dry-run --dump-initrd "$work/initrd" >/dev/null || { echo "FAIL: svesim boot --dry-run --guest"; exit 1; }
log="$work/console.log"
timeout 600 qemu-system-aarch64 -M virt,virtualization=on,gic-version=3 -cpu max,pauth-impdef=on \
  -smp 1 -m 1G -nic none -nographic -no-reboot -kernel "$cache/Image" -initrd "$work/initrd" \
  -append "console=ttyAMA0 rdinit=/init panic=-1 loglevel=4" </dev/null >"$log" 2>&1
status=$?
grep -a -e '^vmm-test:' -e '^svesim-vmm:' -e '^svesim-sve-pressure:' -e '^PASS' -e '^FAIL' "$log"
check() { grep -a -qF -- "$1" "$log" || { echo "FAIL: no '$1' on the console"; failures=$((failures + 1)); }; }
check "vmm-test: run svesim-vmm --vl 256 /guests/user.elf"
check "guest VLs: 2, largest 256 bits"
check "PASS sve_arith"
check "expected 0 time"
if grep -a '^vmm-test: result' "$log" | awk '$3 != $5 { bad = 1 } END { exit !bad }'; then
  echo "FAIL: a plan run did not give its expected status"; failures=$((failures + 1))
fi
[[ $(grep -a -c '^vmm-test: result' "$log") -eq 2 ]] || { echo "FAIL: not exactly the guest and the pressure ran"; failures=$((failures + 1)); }
[[ $status -eq 0 ]] || { echo "FAIL: QEMU exited $status"; failures=$((failures + 1)); }
[[ $failures -eq 0 ]] && { echo "svesim boot --guest: the user's guest ran under KVM from the appended archive"; exit 0; }
echo "$failures failure(s); log: $log"; exit 1
