#!/usr/bin/env bash
# The whole check, as CI runs it (.ci/run: ./mvnw -B verify), several times in a row, while a CPU hog keeps cores
# busy as other jobs do on a shared runner. Each run's duration and outcome go to bench/results/suite-under-load.json
# (or --out); the log of a failed run is kept as target/suite-under-load/run-<commit>-busy<cores>-N.log, with the
# failed stories' screenshots and page logs beside it.
#
# Usage: bench/suite-under-load.sh [--runs 3] [--busy-cores 1] [--out FILE]
#   --busy-cores 0 runs the same on a quiet machine.
# It stops at the first failed run (a failure restarts the count once its cause is fixed).
set -euo pipefail
cd "$(dirname "$0")/.."

runs=3
busy=1
out=bench/results/suite-under-load.json
while [[ $# -gt 0 ]]; do
  case $1 in
    --runs) runs=$2; shift 2 ;;
    --busy-cores) busy=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

if (( busy > 0 )) && ! command -v stress-ng > /dev/null; then
  if [ "$(id -u)" -ne 0 ] && command -v sudo > /dev/null; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq stress-ng
fi

mkdir -p target/suite-under-load "$(dirname "$out")"
hog=
stop_hog() { [[ -n $hog ]] && kill "$hog" 2> /dev/null && wait "$hog" 2> /dev/null || true; }
trap stop_hog EXIT
if (( busy > 0 )); then
  stress-ng --cpu "$busy" --cpu-method matrixprod --quiet &
  hog=$!
fi

results=()
status=0
for (( n = 1; n <= runs; n++ )); do
  commit=$(git rev-parse --short HEAD)
  # Named by commit, load and run, so a later invocation never writes over the log of a failure.
  log=target/suite-under-load/run-$commit-busy$busy-$n.log
  started=$(date +%s)
  if bash .ci/run > "$log" 2>&1; then outcome=passed; else outcome=failed; status=1; fi
  seconds=$(( $(date +%s) - started ))
  failures=$(grep -E '^\[ERROR\] +[A-Za-z].*(Tests|IntegrationTests)\.[A-Za-z]+' "$log" | sed -E 's/^\[ERROR\] +//; s/ .*//' | sort -u | paste -sd, - || true)
  echo "run $n at $commit with $busy busy core(s): $outcome in ${seconds}s ${failures:+($failures)}"
  results+=("{\"run\": $n, \"commit\": \"$commit\", \"busyCores\": $busy, \"outcome\": \"$outcome\", \"seconds\": $seconds, \"failed\": \"$failures\"}")
  if [[ $outcome == passed ]]; then
    rm -f "$log"
  else
    # The failed stories' screenshots and page logs go with it: the next run of the suite starts them afresh.
    cp -r target/screenshots "${log%.log}-screenshots" 2> /dev/null || true
    break
  fi
done

machine="$(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')"
{
  echo "{"
  echo "  \"command\": \"bench/suite-under-load.sh --runs $runs --busy-cores $busy\","
  echo "  \"machine\": \"$machine\","
  echo "  \"date\": \"$(date -u +%Y-%m-%dT%H:%M:%SZ)\","
  echo "  \"runs\": ["
  for (( i = 0; i < ${#results[@]}; i++ )); do
    sep=$([[ $i -lt $(( ${#results[@]} - 1 )) ]] && echo , || true)
    echo "    ${results[$i]}$sep"
  done
  echo "  ]"
  echo "}"
} > "$out"
exit $status
