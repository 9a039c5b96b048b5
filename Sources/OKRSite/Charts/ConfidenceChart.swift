import OKRCore

/// Confidence over a period: a line of values 0…1 on the period's time axis, with the as-of date. Used
/// for key results without a value trend (milestones, children), whose check-ins carry a confidence
/// only, and on the health page for the mean confidence of a period's key results week by week.
public enum ConfidenceChart {
    /// One value on one day.
    public struct Point: Sendable, Hashable {
        /// The day.
        public var day: Day
        /// The confidence 0…1.
        public var value: Double

        /// Creates a point.
        public init(day: Day, value: Double) {
            self.day = day
            self.value = value
        }
    }

    static let width = 480.0
    static let height = 150.0
    static let plot = PlotArea(left: 40, right: 468, top: 18, bottom: 118)

    /// The x coordinate of a day on the period's axis (clamped).
    public static func x(_ day: Day, period: Period) -> Double { plot.x(day, period: period) }

    /// The y coordinate of a confidence.
    public static func y(_ value: Double) -> Double { plot.y(Progress.clamp(value)) }

    /// The chart, or `nil` without points. `title` and `description` state what the line is in words.
    public static func svg(
        _ points: [Point], period: Period, asOf: Day, title: String, description: String, labels: ChartLabels,
        id: String
    ) -> String? {
        guard !points.isEmpty else { return nil }
        var svg = SVG()
        // Axes and the as-of marker: the same in every confidence chart of the period.
        let key = ChartMemo.Key(kind: ChartMemo.Key.confidenceFrame, a: period.start.ordinal, b: period.end.ordinal)
        svg.append(labels.memo.bytes(key) { frame(period: period, asOf: asOf, labels: labels) })
        if points.count > 1 {
            svg.element(
                "polyline",
                [
                    "class": "actual confidence-course",
                    "points": .points(points.map { (x: x($0.day, period: period), y: y($0.value)) }),
                ])
        }
        for p in points {
            svg.element(
                "circle", ["class": "point", "cx": .n(x(p.day, period: period)), "cy": .n(y(p.value)), "r": "3.5"])
        }
        return svg.render(
            width: width, height: height, title: title, description: description, className: "chart confidence-chart",
            idPrefix: id)
    }

    /// The axes and the as-of marker of a period's confidence charts.
    static func frame(period: Period, asOf: Day, labels: ChartLabels) -> [UInt8] {
        let f = labels.format
        let t = labels.strings
        let (left, right, top, bottom) = plot.edges
        var svg = SVG()
        svg.open("g", ["class": "axis"])
        for v in [0.0, 0.2, 0.4, 0.6, 0.8, 1.0] {
            let yy = Attribute.n(y(v))
            svg.element("line", ["class": "grid", "x1": .n(left), "y1": yy, "x2": .n(right), "y2": yy])
            svg.element(
                "text", ["class": "tick", "x": .n(left - 6), "y": .n(y(v) + 4), "text-anchor": "end"],
                text: f.decimal1(v))
        }
        for d in Ticks.dates(start: period.start, end: period.end) {
            let xx = Attribute.n(x(d, period: period))
            svg.element("line", ["class": "tick-mark", "x1": xx, "y1": .n(bottom), "x2": xx, "y2": .n(bottom + 4)])
            svg.element(
                "text", ["class": "tick", "x": xx, "y": .n(bottom + 17), "text-anchor": "middle"],
                text: f.shortDate(d))
        }
        svg.close("g")
        if period.contains(asOf) {
            let xx = Attribute.n(x(asOf, period: period))
            svg.element("line", ["class": "asof", "x1": xx, "y1": .n(top), "x2": xx, "y2": .n(bottom)])
            svg.element(
                "text", ["class": "asof-label", "x": xx, "y": "11", "text-anchor": "middle"], text: t["chart_today"])
        }
        return svg.bytes
    }

    /// The points as a table (day, value), for the health page; a key result's check-in table serves it.
    public static func table(
        _ points: [Point], valueHeader: String, extra: (header: String, cells: [String])? = nil,
        labels: ChartLabels
    ) -> String {
        let t = labels.strings
        var headers = [t["checkin_date"], valueHeader]
        if let extra { headers.append(extra.header) }
        return DataTable.html(
            summary: t["chart_data"], headers: headers,
            rows: points.enumerated().map { i, p in
                var row = [labels.format.date(p.day), labels.format.decimal1(p.value)]
                if let extra { row.append(extra.cells[i]) }
                return row
            }, numeric: [1, 2])
    }

    /// The description of a key result's confidence line: first and last value with their days.
    public static func keyResultDescription(_ points: [Point], labels: ChartLabels) -> String {
        guard let first = points.first, let last = points.last else { return "" }
        let f = labels.format
        return labels.strings.format(
            "chart_confidence_desc",
            [
                "first": f.decimal1(first.value), "first_date": f.date(first.day), "last": f.decimal1(last.value),
                "last_date": f.date(last.day), "count": f.integer(points.count),
            ])
    }
}
