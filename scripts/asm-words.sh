#!/usr/bin/env bash
# Prints the encoding of each A64 instruction given on stdin (one per line) as
# "0xWORD, // text", for writing tests. Needs binutils-aarch64-linux-gnu.
set -euo pipefail
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/in.s"
aarch64-linux-gnu-as -march=armv8.2-a+sve "$tmp/in.s" -o "$tmp/in.o"
aarch64-linux-gnu-objdump -d "$tmp/in.o" | awk -F'\t' '/^ *[0-9a-f]+:/ {gsub(/ /,"",$2); printf "0x%s, // %s %s\n", $2, $3, $4}'
