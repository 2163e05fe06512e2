#!/usr/bin/env bash
# Builds svesim's initramfs (cpio newc, gzip), the one builder for `svesim boot`, the boot tests
# (tests/boot/debian_boot.sh) and the KVM tests (tests/vmm/run_vmm_kvm.sh), from what
# scripts/fetch-debian.sh unpacked into its cache directory (the static arm64 busybox, the
# kernel's modules). Its /init is scripts/initramfs-init.sh (markers, modules, /plan, /tests,
# poweroff; the plan format is in its header).
#
# Usage: scripts/make-initramfs.sh [--cache-dir DIR] [--out FILE] [--add PROGRAM]...
#          [--file DEST=SRC]... [--module NAME]... [--plan FILE] [--vmm BUILD_DIR]
#   --cache-dir  where fetch-debian.sh put busybox and unpacked the kernel (default build/debian)
#   --out        the archive (default CACHE/initramfs.cpio.gz)
#   --add        a program run by /init after the plan, from /tests
#   --file       any file, at /DEST in the archive (its mode kept)
#   --module     a kernel module of the fetched kernel (NAME.ko, e.g. algif_hash), with the
#                modules it depends on (their .modinfo "depends="), loaded by /init first
#   --plan       /plan (see scripts/initramfs-init.sh); its `module NAME` lines are --module too
#   --vmm        the KVM kit from a build tree: BUILD_DIR/vmm/svesim-vmm and svesim-sve-pressure
#                in /bin, every BUILD_DIR/guests/*.elf in /guests, and tests/vmm/plan.txt as
#                /plan unless --plan gives another
# The archive is reproducible: the same inputs give the same bytes (mtimes SOURCE_DATE_EPOCH,
# default 0), so a boot's instruction count does not depend on when it was built.
# Exit statuses: 0 done; 2 bad usage; 3 something to put in is missing (busybox, cpio, a file,
# a module: run fetch-debian.sh / setup.sh / the build first).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="$here/build/debian"
out="" plan="" vmm_build=""
tests=() files=() modules=()
fail() { echo "make-initramfs.sh: $2" >&2; exit "$1"; }
while [[ $# -gt 0 ]]; do
  [[ $# -ge 2 ]] || { [[ $1 == -h || $1 == --help ]] || fail 2 "$1 needs a value"; }
  case "$1" in
    --cache-dir) cache="$2"; shift ;;
    --out) out="$2"; shift ;;
    --add) tests+=("$2"); shift ;;
    --file) files+=("$2"); shift ;;
    --module) modules+=("$2"); shift ;;
    --plan) plan="$2"; shift ;;
    --vmm) vmm_build="$2"; shift ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) fail 2 "unknown option '$1' (allowed: --cache-dir, --out, --add, --file, --module, --plan, --vmm)" ;;
  esac
  shift
done
[[ -z $out ]] && out="$cache/initramfs.cpio.gz"
[[ -x $cache/busybox ]] || fail 3 "no busybox in $cache (run scripts/fetch-debian.sh first)"
command -v cpio >/dev/null || fail 3 "cpio is not installed (scripts/setup.sh installs it)"

root="$(mktemp -d)"
trap 'rm -rf "$root"' EXIT
mkdir -p "$root"/{bin,sbin,proc,sys,dev,tmp,tests,lib/modules}
cp "$cache/busybox" "$root/bin/busybox"
# The applets /init needs before its `busybox --install` (and if that fails), as links.
for applet in sh mount cat cut grep sed dmesg echo uname poweroff ls sleep insmod kill; do
  ln -s busybox "$root/bin/$applet"
done
cp "$here/scripts/initramfs-init.sh" "$root/init"
chmod 0755 "$root/init"

put() { # put DEST SRC
  [[ -f $2 ]] || fail 3 "$2: no such file"
  mkdir -p "$(dirname "$root/$1")"
  cp -p "$2" "$root/$1"
}
for p in "${tests[@]}"; do put "tests/$(basename "$p")" "$p"; done
for spec in "${files[@]}"; do
  [[ $spec == *=* && -n ${spec%%=*} && -n ${spec#*=} ]] || fail 2 "--file needs DEST=SRC, got '$spec'"
  put "${spec%%=*}" "${spec#*=}"
done
if [[ -n $vmm_build ]]; then
  for prog in svesim-vmm svesim-sve-pressure; do put "bin/$prog" "$vmm_build/vmm/$prog"; done
  shopt -s nullglob
  elfs=("$vmm_build"/guests/*.elf)
  shopt -u nullglob
  [[ ${#elfs[@]} -gt 0 ]] || fail 3 "no guests in $vmm_build/guests (build the target svesim_guests)"
  for g in "${elfs[@]}"; do put "guests/$(basename "$g")" "$g"; done
  [[ -z $plan ]] && plan="$here/tests/vmm/plan.txt"
fi
plan_modules=()
if [[ -n $plan ]]; then
  put plan "$plan"
  while read -r word name _; do
    [[ $word == module && -n ${name:-} ]] && plan_modules+=("$name")
  done <"$plan"
fi

# Kernel modules: NAME.ko from the fetched kernel's tree, dependencies first (each module's
# .modinfo section lists them as "depends=a,b"; read with readelf, as kmod is not needed).
kmods=""
if [[ ${#modules[@]} -gt 0 || ${#plan_modules[@]} -gt 0 ]]; then
  kdir="$(ls -d "$cache"/unpacked/lib/modules/*/kernel 2>/dev/null | head -n 1)"
  [[ -n $kdir ]] || fail 3 "no kernel modules in $cache/unpacked (run scripts/fetch-debian.sh)"
  command -v readelf >/dev/null || fail 3 "readelf (binutils) is needed to resolve module dependencies"
  declare -A added=()
  add_module() {
    local name="$1" ko dep
    [[ -n ${added[$name]:-} ]] && return 0
    ko="$(find "$kdir" \( -name "$name.ko" -o -name "${name//_/-}.ko" -o -name "${name//-/_}.ko" \) | head -n 1)"
    [[ -n $ko ]] || fail 3 "no module '$name' in $kdir"
    added[$name]=1
    for dep in $(readelf -p .modinfo "$ko" | sed -n 's/.*depends=\(.*\)$/\1/p' | tr ',' ' '); do
      add_module "$dep"
    done
    cp "$ko" "$root/lib/modules/$name.ko"
    kmods+="$name"$'\n'
  }
  for m in "${modules[@]}" "${plan_modules[@]}"; do add_module "$m"; done
  printf '%s' "$kmods" >"$root/modules"
fi

mkdir -p "$(dirname "$out")"
# Reproducible: the same inputs give the same bytes (every mtime SOURCE_DATE_EPOCH, default 0;
# cpio's inode and device numbers independent of the host), so a boot's instruction count
# depends on the inputs only, never on when the archive was built.
find "$root" -exec touch -h -d "@${SOURCE_DATE_EPOCH:-0}" {} +
(cd "$root" && find . -print0 | LC_ALL=C sort -z |
  cpio --null -o -H newc --owner=0:0 --reproducible --quiet) | gzip -9n >"$out"
echo "make-initramfs.sh: $out"
