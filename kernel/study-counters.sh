#!/bin/sh
# Run by the study initramfs's /init after the plan (make-initramfs.sh --add): prints what the
# softirq kernel-mode NEON user of the study kernels did (kernel/svesim_softirq_neon.c), one
# line per counter, "study: softirq-neon NAME VALUE"; "absent" on a kernel without it.
d=/sys/module/svesim_softirq_neon/parameters
if [ ! -d $d ]; then
  echo "study: softirq-neon absent"
  exit 0
fi
for c in hz uses vcpu_loaded guest_owned skipped; do
  echo "study: softirq-neon $c $(cat $d/$c)"
done
