#!/usr/bin/env bash
# Installs what is needed, builds, and runs the whole test suite through ctest: once in the
# dev build and once under AddressSanitizer and UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
for preset in dev asan; do
  echo "== $preset =="
  scripts/build.sh "$preset"
  ctest --preset "$preset" --parallel "$(nproc)" "$@"
done
