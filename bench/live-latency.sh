#!/usr/bin/env bash
# Heard's live-latency benchmark: startup time, then webhook-acknowledged -> live-inbox event latency
# at 50, 500 and 1,000 posts a second. Writes bench/results/live-latency.json and prints a table.
# Usage: bench/live-latency.sh [--rates 50,500,1000] [--posts 1000 | --seconds 10] [--warmup 500] [--out FILE]
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/common.sh
if [[ ! -f $jar ]]; then
  ./mvnw -B -q -DskipTests package
fi

exec "$java" bench/LiveLatency.java --jar "$jar" --commit "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)" "$@"
