#!/bin/sh
# Start-up benchmark of the run engine: 100 executables through the orchestrator vs a plain
# ProcessBuilder loop, and the per-hop latency of a 100-deep waitFor chain. Prints the figures.
# Usage: bench/run-bench.sh   (from the repository root; builds apphost-runtime's test classes first)
set -e
cd "$(dirname "$0")/.."
./mvnw -B -q -o ${MAVEN_REPO_LOCAL:+-Dmaven.repo.local=$MAVEN_REPO_LOCAL} -pl apphost-annotations,apphost-runtime install -DskipTests
./mvnw -B -q -o ${MAVEN_REPO_LOCAL:+-Dmaven.repo.local=$MAVEN_REPO_LOCAL} -pl apphost-runtime dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
CP="apphost-runtime/target/test-classes:apphost-runtime/target/classes:$(cat apphost-runtime/target/bench.classpath)"
# As `mvn apphost:run` starts the AppHost (through setsid, leading its own session: children are
# started straight into its group), then as a shell or an IDE does (each child through setsid).
echo "== AppHost leading its own session (as apphost:run starts it)"
setsid -w java -cp "$CP" dev.apphost.run.RunBenchmark
echo "== AppHost started from a shell or an IDE"
java -cp "$CP" dev.apphost.run.RunBenchmark
