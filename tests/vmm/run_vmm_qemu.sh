#!/usr/bin/env bash
# svesim-vmm on the real KVM: Debian's arm64 kernel on qemu-system-aarch64 with EL2 (KVM nested
# in TCG), the initramfs of scripts/make-initramfs.sh --vmm (busybox, svesim-vmm,
# svesim-sve-pressure, the guests, the modules the plan needs), /init running every line of
# tests/vmm/plan.txt and powering off.
#
#   run_vmm_qemu.sh --mode vhe|nvhe --build BUILD_DIR --cache-dir DEBIAN_CACHE --work WORK_DIR
#                   [--timeout SECONDS]
#
# BUILD_DIR holds vmm/svesim-vmm, vmm/svesim-sve-pressure and guests/*.elf; DEBIAN_CACHE is
# scripts/fetch-debian.sh's cache (fetched there when missing: the kernel is CACHE/Image). mode
# vhe is the kernel's default on a CPU with FEAT_VHE entered at EL2; nvhe adds kvm-arm.mode=nvhe.
# CPU-heavy: run it under the build lock (flock /tmp/svesim-build.lock ctest ...).
#
# Exit status: 0 every run gave its expected status and KVM ran in the requested mode; 1 not;
# 77 (skipped) when qemu-system-aarch64 or cpio is missing or the Debian mirror cannot be reached.
set -u
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
mode="" build="" cache="" work="" timeout_s=1500
while [ $# -gt 0 ]; do
    case "$1" in
    --mode) mode="$2"; shift 2 ;;
    --build) build="$2"; shift 2 ;;
    --cache-dir) cache="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    --timeout) timeout_s="$2"; shift 2 ;;
    *) echo "run_vmm_qemu.sh: unknown argument $1"; exit 2 ;;
    esac
done
case "$mode" in
vhe) append_mode="" ;;
nvhe) append_mode="kvm-arm.mode=nvhe" ;;
*) echo "run_vmm_qemu.sh: --mode vhe|nvhe"; exit 2 ;;
esac
if [ -z "$build" ] || [ -z "$cache" ] || [ -z "$work" ]; then
    echo "run_vmm_qemu.sh: --build, --cache-dir and --work are required"; exit 2
fi
for tool in qemu-system-aarch64 cpio timeout; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "SKIPPED: $tool not found"; exit 77
    fi
done

mkdir -p "$work"
bash "$repo/scripts/fetch-debian.sh" --cache-dir "$cache"
rc=$?
if [ "$rc" -eq 77 ]; then echo "SKIPPED: the Debian package mirror cannot be reached"; exit 77; fi
[ "$rc" -ne 0 ] && { echo "FAIL: fetch-debian.sh exited $rc"; exit 1; }
kernel="$cache/Image"
bash "$repo/scripts/make-initramfs.sh" --cache-dir "$cache" --out "$work/initramfs.cpio.gz" \
    --vmm "$build" --plan "$here/plan.txt" || { echo "FAIL: make-initramfs.sh"; exit 1; }

log="$work/console-$mode.log"
start=$(date +%s.%N)
# virtualization=on: EL2 for the kernel (KVM); gic-version=3: a GIC with the virtualization
# interface; pauth-impdef: QEMU's cheap pointer-authentication algorithm (TCG speed only).
timeout "$timeout_s" qemu-system-aarch64 -M virt,virtualization=on,gic-version=3 \
    -cpu max,pauth-impdef=on -smp 1 -m 1G -nic none -nographic -no-reboot \
    -kernel "$kernel" -initrd "$work/initramfs.cpio.gz" \
    -append "console=ttyAMA0 rdinit=/init panic=-1 loglevel=4 $append_mode" \
    </dev/null >"$log" 2>&1
status=$?
end=$(date +%s.%N)
wall=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", e - s }')

grep -a -e '^vmm-test:' -e '^svesim-vmm:' -e '^svesim-sve-pressure:' -e '^SVESIM-INIT: module' \
    -e '^PASS' -e '^FAIL' "$log"
failures=0
if [ "$status" -ne 0 ]; then
    echo "FAIL qemu-system-aarch64 exit status $status after $wall s (124: timeout); log: $log"
    tail -n 20 "$log"
    failures=$((failures + 1))
fi
want_banner="VHE mode initialized successfully"
[ "$mode" = nvhe ] && want_banner="Hyp mode initialized successfully"
if ! grep -a -q "SVESIM-INIT: dmesg: .*$want_banner" "$log"; then
    echo "FAIL KVM did not report '$want_banner' (mode $mode)"
    failures=$((failures + 1))
fi
runs=$(grep -a -c '^vmm-test: result' "$log")
planned=$(grep -c -E '^(&|[0-9])' "$here/plan.txt")
if [ "$runs" -ne "$planned" ]; then
    echo "FAIL $runs of $planned planned runs reported a result"
    failures=$((failures + 1))
fi
while read -r _ _ rc _ want _; do
    [ "$rc" = "$want" ] || failures=$((failures + 1))
done < <(grep -a '^vmm-test: result' "$log")
grep -a '^vmm-test: result' "$log" | awk '$3 != $5 { print "FAIL " $0 }'
# Each guest's own verdict line agrees with the VMM's status (0: PASS, 1: FAIL), and every run
# with a guest checked the VMM's own SVE state across at least one KVM_RUN.
passes=$(grep -a -c '^PASS ' "$log")
fails=$(grep -a -c '^FAIL ' "$log")
want_passes=$(grep -c '^0 .*\.elf' "$here/plan.txt")
want_fails=$(grep -c '^1 .*\.elf' "$here/plan.txt")
if [ "$passes" -ne "$want_passes" ] || [ "$fails" -ne "$want_fails" ]; then
    echo "FAIL guest verdict lines: $passes PASS (expected $want_passes), $fails FAIL (expected $want_fails)"
    failures=$((failures + 1))
fi
checked=$(grep -a -c 'own SVE state checked after [1-9][0-9]* KVM_RUN calls' "$log")
want_checked=$(grep -c '\.elf' "$here/plan.txt")
if [ "$checked" -ne "$want_checked" ]; then
    echo "FAIL $checked of $want_checked guest runs report their own-SVE-state checks"
    failures=$((failures + 1))
fi
# The faulting guest's exception as KVM gives it: UDF #0 at EL1 is EC 0x00 with IL set.
if ! grep -a -q 'its last exception at EL1: ESR_EL1 0x2000000, ' "$log"; then
    echo "FAIL the faulting guest's ESR_EL1 (0x2000000, UDF at EL1) was not reported"
    failures=$((failures + 1))
fi
# The host pressure ran beside every run, hashed with kernel-mode NEON, and held its own state.
if ! grep -a -q 'svesim-sve-pressure: exit status 0; .* [1-9][0-9]* AF_ALG sha256-arm64-neon requests' "$log"; then
    echo "FAIL svesim-sve-pressure did not end cleanly with AF_ALG sha256-arm64-neon requests"
    failures=$((failures + 1))
fi
exits=$(grep -a -o 'checked after [0-9]* KVM_RUN' "$log" | awk '{ n += $3 } END { print n + 0 }')
echo "qemu-system-aarch64 wall time: $wall s (mode $mode, $exits KVM_RUN calls); console log: $log"
if [ "$failures" -ne 0 ]; then
    echo "$failures failure(s)"
    exit 1
fi
echo "all $runs svesim-vmm runs as expected under KVM ($mode) on Debian's kernel"
