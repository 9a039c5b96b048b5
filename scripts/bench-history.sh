#!/bin/bash
# Times `okrportal build` with and without `--history git` on a generated organisation whose objective
# files have weekly commits, and compares the two ways of reading git history (the git CLI, which
# okrportal uses, and libgit2) on the same repository.
#   scripts/bench-history.sh [OBJECTIVES] [COMMITS]     default: 1000 objectives, 26 weekly commits
# Environment: RUNS (default 5), AS_OF (default 2026-11-29), GEN_ORG, BENCH_DIR (default /tmp).
# The repository is made once by scripts/make-history-repo.py (a few minutes) and kept in BENCH_DIR.
# The libgit2 comparison runs when libgit2-dev is installed (apt-get install libgit2-dev); okrportal
# itself does not need it.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
commits=${2:-26}
RUNS=${RUNS:-5}
AS_OF=${AS_OF:-2026-11-29}
GEN_ORG=${GEN_ORG:-../shared/bench/gen_org.py}
BENCH_DIR=${BENCH_DIR:-/tmp}
org=$BENCH_DIR/okrportal-history-$n-$commits
out=$BENCH_DIR/okrportal-history-out

if [ ! -f "$org/.git/okrportal-bench-done" ]; then
    rm -rf "$org"
    echo "generating $n objectives with $commits weekly commits in $org …"
    python3 "$GEN_ORG" --objectives "$n" "$org" >/dev/null
    python3 scripts/make-history-repo.py "$org" --commits "$commits"
    touch "$org/.git/okrportal-bench-done"
fi
swift build -c release --product okrportal >/dev/null
bin=$PWD/.build/release/okrportal

# measure COMMAND...: prints "wall cpu" medians over RUNS runs (a fresh output folder each time).
measure() {
    local results=()
    for _ in $(seq "$RUNS"); do
        rm -rf "$out"
        /usr/bin/time -o "$BENCH_DIR/okrportal-history-time" -f "%e %U %S" "$@" >/dev/null 2>&1
        results+=("$(tail -n 1 "$BENCH_DIR/okrportal-history-time")")
    done
    printf '%s\n' "${results[@]}" | python3 -c '
import sys, statistics
rows = [list(map(float, l.split())) for l in sys.stdin if l.strip()]
print(f"{statistics.median(r[0] for r in rows):.2f} {statistics.median(r[1] + r[2] for r in rows):.2f}")'
}

echo "$n objectives, $(git -C "$org" rev-list --count HEAD) commits, as of $AS_OF, medians of $RUNS runs"
printf '%-34s %8s %8s\n' run wall_s cpu_s
# Alternate the two builds so that the machine's mood affects both alike.
plain=() history=()
for _ in $(seq "$RUNS"); do
    plain+=("$(RUNS=1 measure "$bin" build "$org" --as-of "$AS_OF" --output "$out")")
    history+=("$(RUNS=1 measure "$bin" build "$org" --as-of "$AS_OF" --output "$out" --history git)")
done
median() { printf '%s\n' "$@" | python3 -c '
import sys, statistics
rows = [list(map(float, l.split())) for l in sys.stdin if l.strip()]
print(f"{statistics.median(r[0] for r in rows):.2f} {statistics.median(r[1] for r in rows):.2f}")'; }
read -r pw pc < <(median "${plain[@]}")
read -r hw hc < <(median "${history[@]}")
printf '%-34s %8s %8s\n' "build" "$pw" "$pc" "build --history git" "$hw" "$hc"
python3 -c "print(f'{\"history adds\":34} {$hw - $pw:8.2f} {$hc - $pc:8.2f}   (target: <= 2 s)')"
read -r cw cc < <(measure "$bin" check "$org" --as-of "$AS_OF")
read -r chw chc < <(measure "$bin" check "$org" --as-of "$AS_OF" --history git)
printf '%-34s %8s %8s\n' "check" "$cw" "$cc" "check --history git" "$chw" "$chc"
echo
echo "where the history's time goes (OKRPORTAL_TIMING=1, one run):"
OKRPORTAL_TIMING=1 "$bin" check "$org" --as-of "$AS_OF" --history git 2>&1 >/dev/null | grep '^history' | sed 's/^/  /'

echo
echo "reading every version of every file (no pruning by period), git access only:"
cli() {
    git -C "$org" log -z --topo-order --raw --no-abbrev -M --format='%x01%H%x00%aI%x00%aN' HEAD -- content/objectives \
        | tr '\0' '\n' | awk '/^:/ && $5 !~ /^D/ {print $4}' | git -C "$org" cat-file --batch >/dev/null
}
export -f cli
export org
read -r gw gc < <(measure bash -c cli)
printf '%-34s %8s %8s\n' "git log + cat-file --batch" "$gw" "$gc"
if pkg-config --exists libgit2 2>/dev/null; then
    gcc -O2 scripts/bench-history-libgit2.c -o "$BENCH_DIR/okrportal-history-libgit2" $(pkg-config --cflags --libs libgit2)
    read -r lw lc < <(measure "$BENCH_DIR/okrportal-history-libgit2" "$org")
    printf '%-34s %8s %8s\n' "libgit2 $(pkg-config --modversion libgit2) walk + diff + blobs" "$lw" "$lc"
else
    echo "libgit2: not measured (install libgit2-dev to compare)"
fi
