#!/usr/bin/env bash
# A C program built with picolibc's semihosting library (Debian's picolibc-aarch64-linux-gnu)
# runs unchanged on svesim and on qemu-system-aarch64: the same output and exit status 5
# (tests/cli/programs/picolibc_hello.c; its entry, picolibc_start.S, turns the MMU on first).
# With READ_STDIN, svesim's SYS_READ gives it a line from a pipe.
# Usage: test_picolibc.sh SVESIM. Exit 77 (skipped) without picolibc or the cross compiler.
set -uo pipefail
svesim=$1
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
specs=/usr/lib/picolibc/aarch64-linux-gnu/picolibc.specs
command -v aarch64-linux-gnu-gcc >/dev/null && [[ -f $specs ]] ||
  { echo "SKIP: aarch64-linux-gnu-gcc or picolibc-aarch64-linux-gnu not installed"; exit 77; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
build() { # OUT [defines...]
  local out=$1; shift
  aarch64-linux-gnu-gcc -O2 "$@" --specs="$specs" --oslib=semihost --crt0=semihost \
    -Wl,-e,mmu_start -Wl,--defsym=__flash=0x40000000 -Wl,--defsym=__flash_size=0x400000 \
    -Wl,--defsym=__ram=0x40400000 -Wl,--defsym=__ram_size=0x1000000 \
    -Wl,--defsym=__stack_size=0x10000 "$here/programs/picolibc_start.S" \
    "$here/programs/picolibc_hello.c" -o "$out" -lm || { echo "FAIL: cannot build $out"; exit 1; }
}
build "$tmp/hello.elf"
build "$tmp/read.elf" -DREAD_STDIN

timeout 60 "$svesim" run "$tmp/hello.elf" </dev/null >"$tmp/s.out" 2>&1
st=$?
[[ $st -eq 5 ]] || { fail "svesim: exit status $st, expected 5"; cat "$tmp/s.out"; }
grep -q "^picolibc: min -95.5995 max 104.6618 median 22.2557, strtod 2.718$" "$tmp/s.out" ||
  { fail "svesim: output"; cat "$tmp/s.out"; }
if command -v qemu-system-aarch64 >/dev/null; then
  timeout 60 qemu-system-aarch64 -M virt,secure=on,virtualization=on -cpu max -nographic \
    -nic none -semihosting -kernel "$tmp/hello.elf" </dev/null >"$tmp/q.out" 2>&1
  st=$?
  [[ $st -eq 5 ]] || fail "qemu: exit status $st, expected 5"
  # QEMU writes the program's stdout and stderr to its stderr: compare the lines as sets.
  if diff <(sort "$tmp/s.out") <(tr -d '\r' <"$tmp/q.out" | sort) >"$tmp/d"; then
    echo "PASS picolibc program: the same output and exit status on svesim and QEMU"
  else
    fail "picolibc program: svesim and QEMU differ:"; cat "$tmp/d"
  fi
else
  echo "SKIP the comparison with QEMU (qemu-system-aarch64 not installed)"
fi
got=$(printf 'a line\nanother\n' | timeout 60 "$svesim" run "$tmp/read.elf" 2>&1)
st=$?
if [[ $st -eq 5 ]] && grep -q "^picolibc: read a line$" <<<"$got"; then
  echo "PASS picolibc fgets(stdin) through SYS_READ"
else
  fail "picolibc fgets: status $st:"; echo "$got"
fi
echo "$failures failure(s)"
exit $((failures > 0))
