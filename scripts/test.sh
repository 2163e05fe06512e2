#!/usr/bin/env bash
# Sets up (missing Debian packages, configure, build) and runs the whole test suite:
#   1. the Release build with warnings as errors, and every ctest test; the installed package
#      builds and runs examples/embed outside the tree;
#   2. the unit tests again under AddressSanitizer and UndefinedBehaviorSanitizer;
#   3. 60 s of libFuzzer over decode + execute (clang, ASan + UBSan).
# This is README command (b); .ci/run runs exactly this.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jobs="${SVESIM_JOBS:-2}"

echo "== step 0: formatting (.clang-format)"
if command -v clang-format >/dev/null; then
  (cd "$here" && git ls-files '*.cpp' '*.h' | xargs clang-format --dry-run --Werror)
else
  echo "clang-format not installed: formatting not checked"
fi

echo "== step 1: Release build, all tests"
bash "$here/scripts/setup.sh" --build-dir "$here/build"
ctest --test-dir "$here/build" --output-on-failure -j "$jobs"
bash "$here/scripts/test-package.sh" "$here/build"

echo "== step 2: unit tests under ASan + UBSan"
bash "$here/scripts/setup.sh" --build-dir "$here/build-asan" --sanitize
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir "$here/build-asan" --output-on-failure -j "$jobs" -L unit

echo "== step 3: libFuzzer over decode + execute, 60 s"
bash "$here/scripts/fuzz.sh" 60

echo "== all tests passed"
