#!/bin/sh
# /init of the svesim-vmm test initramfs (tests/vmm/run_vmm_qemu.sh): runs every line of /plan,
#   EXPECTED-STATUS svesim-vmm-arguments...
# under svesim-vmm, prints one "vmm-test: result" line per run and powers off.
/bin/busybox --install -s /bin
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev 2>/dev/null
echo "vmm-test: kernel $(uname -r); $(dmesg | grep -o -m1 -e 'VHE mode initialized successfully' -e 'Hyp mode initialized successfully' -e 'Protected nVHE mode initialized successfully' || echo 'KVM not initialised')"
echo "vmm-test: SVE: default VL $(cat /proc/sys/abi/sve_default_vector_length 2>/dev/null) bytes"
while read -r want args; do
    [ -z "$want" ] && continue
    echo "vmm-test: run svesim-vmm $args"
    start=$(cut -d' ' -f1 /proc/uptime)
    # shellcheck disable=SC2086
    /bin/svesim-vmm $args </dev/null
    rc=$?
    end=$(cut -d' ' -f1 /proc/uptime)
    echo "vmm-test: result $rc expected $want time $start..$end s: svesim-vmm $args"
done </plan
echo "vmm-test: done"
poweroff -f
