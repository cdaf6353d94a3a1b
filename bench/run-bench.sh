#!/bin/sh
# Start-up benchmark of the run engine: 100 executables through the orchestrator vs a plain
# ProcessBuilder loop, and the per-hop latency of a 100-deep waitFor chain. Prints the figures.
# Usage: bench/run-bench.sh   (from the repository root; builds apphost-runtime's test classes first)
set -e
cd "$(dirname "$0")/.."
./mvnw -B -q -o -pl apphost-annotations,apphost-runtime install -DskipTests
./mvnw -B -q -o -pl apphost-runtime dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
CP="apphost-runtime/target/test-classes:apphost-runtime/target/classes:$(cat apphost-runtime/target/bench.classpath)"
exec java -cp "$CP" dev.apphost.run.RunBenchmark
