#!/usr/bin/env python3
"""How often would other forecast bands have held? A check of docs/forecast.md's choice.

    scripts/forecast-bands.py public/data/okrs.json

For every metric key result of every period closed at the export's as-of date, the forecast is made
again as on the period's middle day (start + floor(length / 2), check-ins up to that day), exactly as
okrportal's back-test does, and compared with the key result's final progress. Printed per band: how
many final results landed inside it and its mean width in progress points. The band okrportal uses is
"pred_t80"; its counts equal the closed period page's "In ihrer Spanne gelandet".
"""
import datetime
import json
import math
import statistics
import sys

# Student's t, 90th percentile (two-sided 80 %), df 1-30, then 40, 60, 120: as in Forecast+Metric.swift.
T80 = [3.078, 1.886, 1.638, 1.533, 1.476, 1.440, 1.415, 1.397, 1.383, 1.372,
       1.363, 1.356, 1.350, 1.345, 1.341, 1.337, 1.333, 1.330, 1.328, 1.325,
       1.323, 1.321, 1.319, 1.318, 1.316, 1.315, 1.314, 1.313, 1.311, 1.310]
# 95th percentile (two-sided 90 %), same rows.
T90 = [6.314, 2.920, 2.353, 2.132, 2.015, 1.943, 1.895, 1.860, 1.833, 1.812,
       1.796, 1.782, 1.771, 1.761, 1.753, 1.746, 1.740, 1.734, 1.729, 1.725,
       1.721, 1.717, 1.714, 1.711, 1.708, 1.706, 1.703, 1.701, 1.699, 1.697]
TAIL = {"80": [(40, 1.310), (60, 1.303), (120, 1.296), (10**9, 1.289)],
        "90": [(40, 1.697), (60, 1.684), (120, 1.671), (10**9, 1.658)]}


def t(table, tail, df):
    if df <= 30:
        return table[max(df, 1) - 1]
    for below, value in tail:
        if df < below:
            return value
    return tail[-1][1]


def day(text):
    return datetime.date.fromisoformat(text).toordinal()


def progress(value, start, target):
    return min(1.0, max(0.0, (value - start) / (target - start)))


BANDS = {
    "sd": lambda s, widen, df: s,
    "pred": lambda s, widen, df: s * widen,
    "pred_t80": lambda s, widen, df: t(T80, TAIL["80"], df) * s * widen,
    "pred_t90": lambda s, widen, df: t(T90, TAIL["90"], df) * s * widen,
}


def main(path):
    data = json.load(open(path))
    as_of = day(data["as_of"])
    periods = {p["id"]: p for p in data["periods"]}
    results = {name: [0, 0, []] for name in BANDS}
    for objective in data["objectives"]:
        period = periods[objective["period"]]
        start_day, end_day = day(period["start"]), day(period["end"])
        if end_day >= as_of:
            continue
        middle = start_day + (end_day - start_day) // 2
        for kr in objective["key_results"]:
            if kr["kind"] != "metric" or kr.get("start") is None or kr.get("target") in (None, kr.get("start")):
                continue
            points = [(0, kr["start"])] + [
                (day(c["date"]) - start_day, c["value"]) for c in kr.get("checkins", [])
                if c.get("value") is not None and start_day <= day(c["date"]) <= middle]
            n = len(points)
            if n < 3:
                continue
            mean_x = sum(x for x, _ in points) / n
            mean_y = sum(y for _, y in points) / n
            sxx = sum((x - mean_x) ** 2 for x, _ in points)
            if sxx == 0:
                continue
            slope = sum((x - mean_x) * (y - mean_y) for x, y in points) / sxx
            s = math.sqrt(sum((y - (mean_y + slope * (x - mean_x))) ** 2 for x, y in points) / (n - 2))
            end_x = end_day - start_day
            value = mean_y + slope * (end_x - mean_x)
            widen = math.sqrt(1 + 1 / n + (end_x - mean_x) ** 2 / sxx)
            forecast = progress(value, kr["start"], kr["target"])
            for name, half in BANDS.items():
                h = half(s, widen, n - 2)
                a, b = progress(value - h, kr["start"], kr["target"]), progress(value + h, kr["start"], kr["target"])
                low, high = min(a, b, forecast), max(a, b, forecast)
                r = results[name]
                r[0] += 1
                r[1] += low - 1e-9 <= kr["progress"] <= high + 1e-9
                r[2].append(high - low)
    for name, (count, inside, widths) in results.items():
        width = statistics.mean(widths) * 100 if widths else 0
        print(f"{name:9} {inside} of {count} inside, mean width {width:.1f} pp")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
