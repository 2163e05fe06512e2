#!/usr/bin/env bash
# The generated tables in the docs are the tables of the code: docs/sysregs.md ends with the
# output of `svesim sysregs`, and docs/isa.md's feature section is `svesim sysregs --features`
# between the markers <!-- features:begin --> and <!-- features:end -->.
# Usage: test_docs_tables.sh SVESIM DOCS_DIR
set -euo pipefail
svesim=$1
docs=$2
status=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$svesim" sysregs >"$tmp/sysregs.md"
n=$(wc -l <"$tmp/sysregs.md")
if ! tail -n "$n" "$docs/sysregs.md" | cmp -s - "$tmp/sysregs.md"; then
    echo "FAIL docs/sysregs.md: its table is not the output of 'svesim sysregs' (regenerate it)"
    tail -n "$n" "$docs/sysregs.md" | diff - "$tmp/sysregs.md" | head -20
    status=1
fi

"$svesim" sysregs --features >"$tmp/features.md"
sed -n '/<!-- features:begin -->/,/<!-- features:end -->/p' "$docs/isa.md" | sed '1d;$d' \
    >"$tmp/isa_features.md"
if ! cmp -s "$tmp/isa_features.md" "$tmp/features.md"; then
    echo "FAIL docs/isa.md: the feature section is not the output of 'svesim sysregs --features'"
    diff "$tmp/isa_features.md" "$tmp/features.md" | head -20
    status=1
fi
[ "$status" = 0 ] && echo "PASS docs/sysregs.md and docs/isa.md features match the tables"
exit "$status"
