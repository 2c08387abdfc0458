#!/usr/bin/env bash
# Installs what is needed, builds, and runs the whole test suite through ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh dev
ctest --preset dev --parallel "$(nproc)" "$@"
