#!/usr/bin/env bash
# Builds the study kernels of docs/studies/reverted-eager-zcr.md from Debian's own source
# package (linux-source-6.1, the same version as the image scripts/fetch-debian.sh fetches), in
# one tree with one configuration (kernel/study.config on top of allnoconfig):
#   CACHE/Image-stock-source  Debian's 6.1 source as shipped (+ the softirq NEON trigger)
#   CACHE/Image-reverted      the same tree after kernel/revert-eager-zcr.patch (incremental)
#   CACHE/Image-reverted-nocheck  ... and kernel/drop-vl-check.patch (fpsimd_save() saves at a
#                             live VL below the bound one instead of WARN + SIGKILL; incremental)
# All carry kernel/svesim_softirq_neon.c (off unless `svesim_softirq_neon.hz=N` is on the
# kernel command line). CACHE/build-times records how long each build took. Kernel builds run
# under `nice -n 19` (they take long on 2 cores; do not run them under the svesim build lock).
#
# Usage: kernel/build-study-kernel.sh [--cache-dir DIR] [--image-cache DIR] [--jobs N]
#          [--only stock-source|reverted|reverted-nocheck]
#   --cache-dir    the source tree and the Images (default build/kernel-study)
#   --image-cache  fetch-debian.sh's cache, whose kernel-version names the image the source
#                  must match (default build/debian; skipped with a note when absent)
#   --jobs         make -j (default 2)
#   --only         build one of the kernels
# Needs: gcc-aarch64-linux-gnu, make, bc, bison, flex, libssl-dev, libelf-dev, xz-utils
# (scripts/setup.sh installs them).
# Exit statuses: 0 done; 2 bad usage; 3 a tool is missing; 4 the configuration lost an option
# it must keep; 5 a patch does not apply (or come off again); 77 the package mirror cannot be reached;
# 1 anything else (a failed kernel build: see CACHE/build-*.log).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="$here/build/kernel-study"
image_cache="$here/build/debian"
jobs=2 only=""
fail() { echo "build-study-kernel.sh: $2" >&2; exit "$1"; }
while [[ $# -gt 0 ]]; do
  [[ $# -ge 2 ]] || { [[ $1 == -h || $1 == --help ]] || fail 2 "$1 needs a value"; }
  case "$1" in
    --cache-dir) cache="$2"; shift ;;
    --image-cache) image_cache="$2"; shift ;;
    --jobs) jobs="$2"; shift ;;
    --only) only="$2"; shift
            [[ $only =~ ^(stock-source|reverted|reverted-nocheck)$ ]] ||
              fail 2 "--only takes stock-source, reverted or reverted-nocheck" ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) fail 2 "unknown option '$1' (allowed: --cache-dir, --image-cache, --jobs, --only)" ;;
  esac
  shift
done
[[ $jobs =~ ^[1-9][0-9]*$ ]] || fail 2 "--jobs takes a positive number"
for tool in aarch64-linux-gnu-gcc make bc bison flex xz dpkg-deb apt-get patch; do
  command -v "$tool" >/dev/null || fail 3 "$tool is not installed (scripts/setup.sh installs it)"
done
[[ -f /usr/include/openssl/ssl.h ]] || fail 3 "libssl-dev is not installed (scripts/setup.sh)"
mkdir -p "$cache"
cache="$(cd "$cache" && pwd)"
tree="$cache/linux-source-6.1"
trigger="$here/kernel/svesim_softirq_neon.c"
fragment="$here/kernel/study.config"

# 1. The source package's version must be the fetched image's (Debian versions both the same).
version="$(apt-cache policy linux-source-6.1 2>/dev/null | sed -n 's/^ *Candidate: //p')"
[[ -n $version && $version != "(none)" ]] ||
  fail 77 "apt-cache knows no linux-source-6.1 (run apt-get update; the mirror may be unreachable)"
if [[ -f $image_cache/kernel-version ]]; then
  image_version="$(apt-cache show "linux-image-$(cat "$image_cache/kernel-version"):arm64" 2>/dev/null |
                   sed -n 's/^Version: //p' | head -n1)"
  [[ $image_version == "$version" ]] ||
    fail 1 "linux-source-6.1 is $version but the fetched image $(cat "$image_cache/kernel-version") is ${image_version:-unknown} (run scripts/fetch-debian.sh)"
  echo "build-study-kernel.sh: linux-source-6.1 $version, the version of the fetched image"
else
  echo "build-study-kernel.sh: linux-source-6.1 $version (no fetched image in $image_cache to compare with)"
fi

