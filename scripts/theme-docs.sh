#!/bin/sh
# Rewrites the generated part of docs/theming.md (between the views markers) from `okrportal views`.
set -eu
cd "$(dirname "$0")/.."
swift build --product okrportal >/dev/null
contract=$(mktemp)
.build/debug/okrportal views >"$contract"
python3 - "$contract" <<'PY'
import sys
contract = open(sys.argv[1]).read()
path = "docs/theming.md"
text = open(path).read()
begin, end = "<!-- views:begin -->\n", "<!-- views:end -->"
head, rest = text.split(begin, 1)
_, tail = rest.split(end, 1)
open(path, "w").write(head + begin + contract + end + tail)
PY
rm -f "$contract"
