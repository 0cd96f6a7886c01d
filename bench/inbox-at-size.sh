#!/usr/bin/env bash
# The inbox at size: loads 1,000,000 conversations and 5,000,000 messages into a fresh Heard's database (SQL, not
# HTTP), restarts Heard on it with -Xmx512m, and times the inbox list for each filter, a 500-message conversation and
# message search over HTTP. Writes bench/results/inbox-at-size.json and prints a table.
# Usage: bench/inbox-at-size.sh [--conversations 1000000] [--messages 5000000] [--long 5] [--long-size 500]
#                               [--agents 200] [--requests 200] [--warmup 50] [--explain true] [--out FILE]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
build_heard
exec "$java" -cp "$classpath" bench/InboxAtSize.java --jar "$jar" \
  --commit "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)" "$@"
