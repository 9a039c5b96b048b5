import OKRCore

/// An objective's progress over its period (from its key results' check-ins) against the expected
/// straight line from 0 % on the first day to 100 % on the last.
public enum BurnUpChart {
    static let width = 480.0
    static let height = 190.0
    static let plot = PlotArea(left: 44, right: 468, top: 22, bottom: 160)

    /// The x coordinate of `day` on the period's axis.
    public static func x(_ day: Day, period: Period) -> Double { plot.x(day, period: period) }

    /// The y coordinate of a progress value.
    public static func y(_ progress: Double) -> Double { plot.y(Progress.clamp(progress)) }

    /// The chart, or `nil` without points.
    public static func svg(
        points: [ProgressPoint], period: Period, asOf: Day, status: Status, labels: ChartLabels, id: String
    )
        -> String?
    {
        guard let last = points.last else { return nil }
        let f = labels.format
        let t = labels.strings
        var svg = SVG()
        // Axes, the expected line and the as-of marker: the same in every burn-up chart of the period.
        let key = ChartMemo.Key(kind: ChartMemo.Key.burnUpFrame, a: period.start.ordinal, b: period.end.ordinal)
        svg.append(labels.memo.bytes(key) { frame(period: period, asOf: asOf, labels: labels) })
        let coords = points.map { (x: x($0.day, period: period), y: y($0.progress)) }
        let area = coords + [(x(last.day, period: period), y(0)), (x(points[0].day, period: period), y(0))]
        svg.element("polygon", ["class": "area s-\(status.rawValue)", "points": .points(area)])
        svg.element("polyline", ["class": "actual s-\(status.rawValue)", "points": .points(coords)])
        svg.element(
            "circle", ["class": "point", "cx": .n(x(last.day, period: period)), "cy": .n(y(last.progress)), "r": "3.5"])
        let description = t.format(
            "chart_burnup_desc",
            [
                "progress": f.percent(last.progress), "date": f.date(last.day),
                "expected": f.percent(period.expected(asOf: last.day)), "count": f.integer(points.count),
            ])
        return svg.render(
            width: width, height: height, title: t["chart_burnup_title"], description: description,
            className: "chart burnup", idPrefix: id)
    }

    /// The axes, the expected line and the as-of marker of a period's burn-up charts.
    static func frame(period: Period, asOf: Day, labels: ChartLabels) -> [UInt8] {
        let f = labels.format
        var svg = SVG()
        let (left, right, top, bottom) = plot.edges
        svg.open("g", ["class": "axis"])
        for v in [0.0, 0.25, 0.5, 0.75, 1.0] {
            let yy = Attribute.n(y(v))
            svg.element("line", ["class": "grid", "x1": .n(left), "y1": yy, "x2": .n(right), "y2": yy])
            svg.element(
                "text", ["class": "tick", "x": .n(left - 6), "y": .n(y(v) + 4), "text-anchor": "end"],
                text: f.percent(v))
        }
        for d in Ticks.dates(start: period.start, end: period.end) {
            let xx = Attribute.n(x(d, period: period))
            svg.element("line", ["class": "tick-mark", "x1": xx, "y1": .n(bottom), "x2": xx, "y2": .n(bottom + 4)])
            svg.element(
                "text", ["class": "tick", "x": xx, "y": .n(bottom + 17), "text-anchor": "middle"], text: f.shortDate(d))
        }
        svg.close("g")
        svg.element(
            "line",
            [
                "class": "expected-line", "x1": .n(x(period.start, period: period)), "y1": .n(y(0)),
                "x2": .n(x(period.end, period: period)), "y2": .n(y(1)),
            ])
        if period.contains(asOf) {
            let xx = Attribute.n(x(asOf, period: period))
            svg.element("line", ["class": "asof", "x1": xx, "y1": .n(top), "x2": xx, "y2": .n(bottom)])
            svg.element(
                "text", ["class": "asof-label", "x": xx, "y": "11", "text-anchor": "middle"],
                text: labels.strings["chart_today"])
        }
        return svg.bytes
    }

    /// The points as a table.
    public static func table(points: [ProgressPoint], period: Period, labels: ChartLabels) -> String {
        let t = labels.strings
        return DataTable.html(
            summary: t["chart_data"], headers: [t["checkin_date"], t["kr_progress"], t["chart_expected"]],
            rows: points.map {
                [
                    labels.format.date($0.day), labels.format.percent($0.progress),
                    labels.format.percent(period.expected(asOf: $0.day)),
                ]
            }, numeric: [1, 2])
    }
}
