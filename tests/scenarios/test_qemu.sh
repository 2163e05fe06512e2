#!/usr/bin/env bash
# Runs every shipped scenario program (scenarios/kvm/*.S, built into PROGRAMS_DIR) on
# qemu-system-aarch64's virt board and requires the outcome the program gives on svesim under
# the `qemu` policy: its semihosting exit status and its last line,
#
#   scenario: guest self-checks passed P, failed F; exit status S
#
# S is 0 for a clean run, 1 WARN (the host's fpsimd_save VL check), 2 HYP_PANIC, 3 a guest
# self-check failure, 8 an unexpected exception (docs/scenarios.md, "On QEMU"). QEMU has
# neither the scenario monitor nor the timer: the programs detect that at reset and skip them.
#
#   tests/scenarios/test_qemu.sh PROGRAMS_DIR
#
# Exit status: 0 every program as expected; 1 some program differs, timed out or is missing
# from the table below; 77 (skipped) when qemu-system-aarch64 or timeout(1) is missing.
set -u

dir="${1:?usage: test_qemu.sh PROGRAMS_DIR}"
qemu="${QEMU_SYSTEM_AARCH64:-qemu-system-aarch64}"
if ! command -v "$qemu" >/dev/null 2>&1; then
    echo "SKIPPED: $qemu not found (apt-get install qemu-system-arm)"
    exit 77
fi
if ! command -v timeout >/dev/null 2>&1; then
    echo "SKIPPED: timeout(1) not found"
    exit 77
fi

# name  exit-status  self-checks-passed  self-checks-failed. The expected verdicts under the
# `qemu` policy (docs/scenarios.md's table): HYP_PANIC -> 2, WARN -> 1, SELFCHECK -> 3; LOSS,
# LEAK and CORRUPT only svesim's checker sees. `passed` counts the guest's checks of its own
# registers (one per re-entry that touches FP/SVE; stress: one per guest slice of 40).
expected="
s1_v2_happy            0  1  0
s2_v2_fp_enabled_bug   3  1  1
s3_v2_softirq_neon     1  0  0
s3_513_softirq_neon    1  0  0
s4_2025_eager_zcr      0  1  0
reviewer_el2_fixup     0  1  0
s17_too_small          3  0  1
opt_current_vl_save    0  1  0
s6_zcr_el2_tz_prefix   2  0  0
s6_zcr_el2_tz_fixed    0  1  0
s5_vhe_513             0  1  0
s10_pkvm_eager         0  1  0
s11_nonsve_guest       0  1  0
stress                 0  40 0
"

shopt -s nullglob
elfs=("$dir"/*.elf)
if [ ${#elfs[@]} -eq 0 ]; then
    echo "FAIL no scenario programs in $dir"
    exit 1
fi

failures=0
for elf in "${elfs[@]}"; do
    name="$(basename "$elf" .elf)"
    row="$(awk -v n="$name" '$1 == n { print $2, $3, $4 }' <<<"$expected")"
    if [ -z "$row" ]; then
        echo "FAIL $name: no expected outcome in $0"
        failures=$((failures + 1))
        continue
    fi
    read -r want_status want_passed want_failed <<<"$row"
    want_line="scenario: guest self-checks passed $want_passed, failed $want_failed; exit status $want_status"
    # -nic none: no virtio-net on the virtio-mmio transports where svesim has its monitor.
    out="$(timeout 30 "$qemu" -M virt,virtualization=on,secure=on -cpu max -nic none \
        -semihosting -nographic -kernel "$elf" </dev/null 2>&1)"
    status=$?
    last="$(printf '%s\n' "$out" | tail -n 1)"
    if [ "$status" -eq 124 ]; then
        echo "FAIL $name: timed out after 30 s"
        failures=$((failures + 1))
    elif [ "$status" -ne "$want_status" ] || [ "$last" != "$want_line" ]; then
        echo "FAIL $name: exit status $status (expected $want_status); last line:"
        echo "  got:      $last"
        echo "  expected: $want_line"
        printf '%s\n' "$out" | sed 's/^/  output:   /'
        failures=$((failures + 1))
    else
        echo "ok   $name: exit status $status ($last)"
    fi
done

# Every program in the table was built and run.
while read -r name _; do
    if [ -n "$name" ] && [ ! -f "$dir/$name.elf" ]; then
        echo "FAIL $name: $dir/$name.elf was not built"
        failures=$((failures + 1))
    fi
done <<<"$expected"

if [ "$failures" -ne 0 ]; then
    echo "$failures scenario program(s) not as expected on QEMU"
    exit 1
fi
echo "all ${#elfs[@]} scenario programs as expected on QEMU"
