#!/usr/bin/env bash
# Benchmark: containers to HTTP-ready through apphost's DistributedApplication.start() vs
# Testcontainers (GenericContainer.start / Startables.deepStart with Wait.forHttp), in one JVM,
# interleaved, medians. Usage: bench/testing.sh [ROUNDS=7]   (needs: sudo bash scripts/container-setup.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-7}
./mvnw -B -q ${MVN_ARGS:-} -pl apphost-testing -am install -DskipTests
./mvnw -B -q ${MVN_ARGS:-} -pl apphost-testing dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cp="apphost-testing/target/test-classes:apphost-testing/target/classes:$(cat apphost-testing/target/bench.classpath)"
# No registry here: Testcontainers' reaper image cannot be pulled, so it runs without Ryuk (as apphost's
# own reaper is a local process), and without its start-up checks (they pull alpine); the image is
# local, so neither side pulls.
export TESTCONTAINERS_RYUK_DISABLED=true TESTCONTAINERS_CHECKS_DISABLE=true
# This machine is itself a container (/.dockerenv): without the override Testcontainers runs alpine to find
# its gateway, which cannot be pulled here.
export TESTCONTAINERS_HOST_OVERRIDE=localhost
for n in 1 10; do
  java -cp "$cp" dev.apphost.testing.bench.TestcontainersComparisonBench "$n" "$rounds"
done
