#!/usr/bin/env bash
# svesim-vmm on the real KVM: Debian's arm64 kernel on qemu-system-aarch64 with EL2 (KVM nested
# in TCG), an initramfs holding busybox, svesim-vmm and the guests, /init running every line of
# tests/vmm/plan.txt under the VMM and powering off.
#
#   run_vmm_qemu.sh --mode vhe|nvhe --vmm SVESIM_VMM --guests GUESTS_DIR --debian DEBIAN_DIR
#                   --work WORK_DIR [--timeout SECONDS]
#
# DEBIAN_DIR holds linux-image-*-arm64*.deb and busybox-static_*_arm64.deb (docs: the Debian
# packages of ../shared/docs/linux-boot.md), or their unpacked x/boot/vmlinuz-*. mode vhe is the
# kernel's default on a CPU with FEAT_VHE entered at EL2; nvhe adds kvm-arm.mode=nvhe.
# CPU-heavy: run it under the build lock (flock /tmp/svesim-build.lock ctest ...).
#
# Exit status: 0 every run gave its expected status and KVM ran in the requested mode; 1 not;
# 77 (skipped) when qemu-system-aarch64, dpkg-deb, python3 or the Debian packages are missing.
set -u
here="$(cd "$(dirname "$0")" && pwd)"
mode="" vmm="" guests="" debian="" work="" timeout_s=1500
while [ $# -gt 0 ]; do
    case "$1" in
    --mode) mode="$2"; shift 2 ;;
    --vmm) vmm="$2"; shift 2 ;;
    --guests) guests="$2"; shift 2 ;;
    --debian) debian="$2"; shift 2 ;;
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
if [ -z "$vmm" ] || [ -z "$guests" ] || [ -z "$work" ]; then
    echo "run_vmm_qemu.sh: --vmm, --guests and --work are required"; exit 2
fi
for tool in qemu-system-aarch64 dpkg-deb python3 timeout; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "SKIPPED: $tool not found"; exit 77
    fi
done

mkdir -p "$work"
# The kernel: unpacked already (x/boot), or unpack the package.
kernel="$(ls "$debian"/x/boot/vmlinuz-*-arm64 2>/dev/null | head -n 1)"
if [ -z "$kernel" ]; then
    deb="$(ls "$debian"/linux-image-*-arm64*_arm64.deb 2>/dev/null | head -n 1)"
    if [ -z "$deb" ]; then
        echo "SKIPPED: no Debian arm64 kernel in '$debian' (linux-image-*-arm64 .deb or x/boot/vmlinuz-*)"
        exit 77
    fi
    dpkg-deb -x "$deb" "$work/kernel" || exit 1
    kernel="$(ls "$work"/kernel/boot/vmlinuz-*-arm64 | head -n 1)"
fi
bbdeb="$(ls "$debian"/busybox-static_*_arm64.deb 2>/dev/null | head -n 1)"
if [ -z "$bbdeb" ]; then
    echo "SKIPPED: no busybox-static arm64 package in '$debian'"; exit 77
fi
if [ ! -x "$work/busybox/bin/busybox" ]; then
    dpkg-deb -x "$bbdeb" "$work/busybox" || exit 1
fi

adds=()
for g in "$guests"/*.elf; do
    adds+=(--add "guests/$(basename "$g")=$g")
done
python3 "$here/make_initramfs.py" -o "$work/initramfs.cpio.gz" \
    --busybox "$work/busybox/bin/busybox" --init "$here/init.sh" \
    --add "bin/svesim-vmm=$vmm" --add "plan=$here/plan.txt" "${adds[@]}" || exit 1

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

grep -a -e '^vmm-test:' -e '^svesim-vmm:' -e '^PASS' -e '^FAIL' "$log"
failures=0
if [ "$status" -ne 0 ]; then
    echo "FAIL qemu-system-aarch64 exit status $status after $wall s (124: timeout); log: $log"
    tail -n 20 "$log"
    failures=$((failures + 1))
fi
want_banner="VHE mode initialized successfully"
[ "$mode" = nvhe ] && want_banner="Hyp mode initialized successfully"
if ! grep -a -q "vmm-test: kernel .*$want_banner" "$log"; then
    echo "FAIL KVM did not report '$want_banner' (mode $mode)"
    failures=$((failures + 1))
fi
runs=$(grep -a -c '^vmm-test: result' "$log")
planned=$(grep -c . "$here/plan.txt")
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
exits=$(grep -a -o 'checked after [0-9]* KVM_RUN' "$log" | awk '{ n += $3 } END { print n + 0 }')
echo "qemu-system-aarch64 wall time: $wall s (mode $mode, $exits KVM_RUN calls); console log: $log"
if [ "$failures" -ne 0 ]; then
    echo "$failures failure(s)"
    exit 1
fi
echo "all $runs svesim-vmm runs as expected under KVM ($mode) on Debian's kernel"
