#!/usr/bin/env bash
# Builds tests/gic/programs/*.S (on the runtime of tests/arch/programs/common.inc) and runs each
# on qemu-system-aarch64's virt board with a GICv3, or on svesim.
#   run.sh --qemu [--build-dir DIR]
#   run.sh --svesim PATH [--build-dir DIR]
# Exit status: 0 if every program printed DONE failures=0 and exited 0; 1 otherwise; 77
# (skipped) when the cross binutils or the runner are missing.
set -u
here="$(cd "$(dirname "$0")" && pwd)"
common="$here/../../arch/programs"
runner="" svesim="" build="/tmp/svesim-gic-programs"
while [ $# -gt 0 ]; do
    case "$1" in
    --qemu) runner=qemu ;;
    --svesim) runner=svesim; svesim="${2:?--svesim needs a path}"; shift ;;
    --build-dir) build="${2:?--build-dir needs a directory}"; shift ;;
    *) echo "run.sh: unknown option '$1'" >&2; exit 2 ;;
    esac
    shift
done
[ -n "$runner" ] || { echo "run.sh: --qemu or --svesim PATH" >&2; exit 2; }
for tool in aarch64-linux-gnu-as aarch64-linux-gnu-ld timeout; do
    command -v "$tool" >/dev/null 2>&1 || { echo "SKIPPED: $tool not found"; exit 77; }
done
if [ "$runner" = qemu ] && ! command -v qemu-system-aarch64 >/dev/null 2>&1; then
    echo "SKIPPED: qemu-system-aarch64 not found"; exit 77
fi
if [ "$runner" = svesim ] && [ ! -x "$svesim" ]; then
    echo "SKIPPED: svesim binary '$svesim' not found"; exit 77
fi
mkdir -p "$build" || exit 1
ldflags=()
if aarch64-linux-gnu-ld --help 2>/dev/null | grep -q -- --no-warn-rwx-segments; then
    ldflags+=(--no-warn-rwx-segments)
fi
status=0
for src in "$here"/*.S; do
    name="$(basename "$src" .S)"
    aarch64-linux-gnu-as -march=armv8.2-a+sve -I "$common" "$src" -o "$build/$name.o" &&
        aarch64-linux-gnu-ld "${ldflags[@]}" -T "$common/link.ld" "$build/$name.o" \
            -o "$build/$name.elf" || { echo "=== $name: BUILD FAILED"; status=1; continue; }
    log="$build/$name.$runner.log"
    if [ "$runner" = qemu ]; then
        timeout 30 qemu-system-aarch64 -M virt,gic-version=3,virtualization=on,secure=on \
            -cpu max -nographic -nic none -semihosting -kernel "$build/$name.elf" \
            </dev/null >"$log" 2>&1
    else
        timeout 30 "$svesim" run --gic "$build/$name.elf" </dev/null >"$log" 2>&1
    fi
    rc=$?
    cat "$log"
    if [ "$rc" -ne 0 ] || ! grep -q '^DONE failures=0' "$log"; then
        echo "=== $name: FAILED (exit status $rc)"; status=1
    else
        echo "=== $name: ok ($(grep -c '^PASS ' "$log") checks)"
    fi
done
exit $status
