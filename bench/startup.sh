#!/usr/bin/env bash
# Time from process start to /actuator/health/readiness UP on an existing data directory, for the
# packaged jar as built, the extracted jar, and the extracted jar with a JDK 25 AOT cache trained on
# one start (JEP 514/515). Writes bench/results/startup.json.
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
RUNS=${RUNS:-3}
PORT=${PORT:-18090}
jar=$(ls target/heard-*.jar 2>/dev/null | grep -v plain | head -1 || true)
[ -n "$jar" ] || { ./mvnw -B -q -DskipTests package; jar=$(ls target/heard-*.jar | head -1); }
work=target/bench/startup-$(date +%s)
mkdir -p "$work"
"$JAVA" -Djarmode=tools -jar "$jar" extract --destination "$work/app" > /dev/null
app="$work/app/$(basename "$jar")"
echo "training the AOT cache (one start that exits after refresh)…"
HEARD_DATA_DIR="$work/train" PORT=$PORT "$JAVA" -XX:AOTCacheOutput="$work/heard.aot" \
  -Dspring.context.exit=onRefresh -jar "$app" > "$work/train.log" 2>&1
# The training start exits without stopping its PostgreSQL; stop it here.
pkill -f -- "$work/train/postgres" || true

measure() { # name, java options…, jar
  local name=$1; shift
  local data="$work/data-$name" times=()
  for i in $(seq 0 "$RUNS"); do
    local start end
    start=$(date +%s%N)
    HEARD_DATA_DIR=$data PORT=$PORT "$JAVA" -Xmx512m "$@" > "$work/$name-$i.log" 2>&1 &
    local pid=$!
    until curl -sf "localhost:$PORT/actuator/health/readiness" > /dev/null; do sleep 0.05; done
    end=$(date +%s%N)
    kill "$pid"; wait "$pid" || true
    # run 0 creates the data directory; only restarts on existing data are counted
    [ "$i" -gt 0 ] && times+=($(( (end - start) / 1000000 )))
  done
  printf '%s' "${times[*]}" | tr ' ' '\n' | sort -n | awk -v name="$name" '
    { v[NR] = $1 } END { printf "    \"%s\": {\"runs_ms\": [", name;
      for (i = 1; i <= NR; i++) printf "%s%d", (i > 1 ? ", " : ""), v[i];
      printf "], \"median_ms\": %d}", v[int((NR + 1) / 2)] }'
}

{
  echo "{"
  echo "  \"benchmark\": \"startup\","
  echo "  \"measured_at\": \"$(date -u +%FT%TZ)\","
  echo "  \"heard_commit\": \"$(git rev-parse --short HEAD)\","
  echo "  \"machine\": {\"cores\": $(nproc), \"ram_gib\": $(awk '/MemTotal/ {printf "%.1f", $2/1048576}' /proc/meminfo), \"jdk\": \"$("$JAVA" -version 2>&1 | head -1 | tr -d '"')\", \"load_average_before\": \"$(cut -d' ' -f1-3 /proc/loadavg)\"},"
  echo "  \"method\": \"process start to readiness UP, -Xmx512m, existing embedded-PostgreSQL data directory, $RUNS runs each\","
  echo "  \"results\": {"
  measure fat-jar -jar "$jar"; echo ","
  measure extracted -jar "$app"; echo ","
  measure extracted-aot-cache -XX:AOTCache="$work/heard.aot" -jar "$app"; echo
  echo "  }"
  echo "}"
} | tee bench/results/startup.json
