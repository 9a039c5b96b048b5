#!/bin/bash
# Times incremental rebuilds (the preview server's path) on a generated organisation:
# `okrportal build --watch`, then edits of single objective files, each a different kind.
#   scripts/bench-incremental.sh [N]     N objectives, default 1000
#   OKRPORTAL_BIN=/path/to/okrportal scripts/bench-incremental.sh 1000   the same with another binary
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
GEN_ORG=${GEN_ORG:-../shared/bench/gen_org.py}
work=$(mktemp -d)
trap 'kill $pid 2>/dev/null || true; rm -rf "$work"' EXIT
python3 "$GEN_ORG" --objectives "$n" "$work/org" >/dev/null
# OKRPORTAL_BIN runs another binary (an older release, to compare) instead of this tree's.
bin=${OKRPORTAL_BIN:-}
if [ -z "$bin" ]; then
    swift build -c release --product okrportal >/dev/null
    bin=$PWD/.build/release/okrportal
fi
log=$work/log
"$bin" build "$work/org" --as-of 2026-11-29 --output "$work/out" --watch >"$log" 2>/dev/null &
pid=$!
wait_for() { # wait until the log has $1 lines
    for _ in $(seq 600); do [ "$(wc -l <"$log")" -ge "$1" ] && return 0; sleep 0.1; done
    echo "timeout" >&2; exit 1
}
wait_for 1
echo "full build: $(sed -n 1p "$log")"
edit() { # file, python expression on the text
    python3 - "$work/org/content/objectives/$1" "$2" <<'PY'
import sys, re
path, kind = sys.argv[1], sys.argv[2]
text = open(path).read()
if kind == "checkin":      # the newest check-in of the first KR moves up a little
    text = re.sub(r"value: ([0-9.]+),", lambda m: f"value: {float(m.group(1)) + 1.5},", text, count=8)
elif kind == "title":
    text = re.sub(r'title: "', 'title: "Neu: ', text, count=1)
elif kind == "body":
    text += "\nEin weiterer Absatz.\n"
open(path, "w").write(text)
PY
}
lines=1
for spec in "team-00150-o1.md checkin" "team-00200-o2.md body" "team-00010-o1.md title" "team-00240-o3.md checkin" \
            "team-00100-o4.md checkin"; do
    set -- $spec
    edit "$1" "$2"
    lines=$((lines + 1))
    wait_for $lines
    echo "$2 in $1: $(sed -n ${lines}p "$log")"
done
