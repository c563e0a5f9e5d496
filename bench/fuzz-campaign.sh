#!/usr/bin/env bash
# A fuzzing campaign outside `mvn verify` (docs/fuzzing.md): each target fuzzes for DURATION at the
# lowest priority, keeps going past findings, and the script prints every target's executions and
# fails (exit 1) when any finding was written, so that keep-going never reads as success.
# Usage: bench/fuzz-campaign.sh [DURATION, e.g. 10m] (after `mvn -B -o test-compile`)
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-10m}"
inputs=src/test/resources/io/kubeload/fuzz
before=$(find "$inputs" -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' | sort)
total=0
for target in fuzz-reader fuzz-hostile fuzz-inference fuzz-structure; do
  log="target/fuzz-campaign-$target.log"
  JAZZER_FUZZ=1 JAZZER_MAX_DURATION="$duration" JAZZER_KEEP_GOING=1000 \
    nice -n 19 mvn -B -o -q surefire:test@"$target" >"$log" 2>&1 || true
  runs=$(sed -n 's/.*Done \([0-9]*\) runs in \([0-9]*\) second.*/\1/p' "$log" | tail -1)
  echo "$target: ${runs:-0} executions in $duration (log: $log)"
  total=$((total + ${runs:-0}))
done
after=$(find "$inputs" -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' | sort)
found=$(comm -13 <(echo "$before") <(echo "$after") | sed '/^$/d')
echo "total: $total executions"
if [ -n "$found" ]; then
  echo "findings (keep them as regression seeds once fixed):"
  echo "$found"
  exit 1
fi
echo "no findings"
