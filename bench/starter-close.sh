#!/usr/bin/env bash
# Benchmark: close() of the starter app started through apphost-testing, to every process and
# container gone. Usage: bench/starter-close.sh [ROUNDS=3]   (needs: sudo bash scripts/container-setup.sh)
# MVN_ARGS passes extra Maven options (e.g. -Dmaven.repo.local=...).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
./mvnw -B -q ${MVN_ARGS:-} install -DskipTests -Dinvoker.skip
./mvnw -B -q ${MVN_ARGS:-} -f samples/starter/pom.xml package -DskipTests
cd samples/starter/apphost
"$root/mvnw" -B -q ${MVN_ARGS:-} dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cp="target/test-classes:target/classes:$(cat target/bench.classpath)"
mkdir -p target/bench-classes
javac -d target/bench-classes -cp "$cp" "$root/bench/src/StarterCloseBench.java"
repo=$(cd "$root" && ./mvnw -B -q ${MVN_ARGS:-} help:evaluate -Dexpression=settings.localRepository -DforceStdout)
java -Dmaven.repo.local="$repo" -cp "target/bench-classes:$cp" StarterCloseBench "${1:-3}" 2>&1 | grep '^CLOSE'
