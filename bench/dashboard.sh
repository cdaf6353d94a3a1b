#!/usr/bin/env bash
# Dashboard benchmarks (figures in bench/README-dashboard.md and docs/dashboard.md):
#   1. OTLP ingest: spans/s into the receiver and its bounded store, in a JVM with -Xmx256m, vs an
#      HTTP server that only reads the same requests (baseline, same run);
#   2. the traces page in chromium with 10,000 spans stored (skipped without /usr/bin/chromium);
#   3. a starter-shaped app (Redis container + two JVM projects) until every resource is Running,
#      dashboard on vs off, alternating, one cold JVM per round;
#   4. the OpenTelemetry Java agent's cost on the starter's webfrontend start (alone, to /health).
# Usage: bench/dashboard.sh [rounds]   (default 5; from the repository root, after ./mvnw install -DskipTests)
set -euo pipefail
ROUNDS=${1:-5}
cd "$(dirname "$0")/.."
MVN="./mvnw -B -q -o"
$MVN -pl apphost-annotations,apphost-runtime install -DskipTests
$MVN -pl apphost-runtime test-compile
$MVN -pl apphost-runtime dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
CP="apphost-runtime/target/test-classes:apphost-runtime/target/classes:$(cat apphost-runtime/target/bench.classpath)"
MAIN=dev.apphost.dashboard.DashboardBenchmark
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

echo "== 1. OTLP ingest (-Xmx256m)"
java -Xmx256m -cp "$CP" $MAIN ingest 10
echo "== 2. traces page with 10,000 spans"
java -cp "$CP" $MAIN render
echo "== 3a. what the dashboard adds before the first resource starts (cold JVM, $ROUNDS rounds)"
for i in $(seq "$ROUNDS"); do java -cp "$CP" $MAIN host; java -cp "$CP" $MAIN host shared-warm; done
echo "== 3b. starter-shaped app to Running, dashboard on vs off ($ROUNDS rounds each, alternating)"
ON=(); OFF=()
for i in $(seq "$ROUNDS"); do
  OFF+=("$(java -cp "$CP" $MAIN startup off | sed -n 's/.*: \([0-9]*\) ms until.*/\1/p')")
  ON+=("$(java -cp "$CP" $MAIN startup on | sed -n 's/.*: \([0-9]*\) ms until.*/\1/p')")
done
off=$(printf '%s\n' "${OFF[@]}" | median); on=$(printf '%s\n' "${ON[@]}" | median)
echo "off: ${OFF[*]} ms -> median $off; on: ${ON[*]} ms -> median $on; added $(( on - off )) ms (goal <= 100)"

echo "== 4. the Java agent on the starter's webfrontend (alone, to /health)"
STARTER=samples/starter
./mvnw -B -q -f "$STARTER/pom.xml" compile dev.apphost:apphost-maven-plugin:0.1.0-SNAPSHOT:launch-plan
PLAN="$STARTER/apphost/target/apphost/launch-plan.json"
AGENT=$(find "${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}" -name 'opentelemetry-javaagent-*.jar' 2>/dev/null | head -1)
[ -n "$AGENT" ] || { echo "no opentelemetry-javaagent jar in the local repository; run apphost:run once"; exit 1; }
info=$(python3 -c 'import json,sys,os; p=json.load(open(sys.argv[1])); m=[x for x in p["projects"] if x["artifactId"]=="webfrontend"][0]; print(os.pathsep.join(m["classpath"])); print(m["mainClass"])' "$PLAN")
WCP=$(echo "$info" | sed -n 1p); WMAIN=$(echo "$info" | sed -n 2p)
start_web() { # extra JVM options...
  local port t0 pid
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  t0=$(date +%s%3N)
  SERVER_PORT=$port OTEL_TRACES_EXPORTER=none OTEL_METRICS_EXPORTER=none OTEL_LOGS_EXPORTER=none \
    java "$@" -cp "$WCP" "$WMAIN" > /tmp/apphost-bench-web.log 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/health"; do sleep 0.1; done
  echo $(( $(date +%s%3N) - t0 ))
  kill $pid; wait $pid 2>/dev/null || true
}
PLAIN=(); AG=()
for i in $(seq "$ROUNDS"); do PLAIN+=("$(start_web)"); AG+=("$(start_web -javaagent:"$AGENT")"); done
p=$(printf '%s\n' "${PLAIN[@]}" | median); a=$(printf '%s\n' "${AG[@]}" | median)
echo "webfrontend alone: ${PLAIN[*]} ms -> median $p; with the agent: ${AG[*]} ms -> median $a; ratio $(python3 -c "print(round($a/$p,2))")"
