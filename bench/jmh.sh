#!/usr/bin/env bash
# Runs the JMH benchmarks (src/jmh/java, compiled with the tests by every build) on the generated sets.
#   bench/jmh.sh                       # every benchmark
#   bench/jmh.sh ModelBenchmark -p nodes=15000 -f 1 -wi 2 -i 3    # any JMH option after the first
# Benchmark JVMs get the launcher's -Xmx1g but C2 (steady-state code); add -jvmArgsAppend "-XX:TieredStopAtLevel=1" to
# measure the C1 the launcher runs every input with.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
cd "$root"
[ -f bench/out/medium.yaml ] || python3 bench/generate.py
mvn -B -q -Dstyle.color=never test-compile >&2
classpath_file=target/jmh-classpath.txt
mvn -B -q -Dstyle.color=never dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file" >&2
exec java -Xmx1g -cp "target/test-classes:target/classes:$(cat "$classpath_file")" org.openjdk.jmh.Main -jvmArgs "-Xmx1g" "$@"
