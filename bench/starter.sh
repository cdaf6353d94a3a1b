#!/usr/bin/env bash
# Measures the starter sample (samples/starter):
#   1. each service started alone with `java -cp` (its own start time, to /health answering at all:
#      webfrontend alone has no Redis and answers 503),
#   2. `mvn apphost:run` from launch to the AppHost's "apphost: all resources ready" line,
#   3. Ctrl+C (SIGINT to the process group, as a terminal does) until every process of the run
#      and every container it created are gone.
# Usage: bench/starter.sh [runs]   (default 3). Needs: apphost installed (./mvnw -B install -DskipTests),
# a container engine for Redis, curl. Prints a table; figures go to docs/maven-plugin.md by hand.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
RUNS=${1:-3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
STARTER="$ROOT/samples/starter"
MVNW="$ROOT/mvnw"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

descendants() { # pid: the pid and all its descendants (services may run in sessions of their own)
  ps -e -o pid=,ppid= | awk -v root="$1" '{ parent[$1] = $2 } END {
    n = 1; list[1] = root; out = root
    while (n > 0) { p = list[n--]; for (c in parent) if (parent[c] == p) { list[++n] = c; out = out " " c } }
    print out }'
}
any_alive() { for p in "$@"; do kill -0 "$p" 2>/dev/null && return 0; done; return 1; }

echo "== compiling the starter and writing its launch plan"
"$MVNW" -B -q -f "$STARTER/pom.xml" compile dev.apphost:apphost-maven-plugin:0.1.0-SNAPSHOT:launch-plan
PLAN="$STARTER/apphost/target/apphost/launch-plan.json"
cp_of() { python3 -c 'import json,sys,os; p=json.load(open(sys.argv[1])); m=[x for x in p["projects"] if x["artifactId"]==sys.argv[2]][0]; print(os.pathsep.join(m["classpath"])); print(m["mainClass"])' "$PLAN" "$1"; }

alone() { # artifactId port-variable
  local info cp main port pid t0 t1
  info=$(cp_of "$1"); cp=$(echo "$info" | sed -n 1p); main=$(echo "$info" | sed -n 2p)
  port=$(free_port)
  t0=$(now_ms)
  env "$2=$port" java -cp "$cp" "$main" > "$WORK/$1.log" 2>&1 &
  pid=$!
  wait_answer "http://127.0.0.1:$port/health" 120 || { echo "$1 did not start" >&2; kill $pid; return 1; }
  t1=$(now_ms)
  kill $pid; wait $pid 2>/dev/null || true
  echo $(( t1 - t0 ))
}

declare -a API WEB FORK READY STOP
for i in $(seq "$RUNS"); do
  API+=("$(alone apiservice PORT)")
  WEB+=("$(alone webfrontend SERVER_PORT)")
done

containers_before=$(docker ps -aq | sort)
for i in $(seq "$RUNS"); do
  log="$WORK/run-$i.log"
  t0=$(now_ms)
  # a background job of a script ignores SIGINT, and the JVM keeps an ignored SIGINT ignored:
  # restore the default disposition, as an interactive shell's foreground job has it
  setsid python3 -c 'import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])' \
    "$MVNW" -B -f "$STARTER/pom.xml" apphost:run -Dapphost.args=--AppHost:PersistentContainers=false > "$log" 2>&1 &
  leader=$!
  deadline=$(( $(date +%s) + 300 ))
  tf=""
  until grep -q "apphost: all resources ready" "$log"; do
    [ -n "$tf" ] || ! grep -q "Distributed application starting" "$log" || tf=$(now_ms)
    if [ "$(date +%s)" -ge "$deadline" ] || ! kill -0 $leader 2>/dev/null; then
      echo "run $i: no ready line; see $log" >&2; tail -30 "$log" >&2; kill -KILL -- -$leader 2>/dev/null || true; exit 1
    fi
    sleep 0.1
  done
  t1=$(now_ms)
  READY+=($(( t1 - t0 )))
  FORK+=($(( ${tf:-$t1} - t0 )))
  sleep 2
  # shellcheck disable=SC2046
  set -- $(descendants $leader)
  t2=$(now_ms)
  kill -INT -- -$leader   # Ctrl+C: the terminal signals the foreground process group
  until ! any_alive "$@" && [ "$(docker ps -aq | sort)" == "$containers_before" ]; do
    if [ $(( $(now_ms) - t2 )) -gt 60000 ]; then
      echo "run $i: still running 60 s after SIGINT:" >&2; ps -o pid,cmd -p "$(echo "$@" | tr ' ' ,)" >&2 || true
      kill -KILL "$@" 2>/dev/null || true; break
    fi
    sleep 0.05
  done
  t3=$(now_ms)
  STOP+=($(( t3 - t2 )))
  wait $leader 2>/dev/null || true
done

printf '\n%-58s %10s\n' "measure (median of $RUNS, ms)" "ms"
printf '%-58s %10s\n' "apiservice alone: java -cp → /health answers" "$(printf '%s\n' "${API[@]}" | median)"
printf '%-58s %10s\n' "webfrontend alone: java -cp → /health answers" "$(printf '%s\n' "${WEB[@]}" | median)"
printf '%-58s %10s\n' "mvn apphost:run → AppHost JVM's first line (Maven's part)" "$(printf '%s\n' "${FORK[@]}" | median)"
printf '%-58s %10s\n' "mvn apphost:run → 'apphost: all resources ready'" "$(printf '%s\n' "${READY[@]}" | median)"
printf '%-58s %10s\n' "SIGINT → every process and container gone" "$(printf '%s\n' "${STOP[@]}" | median)"
echo "raw: api=${API[*]} web=${WEB[*]} fork=${FORK[*]} ready=${READY[*]} stop=${STOP[*]}"
