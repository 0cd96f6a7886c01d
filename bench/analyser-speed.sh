#!/usr/bin/env bash
# Messages a second that Heard's message analyser reads on one thread, without and with the sentence model's
# second reading (one by one, and in batches of 64), and plain VADER for comparison, over the corpus texts.
# Writes bench/results/analyser-speed.json.
# Usage: bench/analyser-speed.sh [--out FILE [--seconds N]]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/analyser-classpath.sh
# One core's worth: the JIT and GC get their own threads, the measured loop runs on one.
exec "$java" --enable-native-access=ALL-UNNAMED -Xmx512m -XX:ActiveProcessorCount=1 -cp "$classpath" org.heard.bench.AnalyserSpeed "$@"
