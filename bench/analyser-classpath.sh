# Sourced by the analyser benchmarks: compiles main and test code (the benchmark drivers live in
# src/test/java/org/heard/bench) and sets $java (a Java 25, from common.sh) and $classpath.
mkdir -p target/bench
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench/analyser.classpath \
  -Dmdep.includeScope=test -Dspotless.check.skip=true >&2
classpath="target/classes:target/test-classes:$(cat target/bench/analyser.classpath)"
source bench/common.sh
