#!/usr/bin/env bash
# Benchmark: a persistent Redis reused by the next run of an AppHost, from app.start() to Healthy,
# against a session Redis created at every run (same JVM, alternating). The persistent container is
# created by a first JVM; the measuring JVM reuses it first while cold, then warm.
# Usage: bench/lifecycle-edges.sh [iterations=7]   (needs the engine and local/redis:7.0.15)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -o -pl apphost-annotations,apphost-runtime install -DskipTests
./mvnw -B -q -o -pl apphost-runtime dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
CP="apphost-runtime/target/test-classes:apphost-runtime/target/classes:$(cat apphost-runtime/target/bench.classpath)"
DIR=$(mktemp -d)
trap 'java -cp "$CP" dev.apphost.run.bench.PersistentRedisBench cleanup "$DIR" >/dev/null 2>&1; rm -rf "$DIR"' EXIT
run() { java -cp "$CP" dev.apphost.run.bench.PersistentRedisBench "$@" 2>/dev/null | grep -E '^(create|persistent|session|ratio|floor)'; }
run create "$DIR"
run measure "$DIR" "${1:-7}"
