#!/usr/bin/env bash
# One clock: time in Vakt's own code comes only from the Clock the Store was opened with
# (core/clock.h), so tests control it. Fails on any direct wall-clock read in the product's
# folders. A monotonic timer (QElapsedTimer) measures durations and is not a wall clock; the
# simulator (tools/) and the tests are not Vakt and may read the time.
# Usage: check_one_clock.sh SOURCE_DIR
set -euo pipefail
cd "$1"
pattern='QDateTime::current|QDate::currentDate|QTime::currentTime|system_clock|std::time\(|[^_a-zA-Z]time\((nullptr|NULL|0)\)|gettimeofday|clock_gettime|localtime\(|gmtime\('
hits=$(grep -rnE "$pattern" --include='*.cpp' --include='*.h' core collector app cli desktop reports riskmodel 2>/dev/null \
         | grep -v '^core/clock\.h:' || true)
if [ -n "$hits" ]; then
  echo "Direct wall-clock reads (take the time from the Store's clock, store.clock().now()):"
  echo "$hits"
  exit 1
fi
echo "one clock: no direct wall-clock reads outside core/clock.h"
