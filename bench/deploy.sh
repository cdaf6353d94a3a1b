#!/usr/bin/env bash
# Measures `mvn apphost:deploy` of the starter (samples/starter) against its baseline, in one run:
#   baseline: `docker-compose up -d` on the very file apphost:deploy publishes, then waiting until the
#             same health checks pass (every container running, healthy where it has a check);
#   deploy:   `mvn -o apphost:deploy` from a cold Maven (publish + Jib with every layer cached +
#             compose up + the same wait), images cached from a warm-up deploy.
# Runs are interleaved; each is taken down before the next. Also measures a Jib rebuild of
# apiservice after touching one class (only the classes layer changes).
# Usage: bench/deploy.sh [runs] (default 3). Needs: apphost installed (./mvnw -B install -DskipTests),
# scripts/container-setup.sh and scripts/setup-deploy.sh. Figures go to bench/README-deploy.md by hand.
set -euo pipefail
RUNS=${1:-3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
STARTER="$ROOT/samples/starter"
MVNW="$ROOT/mvnw"
MVN_ARGS=(-B -q -o -f "$STARTER/pom.xml" ${MAVEN_REPO:+-Dmaven.repo.local=$MAVEN_REPO})
BASE=docker://local/jre:17
OUT="$STARTER/target/apphost/docker-compose"

now_ms() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
wait_healthy() { # every container of project starter running, and healthy where it has a check
  local deadline=$(( $(date +%s) + 300 ))
  while :; do
    local ids states
    ids=$(cd "$OUT" && docker-compose -p starter -f docker-compose.yaml ps -q)
    if [ -n "$ids" ]; then
      # shellcheck disable=SC2086
      states=$(docker inspect --format '{{.State.Status}}{{if .State.Health}}/{{.State.Health.Status}}{{end}}' $ids)
      if ! grep -qv -e '^running$' -e '^running/healthy$' <<<"$states"; then return 0; fi
    fi
    [ "$(date +%s)" -lt "$deadline" ] || { echo "not healthy: $states" >&2; return 1; }
    sleep 0.5
  done
}
down() { (cd "$OUT" && docker-compose -p starter -f docker-compose.yaml down -v --remove-orphans >/dev/null 2>&1); }

echo "== warm-up: build, deploy once (images into the engine), undeploy"
"$MVNW" -B -q -f "$STARTER/pom.xml" ${MAVEN_REPO:+-Dmaven.repo.local=$MAVEN_REPO} compile >/dev/null
"$MVNW" "${MVN_ARGS[@]}" apphost:deploy -Dapphost.baseImage=$BASE >/dev/null
down

baseline=() deploy=()
for i in $(seq "$RUNS"); do
  t0=$(now_ms); (cd "$OUT" && docker-compose -p starter -f docker-compose.yaml up -d >/dev/null 2>&1); wait_healthy; t1=$(now_ms)
  baseline+=($((t1 - t0))); down
  t0=$(now_ms); "$MVNW" "${MVN_ARGS[@]}" apphost:deploy -Dapphost.baseImage=$BASE >/dev/null; t1=$(now_ms)
  deploy+=($((t1 - t0))); down
  echo "run $i: compose up + health ${baseline[-1]} ms, apphost:deploy ${deploy[-1]} ms"
done
b=$(printf '%s\n' "${baseline[@]}" | median); d=$(printf '%s\n' "${deploy[@]}" | median)
echo "median: compose up + health $b ms, apphost:deploy $d ms, ratio $(awk -v d="$d" -v b="$b" 'BEGIN {printf "%.2f", d/b}')"

echo "== Jib: rebuild after touching one class of apiservice"
layers() { docker image inspect --format '{{range .RootFS.Layers}}{{println .}}{{end}}' apiservice:latest | grep -v '^$'; }
before=$(layers)
SRC="$STARTER/apiservice/src/main/java/dev/apphost/samples/apiservice/ApiService.java"
cp "$SRC" "$SRC.bak"; trap 'mv "$SRC.bak" "$SRC"' EXIT
sed -i 's/"Not found"/"Not found."/' "$SRC"
t0=$(now_ms); "$MVNW" "${MVN_ARGS[@]}" apphost:deploy -Dapphost.baseImage=$BASE >/dev/null; t1=$(now_ms); down
after=$(layers)
echo "apphost:deploy after a class change: $((t1 - t0)) ms"
echo "layers: $(wc -l <<<"$before") before, $(wc -l <<<"$after") after; changed: $(diff <(echo "$before") <(echo "$after") | grep -c '^>' || true) (expected 1: classes)"
