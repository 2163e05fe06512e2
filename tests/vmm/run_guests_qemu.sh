#!/usr/bin/env bash
# Every guest of guests/ directly on qemu-system-aarch64's virt board (EL1, PSCI through HVC:
# virtualization=off and secure=off, QEMU's own PSCI), the contract's second platform:
#   run_guests_qemu.sh GUESTS_DIR
# Each must print its expected lines and end with "PASS <name>"; sve_fill_broken (sve_fill
# breaking its own Z7 once) and vl_regrow_foreign (a foreign byte above the lowered VL) must end
# with the FAIL line naming the byte. QEMU exits 0 on both
# SYSTEM_OFF and (with -no-reboot) SYSTEM_RESET, so the last line carries the verdict here.
# Expected values: QEMU's -cpu max offers every VL from 128 to 2048 bits (sve-max-vq 16), or
# 128..512 with sve-max-vq=4; the sums are closed forms (guests/sve_arith.S); QEMU zeroes the
# bits above a lowered VL when ZCR_EL1 shrinks it (target/arm/helper.c, aarch64_sve_narrow_vq),
# one of the two outcomes the Arm ARM permits.
# Exit status: 0 all as expected; 1 not; 77 (skipped) without qemu-system-aarch64 or timeout.
set -u
dir="${1:?usage: run_guests_qemu.sh GUESTS_DIR}"
qemu="${QEMU_SYSTEM_AARCH64:-qemu-system-aarch64}"
for tool in "$qemu" timeout; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "SKIPPED: $tool not found"; exit 77
    fi
done

failures=0
# run NAME CPU LAST-LINE-PREFIX EXPECTED-LINE...
run() {
    local name="$1" cpu="$2" last_want="$3"
    shift 3
    local elf="$dir/$name.elf"
    if [ ! -f "$elf" ]; then
        echo "FAIL $name: $elf not built"; failures=$((failures + 1)); return
    fi
    local start end out status
    start=$(date +%s.%N)
    out="$(timeout 60 "$qemu" -M virt,virtualization=off,secure=off -cpu "$cpu" -nic none \
        -nographic -no-reboot -kernel "$elf" </dev/null 2>&1)"
    status=$?
    end=$(date +%s.%N)
    local last ok=1
    last="$(printf '%s\n' "$out" | tail -n 1)"
    [ "$status" -eq 0 ] || ok=0
    case "$last" in "$last_want"*) ;; *) ok=0 ;; esac
    local line
    for line in "$@"; do
        printf '%s\n' "$out" | grep -q -F -- "$line" || { ok=0; echo "  missing: $line"; }
    done
    local wall
    wall=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", e - s }')
    if [ "$ok" -eq 1 ]; then
        echo "ok   $name (-cpu $cpu, $wall s): $last"
    else
        echo "FAIL $name (-cpu $cpu): exit status $status, last line: $last"
        printf '%s\n' "$out" | sed 's/^/  output: /'
        failures=$((failures + 1))
    fi
}

run sve_fill max "PASS sve_fill" "sve_fill: 16 vector lengths, " "sve_fill: VL 2048 bits: state intact"
run sve_fill max,sve-max-vq=4 "PASS sve_fill" "sve_fill: 4 vector lengths, " "sve_fill: VL 512 bits"
run sve_arith max "PASS sve_arith" \
    "sve_arith: VL 128 bits .... sum(i) = 3, sum(4 i^2) = 20, sqrt(2)^2 and 1/3 exact: ok" \
    "sve_arith: VL 2048 bits .... sum(i) = 528, sum(4 i^2) = 45760, sqrt(2)^2 and 1/3 exact: ok"
run no_sve max "PASS no_sve" "no_sve: round 6: V0-V31, FPCR and FPSR intact" \
    "RDVL trapped to EL1 as CPACR_EL1.ZEN=0 requires, ESR_EL1 0x0000000066000000"
run vl_regrow max "PASS vl_regrow" \
    "vl_regrow: A (lower, raise): above 128 bits, Z: zeroed 32, kept 0, mixed 0; P: zeroed 16, kept 0, mixed 0; FFR: zeroed 1" \
    "vl_regrow: C (lower, write at the lower VL, raise): above 128 bits, Z: zeroed 32"
run sve_fill_broken max "FAIL sve_fill: Z7 byte 0 is 0x00, expected 0x" "sve_fill: VL 128 bit"
run vl_regrow_foreign max "FAIL vl_regrow: Z5 byte 16 is 0x" "neither zero nor its value before the VL change"

if [ "$failures" -ne 0 ]; then
    echo "$failures guest run(s) not as expected on QEMU"; exit 1
fi
echo "every guest as expected on qemu-system-aarch64"
