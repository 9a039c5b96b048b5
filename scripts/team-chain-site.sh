#!/bin/sh
# scripts/team-chain-site.sh DEPTH DIR: writes a site whose teams form one chain DEPTH deep, one
# objective with a check-in of the week per team (docs/security.md, "Scale: deep team trees").
set -eu
depth=$1; dir=$2
rm -rf "$dir"; mkdir -p "$dir/content/objectives"
cat > "$dir/okrportal.yml" <<'Y'
title: Chain
language: en
periods:
  - id: 2026-Q4
    start: 2026-10-01
    end: 2026-12-31
Y
awk -v n="$depth" 'BEGIN { print "- id: t0\n  name: T0"; for (i = 1; i < n; i++) printf "- id: t%d\n  name: T%d\n  parent: t%d\n", i, i, i-1 }' > "$dir/content/teams.yml"
awk -v n="$depth" -v d="$dir/content/objectives" 'BEGIN { for (i = 0; i < n; i++) { f = d "/o" i ".md"; printf "---\nid: o%d\ntitle: O%d\nteam: t%d\nperiod: 2026-Q4\nkey_results:\n  - {id: kr1, title: K, start: 0, target: 10, checkins: [{date: 2026-11-27, value: 3}]}\n---\n", i, i, i > f; close(f) } }'
