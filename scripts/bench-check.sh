#!/bin/sh
# Times `okrportal check` on a generated organisation (release build).
#   scripts/bench-check.sh [N]     N objectives, default 10000
set -eu
cd "$(dirname "$0")/.."
n="${1:-10000}"
org="${TMPDIR:-/tmp}/okrportal-bench-org$n"
[ -f "$org/okrportal.yml" ] || python3 "${GEN_ORG:-../shared/bench/gen_org.py}" --objectives "$n" "$org"
swift build -c release --product okrportal >/dev/null
bin=.build/release/okrportal
$bin check "$org" --as-of 2026-11-29 | tail -n 1
if command -v hyperfine >/dev/null; then
    hyperfine --warmup 1 --runs 5 "$bin check $org --as-of 2026-11-29"
else
    for i in 1 2 3; do /usr/bin/time -f "%e s wall, %U s user, %S s sys, %M KB peak" $bin check "$org" --as-of 2026-11-29 >/dev/null; done
fi
