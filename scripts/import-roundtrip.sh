#!/usr/bin/env bash
# The import round trip on a generated organisation: build it, import its data/okrs.csv into an empty
# folder, build that, and compare progress, status and score of every objective and key result
# (data/okrs.json). Also checks that the import's okrs.csv reads back to the same files.
#
# usage: scripts/import-roundtrip.sh [OBJECTIVES]   (default 1000)
# Environment: AS_OF (default 2026-11-29), GEN_ORG (default ../shared/bench/gen_org.py),
#              OKRPORTAL (default .build/debug/okrportal), WORK (default: a new temp folder)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
AS_OF=${AS_OF:-2026-11-29}
GEN_ORG=${GEN_ORG:-../shared/bench/gen_org.py}
bin=${OKRPORTAL:-.build/debug/okrportal}
if [ ! -f "$GEN_ORG" ]; then
    echo "import-roundtrip: SKIPPED: no generator at $GEN_ORG (set GEN_ORG)" >&2
    exit 0
fi
work=${WORK:-$(mktemp -d)}
trap '[ -z "${WORK:-}" ] && rm -rf "$work"' EXIT

python3 "$GEN_ORG" --objectives "$n" --seed 15 --owner-calls "$work/org" >/dev/null
"$bin" build "$work/org" --as-of "$AS_OF" --output "$work/a" --no-charts >/dev/null 2>&1
"$bin" import "$work/a/data/okrs.csv" "$work/imported" --language de >/dev/null
"$bin" build "$work/imported" --as-of "$AS_OF" --output "$work/b" --no-charts >/dev/null 2>&1
python3 scripts/compare-okrs.py "$work/a/data/okrs.json" "$work/b/data/okrs.json"
