#!/usr/bin/env bash
# `svesim boot --check` (issue 14 point 4), without Debian's kernel: its bad input, and the
# console watcher's verdict and exit status on two tiny Images (tests/vmm/programs/
# console_report.s) that print through the PL011 and power off through the firmware's PSCI:
#   - ordinary lines only: exit 0, "kernel: clean (0 reports)", the checker "not checked"
#     (no world was ever entered: the Image runs at EL2);
#   - an arm64 Oops report: exit 118 (findings, although the kernel powered off) and one
#     KERNEL_BUG line naming the Oops rule; --details adds the excerpt up to "end trace".
#   - two plan results, one not as expected: exit 1 (a guest or VMM failure) with that line.
#   - a plan run that starts and never lets a world run: KERNEL_HANG by --hang-world, exit 118.
# Usage: test_boot_check.sh SVESIM CLEAN_IMAGE REPORT_IMAGE PLAN_IMAGE STALL_IMAGE
# Exit: 0 all as expected, 1 not.
set -uo pipefail
svesim="$1" clean="$2" report="$3" plan="$4" stall="$5"
failures=0
# expect STATUS FRAGMENT ARGS...: the run's status and a line of its output.
expect() {
  local want="$1" fragment="$2" out status
  shift 2
  out="$(timeout 120 "$svesim" boot --quiet "$@" </dev/null 2>&1)"
  status=$?
  if [[ $status -eq $want ]] && grep -qF -- "$fragment" <<<"$out"; then
    echo "ok   exit $status: boot $*: $(grep -F -m1 -- "$fragment" <<<"$out")"
  else
    echo "FAIL boot $*: exit $status (expected $want), wanted a line with: $fragment"
    sed 's/^/  /' <<<"$out"
    failures=$((failures + 1))
  fi
}
expect 2 "--check follows one PE" --kernel "$clean" --check --cpus 2
expect 2 "--details needs --check" --kernel "$clean" --details
expect 2 "--hang-world x: seconds of simulated time" --kernel "$clean" --check --hang-world x
expect 118 "KERNEL_HANG at" --kernel "$stall" --check --hang-world 0.02
expect 118 "no host task or guest was entered or left for 0.02 s" --kernel "$stall" --check \
  --hang-world 0.02
expect 0 "svesim check: kernel: clean (0 reports)" --kernel "$clean" --check --hang-world 0.02
expect 0 "svesim check: kernel: clean (0 reports)" --kernel "$clean" --check
expect 0 "svesim check: not checked: no world was ever entered" --kernel "$clean" --check
expect 0 "console_report: done" --kernel "$report"
expect 118 "svesim check: kernel: KERNEL_BUG (1 report)" --kernel "$report" --check
expect 118 "Internal error: Oops - Undefined instruction: 0000000002000000 [#1] SMP (Oops (arch/arm64/kernel/traps.c, die))" \
  --kernel "$report" --check
expect 118 "    | [    0.200002] ---[ end trace 0000000000000000 ]---" --kernel "$report" --check --details
expect 1 "svesim check: plan: 2 runs reported, 1 not as expected" --kernel "$plan" --check
expect 1 "svesim check: plan: not as expected: vmm-test: result 7 expected 0 time 2.00..3.00 s: svesim-vmm /guests/user.elf" \
  --kernel "$plan" --check
if [[ $failures -ne 0 ]]; then echo "$failures case(s) not as expected"; exit 1; fi
echo "svesim boot --check: every case as expected"
