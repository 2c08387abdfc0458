#!/usr/bin/env bash
# Installs what is needed, builds, and runs the whole test suite through ctest: once in the
# dev build, once under AddressSanitizer and UndefinedBehaviorSanitizer, and the libFuzzer
# targets for a bounded time (VAKT_FUZZ_SECONDS each, default 20).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
for preset in dev asan fuzz; do
  echo "== $preset =="
  scripts/build.sh "$preset"
  ctest --preset "$preset" --parallel "$(nproc)" "$@"
done
