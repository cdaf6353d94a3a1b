#!/usr/bin/env bash
# Compares Maven JVM options on a short apphost goal of the starter (samples/starter): each variant
# is given as MAVEN_OPTS, on top of the starter's .mvn/jvm.config, and the variants take turns run by
# run, so a drift in load does not favour one. Prints each variant's median and mean wall time.
# Usage: bench/maven-options.sh <runs> <goal> "<options A>" "<options B>" …   ("" = jvm.config alone)
#   e.g. bench/maven-options.sh 15 apphost:publish "" "-Dguice_bytecode_gen_option=DISABLED"
# Needs apphost installed (./mvnw -B install -DskipTests -Dinvoker.skip); runs Maven offline.
set -euo pipefail
RUNS=$1 GOAL=$2; shift 2
ROOT=$(cd "$(dirname "$0")/.." && pwd)
LOG=$(mktemp); trap 'rm -f "$LOG"' EXIT
declare -a times
for _ in $(seq "$RUNS"); do
  k=0
  for options in "$@"; do
    t0=$(date +%s%3N)
    MAVEN_OPTS="$options" "$ROOT/mvnw" -B -o -f "$ROOT/samples/starter/pom.xml" "$GOAL" >"$LOG" 2>&1 || { cat "$LOG"; exit 1; }
    times[k]="${times[k]:-} $(( $(date +%s%3N) - t0 ))"; k=$((k + 1))
  done
done
k=0
for options in "$@"; do
  printf '%s\n' ${times[k]} | sort -n | awk -v o="${options:-(jvm.config alone)}" \
    '{a[NR]=$1; s+=$1} END {printf "%-60s median %d ms, mean %d ms (n=%d)\n", o, a[int((NR+1)/2)], s/NR, NR}'
  k=$((k + 1))
done
