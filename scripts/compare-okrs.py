#!/usr/bin/env python3
"""Compare the figures of two data/okrs.json exports: progress, status and score of every objective and
key result (and computed/owner status). Exit 1 and list the differences when they differ.

usage: compare-okrs.py A/okrs.json B/okrs.json
"""
import json
import sys


def figures(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    out = {}
    for o in data["objectives"]:
        out[o["id"]] = (o["progress"], o["status"], o["score"])
        for kr in o["key_results"]:
            out[o["id"] + "#" + kr["id"]] = (kr["progress"], kr["status"], kr["score"],
                                              kr.get("computed_status"), kr.get("owner_status"))
    return out


a, b = figures(sys.argv[1]), figures(sys.argv[2])
problems = [f"only in {sys.argv[1]}: {k}" for k in sorted(a.keys() - b.keys())]
problems += [f"only in {sys.argv[2]}: {k}" for k in sorted(b.keys() - a.keys())]
problems += [f"{k}: {a[k]} != {b[k]}" for k in sorted(a.keys() & b.keys()) if a[k] != b[k]]
for p in problems[:50]:
    print(p)
if problems:
    print(f"{len(problems)} differences", file=sys.stderr)
    sys.exit(1)
print(f"same progress, status and score for {len(a)} objectives and key results")
