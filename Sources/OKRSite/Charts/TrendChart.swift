import OKRCore

/// A metric key result over its period: the check-ins as a line, the start and target as dashed
/// lines, the expected straight line from the start (first day) to the target (last day), the as-of
/// date as a vertical marker, and each check-in's confidence as a bar below the time axis. While the
/// period runs and there is a forecast, the fitted line continues dashed from the as-of date to the
/// period's last day, inside its shaded band (its 80 % prediction interval), its end value labelled.
///
/// The value axis grows upward whatever the metric's direction, so a decreasing metric's line goes
/// down toward a target drawn below its start.
public enum TrendChart {
    static let width = 480.0
    static let height = 236.0
    static let plot = PlotArea(left: 64, right: 468, top: 24, bottom: 160)
    static let confidence = (top: 200.0, bottom: 224.0)

    /// The chart's geometry, exposed for tests: x of a day, y of a value.
    public struct Scale: Sendable {
        /// First and last day of the axis.
        public let start: Day, end: Day
        /// Lowest and highest value of the axis.
        public let low: Double, high: Double

        /// The x coordinate of a day (clamped to the axis).
        public func x(_ day: Day) -> Double { TrendChart.plot.x(day, from: start, to: end) }

        /// The y coordinate of a value (finite for any finite value, however wide the axis).
        public func y(_ value: Double) -> Double {
            TrendChart.plot.y(Progress.fraction(value, from: low, to: high))
        }
    }

    /// The scale for a key result over a period; with a forecast, the axis also reaches its end value
    /// and band (at most one start-to-target span beyond them, so a wild fit cannot squash the chart).
    public static func scale(kr: KeyResult, checkins: [CheckIn], period: Period, forecast: Forecast? = nil) -> Scale? {
        guard let s = kr.start, let t = kr.target else { return nil }
        var values = [s, t] + checkins.compactMap(\.value)
        if let band = forecastBand(forecast, start: s, target: t) {
            values += [band.low, band.high]
        }
        let ticks = Ticks.numbers(low: values.min()!, high: values.max()!)  // values holds start and target
        return Scale(start: period.start, end: period.end, low: ticks.low, high: ticks.high)
    }

    /// The band's half width on `day` (the line's prediction interval, see
    /// ``ForecastLine/bandHalfWidth(at:)``), 0 where it is not finite.
    static func halfWidth(_ line: ForecastLine, at day: Day) -> Double {
        let w = line.bandHalfWidth(at: day)
        return w.isFinite ? abs(w) : 0
    }

    /// The forecast's value band at the period's end (the line ± its half width there), bounded to one
    /// start-to-target span beyond start and target; `nil` without a fitted line.
    static func forecastBand(_ forecast: Forecast?, start: Double, target: Double) -> (low: Double, high: Double)? {
        guard let line = forecast?.line, let end = forecast?.end else { return nil }
        let mid = line.value(at: end)
        let deviation = halfWidth(line, at: end)
        guard mid.isFinite else { return nil }
        let span = max(abs(target - start), 1e-9)
        let floor = min(start, target) - span
        let ceiling = max(start, target) + span
        return (min(max(mid - deviation, floor), ceiling), min(max(mid + deviation, floor), ceiling))
    }

