#!/usr/bin/env bash
# Pivots a sweep CSV (svesim sweep --out) into a Markdown table: one row per scenario and
# gz1_vq, one column per zero-or-preserve policy; the random seeds share one column listing
# every verdict they produced. Usage: scripts/verdict-table.sh docs/studies/verdicts.csv
set -euo pipefail
csv=${1:?usage: scripts/verdict-table.sh SWEEP.csv}
[[ -r $csv ]] || { echo "verdict-table: cannot read $csv" >&2; exit 2; }
awk -F, '
NR == 1 {
    for (i = 1; i <= NF; i++) col[$i] = i
    if (!("scenario" in col) || !("policy" in col) || !("verdict" in col) || !("gz1_vq" in col)) {
        print "verdict-table: not a sweep CSV (needs scenario, policy, gz1_vq, verdict)" > "/dev/stderr"
        exit 2
    }
    next
}
{
    row = $col["scenario"] " | " $col["gz1_vq"]
    pol = $col["policy"]; sub(/:.*/, "", pol)
    v = $col["verdict"]
    if (!(row in seen)) { seen[row] = 1; order[++n] = row }
    cell = row SUBSEP pol
    if (index(" " got[cell] " ", " " v " ") == 0) got[cell] = got[cell] (got[cell] == "" ? "" : " ") v
}
END {
    if (n == 0) exit
    print "| scenario | gz1_vq | preserve | zero | qemu | random (all seeds) |"
    print "|---|---|---|---|---|---|"
    for (i = 1; i <= n; i++) {
        r = order[i]
        printf "| %s | %s | %s | %s | %s |\n", r, got[r SUBSEP "preserve"], got[r SUBSEP "zero"],
               got[r SUBSEP "qemu"], got[r SUBSEP "random"]
    }
}' "$csv"
