#!/usr/bin/env bash
# Debian's own arm64 kernel booted to the initramfs's /init and powered off through the EL3
# firmware's PSCI SYSTEM_OFF, on one of two machines:
# --on qemu (the oracle for svesim's boot artefacts): qemu-system-aarch64 (-M virt,secure=on,
#   virtualization=on,gic-version=3 -cpu max) through svesim's firmware, device tree and
#   placement of kernel, initrd and DTB (written by `svesim boot --dry-run --dump-firmware
#   --dump-dtb`); QEMU exits 0 by semihosting.
# --on svesim (the default): `svesim boot` itself, which exits 0 on SYSTEM_OFF.
# Both must print the same /init markers and the kernel lines of --expect.
#
# Usage: tests/boot/debian_boot.sh --svesim PATH [--on qemu|svesim] [--cache-dir DIR] [--cpus N]
#                                  [--append ARGS] [--expect TEXT]... [--add PROGRAM]...
#                                  [--kernel IMAGE] [--stdin FILE]
#                                  [--console FILE]
# --add: a static arm64 program for the initramfs's /tests (its own initramfs then, built in a
# temporary directory by scripts/make-initramfs.sh); /init runs it and prints its exit status.
# --console FILE: a copy of the whole console output.
# --stdin: FILE piped into the machine's console (the PL011's receive side) instead of no input.
# With --kernel, that Image instead of Debian's and no initrd: it passes when the machine exits
# 0 (the Image's own SYSTEM_OFF), e.g. tests/boot/programs/psci_check.s.
# Exit: 0 passed; 1 failed; 77 skipped (no network for the Debian packages, or no QEMU).
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
svesim="" on=svesim cache="$here/build/debian" cpus=1 append="" expects=() image="" adds=()
input=/dev/null keep_console=

while [[ $# -gt 0 ]]; do
  case "$1" in
    --svesim) svesim="$2"; shift ;;
    --on) on="$2"; shift ;;
    --cache-dir) cache="$2"; shift ;;
    --cpus) cpus="$2"; shift ;;
    --append) append="$2"; shift ;;
    --expect) expects+=("$2"); shift ;;
    --add) adds+=(--add "$2"); shift ;;
    --kernel) image="$2"; shift ;;
    --stdin) input="$2"; shift ;;
    --console) keep_console="$2"; shift ;;
    *) echo "debian_boot.sh: unknown option '$1'" >&2; exit 2 ;;
  esac
  shift
done
[[ $on == qemu || $on == svesim ]] || { echo "debian_boot.sh: --on qemu|svesim" >&2; exit 2; }
if [[ $on == qemu ]]; then
  command -v qemu-system-aarch64 >/dev/null || { echo "SKIP: qemu-system-aarch64 not installed"; exit 77; }
