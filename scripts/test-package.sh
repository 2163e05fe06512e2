#!/usr/bin/env bash
# The installed package works outside the tree: `cmake --install` into a temporary prefix, then
# configure, build and run examples/embed (its own sc_main, memory, bus and interrupt source)
# against it with find_package(svesim CONFIG), and check svesim.pc with pkg-config.
# Usage: scripts/test-package.sh [BUILD_DIR] (default build/, already built).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$here/build}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cmake --install "$build" --prefix "$tmp/prefix" >/dev/null
cmake -S "$here/examples/embed" -B "$tmp/embed" -DCMAKE_PREFIX_PATH="$tmp/prefix" \
  -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS="-Wall -Wextra -Werror" >/dev/null
cmake --build "$tmp/embed" -j "${SVESIM_JOBS:-2}" >/dev/null
(cd "$tmp/embed" && ./embed program.elf | tail -1)
# Cpu parameters from a file in the user's own sc_main; a bad one is a one-line error.
printf 'policy = zero\n[cpu]\nquantum = 250ns\n' >"$tmp/params.ini"
(cd "$tmp/embed" && ./embed program.elf "$tmp/params.ini" | tail -1)
printf 'max_vl = 4096\n' >"$tmp/bad.ini"
if (cd "$tmp/embed" && ./embed program.elf "$tmp/bad.ini" 2>"$tmp/bad.err" >/dev/null); then
  echo "embed accepted max_vl = 4096" >&2; exit 1
fi
grep -q "bad.ini:1: parameter max_vl: maximum VL 4096 is not allowed" "$tmp/bad.err" ||
  { echo "embed: unexpected error for a bad parameter file:" >&2; cat "$tmp/bad.err" >&2; exit 1; }

export PKG_CONFIG_PATH="$tmp/prefix/lib/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
version=$(pkg-config --modversion svesim)
libdir=$(pkg-config --variable=libdir svesim)
[[ -f $libdir/libsvesim_tlm.a ]] || { echo "svesim.pc: no libsvesim_tlm.a in $libdir" >&2; exit 1; }
# The same example built with nothing but pkg-config.
# shellcheck disable=SC2046
g++ -O1 "$here/examples/embed/sc_main.cpp" $(pkg-config --cflags --libs svesim) -o "$tmp/embed-pc"
(cd "$tmp/embed" && "$tmp/embed-pc" program.elf | tail -1)
# The installed svesim finds the installed scenario programs and runs one.
(unset SVESIM_SCENARIO_DIR
 "$tmp/prefix/bin/svesim" sweep --help | grep -q "$tmp/prefix/share/svesim/scenarios" ||
   { echo "installed svesim does not default to its share/svesim/scenarios" >&2; exit 1; }
 "$tmp/prefix/bin/svesim" scenario run s1_v2_happy --policy zero | grep "^s1_v2_happy")
# Your own scenario from the installed kit (share/svesim/scenario: macros, linker script,
# template), assembled and linked as docs/scenarios.md says, judged by the installed svesim
# with every output: the template is clean (docs/scenarios.md; its comment says why).
if command -v aarch64-linux-gnu-as >/dev/null && command -v aarch64-linux-gnu-ld >/dev/null; then
  kit="$tmp/prefix/share/svesim/scenario"
  for f in macros.inc link.ld my_scenario.S; do
    [[ -f $kit/$f ]] || { echo "installed kit: no $kit/$f" >&2; exit 1; }
  done
  mkdir "$tmp/own"
  aarch64-linux-gnu-as -march=armv8.2-a+sve -I "$kit" "$kit/my_scenario.S" -o "$tmp/own/my_scenario.o"
  aarch64-linux-gnu-ld --no-warn-rwx-segments -T "$kit/link.ld" "$tmp/own/my_scenario.o" \
    -o "$tmp/own/my_scenario.elf"
  "$tmp/prefix/bin/svesim" scenario run "$tmp/own/my_scenario.elf" --policy zero \
    --json "$tmp/own/r.json" --timeline "$tmp/own/t.svg" --vcd "$tmp/own/t.vcd" >"$tmp/own/out.txt" ||
    { cat "$tmp/own/out.txt" >&2; echo "the template from the installed kit is not clean" >&2; exit 1; }
  grep -q "my_scenario.elf *zero *clean *clean .* ok$" "$tmp/own/out.txt" ||
    { cat "$tmp/own/out.txt" >&2; exit 1; }
  for f in r.json t.svg t.vcd; do
    [[ -s $tmp/own/$f ]] || { echo "own scenario: $f not written" >&2; exit 1; }
  done
  grep -q '"guest_entry"' "$tmp/own/r.json" || { echo "own scenario: no phase cycles" >&2; exit 1; }
  echo "package: the template scenario builds from share/svesim/scenario and runs clean"
fi
echo "package: svesimConfig.cmake and svesim.pc (version $version) install and build examples/embed"
