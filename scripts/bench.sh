#!/bin/bash
# Benchmarks okrportal against Hugo (../shared/bench/hugo-site) on generated organisations.
#   scripts/bench.sh [N...]          default: 10000
# Environment: RUNS (default 3), AS_OF (default 2026-11-29), GEN_ORG, HUGO_SITE, BENCH_DIR (default /tmp),
#              EXTRA ("nocharts" adds a run without charts; "check" adds okrportal check),
#              BASE_BIN (another okrportal binary, e.g. a release build of an earlier commit: its builds
#              alternate with this one's on the same organisation and the table adds the CPU ratio).
# Each run builds into a fresh output folder (the previous one removed first, inside the timing, as
# Hugo's runs do); the table gives medians of RUNS runs and okrportal/Hugo ratios measured in the same
# session. Needs python3 and /usr/bin/time; Hugo (Debian's hugo) when installed.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
AS_OF=${AS_OF:-2026-11-29}
GEN_ORG=${GEN_ORG:-../shared/bench/gen_org.py}
HUGO_SITE=${HUGO_SITE:-../shared/bench/hugo-site}
BENCH_DIR=${BENCH_DIR:-/tmp}
EXTRA=${EXTRA:-}
BASE_BIN=${BASE_BIN:-}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000)

swift build -c release --product okrportal >/dev/null
bin=$PWD/.build/release/okrportal

# measure NAME COMMAND...: prints "wall cpu rss_mb" medians over RUNS runs.
measure() {
    local out=$BENCH_DIR/okrportal-bench-out
    local results=()
    for _ in $(seq "$RUNS"); do
        rm -rf "$out"
        /usr/bin/time -o "$BENCH_DIR/okrportal-bench-time" -f "%e %U %S %M" bash -c "rm -rf '$out'; $*" >/dev/null 2>&1
        results+=("$(tail -n 1 "$BENCH_DIR/okrportal-bench-time")")
    done
    printf '%s\n' "${results[@]}" | python3 -c '
import sys, statistics
rows = [list(map(float, l.split())) for l in sys.stdin if l.strip()]
wall = statistics.median(r[0] for r in rows)
cpu = statistics.median(r[1] + r[2] for r in rows)
rss = statistics.median(r[3] for r in rows) / 1024
print(f"{wall:.2f} {cpu:.2f} {rss:.0f}")'
}

printf '%-8s %-22s %9s %9s %10s\n' N build wall_s cpu_s peak_MB
for n in "${sizes[@]}"; do
    org=$BENCH_DIR/okrportal-bench-org$n
    [ -f "$org/okrportal.yml" ] || python3 "$GEN_ORG" --objectives "$n" "$org"
    out=$BENCH_DIR/okrportal-bench-out
    read -r ow oc om < <(measure "$bin build '$org' --as-of $AS_OF --output '$out'")
    printf '%-8s %-22s %9s %9s %10s\n' "$n" okrportal "$ow" "$oc" "$om"
    if [ -n "$BASE_BIN" ]; then
        # Alternate the two binaries run by run, so that a slower minute of the machine hits both.
        cur=() base=()
        for _ in $(seq "$RUNS"); do
            cur+=("$(RUNS=1 measure "$bin build '$org' --as-of $AS_OF --output '$out'")")
            base+=("$(RUNS=1 measure "'$BASE_BIN' build '$org' --as-of $AS_OF --output '$out'")")
        done
        read -r cw cc cm < <(printf '%s\n' "${cur[@]}" | python3 -c 'import sys,statistics as s; r=[l.split() for l in sys.stdin]; print(*(s.median(float(x[i]) for x in r) for i in range(3)))')
        read -r bw bc bm < <(printf '%s\n' "${base[@]}" | python3 -c 'import sys,statistics as s; r=[l.split() for l in sys.stdin]; print(*(s.median(float(x[i]) for x in r) for i in range(3)))')
        printf '%-8s %-22s %9s %9s %10s\n' "$n" "okrportal (alternating)" "$cw" "$cc" "$cm"
        printf '%-8s %-22s %9s %9s %10s\n' "$n" "BASE_BIN" "$bw" "$bc" "$bm"
        python3 -c "print(f'{\"\":8} this/base: wall {$cw/$bw:.3f}, CPU {$cc/$bc:.3f}, memory {$cm/$bm:.3f}')"
    fi
    if [[ $EXTRA == *nocharts* ]]; then
        read -r nw nc nm < <(measure "$bin build '$org' --as-of $AS_OF --output '$out' --no-charts")
        printf '%-8s %-22s %9s %9s %10s\n' "$n" "okrportal --no-charts" "$nw" "$nc" "$nm"
        python3 -c "print(f'{\"\":8} charts add {($ow/$nw-1)*100:.0f} % wall, {($oc/$nc-1)*100:.0f} % CPU')"
    fi
    if [[ $EXTRA == *check* ]]; then
        read -r cw cc cm < <(measure "$bin check '$org' --as-of $AS_OF")
        printf '%-8s %-22s %9s %9s %10s\n' "$n" "okrportal check" "$cw" "$cc" "$cm"
    fi
    if command -v hugo >/dev/null 2>&1; then
        read -r hw hc hm < <(measure "'$HUGO_SITE/run.sh' '$org' '$out'")
        printf '%-8s %-22s %9s %9s %10s\n' "$n" hugo "$hw" "$hc" "$hm"
        python3 -c "print(f'{\"\":8} okrportal/hugo: wall {$ow/$hw:.2f}, CPU {$oc/$hc:.2f}, memory {$om/$hm:.2f}')"
    fi
done
