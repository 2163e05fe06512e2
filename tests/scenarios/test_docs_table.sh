#!/usr/bin/env bash
# The verdict table that README.md ("What the main job prints") and docs/scenarios.md ("The
# verdict table") show is what `svesim scenario run --all` prints now, byte for byte: a change of
# cycles, verdicts or layout must update the docs in the same commit.
# Usage: test_docs_table.sh SVESIM SOURCE_DIR
set -uo pipefail
svesim=$1 src=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$svesim" scenario run --all >"$tmp/now.txt" 2>&1 || { cat "$tmp/now.txt"; echo "FAIL: scenario run --all exited $?"; exit 1; }
failures=0
for doc in README.md docs/scenarios.md; do
  # The first fenced block that starts with the table's header line.
  awk '/^scenario +policy +verdict/ {on = 1} on && /^```/ {exit} on' "$src/$doc" >"$tmp/doc.txt"
  if [[ ! -s $tmp/doc.txt ]]; then
    echo "FAIL: $doc has no verdict table"; failures=$((failures + 1))
  elif ! diff -u "$tmp/doc.txt" "$tmp/now.txt" >"$tmp/diff.txt"; then
    echo "FAIL: $doc's verdict table is not what scenario run --all prints now (paste its output):"
    head -20 "$tmp/diff.txt"; failures=$((failures + 1))
  else
    echo "PASS: $doc's verdict table is current ($(wc -l <"$tmp/now.txt") lines)"
  fi
done
exit $((failures > 0))
