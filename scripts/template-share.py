#!/usr/bin/env python3
"""The template engine's share of a build's instructions, from a callgrind output file.

    scripts/template-share.py callgrind.out [ENGINE_FILE_REGEX]

(ENGINE_FILE_REGEX defaults to okrportal's own renderer; `swift-mustache/Sources` measures the
library the portal used before, the same way.)

"Template rendering" is the engine's own work at render time: walking the compiled template, the
render stack, escaping and appending bytes — the self cost of the functions in
Sources/OKRSite/Template/ plus everything they call outside okrportal's own code (memcpy, array
appends, retain/release). What a field's getter computes (formatting a number, drawing a chart) is
the view's work and is not counted: calls from the engine into Sources/OKRSite/Views, Build, Charts,
… stop the count. Prints the engine's instructions, the total, and the share.
"""
import re
import sys
from collections import defaultdict

ENGINE = re.compile(r"Sources/OKRSite/Template/(RenderState|TemplateCompiler|TemplateCompiler\+Tags|TemplateSet)\.swift")
# The compiled template's closures are often listed without their file; their mangled names carry
# the type that made them.
ENGINE_NAMES = re.compile(r"7OKRSite(16TemplateCompilerV|11TemplateSetV|11RenderStateV|9HTMLBytesO)")
OWN = re.compile(r"Sources/(OKRSite|OKRCore|OKRContent)/")


def parse(path):
    files, names = {}, {}
    self_cost = defaultdict(int)
    calls = defaultdict(int)  # (caller, callee) -> inclusive cost of those calls
    fn_file = {}
    fl = fn = cfn = cfl = None
    pending_call = False
    summary = 0

    def ref(table, text):
        m = re.match(r"\((\d+)\)(?: (.*))?", text)
        if not m:
            return text
        key, name = m.group(1), m.group(2)
        if name is not None:
            table[key] = name
        return table.get(key, key)

    with open(path, errors="replace") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("summary:"):
                summary = int(line.split()[1])
            elif line.startswith("fl=") or line.startswith("fi=") or line.startswith("fe="):
                fl = ref(files, line[3:])
            elif line.startswith("fn="):
                fn = ref(names, line[3:])
                fn_file.setdefault(fn, fl)
            elif line.startswith("cfl=") or line.startswith("cfi="):
                cfl = ref(files, line[4:])
            elif line.startswith("cfn="):
                cfn = ref(names, line[4:])
                fn_file.setdefault(cfn, cfl or fl)
            elif line.startswith("calls="):
                pending_call = True
            elif line and (line[0].isdigit() or line[0] in "+-*"):
                parts = line.split()
                cost = int(parts[1]) if len(parts) > 1 else 0
                if pending_call:
                    calls[(fn, cfn)] += cost
                    pending_call = False
                    cfl = None
                else:
                    self_cost[fn] += cost
    return summary, self_cost, calls, fn_file


def main():
    summary, self_cost, calls, fn_file = parse(sys.argv[1])
    total = summary or sum(self_cost.values())
    pattern = re.compile(sys.argv[2]) if len(sys.argv) > 2 else ENGINE
    names = None if len(sys.argv) > 2 else ENGINE_NAMES
    engine = {
        f for f, file in fn_file.items()
        if (file and pattern.search(file)) or (names and f and names.search(f))
    }
    # HTML escaping (HTMLBytes) is the engine's work when a template escapes a field, not when the
    # tables Swift writes (HTMLWriter) escape their cells: it counts through the engine's calls only.
    escaping = {f for f in engine if f and "HTMLBytes" in f}
    core = engine - escaping
    cost = sum(self_cost[f] for f in core)
    for (caller, callee), c in calls.items():
        if caller in core and callee not in core:
            file = fn_file.get(callee) or ""
            name = callee or ""
            # The engine's calls into its escaping, the runtime and the C library count; calls into
            # okrportal's own code (field getters and the views behind them) do not.
            if callee in escaping or (not OWN.search(file) and "OKRSite" not in name and "OKRCore" not in name):
                cost += c
    print(f"template engine: {cost:,} of {total:,} instructions = {100 * cost / total:.1f} %")


if __name__ == "__main__":
    main()
