#!/usr/bin/env bash
# Ingest: signed webhooks at rising rates until saturation, first into the limit program (HMAC check + grouped durable
# insert into the same embedded PostgreSQL), then into Heard (-Xmx512m, fresh data dir), counting only what Heard has
# fully processed. Writes bench/results/ingest.json and prints both rates and their ratio.
# Usage: bench/ingest.sh [--rates 100,200,…] [--seconds 10] [--warmup-seconds 10] [--drain-seconds 60]
#                        [--max-in-flight 1000] [--out FILE]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
build_heard
exec "$java" -cp "$classpath" bench/Ingest.java --jar "$jar" --classpath "$classpath" \
  --commit "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)" "$@"
