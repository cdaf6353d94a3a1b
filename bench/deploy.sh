#!/usr/bin/env bash
# Measures `mvn apphost:deploy` of the starter (samples/starter) against its baseline, in one run:
#   baseline: `docker-compose up -d` on the very file apphost:deploy publishes, then waiting until the
#             same health checks pass (every container running, healthy where it has a check), polled
#             as apphost:deploy polls: the container ids once, then `docker inspect` every 0.1 s;
#   deploy:   `mvn -o apphost:deploy` from a cold Maven (publish + image check + compose up + the same
#             wait), images cached from a warm-up deploy; its own log line splits the time into
#             publish / images / up / health, and the rest of the wall time is Maven (start, reactor,
#             the plugin's class realm) and the goal's preparation (up-to-date check, classpaths, plan).
# Runs are interleaved, alternating which side goes first; each is taken down before the next; the
# load average is printed per run.
# Then a Jib rebuild of webfrontend (Spring Boot: base image plus dependencies, snapshot dependencies,
# resources and classes layers) after touching one class: only the classes layer changes.
# Usage: bench/deploy.sh [runs] (default 11: the services' 2 s health interval makes single runs jump by
# up to 2 s on either side, so both sides need several runs). Needs apphost installed
# (./mvnw -B install -DskipTests -Dinvoker.skip), scripts/container-setup.sh and scripts/setup-deploy.sh.
# MAVEN_REPO_LOCAL=<dir> another local repository; MVN_ARGS extra Maven options.
# Figures go to bench/README-deploy.md by hand.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
RUNS=${1:-11}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
STARTER="$ROOT/samples/starter"
MVNW="$ROOT/mvnw"
REPO=${MAVEN_REPO_LOCAL:-${MAVEN_REPO:-}}
# shellcheck disable=SC2206
MAVEN=(-B -f "$STARTER/pom.xml" ${REPO:+-Dmaven.repo.local=$REPO} ${MVN_ARGS:-})
BASE=docker://local/jre:17
OUT="$STARTER/target/apphost/docker-compose"
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT

compose() { (cd "$OUT" && docker-compose -p starter -f docker-compose.yaml "$@"); }
wait_healthy() { # as ComposeDeployment: ids once, then docker inspect until running (+ healthy where checked)
  local deadline=$(( $(date +%s) + 300 )) ids states
  ids=$(compose ps -q)
  while :; do
    # shellcheck disable=SC2086
    states=$(docker inspect --format '{{.State.Status}}{{if .State.Health}}/{{.State.Health.Status}}{{end}}' $ids)
    if ! grep -qv -e '^running$' -e '^running/healthy$' <<<"$states"; then return 0; fi
    [ "$(date +%s)" -lt "$deadline" ] || { echo "not healthy: $states" >&2; return 1; }
    sleep 0.1
  done
}
down() { compose down -v --remove-orphans >/dev/null 2>&1; }
deploy() { "$MVNW" "${MAVEN[@]}" "$@" apphost:deploy -Dapphost.baseImage=$BASE >"$LOG" 2>&1 || { cat "$LOG"; exit 1; }; }

echo "== warm-up: build, deploy once (images into the engine), undeploy (load $(load))"
deploy # online: resolves what the starter needs at run time
down

baseline=() total=() overhead=()
run_baseline() {
  local t0 t1; t0=$(now_ms); compose up -d >/dev/null 2>&1; wait_healthy; t1=$(now_ms)
  baseline+=($((t1 - t0))); down
}
run_deploy() {
  local t0 t1; t0=$(now_ms); deploy -o; t1=$(now_ms)
  total+=($((t1 - t0))); down
}
for i in $(seq "$RUNS"); do
  l0=$(load)
  # alternate which side goes first, so that a drift in load does not favour one
  if (( i % 2 )); then run_baseline; run_deploy; else run_deploy; run_baseline; fi
  phases=$(grep -o 'with Docker Compose in [0-9.]* s ([^)]*)' "$LOG" | sed 's/with Docker Compose in //')
  mojo_ms=$(awk '{printf "%d", $1 * 1000}' <<<"$phases")
  # what apphost:deploy adds to `up` + health: everything but those two phases of its own log line
  overhead+=($(( total[-1] - $(grep -o 'up [0-9.]* s, health [0-9.]* s' <<<"$phases" | awk '{printf "%d", ($2 + $5) * 1000}') )))
  echo "run $i: compose up + health ${baseline[-1]} ms | apphost:deploy ${total[-1]} ms =" \
    "Maven $((total[-1] - mojo_ms)) ms + mojo $phases" \
    "| images: $(grep -o 'up-to-date image\|built image' "$LOG" | sort | uniq -c | xargs) | load $l0 -> $(load)"