# 2. Download and unpack (once per version).
if [[ ! -f $cache/source-version || $(cat "$cache/source-version") != "$version" || ! -f $tree/Makefile ]]; then
  mkdir -p "$cache/debs"
  rm -f "$cache"/debs/linux-source-6.1_*.deb
  if ! (cd "$cache/debs" && apt-get download -qq linux-source-6.1) >"$cache/apt-download.log" 2>&1; then
    grep -qiE "temporary failure|could not resolve|failed to fetch|connection" "$cache/apt-download.log" &&
      fail 77 "the Debian package mirror cannot be reached ($cache/apt-download.log)"
    fail 1 "apt-get download linux-source-6.1 failed: $cache/apt-download.log"
  fi
  rm -rf "$tree" "$cache/usr"
  dpkg-deb --fsys-tarfile "$cache"/debs/linux-source-6.1_*.deb |
    tar -x -C "$cache" ./usr/src/linux-source-6.1.tar.xz
  tar -xJf "$cache/usr/src/linux-source-6.1.tar.xz" -C "$cache"
  rm -rf "$cache/usr" "$cache/.config-fragment"
  echo "$version" >"$cache/source-version"
  echo "build-study-kernel.sh: unpacked linux-source-6.1 $version into $tree"
fi

# 3. The softirq NEON trigger (our code), built in.
cmp -s "$trigger" "$tree/arch/arm64/kernel/svesim_softirq_neon.c" ||
  cp "$trigger" "$tree/arch/arm64/kernel/svesim_softirq_neon.c"
grep -q svesim_softirq_neon "$tree/arch/arm64/kernel/Makefile" ||
  echo 'obj-$(CONFIG_KVM)			+= svesim_softirq_neon.o' >>"$tree/arch/arm64/kernel/Makefile"

kmake() { nice -n 19 make -C "$tree" ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu- "$@"; }

# 4. The configuration: allnoconfig + the fragment, and every option the fragment sets must hold.
if ! cmp -s "$fragment" "$cache/.config-fragment" || [[ ! -f $tree/.config ]]; then
  kmake KCONFIG_ALLCONFIG="$fragment" allnoconfig >"$cache/config.log" 2>&1 ||
    fail 1 "make allnoconfig failed: $cache/config.log"
  cp "$fragment" "$cache/.config-fragment"
fi
lost=()
while IFS= read -r line; do
  case "$line" in
    CONFIG_*=n) ! grep -q "^${line%=n}=" "$tree/.config" || lost+=("$line") ;;
    CONFIG_*=*) grep -qxF "$line" "$tree/.config" || lost+=("$line") ;;
  esac
done <"$fragment"
[[ ${#lost[@]} -eq 0 ]] || fail 4 "the configuration does not keep: ${lost[*]} ($tree/.config)"

build() { # build NAME: Image -> CACHE/Image-NAME, time -> CACHE/build-times
  local start end
  start=$(date +%s)
  kmake -j"$jobs" Image >"$cache/build-$1.log" 2>&1 ||
    fail 1 "the $1 kernel build failed: $cache/build-$1.log"
  end=$(date +%s)
  cp "$tree/arch/arm64/boot/Image" "$cache/Image-$1"
  echo "$1 $((end - start)) s $(date -u +%FT%TZ) -j$jobs" >>"$cache/build-times"
  echo "build-study-kernel.sh: $cache/Image-$1 built in $((end - start)) s"
}

# The patches each Image has on top of the source, applied in this order (kernel/NAME.patch).
declare -A stack=([stock-source]="" [reverted]="revert-eager-zcr"
                  [reverted-nocheck]="revert-eager-zcr drop-vl-check")
applied_file="$cache/applied-patches"
applies() { patch -d "$tree" -p1 "$@" --dry-run -s -f >/dev/null 2>&1; }
if [[ ! -f $applied_file ]]; then # a tree from before this file: find out
  : >"$applied_file"
  for p in revert-eager-zcr drop-vl-check; do
    applies -R <"$here/kernel/$p.patch" && echo "$p" >>"$applied_file"
  done
fi
switch_to() { # switch_to NAME: take patches off / put them on until the tree is NAME's
  local want=(${stack[$1]}) have
  mapfile -t have <"$applied_file"
  local i=0
  while [[ $i -lt ${#have[@]} && $i -lt ${#want[@]} && ${have[$i]} == "${want[$i]}" ]]; do
    i=$((i + 1))
  done
  for ((j = ${#have[@]} - 1; j >= i; j--)); do
    patch -d "$tree" -p1 -R -s <"$here/kernel/${have[$j]}.patch" ||
      fail 5 "kernel/${have[$j]}.patch does not come off again"
    unset 'have[j]'
    printf '%s\n' "${have[@]}" | sed '/^$/d' >"$applied_file"
  done
  for ((j = i; j < ${#want[@]}; j++)); do
    applies <"$here/kernel/${want[$j]}.patch" ||
      fail 5 "kernel/${want[$j]}.patch does not apply to linux-source-6.1 $version"
    patch -d "$tree" -p1 -s <"$here/kernel/${want[$j]}.patch"
    echo "${want[$j]}" >>"$applied_file"
  done
}

# 5. The Images, in the order that keeps the rebuilds incremental.
for name in stock-source reverted reverted-nocheck; do
  [[ -z $only || $only == "$name" ]] || continue
  switch_to "$name"
  build "$name"
done
