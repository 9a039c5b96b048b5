#!/bin/sh
# Counts the instructions of one okrportal command with callgrind (repeatable on a noisy machine,
# unlike seconds), and the template engine's share of them (scripts/template-share.py):
#   scripts/instructions.sh build /tmp/org1k --as-of 2026-11-29 --output /tmp/out
# KEEP=file keeps the callgrind output there (for callgrind_annotate).
set -eu
cd "$(dirname "$0")/.."
out=${KEEP:-$(mktemp)}
OKRPORTAL_THREADS=1 valgrind --tool=callgrind --callgrind-out-file="$out" .build/release/okrportal "$@" >/dev/null 2>&1
callgrind_annotate "$out" 2>/dev/null | awk '/PROGRAM TOTALS/ {print $1 " instructions"}'
python3 scripts/template-share.py "$out"
[ -n "${KEEP:-}" ] || rm -f "$out"
