#!/usr/bin/env python3
"""Turn a generated organisation into a git repository with weekly check-in commits.

Usage: make-history-repo.py ORG_DIR [--commits 26] [--first 2026-06-01]

Teams that "change current: in place each week and commit": the first commit adds the organisation
as generated (check-ins written by hand, no `current:`); each later commit, one a week (Mondays,
09:00 +0100, dated through GIT_AUTHOR_DATE/GIT_COMMITTER_DATE), writes or moves `current:` on every
metric key result of every objective, appends one written check-in to a KR of every fifth objective
(so explicit and derived check-ins meet), and marks a milestone done now and then. Half-way, a tenth
of the files move into a subfolder (renames that history must follow). Authors rotate among ten
people. Same arguments, same repository contents (commit ids differ only by git version).
"""
import argparse, datetime, os, random, re, subprocess

ap = argparse.ArgumentParser()
ap.add_argument("org")
ap.add_argument("--commits", type=int, default=26)
ap.add_argument("--first", default="2026-06-01")
a = ap.parse_args()

rng = random.Random(7)
objdir = os.path.join(a.org, "content", "objectives")
first = datetime.date.fromisoformat(a.first)


def git(*args, date=None, author=None):
    env = dict(os.environ)
    env.update({"GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1",
                "GIT_AUTHOR_NAME": author or "Bench", "GIT_AUTHOR_EMAIL": "bench@example.com",
                "GIT_COMMITTER_NAME": "Bench", "GIT_COMMITTER_EMAIL": "bench@example.com"})
    if date:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = date
    subprocess.run(["git", "-C", a.org, *args], check=True, env=env, stdout=subprocess.DEVNULL)


def stamp(day):
    return f"{day.isoformat()}T09:00:00+01:00"


git("init", "-q", "-b", "main")
git("add", "-A")
git("commit", "-q", "-m", "OKRs as planned", date=stamp(first - datetime.timedelta(days=7)), author="Planner")

files = sorted(os.path.join(dp, f) for dp, _, fs in os.walk(objdir) for f in fs if f.endswith(".md"))
kr_re = re.compile(r"^  - id: (\S+)$")
for week in range(a.commits):
    day = first + datetime.timedelta(weeks=week)
    if week == a.commits // 2:
        moved = os.path.join(objdir, "moved")
        os.makedirs(moved, exist_ok=True)
        for i in range(0, len(files), 10):
            target = os.path.join(moved, os.path.basename(files[i]))
            git("mv", os.path.relpath(files[i], a.org), os.path.relpath(target, a.org))
            files[i] = target
    for n, path in enumerate(files):
        lines = open(path, encoding="utf-8").read().split("\n")
        out, i, in_front = [], 0, True
        kr, start, target, cur, added = None, None, None, None, False
        while i < len(lines):
            line = lines[i]
            if i > 0 and line == "---":
                in_front = False
            m = kr_re.match(line) if in_front else None
            if m:
                kr, start, target = m.group(1), None, None
            elif in_front and line.startswith("    start: "):
                start = float(line.split(": ")[1])
            elif in_front and line.startswith("    target: "):
                target = float(line.split(": ")[1])
                out.append(line)
                # current: directly after target, replacing last week's.
                if i + 1 < len(lines) and lines[i + 1].startswith("    current: "):
                    old = float(lines[i + 1].split(": ")[1])
                    i += 1
                else:
                    old = start
                step = (target - start) * rng.uniform(0.0, 0.08)
                cur = round(old + step, 1)
                out.append(f"    current: {cur:g}")
                i += 1
                continue
            elif in_front and line == "    done: false" and rng.random() < 0.05:
                line = "    done: true"
            elif in_front and line == "    checkins:" and cur is not None and not added and n % 5 == 0:
                out.append(line)
                out.append(f"      - {{date: {day.isoformat()}, value: {cur:g}, confidence: 0.6}}")
                added = True
                i += 1
                continue
            out.append(line)
            i += 1
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(out))
    git("add", "-A")
    git("commit", "-q", "-m", f"Check-in week {day.isocalendar()[1]}", date=stamp(day),
        author=f"Person {week % 10 + 1}")
git("gc", "-q")
