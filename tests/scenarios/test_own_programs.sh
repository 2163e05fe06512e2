#!/usr/bin/env bash
# Users' own programs get what the shipped scenarios get (issue 16 point 5), and a stopped run
# still writes its JSON:
#  - the template program (scenarios/template/my_scenario.S, built with the kit's macros and
#    linker script as docs/scenarios.md says) through `scenario run FILE.elf`: the verdict row,
#    a timeline, a VCD and JSON whose phase names are the macros' (macros.inc PH_*), clean;
#    with its state restore deleted: LOSS+LEAK+SELFCHECK (the expectation: the hypervisor's
#    data replaces the guest's, docs/scenarios.md);
#  - a program that never enters a world: "not checked", never "clean" (exit 1);
#  - `sweep` with an ELF path in the grid: one row per policy, verdict clean;
#  - SIGINT during `scenario run`: exit 130, the JSON complete (it parses) with the stopped
#    run as "interrupted"; during `sweep`: exit 130, the CSV and JSON hold the finished points.
# Usage: test_own_programs.sh SVESIM SOURCE_DIR. Exit 77 (skipped) without the aarch64 binutils.
set -uo pipefail
svesim=$1
src=$2
command -v aarch64-linux-gnu-as >/dev/null && command -v aarch64-linux-gnu-ld >/dev/null ||
  { echo "SKIP: aarch64-linux-gnu-as/ld not installed"; exit 77; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
source "$(dirname "${BASH_SOURCE[0]}")/../support/signals.sh"
kit="$src/scenarios/kvm"
build() { # NAME SOURCE
  aarch64-linux-gnu-as -march=armv8.2-a+sve -I "$kit" "$2" -o "$tmp/$1.o" &&
    aarch64-linux-gnu-ld --no-warn-rwx-segments -T "$kit/link.ld" "$tmp/$1.o" -o "$tmp/$1.elf" ||
    fail "cannot build $1"
}
build my_scenario "$src/scenarios/template/my_scenario.S"
sed '/sve_load x0  *\/\/ the guest.s state back/d' "$src/scenarios/template/my_scenario.S" \
  >"$tmp/forgets.S"
build forgets "$tmp/forgets.S"
build no_world "$src/tests/scenarios/programs/no_world.s"

"$svesim" scenario run "$tmp/my_scenario.elf" --json "$tmp/t.json" --timeline "$tmp/t.svg" \
  --vcd "$tmp/t.vcd" >"$tmp/t.txt" || { cat "$tmp/t.txt"; fail "template: exit $?"; }
[[ $(grep -c "my_scenario.elf .* clean  *clean .* ok$" "$tmp/t.txt") -eq 6 ]] ||
  { cat "$tmp/t.txt"; fail "template: not clean under the six standard policies"; }
[[ -s $tmp/t-my_scenario.elf-zero.svg && -s $tmp/t-my_scenario.elf-zero.vcd ]] ||
  fail "template: no timeline or VCD per run ($(ls "$tmp"))"
python3 - "$tmp/t.json" <<'PY' || fail "template: JSON"
import json, sys
runs = json.load(open(sys.argv[1]))["runs"]
assert len(runs) == 6, len(runs)
# macros.inc: PH_GUEST_ENTRY 1, PH_GUEST_EXIT 2, PH_HOST_SAVE 3, PH_GUEST_RESTORE 4,
# PH_VCPU_PUT 5, PH_HOST_WINDOW 6 (docs/scenario-devices.md).
names = {"guest_entry", "guest_exit", "host_save", "guest_restore", "vcpu_put", "host_window"}
for r in runs:
    assert names <= set(r["phase_cycles"]), r["phase_cycles"]
    assert r["phase_cycles"]["guest_entry"] > 0 and r["phase_cycles"]["host_window"] > 0
    assert r["verdict"] == "clean" and r["not_checked"] == [], r
PY

"$svesim" scenario run "$tmp/forgets.elf" --policy zero >"$tmp/f.txt"
status=$?
[[ $status -eq 1 ]] || fail "forgotten restore: exit $status, wanted 1"
grep -q "forgets.elf *zero *LOSS+LEAK+SELFCHECK .*UNEXPECTED" "$tmp/f.txt" ||
  { cat "$tmp/f.txt"; fail "forgotten restore: verdict"; }

"$svesim" scenario run "$tmp/no_world.elf" --policy zero >"$tmp/n.txt"
status=$?
[[ $status -eq 1 ]] || fail "no world: exit $status, wanted 1"
grep -q "no_world.elf *zero *not checked" "$tmp/n.txt" || { cat "$tmp/n.txt"; fail "no world: verdict"; }
grep -q "not checked: no world was ever entered" "$tmp/n.txt" || fail "no world: no explanation"
grep -q "no_world.elf *zero *clean" "$tmp/n.txt" && fail "no world: says clean"
grep -q "DISAGREES" "$tmp/n.txt" && { cat "$tmp/n.txt"; fail "no world: one-run disagreement"; }

printf 'scenarios = %s\npolicies = preserve, zero\nrounds = 2, 4\nhmax_vq = 4\ngmax_vq = 2
gz1_vq = 1\ntiming.exception = 30\n' "$tmp/my_scenario.elf" >"$tmp/own.grid"
"$svesim" sweep --grid "$tmp/own.grid" --out "$tmp/s.csv" 2>"$tmp/s.err" ||
  { cat "$tmp/s.err"; fail "sweep: exit $?"; }
[[ $(grep -c ',clean,clean,exit,' "$tmp/s.csv") -eq 4 && $(wc -l <"$tmp/s.csv") -eq 5 ]] ||
  { head -3 "$tmp/s.csv"; fail "sweep: not 4 clean rows"; }

# A long run (stress with many slices), stopped by SIGINT.
"$svesim" scenario run stress --policy zero --param rounds=1000000 --json "$tmp/i.json" \
  >"$tmp/i.txt" 2>"$tmp/i.err" &
pid=$!
wait_catches "$pid" INT || fail "SIGINT: svesim never installed its handler"
sleep 1
kill -INT "$pid"
wait "$pid"
status=$?
[[ $status -eq 130 ]] || fail "SIGINT: exit $status, wanted 130"
python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['runs']; assert len(r)==1 and r[0]['finish']=='interrupted', r" \
  "$tmp/i.json" || fail "SIGINT: the JSON is not complete"
grep -q "DID NOT FINISH (interrupted)" "$tmp/i.txt" || { cat "$tmp/i.txt"; fail "SIGINT: row"; }
# A sweep stopped by SIGINT: exit 130, every finished point in the CSV and the JSON, none
# of the stopped ones (so that --resume runs them).
"$svesim" sweep --out "$tmp/sw.csv" --json "$tmp/sw.json" 2>"$tmp/sw.err" &
pid=$!
wait_catches "$pid" INT || fail "sweep SIGINT: svesim never installed its handler"
wait_lines "$tmp/sw.csv" 2 || fail "sweep SIGINT: no point finished" # the header and one point
kill -INT "$pid"
wait "$pid"
status=$?
[[ $status -eq 130 ]] || fail "sweep SIGINT: exit $status, wanted 130"
python3 -c "import json,sys; p=json.load(open(sys.argv[1]))['points']; n=sum(1 for _ in open(sys.argv[2]))-1; assert 0 < len(p) == n < 2688, (len(p), n); assert all(r['finish'] != 'interrupted' for r in p)" \
  "$tmp/sw.json" "$tmp/sw.csv" || fail "sweep SIGINT: CSV and JSON disagree or hold stopped points"
echo "own programs: template clean with timeline, VCD, JSON; forgotten restore caught; no world not checked; sweep over an ELF; SIGINT writes the JSON"
