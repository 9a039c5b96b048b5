import OKRCore

/// Sub-teams' progress as horizontal bars, sorted from the most to the least progressed, each with
/// its status icon and words, and the period's expectation as a vertical line.
public enum TeamComparisonChart {
    /// One bar.
    public struct Bar: Sendable {
        /// The team's name.
        public var label: String
        /// Where the bar links to.
        public var url: String
        /// Progress 0…1.
        public var progress: Double
        /// The roll-up's status.
        public var status: Status
        /// How many objectives the roll-up covers.
        public var count: Int

        /// Creates a bar.
        public init(label: String, url: String, progress: Double, status: Status, count: Int) {
            self.label = label
            self.url = url
            self.progress = progress
            self.status = status
            self.count = count
        }
    }

    // Room for a 24-character team name on the left and "39 % ✕ Nicht auf Kurs" on the right.
    static let width = 520.0
    static let row = 26.0
    static let labelWidth = 172.0
    static let valueWidth = 150.0

    /// The x of a progress value.
    public static func x(_ p: Double) -> Double { labelWidth + Progress.clamp(p) * (width - labelWidth - valueWidth) }

    /// The bars sorted as drawn: progress descending, then name.
    public static func sorted(_ bars: [Bar]) -> [Bar] {
        bars.sorted { ($0.progress, $1.label) > ($1.progress, $0.label) }
    }

    /// The chart, or `nil` without bars.
    public static func svg(_ bars: [Bar], expected: Double?, labels: ChartLabels, id: String) -> String? {
        guard !bars.isEmpty else { return nil }
        let f = labels.format
        let t = labels.strings
        let rows = sorted(bars)
        let height = Double(rows.count) * row + 8
        var svg = SVG()
        for (i, bar) in rows.enumerated() {
            let y = 4 + Double(i) * row
            svg.element(
                "text", ["class": "label", "x": .n(labelWidth - 8), "y": .n(y + 16), "text-anchor": "end"],
                text: truncated(bar.label, 24))
            svg.element(
                "rect",
                [
                    "class": "track", "x": .n(labelWidth), "y": .n(y + 6), "width": .n(x(1) - labelWidth),
                    "height": "12", "rx": "2",
                ])
            svg.element(
                "rect",
                [
                    "class": "fill s-\(bar.status.rawValue)", "x": .n(labelWidth), "y": .n(y + 6),
                    "width": .n(x(bar.progress) - labelWidth), "height": "12", "rx": "2",
                ])
            svg.element(
                "text", ["class": "value", "x": .n(x(1) + 8), "y": .n(y + 16)],
                text:
                    "\(f.percent(bar.progress)) \(t["icon_\(bar.status.rawValue)"]) \(t["status_\(bar.status.rawValue)"])"
            )
        }
        if let expected {
            let xx = Attribute.n(x(expected))
            svg.element("line", ["class": "expected", "x1": xx, "y1": "0", "x2": xx, "y2": .n(height)])
        }
        let words = rows.map { "\($0.label): \(f.percent($0.progress)), \(t["status_\($0.status.rawValue)"])" }
        var description = words.joined(separator: "; ") + "."
        if let expected { description += " " + t.format("chart_expected_desc", ["expected": f.percent(expected)]) }
        return svg.render(
            width: width, height: height, title: t["chart_teams_title"], description: description,
            className: "chart teams", idPrefix: id)
    }

    /// The bars as a table.
    public static func table(_ bars: [Bar], labels: ChartLabels) -> String {
        let t = labels.strings
        return DataTable.html(
            summary: t["chart_data"],
            headers: [t["objective_team"], t["kr_progress"], t["kr_status"], t["figure_objectives"]],
            rows: sorted(bars).map {
                [
                    $0.label, labels.format.percent($0.progress), t["status_\($0.status.rawValue)"],
                    labels.format.integer($0.count),
                ]
            }, numeric: [1, 3])
    }

    static func truncated(_ s: String, _ n: Int) -> String {
        s.count <= n ? s : String(s.prefix(n - 1)) + "…"
    }
}
