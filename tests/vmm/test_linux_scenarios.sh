#!/usr/bin/env bash
# `svesim scenario run linux_kvm_vhe|linux_kvm_nvhe` (issue 14 points 5, 7 and 8): Debian's own
# kernel on svesim, KVM in the given mode, the shipped guests beside host SVE pressure, the world
# checker on PE 0 under several policies. Requires: every run "ok" (a clean verdict, every plan
# line as expected, the kernel's console clean), the one-run verdicts agreeing with the
# per-policy runs (scenario run's own check), guest exits and host<->guest switches counted with
# non-zero cycles. With --guest FILE: the user's-guest path, its console lines shown and its
# exit status (0 clean, 1 the guest's or VMM's own check failed).
#
# Usage: test_linux_scenarios.sh SVESIM REPO CACHE WORK vhe|nvhe [--policies "P..."]
#                                [--guest FILE [--want STATUS]]
# (--policies: default the four of preserve, zero, qemu, random:1; CI splits them between the
# two modes, since each boot's one-run verdicts answer for every class anyway.)
# Exit statuses: 0 pass; 1 fail; 77 skipped (the Debian package mirror cannot be reached).
set -u
svesim=$1 repo=$2 cache=$3 work=$4 mode=$5
shift 5
guest="" want=0 policies="preserve zero qemu random:1"
while [ $# -gt 0 ]; do
    case "$1" in
    --policies) policies=$2; shift ;;
    --guest) guest=$2; shift ;;
    --want) want=$2; shift ;;
    *) echo "test_linux_scenarios.sh: unknown option $1"; exit 2 ;;
    esac
    shift
done
bash "$repo/scripts/fetch-debian.sh" --cache-dir "$cache" >/dev/null
rc=$?
if [ "$rc" -eq 77 ]; then echo "SKIPPED: the Debian package mirror cannot be reached"; exit 77; fi
[ "$rc" -ne 0 ] && { echo "FAIL: fetch-debian.sh exited $rc"; exit 1; }
rm -rf "$work" && mkdir -p "$work"

fail() { echo "FAIL: $*"; exit 1; }
if [ -z "$guest" ]; then
    # Policies of several implementation classes, so the one-run verdicts are confirmed.
    args=()
    for p in $policies; do args+=(--policy "$p"); done
    "$svesim" scenario run "linux_kvm_$mode" "${args[@]}" --debian-cache "$cache" --logs "$work" \
        --json "$work/result.json" --timeline "$work/exit.svg" >"$work/table.txt" 2>&1
    rc=$?
    cat "$work/table.txt"
    [ "$rc" -eq 0 ] || fail "scenario run exited $rc"
    ls "$work"/exit*.svg >/dev/null 2>&1 || fail "no timeline of one exit was written"
    python3 - "$work/result.json" $policies <<'PY' || exit 1
import json, sys
runs = json.load(open(sys.argv[1]))["runs"]
assert len(runs) == len(sys.argv) - 2, f"{len(runs)} runs"
for r in runs:
    where = f"{r['scenario']} {r['policy']}"
    assert r["verdict"] == "clean" and r["as_expected"], f"{where}: {r['verdict']}"
    classes = {k: r["one_run"][k] for k in ("preserve", "zero", "qemu")}
    assert all(v == "clean" for v in classes.values()), f"{where}: {r['one_run']}"
    assert r["world_entries"] > 1000, f"{where}: {r['world_entries']} world entries"
    c = r["switch_cycles"]
    for k in ("host_task_to_guest", "guest_to_host_task", "guest_exit_round_trip"):
        assert c[k] > 0, f"{where}: no {k} cycles"
print(f"PASS: {len(runs)} policies clean, one-run verdicts agree, switch cycles",
      {k: round(v) for k, v in runs[0]["switch_cycles"].items()})
PY
    exit 0
fi
"$svesim" scenario run "linux_kvm_$mode" --policy zero --guest "$guest" --debian-cache "$cache" \
    --logs "$work" >"$work/table.txt" 2>&1
rc=$?
cat "$work/table.txt"
[ "$rc" -eq "$want" ] || fail "scenario run --guest $guest exited $rc, want $want"
grep -q "^    | " "$work/table.txt" || fail "the guest's console lines are not shown"
echo "PASS: --guest $(basename "$guest") exit $rc as wanted, its console shown"
