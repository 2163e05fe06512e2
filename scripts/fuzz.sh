#!/usr/bin/env bash
# Builds the libFuzzer target with clang (ASan + UBSan) and fuzzes decode + execute for
# SECONDS (default 60), starting from tests/fuzz/corpus. New inputs go to build-fuzz/corpus.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-60}"
if ! command -v clang++ >/dev/null; then
  echo "fuzz: clang++ not installed: skipped"; exit 0
fi
cmake -S "$here" -B "$here/build-fuzz" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DSVESIM_FUZZ=ON -DSVESIM_BUILD_TESTS=OFF -DSVESIM_WERROR=ON >/dev/null
cmake --build "$here/build-fuzz" --target svesim_fuzz_execute -j2
mkdir -p "$here/build-fuzz/corpus"
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  "$here/build-fuzz/tests/fuzz/svesim_fuzz_execute" -max_total_time="$seconds" -max_len=4096 \
  -print_final_stats=1 "$here/build-fuzz/corpus" "$here/tests/fuzz/corpus"
