#!/usr/bin/env bash
# Benchmark: N containers through ContainerEngine vs `docker run -d` (interleaved, warm-up first).
# Usage: bench/containers.sh [N=10]   (needs a running engine: sudo bash scripts/container-setup.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl apphost-runtime -am install -DskipTests
./mvnw -B -q -pl apphost-runtime dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java -cp "apphost-runtime/target/test-classes:apphost-runtime/target/classes:$(cat apphost-runtime/target/bench.classpath)" \
  dev.apphost.containers.bench.ContainerStartBench "${1:-10}"
