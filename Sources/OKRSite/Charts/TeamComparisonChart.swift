import OKRCore

/// Sub-teams' progress as horizontal bars in a neutral colour, sorted worst first by their objectives'
/// statuses (``StatusDistribution``), each with its objectives counted by status, and the period's
/// expectation as a vertical line. A team has no status of its own: a status from its mean progress
/// would contradict its objectives.
public enum TeamComparisonChart {
    /// One bar.
    public struct Bar: Sendable {
        /// The team's name.
        public var label: String
        /// Where the bar links to.
        public var url: String
        /// Progress 0…1.
        public var progress: Double
        /// The statuses of the objectives the roll-up covers.
        public var distribution: StatusDistribution
        /// How many objectives the roll-up covers.
        public var count: Int { distribution.total }

        /// Creates a bar.
        public init(label: String, url: String, progress: Double, distribution: StatusDistribution) {
            self.label = label
            self.url = url
            self.progress = progress
            self.distribution = distribution
        }
    }

    // Room for a 24-character team name on the left and "39 % ✕ Nicht auf Kurs" on the right.
    static let width = 520.0
    static let row = 26.0
    static let labelWidth = 172.0
    static let valueWidth = 150.0

    /// The x of a progress value.
    public static func x(_ p: Double) -> Double { labelWidth + Progress.clamp(p) * (width - labelWidth - valueWidth) }

    /// The bars sorted as drawn: worst distribution first, then progress descending, then name.
    public static func sorted(_ bars: [Bar]) -> [Bar] {
        bars.sorted {
            if $0.distribution != $1.distribution { return $0.distribution < $1.distribution }
            return ($0.progress, $1.label) > ($1.progress, $0.label)
        }
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
                    "class": "fill neutral", "x": .n(labelWidth), "y": .n(y + 6),
                    "width": .n(x(bar.progress) - labelWidth), "height": "12", "rx": "2",
                ])
            svg.element(
                "text", ["class": "value", "x": .n(x(1) + 8), "y": .n(y + 16)],
                text: "\(f.percent(bar.progress)) \(labels.countsShort(bar.distribution))")
        }
        if let expected {
            let xx = Attribute.n(x(expected))
            svg.element("line", ["class": "expected", "x1": xx, "y1": "0", "x2": xx, "y2": .n(height)])
        }
        let words = rows.map { "\($0.label): \(f.percent($0.progress)), \(labels.countsWords($0.distribution))" }
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
                    $0.label, labels.format.percent($0.progress), labels.countsWords($0.distribution),
                    labels.format.integer($0.count),
                ]
            }, numeric: [1, 3])
    }

    static func truncated(_ s: String, _ n: Int) -> String {
        s.count <= n ? s : String(s.prefix(n - 1)) + "…"
    }
}
