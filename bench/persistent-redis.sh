#!/usr/bin/env bash
# Benchmark (issue #9): a persistent Redis reused by the second run of an AppHost in a FRESH JVM (as a
# second `mvn apphost:run` gets), from start() to Running and Healthy, from the moment the AppHost starts the
# resource (its first Starting snapshot) to Healthy, and the JVM's wall time; next to
# baselines in the same run: `docker inspect` + `redis-cli PING` from fresh processes, and a fresh JVM that
# only connects to the engine through docker-java. Rounds alternate; medians are printed.
# Usage: bench/persistent-redis.sh [ROUNDS=5]   (needs the engine, local/redis:7.0.15 and redis-cli)
# MAVEN_REPO_LOCAL / MVN_ARGS are passed to Maven as in the other bench scripts.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$(dirname "$0")/.."
rounds=${1:-5}
mvn_args=(-B -q ${MVN_ARGS:-})
[ -n "${MAVEN_REPO_LOCAL:-}" ] && mvn_args+=(-Dmaven.repo.local="$MAVEN_REPO_LOCAL")
./mvnw "${mvn_args[@]}" -pl apphost-annotations,apphost-runtime install -DskipTests
./mvnw "${mvn_args[@]}" -pl apphost-runtime dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
CP="apphost-runtime/target/test-classes:apphost-runtime/target/classes:$(cat apphost-runtime/target/bench.classpath)"
DIR=$(mktemp -d)
bench() { java -cp "$CP" dev.apphost.run.bench.PersistentRedisBench "$@" 2>/dev/null; }
trap 'bench cleanup "$DIR" >/dev/null 2>&1; rm -rf "$DIR"' EXIT
now() { date +%s%N; }
echo "load before: $(uptime | sed 's/.*load average: //')"
echo "first run (creates the container): $(bench fresh "$DIR" | grep '^fresh')"
: >"$DIR/running" >"$DIR/healthy" >"$DIR/starting" >"$DIR/wall" >"$DIR/cli" >"$DIR/ping" >"$DIR/pingwall"
for i in $(seq 1 "$rounds"); do
  t=$(now); line=$(bench fresh "$DIR" | grep '^fresh'); echo $(( ($(now) - t) / 1000000 )) >>"$DIR/wall"
  echo "$line" | sed -E 's/.*to Running ([0-9]+) ms.*/\1/' >>"$DIR/running"
  echo "$line" | sed -E 's/.*to Running [0-9]+ ms, to Healthy ([0-9]+) ms.*/\1/' >>"$DIR/healthy"
  echo "$line" | sed -E 's/.*resource Starting to Healthy ([0-9]+) ms.*/\1/' >>"$DIR/starting"
  echo "  round $i: $line"
  # baseline 1: the CLI finds the container and its port, redis-cli pings it (fresh processes)
  t=$(now)
  port=$(docker inspect -f '{{(index (index .NetworkSettings.Ports "6379/tcp") 0).HostPort}}' apphost-bench-persistent-redis)
  redis-cli -p "$port" -a benchpw --no-auth-warning PING >/dev/null
  echo $(( ($(now) - t) / 1000000 )) >>"$DIR/cli"
  # baseline 2: a fresh JVM that only connects to the engine through docker-java
  t=$(now); bench ping "$DIR" | grep '^ping' | sed -E 's/.*list, ([0-9]+) ms.*/\1/' >>"$DIR/ping"
  echo $(( ($(now) - t) / 1000000 )) >>"$DIR/pingwall"
done
echo "medians of $rounds rounds (second run onward, each in a fresh JVM):"
echo "  persistent reuse: start() to Running $(median <"$DIR/running") ms, to Healthy $(median <"$DIR/healthy") ms; JVM wall $(median <"$DIR/wall") ms"
echo "  persistent reuse: the resource's Starting (the AppHost starts it) to Healthy $(median <"$DIR/starting") ms"
echo "  baseline docker inspect + redis-cli PING (fresh processes): $(median <"$DIR/cli") ms"
echo "  baseline fresh JVM, docker-java connect + one list: $(median <"$DIR/ping") ms in the JVM; JVM wall $(median <"$DIR/pingwall") ms"
echo "load after: $(uptime | sed 's/.*load average: //')"
