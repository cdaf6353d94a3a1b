#!/usr/bin/env bash
# Builds apphost-annotations and apphost-processor, then measures how much time the annotation
# processor adds to compiling an @AppHost class in a generated 500-module reactor. Medians.
#   bench/processor.sh --cold --iterations 7      # what a user pays: a fresh javac process per compilation
#   bench/processor.sh --modules 1000 --warmup 20 --iterations 40   # warm, in one JVM (javax.tools)
# MAVEN_REPO_LOCAL=<folder> (or MVN_REPO) uses another local repository; MVN_ARGS adds Maven options (-o).
# Where the processor's own time goes in one cold javac: javac -J-Dapphost.processor.timing=true ...
set -euo pipefail
cd "$(dirname "$0")/.."

repo=()
local_repo=${MAVEN_REPO_LOCAL:-${MVN_REPO:-}}
[ -n "$local_repo" ] && repo=(-Dmaven.repo.local="$local_repo")
# shellcheck disable=SC2206
extra=(${MVN_ARGS:-})
./mvnw -B -q "${repo[@]}" "${extra[@]}" -pl apphost-annotations,apphost-processor -am install -DskipTests
# test classpath of the processor module, without apphost-annotations: that one is taken from this
# build's target/ (the local repository's snapshot may come from another checkout)
./mvnw -B -q "${repo[@]}" "${extra[@]}" -pl apphost-processor dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.excludeArtifactIds=apphost-annotations -Dmdep.outputFile=target/bench.classpath
cp="apphost-processor/target/test-classes:apphost-processor/target/classes:apphost-annotations/target/classes:$(cat apphost-processor/target/bench.classpath)"
jar=$(ls apphost-processor/target/apphost-processor-*.jar | grep -v -e original- -e sources -e javadoc | head -1)

echo "load: $(uptime | sed 's/.*load average/load average/')"
java -Xms512m -cp "$cp" dev.apphost.processor.bench.ProcessorBench --processor-jar "$jar" "$@"
echo "load: $(uptime | sed 's/.*load average/load average/')"
