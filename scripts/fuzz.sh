#!/bin/sh
# Builds the libFuzzer targets in Fuzz/ and runs one.
#   scripts/fuzz.sh front-matter [SECONDS]   the objective reader and resolver, from bytes
#   scripts/fuzz.sh build [SECONDS]          a whole build with one fuzzed objective file
#   scripts/fuzz.sh numbers [SECONDS]        whole builds, charts included, of fuzzed extreme numbers
# New interesting inputs go to $FUZZ_WORK (default /tmp/okrportal-fuzz/TARGET), seeds come from
# Fuzz/corpus/TARGET; crashes are written to Fuzz/crashers/ (commit them as regression fixtures).
set -eu
cd "$(dirname "$0")/../Fuzz"
target=${1:?usage: scripts/fuzz.sh front-matter|build|numbers [SECONDS]}
seconds=${2:-600}
case "$target" in
    front-matter) product=FuzzFrontMatter ;;
    build) product=FuzzBuild ;;
    numbers) product=FuzzNumbers ;;
    *) echo "unknown target $target" >&2; exit 2 ;;
esac
swift build -c debug --product "$product" \
    -Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp \
    -Xswiftc -use-ld=lld >/dev/null
work=${FUZZ_WORK:-/tmp/okrportal-fuzz/$target}
mkdir -p "$work" crashers
exec ".build/debug/$product" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
    -artifact_prefix=crashers/"$target"- -print_final_stats=1 "$work" "corpus/$target"
