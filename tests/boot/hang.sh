#!/usr/bin/env bash
# `svesim boot --hang-after`: a synthetic Image (booting.rst header; words from llvm-mc) arms the
# EL2 physical timer 100 simulated seconds ahead and waits in WFI. Nothing retires an
# instruction, yet SystemC is never idle (the timer's event is pending), so only the watchdog
# can call it a hang: with --hang-after 5 the run ends after 5 simulated seconds with exit 125
# and its line; with --hang-after 0 the PE sleeps to the timer (fast-forwarded), finds no
# interrupt (the GIC never enabled its PPI) and ends as "every PE waits" (125).
# Usage: hang.sh SVESIM
set -uo pipefail
svesim="$1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$tmp/Image" <<'PY'
import struct, sys
hdr = struct.pack('<IIQQQQQQII', 0x14000010, 0, 0, 0x10000, 0xa, 0, 0, 0, 0x644d5241, 0)
code = [0xd53be020,  # mrs  x0, cntpct_el0
        0xd2c00021,  # movz x1, #0x1, lsl #32       (62.5 MHz x 100 s = 0x174876E80)
        0xf2ae90e1,  # movk x1, #0x7487, lsl #16
        0xf28dd001,  # movk x1, #0x6e80
        0x8b010000,  # add  x0, x0, x1
        0xd51ce240,  # msr  cnthp_cval_el2, x0
        0xd2800020,  # mov  x0, #1
        0xd51ce220,  # msr  cnthp_ctl_el2, x0      (ENABLE, not masked)
        0xd503207f,  # wfi
        0x17ffffff]  # b    .-4
open(sys.argv[1], 'wb').write(hdr + struct.pack('<%dI' % len(code), *code))
PY
fail=0
run() { # expected-line hang-after
  local t0 t1
  t0=$(date +%s.%N)
  timeout 120 "$svesim" boot --kernel "$tmp/Image" --quiet --hang-after "$2" </dev/null \
    >"$tmp/out" 2>"$tmp/err"
  local status=$?
  t1=$(date +%s.%N)
  if [[ $status -eq 125 ]] && grep -q "$1" "$tmp/err"; then
    echo "ok: --hang-after $2: 125, '$1' ($(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }') s wall)"
  else
    echo "FAIL: --hang-after $2: status $status"; cat "$tmp/out" "$tmp/err"; fail=1
  fi
}
run "hang: no instruction retired on any PE in 5 s of simulated time" 5
run "every PE waits in WFI/WFE with no interrupt source" 0
[[ $fail -eq 0 ]] && echo PASS
exit $fail
