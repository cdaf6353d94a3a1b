#!/usr/bin/env bash
# Dashboard benchmarks (figures in bench/README-dashboard.md and docs/dashboard.md):
#   1. OTLP ingest: spans/s into the receiver and its bounded store, in a JVM with -Xmx256m, vs an
#      HTTP server that only reads the same requests (baseline, same run);
#   2. the traces page in chromium with 10,000 spans stored, vs the same page with nothing stored
#      (skipped without /usr/bin/chromium);
#   3. a starter-shaped app (Redis container + two JVM projects) until every resource is Running,
#      dashboard on vs off: interleaved pairs (the order alternates), one cold JVM per start, medians,
#      spread and the median of the paired differences;
#   4. the OpenTelemetry Java agent's cost on the starter's webfrontend start (alone, to /health).
# Usage: bench/dashboard.sh [rounds]   (default 5; pairs for part 3: PAIRS, default 10)
#   from the repository root; MAVEN_REPO_LOCAL=<dir> (a local repository of your own: the script
#   installs apphost-runtime into it), MVN_ARGS (default -o), PARTS (default "1 2 3 4").
set -euo pipefail
source "$(dirname "$0")/lib.sh"
ROUNDS=${1:-5}
PAIRS=${PAIRS:-10}
PARTS=${PARTS:-1 2 3 4}
cd "$(dirname "$0")/.."
MVN="./mvnw -B -q ${MVN_ARGS:--o} ${MAVEN_REPO_LOCAL:+-Dmaven.repo.local=$MAVEN_REPO_LOCAL}"
$MVN -pl apphost-annotations,apphost-runtime install -DskipTests
$MVN -pl apphost-runtime test-compile
$MVN -pl apphost-runtime dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
CP="apphost-runtime/target/test-classes:apphost-runtime/target/classes:$(cat apphost-runtime/target/bench.classpath)"
MAIN=dev.apphost.dashboard.DashboardBenchmark
part() { [[ " $PARTS " == *" $1 "* ]]; }
echo "load before: $(uptime)"

if part 1; then
  echo "== 1. OTLP ingest (-Xmx256m)"
  java -Xmx256m -cp "$CP" $MAIN ingest 10
fi
if part 2; then
  echo "== 2. traces page with 10,000 spans"
  java -cp "$CP" $MAIN render
  echo "load: $(uptime)"
fi
if part 3; then
  echo "== 3a. what the dashboard adds before the first resource starts (cold JVM, $ROUNDS rounds)"
  for i in $(seq "$ROUNDS"); do java -cp "$CP" $MAIN host; java -cp "$CP" $MAIN host shared-warm; done
  echo "== 3b. starter-shaped app to Running, dashboard on vs off ($PAIRS interleaved pairs, one cold JVM each)"
  startup() { java -cp "$CP" $MAIN startup "$1" | sed -n 's/.*: \([0-9]*\) ms until every resource Running (all Running).*/\1/p'; }
  startup off >/dev/null; startup on >/dev/null   # untimed warm-up (page cache, image, JIT of the engine)
  PAIRS_FILE=$(mktemp)
  for i in $(seq "$PAIRS"); do
    if (( i % 2 )); then off=$(startup off); on=$(startup on); else on=$(startup on); off=$(startup off); fi
    echo "pair $i: off ${off:-failed} ms, on ${on:-failed} ms  (load $(cut -d' ' -f1 /proc/loadavg))"
    [ -n "$off" ] && [ -n "$on" ] && echo "$off $on" >> "$PAIRS_FILE"
  done
  python3 - "$PAIRS_FILE" <<'PY'
import statistics as st, sys
pairs = [tuple(map(int, l.split())) for l in open(sys.argv[1]) if l.strip()]
if len(pairs) < 2:
    sys.exit("fewer than 2 complete pairs")
def q(v):
    v = sorted(v); n = len(v)
    return v[0], st.quantiles(v, n=4)[0], st.median(v), st.quantiles(v, n=4)[2], v[-1]
def show(name, v):
    lo, q1, m, q3, hi = q(v)
    print(f"{name:<24} median {m:8.0f} ms   interquartile {q1:.0f}..{q3:.0f}   range {lo}..{hi}")
off = [p[0] for p in pairs]; on = [p[1] for p in pairs]; diff = [p[1] - p[0] for p in pairs]
show("dashboard off", off); show("dashboard on", on); show("on - off (same pair)", diff)
print(f"{len(pairs)} pairs; added by the dashboard: median of paired differences {st.median(diff):.0f} ms,"
      f" difference of medians {st.median(on) - st.median(off):.0f} ms (goal <= 100)")
PY
  rm -f "$PAIRS_FILE"
  echo "load: $(uptime)"
fi
part 4 || exit 0

echo "== 4. the Java agent on the starter's webfrontend (alone, to /health)"
STARTER=samples/starter
$MVN -f "$STARTER/pom.xml" compile dev.apphost:apphost-maven-plugin:0.1.0-SNAPSHOT:launch-plan
PLAN="$STARTER/apphost/target/apphost/launch-plan.json"
AGENT=$(find "${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}" -name 'opentelemetry-javaagent-*.jar' 2>/dev/null | head -1)
[ -n "$AGENT" ] || { echo "no opentelemetry-javaagent jar in the local repository; run apphost:run once"; exit 1; }
info=$(python3 -c 'import json,sys,os; p=json.load(open(sys.argv[1])); m=[x for x in p["projects"] if x["artifactId"]=="webfrontend"][0]; print(os.pathsep.join(m["classpath"])); print(m["mainClass"])' "$PLAN")
WCP=$(echo "$info" | sed -n 1p); WMAIN=$(echo "$info" | sed -n 2p)
start_web() { # extra JVM options...
  local port t0 pid
  port=$(free_port)
  t0=$(date +%s%3N)
  SERVER_PORT=$port OTEL_TRACES_EXPORTER=none OTEL_METRICS_EXPORTER=none OTEL_LOGS_EXPORTER=none \
    java "$@" -cp "$WCP" "$WMAIN" > /tmp/apphost-bench-web.log 2>&1 &
  pid=$!
  # any answer: alone, without Redis, webfrontend reports itself DOWN (503)
  wait_answer "http://127.0.0.1:$port/health" 300 || { echo "webfrontend did not start" >&2; kill $pid; exit 1; }
  echo $(( $(date +%s%3N) - t0 ))
  kill $pid; wait $pid 2>/dev/null || true
}
PLAIN=(); AG=()
for i in $(seq "$ROUNDS"); do PLAIN+=("$(start_web)"); AG+=("$(start_web -javaagent:"$AGENT")"); done
p=$(printf '%s\n' "${PLAIN[@]}" | median); a=$(printf '%s\n' "${AG[@]}" | median)
echo "webfrontend alone: ${PLAIN[*]} ms -> median $p; with the agent: ${AG[*]} ms -> median $a; ratio $(python3 -c "print(round($a/$p,2))")"
