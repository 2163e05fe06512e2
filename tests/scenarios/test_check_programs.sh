#!/usr/bin/env bash
# `svesim run --check` on programs whose verdicts value matching got wrong (issue 10): worlds
# that hold the same values, and a guest whose VL grows over another world's leftovers. Each is
# run under every policy; the verdict of this run and the one-run verdict of every
# implementation class are checked against what the Arm ARM permits (the programs' comments).
# Usage: test_check_programs.sh SVESIM. Exit 77 (skipped) without the aarch64 binutils.
set -uo pipefail
svesim=$1
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
command -v aarch64-linux-gnu-as >/dev/null && command -v aarch64-linux-gnu-ld >/dev/null ||
  { echo "SKIP: aarch64-linux-gnu-as/ld not installed"; exit 77; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for p in same_data_leak vl_grow_leak; do
  aarch64-linux-gnu-as -march=armv8.2-a+sve -I "$here/programs" "$here/programs/$p.s" \
    -o "$tmp/$p.o" && aarch64-linux-gnu-ld -Ttext=0x40080000 -Tdata=0x40090000 "$tmp/$p.o" \
    -o "$tmp/$p.elf" || { echo "FAIL: cannot build $p"; exit 1; }
done
failures=0
# expect NAME STATUS REGEX... -- ARGS: runs svesim run --check ARGS, wants STATUS and every REGEX.
expect() {
  local name=$1 want=$2; shift 2
  local patterns=()
  while [[ $1 != -- ]]; do patterns+=("$1"); shift; done
  shift
  "$svesim" run --check "$@" >"$tmp/out" 2>&1
  local got=$?
  local ok=1
  [[ -z $want || $got -eq $want ]] || { echo "FAIL $name: exit $got, wanted $want"; ok=0; }
  for re in "${patterns[@]}"; do
    grep -Eq -- "$re" "$tmp/out" || { echo "FAIL $name: no line matching '$re'"; ok=0; }
  done
  if [[ $ok -eq 1 ]]; then echo "PASS $name"; else cat "$tmp/out"; failures=$((failures + 1)); fi
}
every="every implementation, from this run"
for pol in preserve zero qemu random:7; do
  expect "same values, host Z0 not restored ($pol)" 118 \
    "verdict LOSS\+LEAK" "LEAK host-task: 1 finding in Z0 bytes \[0, 32\)" \
    "LOSS host-task: 1 finding in Z0 bytes \[0, 16\)" \
    "$every: preserve: LOSS\+LEAK; zero: LOSS\+LEAK; qemu: LOSS\+LEAK" \
    -- --policy "$pol" "$tmp/same_data_leak.elf"
  expect "same values, host Z0 restored ($pol)" 0 "verdict clean" \
    "$every: preserve: clean; zero: clean; qemu: clean" \
    -- --policy "$pol" --param restore=1 "$tmp/same_data_leak.elf"
  expect "guest VL grows over host leftovers ($pol, one-run verdicts)" "" \
    "$every: preserve: LEAK; zero: clean; qemu: clean; random: LEAK\|clean" \
    "guest1's maximum VL was not declared" \
    -- --policy "$pol" "$tmp/vl_grow_leak.elf"
done
expect "VL growth under preserve: the leak and its causes" 118 \
  "LEAK guest1: 2 findings in Z0 bytes \[16, 32\)" "Z0 last saved at PC .* by hypervisor \(EL2\) at VL 512" \
  "Z0 last written at PC .* by hypervisor \(EL2\) at VL 128" \
  "an implementation that preserves holds host-task, one that zeroes zero, QEMU zero" \
  -- --policy preserve --details "$tmp/vl_grow_leak.elf"
expect "VL growth under zero: clean in this run" 0 "verdict clean" \
  -- --policy zero "$tmp/vl_grow_leak.elf"
[[ $failures -eq 0 ]] || { echo "$failures failure(s)"; exit 1; }
echo "all passed"
