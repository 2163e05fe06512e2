#!/usr/bin/env bash
# Holds the GIC and generic-timer system-register tables against llvm-mc: every name must
# assemble (as MRS, or MSR for the write-only ones) to the MRS/MSR word our encoding gives.
#   check_sysreg_names.sh PATH/TO/gic_sysreg_list
# Exits 77 (skipped) without llvm-mc, 1 on any mismatch.
set -u
list="${1:?usage: check_sysreg_names.sh gic_sysreg_list}"
command -v llvm-mc >/dev/null 2>&1 || { echo "SKIPPED: llvm-mc not found"; exit 77; }
fail=0
n=0
while read -r name op0 op1 crn crm op2; do
    n=$((n + 1))
    # MSR <reg>, X0: 0xD5000000 | op0 << 19 | op1 << 16 | CRn << 12 | CRm << 8 | op2 << 5
    word=$(( 0xD5000000 | (op0 << 19) | (op1 << 16) | (crn << 12) | (crm << 8) | (op2 << 5) ))
    mrs=$(( word | 0x00200000 ))   # MRS: L = 1
    for form in "mrs x0, $name" "msr $name, x0"; do
        out=$(echo "$form" | llvm-mc -triple=aarch64 -mattr=+v8.2a -show-encoding 2>/dev/null |
              grep -o 'encoding: \[[^]]*\]')
        [ -n "$out" ] && break
    done
    if [ -z "$out" ]; then
        echo "FAIL $name: llvm-mc does not know it"; fail=1; continue
    fi
    bytes=$(echo "$out" | grep -o '0x[0-9a-f][0-9a-f]' | tac | tr -d '\n' | sed 's/0x//g')
    got=$((16#$bytes))
    expect=$word
    case "$form" in mrs*) expect=$mrs ;; esac
    if [ "$got" -ne "$expect" ]; then
        printf 'FAIL %s: llvm-mc %#x, table %#x\n' "$name" "$got" "$expect"; fail=1
    fi
done < <("$list")
echo "$n registers checked against llvm-mc"
exit $fail
