#!/usr/bin/env bash
# Heard's live-latency benchmark: startup time, then webhook-acknowledged -> live-inbox event latency
# at 50 and 500 posts a second. Writes bench/results/live-latency.json and prints a table.
# Usage: bench/live-latency.sh [--rates 50,500] [--posts 1000] [--warmup 500] [--out FILE]
set -euo pipefail
cd "$(dirname "$0")/.."

jar=target/heard-0.1.0-SNAPSHOT.jar
if [[ ! -f $jar ]]; then
  ./mvnw -B -q -DskipTests package
fi

# The packaged Heard needs Java 25; the benchmark uses the same java for itself and for Heard.
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

exec "$(java_25)" bench/LiveLatency.java --jar "$jar" --commit "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)" "$@"
