#!/usr/bin/env bash
# svesim-vmm on the real KVM: Debian's arm64 kernel with EL2, on qemu-system-aarch64 (KVM nested
# in TCG; the oracle) or on svesim itself (`svesim boot`), the initramfs of
# scripts/make-initramfs.sh --vmm (busybox, svesim-vmm, svesim-sve-pressure, the guests, the
# modules the plan needs), /init running every line of the plan (default tests/vmm/plan.txt)
# and powering off.
#
#   run_vmm_kvm.sh --mode vhe|nvhe --build BUILD_DIR --cache-dir DEBIAN_CACHE --work WORK_DIR
#                  [--on qemu|svesim] [--plan FILE] [--timeout SECONDS]
#
# --on svesim boots with BUILD_DIR/app/svesim on 1 PE and leaves out the plan's `--timeout`
# runs (guests that spin until the VMM's timeout: 6.6 G simulated instructions of waiting for
# the default plan; the VMM's timeout handling is checked on QEMU).
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
mode="" build="" cache="" work="" timeout_s=1500 on=qemu plan="$here/plan.txt"
while [ $# -gt 0 ]; do
    case "$1" in
    --mode) mode="$2"; shift 2 ;;
    --build) build="$2"; shift 2 ;;
    --cache-dir) cache="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    --timeout) timeout_s="$2"; shift 2 ;;
    --on) on="$2"; shift 2 ;;
    --plan) plan="$2"; shift 2 ;;
    *) echo "run_vmm_kvm.sh: unknown argument $1"; exit 2 ;;
    esac
done
case "$mode" in
vhe) append_mode="" ;;
nvhe) append_mode="kvm-arm.mode=nvhe" ;;
*) echo "run_vmm_kvm.sh: --mode vhe|nvhe"; exit 2 ;;
esac
case "$on" in
qemu) machine=qemu-system-aarch64 ;;
svesim) machine="$build/app/svesim" ;;
*) echo "run_vmm_kvm.sh: --on qemu|svesim"; exit 2 ;;
esac
if [ -z "$build" ] || [ -z "$cache" ] || [ -z "$work" ]; then
    echo "run_vmm_kvm.sh: --build, --cache-dir and --work are required"; exit 2
fi
tools=(cpio timeout)
[ "$on" = qemu ] && tools+=(qemu-system-aarch64)
for tool in "${tools[@]}"; do
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
if [ "$on" = svesim ]; then
    grep -v -e '--timeout' "$plan" >"$work/plan.txt"
    plan="$work/plan.txt"
fi
bash "$repo/scripts/make-initramfs.sh" --cache-dir "$cache" --out "$work/initramfs.cpio.gz" \
    --vmm "$build" --plan "$plan" || { echo "FAIL: make-initramfs.sh"; exit 1; }

log="$work/console-$mode.log"
start=$(date +%s.%N)
if [ "$on" = qemu ]; then
    # virtualization=on: EL2 for the kernel (KVM); gic-version=3: a GIC with the virtualization
    # interface; pauth-impdef: QEMU's cheap pointer-authentication algorithm (TCG speed only).
    timeout "$timeout_s" qemu-system-aarch64 -M virt,virtualization=on,gic-version=3 \
        -cpu max,pauth-impdef=on -smp 1 -m 1G -nic none -nographic -no-reboot \
        -kernel "$kernel" -initrd "$work/initramfs.cpio.gz" \
        -append "console=ttyAMA0 rdinit=/init panic=-1 loglevel=4 $append_mode" \
        </dev/null >"$log" 2>&1
else
    timeout "$timeout_s" "$machine" boot --kernel "$kernel" --initrd "$work/initramfs.cpio.gz" \
        --cpus 1 --mem 1G --quiet --append "rdinit=/init loglevel=4 $append_mode" \
        </dev/null >"$log" 2>&1
fi
status=$?
end=$(date +%s.%N)
wall=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", e - s }')

grep -a -e '^vmm-test:' -e '^svesim-vmm:' -e '^svesim-sve-pressure:' -e '^SVESIM-INIT: module' \
    -e '^PASS' -e '^FAIL' "$log"
failures=0
if [ "$status" -ne 0 ]; then
    echo "FAIL $machine exit status $status after $wall s (124: timeout); log: $log"
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
planned=$(grep -c -E '^(&|[0-9])' "$plan")
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
want_passes=$(grep -c '^0 .*\.elf' "$plan")
want_fails=$(grep -c '^1 .*\.elf' "$plan")
if [ "$passes" -ne "$want_passes" ] || [ "$fails" -ne "$want_fails" ]; then
    echo "FAIL guest verdict lines: $passes PASS (expected $want_passes), $fails FAIL (expected $want_fails)"
    failures=$((failures + 1))
fi
checked=$(grep -a -c 'own SVE state checked after [1-9][0-9]* KVM_RUN calls' "$log")
want_checked=$(grep -c '\.elf' "$plan")
if [ "$checked" -ne "$want_checked" ]; then
    echo "FAIL $checked of $want_checked guest runs report their own-SVE-state checks"
    failures=$((failures + 1))
fi
# The faulting guest's exception as KVM gives it: UDF #0 at EL1 is EC 0x00 with IL set.
if grep -q 'fault\.elf' "$plan" && ! grep -a -q 'its last exception at EL1: ESR_EL1 0x2000000, ' "$log"; then
    echo "FAIL the faulting guest's ESR_EL1 (0x2000000, UDF at EL1) was not reported"
    failures=$((failures + 1))
fi
# The host pressure ran beside every run, hashed with kernel-mode NEON, and held its own state.
if ! grep -a -q 'svesim-sve-pressure: exit status 0; .* [1-9][0-9]* AF_ALG sha256-arm64-neon requests' "$log"; then
    echo "FAIL svesim-sve-pressure did not end cleanly with AF_ALG sha256-arm64-neon requests"
    failures=$((failures + 1))
fi
exits=$(grep -a -o 'checked after [0-9]* KVM_RUN' "$log" | awk '{ n += $3 } END { print n + 0 }')
echo "$on wall time: $wall s (mode $mode, $exits KVM_RUN calls); console log: $log"
if [ "$failures" -ne 0 ]; then
    echo "$failures failure(s)"
    exit 1
fi
echo "all $runs svesim-vmm runs as expected under KVM ($mode) on Debian's kernel"
