#!/usr/bin/env bash
# Trains Heard's complaint model on src/test/resources/corpus/care-tuning.json only and writes
# src/main/resources/triage/complaint-model.json (deterministic: gradient descent from zero weights, the
# cross-validation folds drawn with a fixed seed). Prints the 5-fold cross-validated figures on the tuning posts.
# Usage: bench/train-complaint-model.sh [--out FILE]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/analyser-classpath.sh
exec "$java" --enable-native-access=ALL-UNNAMED -cp "$classpath" org.heard.bench.ComplaintModelTraining "$@"
