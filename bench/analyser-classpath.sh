# Sourced by the analyser benchmarks: compiles main and test code (the benchmark drivers live in
# src/test/java/org/heard/bench) and sets $java (a Java 25) and $classpath.
mkdir -p target/bench
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench/analyser.classpath \
  -Dmdep.includeScope=test -Dspotless.check.skip=true >&2
classpath="target/classes:target/test-classes:$(cat target/bench/analyser.classpath)"
java=""
for candidate in "${JAVA:-}" "${JAVA_HOME:+$JAVA_HOME/bin/java}" /usr/lib/jvm/temurin-25-jdk-amd64/bin/java \
                 "$(command -v java || true)"; do
  if [[ -n $candidate && -x $candidate ]] && "$candidate" -version 2>&1 | grep -qE 'version "(2[5-9]|[3-9][0-9])'; then
    java=$candidate
    break
  fi
done
if [[ -z $java ]]; then
  echo "No Java 25 found: set JAVA or JAVA_HOME" >&2
  exit 1
fi