done
# Each side is bimodal: the services' health check runs every 2 s, so a service ready just after a
# check is seen up to 2 s later, on either side alike. The mean is what a deploy costs on average;
# the median of a bimodal sample jumps between the modes, so both are printed.
bm=$(printf '%s\n' "${baseline[@]}" | mean); dm=$(printf '%s\n' "${total[@]}" | mean)
b=$(printf '%s\n' "${baseline[@]}" | median); d=$(printf '%s\n' "${total[@]}" | median)
echo "mean: compose up + health $bm ms, apphost:deploy $dm ms, ratio $(awk -v d="$dm" -v b="$bm" 'BEGIN {printf "%.2f", d/b}')"
echo "median: compose up + health $b ms, apphost:deploy $d ms, ratio $(awk -v d="$d" -v b="$b" 'BEGIN {printf "%.2f", d/b}') (load $(load))"
# The same ratio without the health tick's jumps: apphost:deploy's own `up` and health wait are the
# baseline's, so the mean baseline plus the mean of what apphost:deploy adds (Maven, publish, images)
# estimates the mean deploy; each run's addition does not depend on the tick its services drew.
om=$(printf '%s\n' "${overhead[@]}" | mean); om_median=$(printf '%s\n' "${overhead[@]}" | median)
echo "added by apphost:deploy (Maven, publish, images): mean $om ms, median $om_median ms," \
  "range $(printf '%s\n' "${overhead[@]}" | sort -n | sed -n '1p;$p' | xargs | tr ' ' '-') ms;" \
  "(mean baseline + mean added) / mean baseline $(awk -v o="$om" -v b="$bm" 'BEGIN {printf "%.2f", (b+o)/b}')"
# and per mode: the baselines below and above the middle of their range (webfrontend seen healthy at
# the earlier or the later tick), each with the mean addition
printf '%s\n' "${baseline[@]}" | sort -n | awk -v o="$om" '{a[NR]=$1} END {
  mid = (a[1] + a[NR]) / 2
  for (i = 1; i <= NR; i++) if (a[i] < mid) { es += a[i]; en++ } else { ls += a[i]; ln++ }
  if (en) printf "earlier tick: %d baselines, mean %d ms, ratio %.2f; ", en, es/en, (es/en + o)/(es/en)
  if (ln) printf "later tick: %d baselines, mean %d ms, ratio %.2f", ln, ls/ln, (ls/ln + o)/(ls/ln)
  print "" }'

echo "== Jib: rebuild after touching one class of webfrontend"
layers() { docker image inspect --format '{{range .RootFS.Layers}}{{println .}}{{end}}' webfrontend:latest | grep -v '^$'; }
before=$(layers)
SRC="$STARTER/webfrontend/src/main/java/dev/apphost/samples/webfrontend/WeatherController.java"
# a string constant unique to this run, so the class differs from any image built before; the
# restored source is touched so that the next compile replaces the edited class
cp "$SRC" "$SRC.bak"; trap 'mv "$SRC.bak" "$SRC"; touch "$SRC"; rm -f "$LOG"' EXIT
sed -i "s/<h1>Weather<\/h1>/<h1>Weather ($(date +%s))<\/h1>/" "$SRC"
grep -q '<h1>Weather (' "$SRC" || { echo "could not edit $SRC" >&2; exit 1; }
t0=$(now_ms); deploy -o; t1=$(now_ms); down
after=$(layers)
echo "apphost:deploy after a class change: $((t1 - t0)) ms; $(grep -o 'built image webfrontend[^;]*' "$LOG" | head -1) (load $(load))"
echo "layers: $(wc -l <<<"$before") before, $(wc -l <<<"$after") after; changed: $(diff <(echo "$before") <(echo "$after") | grep -c '^>' || true) (expected 1: classes)"
