#!/usr/bin/env bash
# Installs the Debian packages svesim needs (only those missing), then configures and builds.
# Usage: scripts/setup.sh [--no-build] [--build-dir DIR] [--sanitize]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="$here/build"
do_build=1
sanitize=OFF
while [[ $# -gt 0 ]]; do
  case "$1" in
    --no-build) do_build=0 ;;
    --build-dir) build_dir="$2"; shift ;;
    --sanitize) sanitize=ON ;;
    *) echo "setup.sh: unknown option '$1' (allowed: --no-build, --build-dir DIR, --sanitize)" >&2; exit 2 ;;
  esac
  shift
done

packages=(cmake g++ make pkg-config libsystemc-dev libboost-dev libboost-program-options-dev
          catch2 libfmt-dev libelf-dev nlohmann-json3-dev binutils-aarch64-linux-gnu llvm qemu-user qemu-system-arm
          python3 clang libclang-rt-14-dev clang-format gdb-multiarch
          gcc-aarch64-linux-gnu libc6-dev-arm64-cross linux-libc-dev-arm64-cross
          libfdt-dev device-tree-compiler cpio
          picolibc-aarch64-linux-gnu  # tests/cli/test_picolibc.sh: a C library over semihosting
          bc bison flex libssl-dev xz-utils)  # the last line: kernel/build-study-kernel.sh
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [[ ${#missing[@]} -gt 0 ]]; then
  echo "setup.sh: installing ${missing[*]}"
  sudo_cmd=()
  [[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [[ $do_build -eq 1 ]]; then
  build_type=Release
  [[ $sanitize == ON ]] && build_type=RelWithDebInfo
  cmake -S "$here" -B "$build_dir" -DCMAKE_BUILD_TYPE="$build_type" -DSVESIM_WERROR=ON \
        -DSVESIM_SANITIZE="$sanitize"
  cmake --build "$build_dir" -j2
fi
