#!/usr/bin/env bash
# The in-process bench (scenarios::Bench) and the SystemC platform (tlm::Platform) give the same
# run for every shipped scenario under every standard policy: the same verdict table (cycles of
# every phase, mean cycles outside), the same JSON (instructions, total cycles, violations, the
# one-run verdicts), byte-identical timeline SVGs and the same VCDs (byte for byte after
# SystemC's $date and $version blocks). The expectation is the SystemC path, which forks one
# process per point as svesim always did before the bench; `--isolate` forks the bench and must
# agree too.
# Usage: test_bench_vs_tlm.sh SVESIM
set -uo pipefail
svesim=$1
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/bench" "$tmp/systemc" "$tmp/isolated"
fail() { echo "FAIL: $*"; exit 1; }
run() { # DIR ARGS...
  local dir=$1; shift
  "$svesim" scenario run --all "$@" --json "$dir/runs.json" --timeline "$dir/t.svg" \
    --vcd "$dir/v.vcd" >"$dir/table.txt" 2>"$dir/stderr.txt" ||
    fail "scenario run --all $* exited $? ($(head -3 "$dir/stderr.txt"))"
}
run "$tmp/bench"
run "$tmp/systemc" --systemc
run "$tmp/isolated" --isolate
for other in systemc isolated; do
  cmp -s "$tmp/bench/table.txt" "$tmp/$other/table.txt" ||
    { diff "$tmp/$other/table.txt" "$tmp/bench/table.txt" | head; fail "verdict table: bench vs $other"; }
  cmp -s "$tmp/bench/runs.json" "$tmp/$other/runs.json" || fail "JSON: bench vs $other"
done
svgs=0
for f in "$tmp/systemc"/*.svg; do
  b="$tmp/bench/$(basename "$f")"
  cmp -s "$f" "$b" || fail "timeline $(basename "$f") differs"
  svgs=$((svgs + 1))
done
vcds=0
for f in "$tmp/systemc"/*.vcd; do
  b="$tmp/bench/$(basename "$f")"
  # SystemC's file starts with $date ... $end and $version ... $end and a blank line.
  diff <(sed '1,/^\$end/d' "$f" | sed '1,/^\$end/d' | sed '1d') "$b" >/dev/null ||
    fail "VCD $(basename "$f") differs"
  vcds=$((vcds + 1))
done
rows=$(grep -c " ok$" "$tmp/bench/table.txt")
[[ $svgs -ge 84 && $vcds -ge 84 && $rows -ge 84 ]] || fail "only $rows rows, $svgs SVGs, $vcds VCDs"
echo "bench = SystemC: $rows runs, $svgs timelines, $vcds VCDs identical"