    /// The inline SVG of a metric key result's trend, or `nil` for other kinds. `forecast` (open
    /// periods only) adds the dashed projection and its band.
    public static func svg(
        kr: KeyResult, checkins: [CheckIn], period: Period, asOf: Day, labels: ChartLabels, id: String,
        forecast: Forecast? = nil
    ) -> String? {
        guard kr.kind == .metric, let start = kr.start, let target = kr.target,
            let scale = scale(kr: kr, checkins: checkins, period: period, forecast: forecast)
        else { return nil }
        let f = labels.format
        let t = labels.strings
        var svg = SVG()
        let (left, right, top, bottom) = plot.edges

        // Value axis: gridlines and labels.
        let ticks = Ticks.numbers(low: scale.low, high: scale.high).ticks
        svg.open("g", ["class": "axis"])
        for v in ticks {
            let y = Attribute.n(scale.y(v))
            svg.element("line", ["class": "grid", "x1": .n(left), "y1": y, "x2": .n(right), "y2": y])
            svg.element(
                "text", ["class": "tick", "x": .n(left - 6), "y": .n(scale.y(v) + 4), "text-anchor": "end"],
                text: f.number(v))
        }
        // Time axis: ticks and labels, the same in every trend chart of the period.
        let key = ChartMemo.Key(kind: ChartMemo.Key.trendTimeAxis, a: period.start.ordinal, b: period.end.ordinal)
        svg.append(
            labels.memo.bytes(key) {
                var axis = SVG()
                for d in Ticks.dates(start: period.start, end: period.end) {
                    let x = Attribute.n(scale.x(d))
                    axis.element(
                        "line", ["class": "tick-mark", "x1": x, "y1": .n(bottom), "x2": x, "y2": .n(bottom + 4)])
                    axis.element(
                        "text", ["class": "tick", "x": x, "y": .n(bottom + 17), "text-anchor": "middle"],
                        text: f.shortDate(d))
                }
                return axis.bytes
            })
        if let unit = kr.unit, !unit.isEmpty {
            // Left-aligned above the value axis: right-aligned into the margin, "Interaktionen" lost its start.
            svg.element("text", ["class": "unit", "x": "2", "y": "11"], text: unit)
        }
        svg.close("g")

        // Start and target lines, and the expected straight line between them.
        for (value, cls, label) in [(start, "start", t["chart_start"]), (target, "target", t["chart_target"])] {
            let y = Attribute.n(scale.y(value))
            svg.element("line", ["class": "ref \(cls)", "x1": .n(left), "y1": y, "x2": .n(right), "y2": y])
            svg.element(
                "text", ["class": "ref-label", "x": .n(right - 2), "y": .n(scale.y(value) - 4), "text-anchor": "end"],
                text: label)
        }
        svg.element(
            "line",
            [
                "class": "expected-line", "x1": .n(scale.x(period.start)), "y1": .n(scale.y(start)),
                "x2": .n(scale.x(period.end)), "y2": .n(scale.y(target)),
            ])

        // The as-of marker.
        if period.contains(asOf) {
            let x = Attribute.n(scale.x(asOf))
            svg.element("line", ["class": "asof", "x1": x, "y1": .n(top), "x2": x, "y2": .n(bottom)])
            svg.element(
                "text", ["class": "asof-label", "x": x, "y": "11", "text-anchor": "middle"], text: t["chart_today"])
        }

        // The check-ins' values (drawn below, after the projection, so their dots stay on top).
        let points = checkins.compactMap { c in c.value.map { (c.date, $0, c.confidence, c.isDerived) } }

        // The projection: the fitted line, dashed, from the as-of date (or the newest check-in) to the
        // period's end, inside its band; the end value labelled.
        let projection = forecast.flatMap { f -> (Forecast, ForecastLine, Day)? in
            guard let line = f.line else { return nil }
            let from = period.contains(asOf) ? asOf : (points.last?.0 ?? period.start)
            return from < period.end ? (f, line, from) : nil
        }
        if let (fc, line, from) = projection {
            let lowValue = scale.low
            let highValue = scale.high
            func y(_ v: Double) -> Double { scale.y(min(max(v, lowValue), highValue)) }
            let x0 = scale.x(from)
            let x1 = scale.x(period.end)
            let v0 = line.value(at: from)
            let v1 = line.value(at: period.end)
            // The band widens the further the line runs past its points: its edges sampled at up to
            // eight steps from the start of the projection to the period's last day.
            let days = max(1, from.days(to: period.end))
            let steps = min(8, days)
            let samples = (0...steps).map { i in from.adding(days: i == steps ? days : days * i / steps) }
            if samples.contains(where: { halfWidth(line, at: $0) > 0 }) {
                let upper = samples.map { d in (x: scale.x(d), y: y(line.value(at: d) + halfWidth(line, at: d))) }
                let lower = samples.reversed().map { d in
                    (x: scale.x(d), y: y(line.value(at: d) - halfWidth(line, at: d)))
                }
                svg.element("polygon", ["class": "forecast-band", "points": .points(upper + lower)])
            }
            svg.element(
                "line", ["class": "projection", "x1": .n(x0), "y1": .n(y(v0)), "x2": .n(x1), "y2": .n(y(v1))])
            svg.element("circle", ["class": "projection-end", "cx": .n(x1), "cy": .n(y(v1)), "r": "3"])
            // Right-aligned at the end, on the side the line leaves free: above a line rising on screen
            // (it comes from lower left), below a falling one; inside the plot either way.
            let rising = y(v1) <= y(v0)
            var labelY = rising ? y(v1) - 8 : y(v1) + 16
            if labelY < top + 10 { labelY = y(v1) + 16 }
            if labelY > bottom - 2 { labelY = y(v1) - 8 }
            let endValue = f.number(fc.value ?? v1, maxDecimals: 1)
            let shown = kr.unit.map {
                $0.isEmpty ? endValue : $0 == "%" ? endValue + f.percentSign : endValue + "\u{A0}" + $0
            }
            let label = t.format("chart_forecast_label", ["value": shown ?? endValue])
            // The same text first as a halo in the background colour, so the label stays readable where it
            // crosses the band or a reference line (CSS `paint-order` is not valid CSS 3 for the checker).
            for cls in ["forecast-halo", "forecast-label"] {
                svg.element(
                    "text", ["class": .text(cls), "x": .n(x1 - 5), "y": .n(labelY), "text-anchor": "end"], text: label)
            }
        }

        // The check-ins: a line from the start, a dot per check-in (bigger = more confident).
        var path: [(Double, Double)] = []
        if points.first.map({ $0.0 > period.start }) ?? true { path.append((scale.x(period.start), scale.y(start))) }
        path += points.map { (scale.x($0.0), scale.y($0.1)) }
        if path.count > 1 {
            svg.element(
                "polyline",
                [
                    "class": "actual",
                    "points": .points(path.map { (x: $0.0, y: $0.1) }),
                ])
        }
        for (day, value, conf, derived) in points {
            // A check-in derived from git history: a small solid dot (it states no confidence).
            svg.element(
                "circle",
                [
                    "class": derived ? "point derived" : "point", "cx": .n(scale.x(day)), "cy": .n(scale.y(value)),
                    "r": .n(derived ? 2.5 : 2.5 + 2 * (conf ?? 0.5)),
                ])
        }

        // Confidence per check-in.
        let (ctop, cbottom) = confidence
        svg.element("text", ["class": "tick", "x": .n(left), "y": .n(ctop - 3)], text: t["chart_confidence"])
        svg.element("line", ["class": "grid", "x1": .n(left), "y1": .n(cbottom), "x2": .n(right), "y2": .n(cbottom)])
        var course: [(x: Double, y: Double)] = []
        for (day, _, conf, _) in points {
            guard let conf else { continue }
            let h = (cbottom - ctop) * min(1, max(0, conf))
            svg.element(
                "rect",
                [
                    "class": "confidence", "x": .n(scale.x(day) - 3), "y": .n(cbottom - h), "width": "6",
                    "height": .n(h),
                ])
            course.append((scale.x(day), cbottom - h))
        }
        // The bars' tops joined: the course of the confidence over the period at a glance.
        if course.count > 1 {
            svg.element("polyline", ["class": "confidence-line", "points": .points(course)])
        }

        let last = points.last
        var description = t.format(
            "chart_trend_desc",
            [
                "start": f.value(start, unit: kr.unit), "target": f.value(target, unit: kr.unit),
                "from": f.date(period.start), "to": f.date(period.end), "count": f.integer(points.count),
            ])
        let confidences = points.compactMap { p in p.2.map { (p.0, $0) } }
        if let first = confidences.first, let lastConfidence = confidences.last, confidences.count > 1 {
            description +=
                " "
                + t.format(
                    "chart_trend_confidence",
                    ["first": f.decimal1(first.1), "last": f.decimal1(lastConfidence.1)])
        }
        if let last {
            description +=
                " "
                + t.format(
                    "chart_trend_last",
                    [
                        "value": f.value(last.1, unit: kr.unit), "date": f.date(last.0),
                        "confidence": last.2.map { f.decimal1($0) } ?? "–",
                    ])
        }
        let derivedCount = points.reduce(0) { $0 + ($1.3 ? 1 : 0) }
        if derivedCount > 0 {
            description +=
                " " + t.plural("chart_trend_derived", count: derivedCount, formatted: f.integer(derivedCount))
        }
        if period.contains(asOf) {
            let expected = Progress.interpolate(start, target, period.expected(asOf: asOf))
            description += " " + t.format("chart_trend_expected", ["value": f.value(expected, unit: kr.unit)])
        }
        if let (fc, line, _) = projection {
            let words = ForecastWords(t: t, f: f)
            description +=
                " "
                + t.format(
                    "chart_trend_forecast",
                    [
                        "value": f.value(fc.value ?? line.value(at: period.end), unit: kr.unit),
                        "date": f.date(period.end), "progress": f.percent(fc.progress),
                        "band": words.band(fc) ?? f.percent(fc.progress),
                    ])
        }
        return svg.render(
            width: width, height: height, title: t.format("chart_trend_title", ["title": kr.title]),
            description: description, className: "chart trend", idPrefix: id)
    }
}
