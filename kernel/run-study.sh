#!/usr/bin/env bash
# Runs the study of docs/studies/reverted-eager-zcr.md: `svesim boot --check --details` (PE 0,
# --cpus 1) on a kernel with the study's initramfs (kernel/study.plan: host SVE pressure,
# sve_fill with a maximum VL below the host's and with the host's, the ABI self-test; then
# kernel/study-counters.sh), and prints per run the lines the study's table is made of.
#
# Usage: kernel/run-study.sh [--build DIR] [--cache-dir DIR] [--image-cache DIR] [--out DIR]
#          [--hz N] RUN...
#   RUN          KERNEL-MODE: KERNEL is debian (fetch-debian.sh's stock image, its modules for
#                AF_ALG), stock-source, reverted or reverted-nocheck
#                (kernel/build-study-kernel.sh); MODE is nvhe (kvm-arm.mode=nvhe) or vhe
#   --build      svesim's build tree (svesim, svesim-vmm, the guests; default build)
#   --cache-dir  build-study-kernel.sh's cache (default build/kernel-study)
#   --image-cache fetch-debian.sh's cache (busybox, Debian's Image and modules; default build/debian)
#   --out        where the logs go (default CACHE/runs): RUN.log, the whole console and verdicts
#   --hz         the study kernels' softirq NEON rate (svesim_softirq_neon.hz, default 1000)
# Each run goes under the svesim build lock (/tmp/svesim-build.lock).
# Exit statuses: 0 every run ended (whatever its verdict: that is the finding); 2 bad usage;
# 3 an Image, the build or the image cache is missing.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$here/build" cache="$here/build/kernel-study" image_cache="$here/build/debian"
out="" hz=1000 runs=()
fail() { echo "run-study.sh: $2" >&2; exit "$1"; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --build|--cache-dir|--image-cache|--out|--hz) [[ $# -ge 2 ]] || fail 2 "$1 needs a value" ;;
  esac
  case "$1" in
    --build) build="$2"; shift ;;
    --cache-dir) cache="$2"; shift ;;
    --image-cache) image_cache="$2"; shift ;;
    --out) out="$2"; shift ;;
    --hz) hz="$2"; shift ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    -*) fail 2 "unknown option '$1'" ;;
    *) runs+=("$1") ;;
  esac
  shift
done
[[ ${#runs[@]} -gt 0 ]] || fail 2 "name at least one RUN (e.g. reverted-nvhe)"
[[ $hz =~ ^[0-9]+$ ]] || fail 2 "--hz takes a number"
[[ -z $out ]] && out="$cache/runs"
mkdir -p "$out"
svesim="$build/app/svesim"
[[ -x $svesim ]] || fail 3 "no $svesim (build the svesim target)"
[[ -x $image_cache/busybox ]] || fail 3 "no busybox in $image_cache (run scripts/fetch-debian.sh)"

initrd() { # initrd debian|study -> path (built once per call of this script)
  local f="$out/initramfs-$1.cpio.gz" plan="$here/kernel/study.plan"
  if [[ $1 == debian ]]; then
    plan="$out/debian.plan"
    { printf 'module algif_hash\nmodule sha256-arm64\n'; cat "$here/kernel/study.plan"; } >"$plan"
  fi
  bash "$here/scripts/make-initramfs.sh" --cache-dir "$image_cache" --out "$f" --vmm "$build" \
    --plan "$plan" --add "$here/kernel/study-counters.sh" >/dev/null
  echo "$f"
}
declare -A made=()
for run in "${runs[@]}"; do
  kernel="${run%-*}" mode="${run##*-}"
  case "$mode" in nvhe) append="kvm-arm.mode=nvhe" ;; vhe) append="" ;;
    *) fail 2 "$run: the mode is nvhe or vhe" ;; esac
  case "$kernel" in
    debian) image="$image_cache/Image" kind=debian ;;
    stock-source|reverted|reverted-nocheck) image="$cache/Image-$kernel" kind=study
      append="$append svesim_softirq_neon.hz=$hz" ;;
    *) fail 2 "$run: the kernel is debian, stock-source, reverted or reverted-nocheck" ;;
  esac
  [[ -f $image ]] || fail 3 "no $image (run kernel/build-study-kernel.sh or scripts/fetch-debian.sh)"
  [[ -n ${made[$kind]:-} ]] || made[$kind]="$(initrd "$kind")"
  log="$out/$run.log"
  append="${append# }"
  extra=()
  [[ -n $append ]] && extra=(--append "$append")
  # The wall time is svesim's own, measured inside the lock (not the wait for it).
  set +e
  flock /tmp/svesim-build.lock bash -c 's=$(date +%s); "$@"; rc=$?; echo $(( $(date +%s) - s )) >"$0.wall"; exit $rc' \
    "$log" "$svesim" boot --kernel "$image" --initrd "${made[$kind]}" --cpus 1 \
    --quiet --check --details "${extra[@]}" >"$log" 2>&1
  status=$?
  set -e
  wall="$(cat "$log.wall" 2>/dev/null || echo '?')"
  echo "run-study: $run exit $status wall $wall s" >>"$log"
  echo "== $run: svesim exit $status, $wall s wall (--append \"$append\")"
  grep -E '^svesim check: (verdict|every implementation|(LOSS|LEAK|VL_CHANGED|ZCR_CHANGED) [a-z-]+[0-9]*: |kernel|KERNEL_|plan)' "$log" |
    cut -c1-200 || true
  grep -E 'WARNING: CPU|kernel BUG|Oops|vmm-test: result|study: softirq-neon' "$log" | cut -c1-200 || true
done
