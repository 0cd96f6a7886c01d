#!/usr/bin/env bash
# Heard's message analyser on the labelled posts to companies (complaint P/R/F1, praise or questions
# read as complaints, sentiment macro-F1) and against plain VADER on the human-labelled review corpora in
# src/test/resources/corpus: accuracy and macro-F1, written to bench/results/analyser-eval.json.
# Usage: bench/analyser-eval.sh [--out FILE] [--corpora amazon,yelp,imdb] [--care care-heldout,care-tuning] [--misreads]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/analyser-classpath.sh
exec "$java" --enable-native-access=ALL-UNNAMED -cp "$classpath" org.heard.bench.AnalyserEvaluation "$@"
