#!/bin/sh
# A chatty resource: 50 MB of short lines through the AppHost's console into a file, against sed
# prefixing the same lines into a file, in the same run. Prints the figures and the ratio.
# Usage: bench/console.sh [megabytes]   (from the repository root; MAVEN_REPO_LOCAL=<dir> optional)
set -e
cd "$(dirname "$0")/.."
REPO=${MAVEN_REPO_LOCAL:+-Dmaven.repo.local=$MAVEN_REPO_LOCAL}
./mvnw -B -q -o $REPO -pl apphost-annotations,apphost-runtime install -DskipTests
./mvnw -B -q -o $REPO -pl apphost-runtime dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
CP="apphost-runtime/target/test-classes:apphost-runtime/target/classes:$(cat apphost-runtime/target/bench.classpath)"
java -cp "$CP" dev.apphost.run.ConsoleBenchmark "$@"
