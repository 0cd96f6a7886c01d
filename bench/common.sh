# Sourced by the benchmark scripts (from the repository's root): $java is a Java 25 (Heard needs it, and the drivers
# are source-file programs run by the same java); build_heard builds the packaged jar ($jar) and the classpath
# ($classpath) that programs using Heard's own classes (EmbeddedDatabase, SandboxSignature, the JDBC driver) run with.
java_25() {
  for candidate in "${JAVA:-}" "${JAVA_HOME:+$JAVA_HOME/bin/java}" /usr/lib/jvm/temurin-25-jdk-amd64/bin/java \
                   "$(command -v java || true)"; do
    if [[ -n $candidate && -x $candidate ]] && "$candidate" -version 2>&1 | grep -qE 'version "(2[5-9]|[3-9][0-9])'; then
      echo "$candidate"
      return
    fi
  done
  echo "No Java 25 found: set JAVA or JAVA_HOME" >&2
  exit 1
}
java=$(java_25)
jar=target/heard-0.1.0-SNAPSHOT.jar

build_heard() {
  mkdir -p target/bench
  echo "building the jar and its classpath (./mvnw package -DskipTests)…" >&2
  ./mvnw -B -q -DskipTests -Dspotless.check.skip=true package dependency:build-classpath \
    -Dmdep.outputFile=target/bench/runtime.classpath -Dmdep.includeScope=runtime >&2
  classpath="target/classes:$(cat target/bench/runtime.classpath)"
}
