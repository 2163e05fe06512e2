#!/usr/bin/env bash
# Build the bare-metal architecture test programs (tests/arch/programs/*.S) and run each
# on QEMU or on svesim.
#
#   scripts/run-arch-tests.sh [--qemu | --svesim PATH] [--build-dir DIR] [--svesim-args "..."]
#
#   --qemu              run on qemu-system-aarch64 (the default)
#   --svesim PATH       run on the svesim binary at PATH (`PATH run [ARGS] PROGRAM.elf`)
#   --build-dir DIR     where the objects and ELFs go (default: build/arch-tests)
#   --svesim-args "..." extra options for `svesim run`, e.g. "--policy zero"
#   --qemu-cpu CPU      QEMU -cpu value (default: max with only power-of-two SVE lengths)
#   --only NAME         build and run only tests/arch/programs/NAME.S
#
# Each program prints one PASS/FAIL/SKIP line per check and exits with its number of
# failures. This script prints every program's output, then a summary, and exits 1 if any
# program failed (non-zero status, timeout or no DONE line), 0 otherwise. When the cross
# assembler or the selected runner is missing it says so and exits 77, which ctest reports as
# skipped (SKIP_RETURN_CODE in tests/CMakeLists.txt), never as passed.
set -u

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SRC="$ROOT/tests/arch/programs"
BUILD="$ROOT/build/arch-tests"
RUNNER=qemu
SVESIM=""
SVESIM_ARGS=""
ONLY=""
# QEMU's -cpu max also offers non-power-of-two vector lengths (the legacy rule); the
# programs check the current Arm ARM rule (R3), so enable exactly the powers of two.
QEMU_CPU="max,sve128=on,sve256=on,sve512=on,sve1024=on,sve2048=on"
TIMEOUT=20

usage() { sed -n '2,18p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
    case "$1" in
    --qemu) RUNNER=qemu ;;
    --svesim) RUNNER=svesim; SVESIM="${2:?--svesim needs a path}"; shift ;;
    --build-dir) BUILD="${2:?--build-dir needs a directory}"; shift ;;
    --svesim-args) SVESIM_ARGS="${2?--svesim-args needs a value}"; shift ;;
    --qemu-cpu) QEMU_CPU="${2:?--qemu-cpu needs a value}"; shift ;;
    --only) ONLY="${2:?--only needs a program name}"; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "run-arch-tests: unknown option '$1'" >&2; usage >&2; exit 2 ;;
    esac
    shift
done

AS=aarch64-linux-gnu-as
# svesim's `qemu` policy reproduces QEMU's deviations from the Arm ARM: skip those checks there.
AS_DEFS=()
if [[ "${SVESIM_ARGS:-}" == *"--policy qemu"* ]]; then AS_DEFS+=(--defsym QEMU_SEMANTICS=1); fi
LD=aarch64-linux-gnu-ld
if ! command -v "$AS" >/dev/null 2>&1 || ! command -v "$LD" >/dev/null 2>&1; then
    echo "run-arch-tests: SKIPPED: $AS / $LD not found (apt-get install binutils-aarch64-linux-gnu)"
    exit 77
fi
if ! command -v timeout >/dev/null 2>&1; then
    echo "run-arch-tests: SKIPPED: timeout(1) not found"
    exit 77
fi
case "$RUNNER" in
qemu)
    if ! command -v qemu-system-aarch64 >/dev/null 2>&1; then
        echo "run-arch-tests: SKIPPED: qemu-system-aarch64 not found (apt-get install qemu-system-arm)"
        exit 77
    fi ;;
svesim)
    if [ ! -x "$SVESIM" ] && command -v "$SVESIM" >/dev/null 2>&1; then
        SVESIM="$(command -v "$SVESIM")"
    fi
    if [ ! -x "$SVESIM" ]; then
        echo "run-arch-tests: SKIPPED: svesim binary '$SVESIM' not found or not executable"
        exit 77
    fi ;;
esac

mkdir -p "$BUILD" || exit 1
LDFLAGS=()
if "$LD" --help 2>/dev/null | grep -q -- --no-warn-rwx-segments; then
    LDFLAGS+=(--no-warn-rwx-segments)   # one RWX segment is fine for these programs
fi

if [ -n "$ONLY" ]; then
    PROGRAMS=("$SRC/$ONLY.S")
else
    PROGRAMS=("$SRC"/*.S)
fi

passed=0
failed=0
summary=()
for src in "${PROGRAMS[@]}"; do
    name="$(basename "$src" .S)"
    obj="$BUILD/$name.o"
    elf="$BUILD/$name.elf"
    echo "=== $name"
    if ! "$AS" -march=armv8.2-a+sve "${AS_DEFS[@]}" -I "$SRC" "$src" -o "$obj" ||
       ! "$LD" "${LDFLAGS[@]}" -T "$SRC/link.ld" "$obj" -o "$elf"; then
        echo "=== $name: BUILD FAILED"
        failed=$((failed + 1))
        summary+=("FAIL  $name (build)")
        continue
    fi
    out="$BUILD/$name.$RUNNER.log"
    case "$RUNNER" in
    qemu)
        # -net none: the virt board's default NIC needs efi-virtio.rom, which may be absent.
        timeout "$TIMEOUT" qemu-system-aarch64 -M virt,virtualization=on,secure=on \
            -cpu "$QEMU_CPU" -nographic -net none -semihosting -kernel "$elf" \
            </dev/null >"$out" 2>&1
        rc=$? ;;
    svesim)
        # shellcheck disable=SC2086  # SVESIM_ARGS is a list of options
        timeout "$TIMEOUT" "$SVESIM" run $SVESIM_ARGS "$elf" </dev/null >"$out" 2>&1
        rc=$? ;;
    esac
    cat "$out"
    npass=$(grep -c '^PASS ' "$out")
    nfail=$(grep -c '^FAIL ' "$out")
    nskip=$(grep -c '^SKIP ' "$out")
    counts="$npass pass, $nfail fail, $nskip skip"
    if [ "$rc" -eq 124 ]; then
        verdict="FAIL  $name: timeout after ${TIMEOUT}s ($counts)"
    elif ! grep -q '^DONE failures=' "$out"; then
        verdict="FAIL  $name: stopped without DONE line, exit status $rc ($counts)"
    elif [ "$rc" -ne 0 ]; then
        verdict="FAIL  $name: exit status $rc ($counts)"
    else
        verdict="ok    $name ($counts)"
    fi
    case "$verdict" in
    ok*) passed=$((passed + 1)) ;;
    *) failed=$((failed + 1)) ;;
    esac
    echo "=== $verdict"
    summary+=("$verdict")
done

echo
echo "=== arch-test summary ($RUNNER) ==="
for line in "${summary[@]}"; do echo "$line"; done
echo "$passed program(s) passed, $failed failed"
[ "$failed" -eq 0 ]
