#!/usr/bin/env bash
# Prints the what-if sweep's throughput: the default grid (every scenario x policy x seed x VL x
# exception cost, docs/studies/README.md) with --jobs 1 and --jobs 2, in this process (the
# default) and with --isolate (a child process per point), in points per second.
# Target (issue 6): 2000 points in under 2 minutes on 2 cores.
# Usage: bench/sweep.sh [BUILD_DIR] (default build/; built if needed).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$here/build}"
cmake --build "$build" --target svesim svesim_scenario_programs -j2 >/dev/null
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
svesim="$build/app/svesim"

points=$("$svesim" sweep --list --out "$out/none.csv" | wc -l)
printf "%-22s %8s %10s %10s\n" "sweep" "points" "seconds" "points/s"
for mode in "" --isolate; do
  for jobs in 1 2; do
    t0=$(date +%s.%N)
    "$svesim" sweep --jobs "$jobs" $mode --out "$out/j$jobs.csv" 2>/dev/null
    t1=$(date +%s.%N)
    rows=$(($(wc -l <"$out/j$jobs.csv") - 1))
    [[ $rows -eq $points ]] || { echo "bench/sweep.sh: $rows rows for $points points" >&2; exit 1; }
    awk -v j="$jobs" -v m="$mode" -v n="$rows" -v a="$t0" -v b="$t1" \
      'BEGIN { printf "%-22s %8d %10.1f %10.0f\n", "jobs " j (m == "" ? "" : " " m), n, b - a, n / (b - a) }'
  done
done
