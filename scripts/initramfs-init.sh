#!/bin/sh
# /init of every svesim initramfs (scripts/make-initramfs.sh writes it there), busybox sh:
#   1. mounts proc, sys and devtmpfs; prints the marker "SVESIM-INIT: reached /init", the kernel
#      version and CPU count, whether /proc/cpuinfo lists `sve`, the kernel's KVM lines and
#      /proc/sys/abi/sve_default_vector_length (the boot tests read these lines);
#   2. loads the kernel modules listed in /modules, in order (make-initramfs.sh --module);
#   3. runs /plan when there is one (make-initramfs.sh --plan / --vmm; format below);
#   4. runs every executable in /tests (make-initramfs.sh --add);
#   5. prints "SVESIM-INIT: done" and powers off (poweroff -f: PSCI SYSTEM_OFF).
#
# /plan, one item per line, in order (tests/vmm/plan.txt is the shipped one):
#   WANT ARGS...             run `svesim-vmm ARGS` in the foreground; its exit status must be WANT
#   & WANT PROGRAM ARGS...   start PROGRAM ARGS in the background now (host pressure beside the
#                            runs that follow); at the end of the plan it gets SIGTERM, and the
#                            status it then exits with must be WANT
#   module NAME              the plan needs kernel module NAME: make-initramfs.sh puts it (and its
#                            dependencies) into /modules, which step 2 loads before the plan
#   # ...                    a comment; blank lines are skipped too
# Every run and every background program gives one line
#   vmm-test: result STATUS expected WANT time START..END s: COMMAND
# (START/END: /proc/uptime), which tests/vmm/run_vmm_kvm.sh and the console watcher read.
export PATH=/bin:/sbin
/bin/busybox --install -s /bin 2>/dev/null
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
echo "SVESIM-INIT: reached /init"
echo "SVESIM-INIT: kernel $(uname -r) on $(grep -c ^processor /proc/cpuinfo) cpu(s)"
if grep -q '^Features.* sve' /proc/cpuinfo; then
  echo "SVESIM-INIT: cpuinfo sve: yes"
else
  echo "SVESIM-INIT: cpuinfo sve: no"
fi
dmesg | grep -i kvm | sed 's/^/SVESIM-INIT: dmesg: /'
if [ -r /proc/sys/abi/sve_default_vector_length ]; then
  echo "SVESIM-INIT: sve_default_vector_length $(cat /proc/sys/abi/sve_default_vector_length)"
else
  echo "SVESIM-INIT: sve_default_vector_length absent"
fi

load_module() {
  if insmod "/lib/modules/$1.ko"; then
    echo "SVESIM-INIT: module $1 loaded"
  else
    echo "SVESIM-INIT: module $1 failed to load"
  fi
}
if [ -f /modules ]; then
  while read -r m; do
    [ -n "$m" ] && load_module "$m"
  done </modules
fi

uptime_s() { cut -d' ' -f1 /proc/uptime; }
if [ -f /plan ]; then
  bg_pids=""
  while read -r first rest; do
    case "$first" in
    "" | "#"*) continue ;;
    module) continue ;;
    "&")
      echo "vmm-test: start in the background: $rest"
      # shellcheck disable=SC2086
      set -- $rest
      want="$1"
      shift
      start=$(uptime_s)
      "$@" </dev/null &
      bg_pids="$bg_pids $!"
      eval "bg_want_$!=\$want bg_start_$!=\$start bg_cmd_$!=\"\$*\""
      continue ;;
    esac
    echo "vmm-test: run svesim-vmm $rest"
    start=$(uptime_s)
    # shellcheck disable=SC2086
    /bin/svesim-vmm $rest </dev/null
    rc=$?
    echo "vmm-test: result $rc expected $first time $start..$(uptime_s) s: svesim-vmm $rest"
  done </plan
  for pid in $bg_pids; do
    kill -TERM "$pid" 2>/dev/null
    wait "$pid"
    rc=$?
    eval "want=\$bg_want_$pid start=\$bg_start_$pid cmd=\$bg_cmd_$pid"
    # shellcheck disable=SC2154 # cmd is set by the eval above
    echo "vmm-test: result $rc expected $want time $start..$(uptime_s) s: $cmd"
  done
  echo "vmm-test: done"
fi

for t in /tests/*; do
  [ -x "$t" ] || continue
  echo "SVESIM-INIT: test $t"
  "$t"
  echo "SVESIM-INIT: test $t exit $?"
done
echo "SVESIM-INIT: done"
poweroff -f
