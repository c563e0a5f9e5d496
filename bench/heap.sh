#!/usr/bin/env bash
# Live heap of one kubeload analysis: bench/LiveHeap.java runs it in-process and collects the whole
# heap every INTERVAL_MS (500), keeping the largest heap in use right after a collection (what the
# run keeps reachable). Same JVM flags as the launcher, the heap limit given by HEAP (default: the
# launcher's for that input, as KUBELOAD_PRINT_HEAP=1 ./kubeload prints it).
#   bench/heap.sh FILE [ARGS...]
# The forced collections slow the run down: take wall time and RSS from bench/run.sh, not from here.
# The serial collector's full collection leaves up to MarkSweepDeadRatio % (5 by default) of a space's
# dead objects in place, as int[] fillers, to spare itself a compaction, and counts them as used:
# about 12-16 MB at fleet-20000 from one sample to the next, a third of what the run keeps
# (docs/performance.md). DEAD_RATIO (default 0) sets it: 0 counts only what is reachable, 5 as
# before 2026-12-07.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
jar=${KUBELOAD_JAR:-$root/target/kubeload-all.jar}
[ -f "$jar" ] || { echo "bench: $jar is missing (mvn -DskipTests package, or ./kubeload once)" >&2; exit 2; }
file=$1
shift
heap=${HEAP:-1g}
echo -n "$(basename "$file") $(du -m "$file" | cut -f1) MB: "
"${JAVA_HOME:+$JAVA_HOME/bin/}java" -XX:+UseSerialGC "-XX:MarkSweepDeadRatio=${DEAD_RATIO:-0}" "-Xmx$heap" -cp "$jar" "$root/bench/LiveHeap.java" \
  analyze "$file" --max-input-bytes 200000000 --max-documents 200000 "$@" 2>&1 | tail -${LINES_SHOWN:-1}