fi
if [[ -z $image ]]; then
  bash "$here/scripts/fetch-debian.sh" --cache-dir "$cache"
  rc=$?
  if [[ $rc -eq 77 ]]; then echo "SKIP: the Debian package mirror cannot be reached"; exit 77; fi
  [[ $rc -ne 0 ]] && { echo "FAIL: fetch-debian.sh exited $rc"; exit 1; }
  bash "$here/scripts/make-initramfs.sh" --cache-dir "$cache" || { echo "FAIL: make-initramfs.sh"; exit 1; }
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
initramfs="$cache/initramfs.cpio.gz"
if [[ ${#adds[@]} -gt 0 ]]; then
  initramfs="$work/initramfs.cpio.gz"
  bash "$here/scripts/make-initramfs.sh" --cache-dir "$cache" --out "$initramfs" "${adds[@]}" ||
    { echo "FAIL: make-initramfs.sh ${adds[*]}"; exit 1; }
fi
mem=1G
with_initrd=0
if [[ -n $image ]]; then
  args=(boot --kernel "$image")
else
  image="$cache/Image"
  args=(boot --kernel "$image" --initrd "$initramfs")
  with_initrd=1
fi
args+=(--cpus "$cpus" --mem "$mem")
[[ -n $append ]] && args+=(--append "$append")
start=$(date +%s.%N)
if [[ $on == svesim ]]; then
  if [[ $input == /dev/null ]]; then
    timeout 900 "$svesim" "${args[@]}" </dev/null >"$work/console" 2>"$work/stderr"
  else # a pipe, not the file: svesim's console reads stdin only when it is a pipe or a terminal
    cat "$input" | timeout 900 "$svesim" "${args[@]}" >"$work/console" 2>"$work/stderr"
  fi
  status=$?
  grep -v "simulated, .* MIPS, PE0" "$work/stderr" >>"$work/console" # not the progress lines
else
  if ! "$svesim" "${args[@]}" --dump-dtb "$work/svesim.dtb" --dump-firmware "$work/firmware.bin" \
       --dry-run >"$work/layout"; then
    echo "FAIL: svesim ${args[*]} --dry-run"; exit 1
  fi
  addr() { awk -v r="$1" '$1 == r { print $2 }' "$work/layout"; }
  kernel=$(addr kernel) initrd=$(addr initrd) dtb=$(addr dtb)
  echo "layout: kernel $kernel, initrd $initrd, dtb $dtb"
  loaders=(-device loader,file="$image",addr="$kernel",force-raw=on
           -device loader,file="$work/svesim.dtb",addr="$dtb",force-raw=on)
  [[ -n $initrd ]] && loaders+=(-device loader,file="$initramfs",addr="$initrd",force-raw=on)
  # QEMU loses console input that arrives before /init runs (measured: none of it reaches the
  # shell), so the oracle run writes --stdin once the console shows /init's first marker.
  mkfifo "$work/stdin"
  (
    if [[ $input != /dev/null ]]; then
      for _ in $(seq 3000); do
        grep -qF "SVESIM-INIT: reached /init" "$work/console" 2>/dev/null && break
        sleep 0.2
      done
    fi
    cat "$input"
  ) >"$work/stdin" &
  timeout 600 qemu-system-aarch64 -M virt,secure=on,virtualization=on,gic-version=3 -cpu max \
    -smp "$cpus" -m "$mem" -nic none -nographic -semihosting -no-reboot \
    -bios "$work/firmware.bin" "${loaders[@]}" <"$work/stdin" >"$work/console" 2>&1
  status=$?
  kill $! 2>/dev/null
fi
end=$(date +%s.%N)
[[ -n $keep_console ]] && cp "$work/console" "$keep_console"
wall=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')
if [[ $with_initrd -eq 0 ]]; then
  echo "$on exit status $status, wall time $wall s"
  if [[ $status -eq 0 ]]; then echo PASS; exit 0; fi
  echo "FAIL: $on exited $status (QEMU 64 / svesim 114: the Image's SYSTEM_RESET after a failed check)"
  cat "$work/console"; exit 1
fi
fail=0
check() { if grep -qF -- "$1" "$work/console"; then echo "ok: $1"; else echo "FAIL: no '$1' on the console"; fail=1; fi; }
check "SVESIM-INIT: reached /init"
check "SVESIM-INIT: cpuinfo sve: yes"
check "SVESIM-INIT: done"
check "psci: PSCIv1.1 detected in firmware."
check "psci: SMC Calling Convention v1.1"
for e in "${expects[@]}"; do check "$e"; done
if [[ $status -ne 0 ]]; then echo "FAIL: $on exited $status (0 = PSCI SYSTEM_OFF through the firmware)"; fail=1; fi
grep -E "SVESIM-INIT|SVE-PRCTL|SVE-SIGNAL|THREADS|USERSPACE|HWCAPS|CONSOLE-SH|kvm \[|psci:|smp: Brought up|svesim boot: [0-9]+ instructions" "$work/console"
echo "$on wall time: $wall s (cpus $cpus${append:+, append '$append'})"
if [[ $fail -ne 0 ]]; then
  echo "--- console (last 40 lines)"; tail -40 "$work/console"; exit 1
fi
echo "PASS"
