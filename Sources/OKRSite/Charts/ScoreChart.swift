import OKRCore

/// The scores of a closed period: one bar per objective to its score, coloured by band (red, yellow,
/// green, with the score written beside it), and a marker at what its type expects — 1.0 for
/// committed objectives, 0.7 for aspirational ones.
public enum ScoreChart {
    /// One graded objective.
    public struct Row: Sendable {
        /// The objective's title.
        public var title: String
        /// Its page.
        public var url: String
        /// The score 0…1.
        public var score: Double
        /// The expected score (1.0 or 0.7).
        public var expected: Double

        /// Creates a row.
        public init(title: String, url: String, score: Double, expected: Double) {
            self.title = title
            self.url = url
            self.score = score
            self.expected = expected
        }
    }

    static let width = 480.0
    static let row = 24.0
    static let labelWidth = 200.0
    static let valueWidth = 56.0

    /// The x of a score.
    public static func x(_ s: Double) -> Double { labelWidth + Progress.clamp(s) * (width - labelWidth - valueWidth) }

    /// The chart, or `nil` without rows; `title` replaces the default "scores of the period".
    public static func svg(_ rows: [Row], labels: ChartLabels, id: String, title: String? = nil) -> String? {
        guard !rows.isEmpty else { return nil }
        let f = labels.format
        let t = labels.strings
        let height = Double(rows.count) * row + 20
        var svg = SVG()
        for v in [0.0, 0.3, 0.7, 1.0] {
            let xx = Attribute.n(x(v))
            svg.element("line", ["class": "grid", "x1": xx, "y1": "0", "x2": xx, "y2": .n(height - 16)])
            svg.element(
                "text", ["class": "tick", "x": xx, "y": .n(height - 4), "text-anchor": "middle"], text: f.decimal1(v))
        }
        for (i, r) in rows.enumerated() {
            let y = Double(i) * row
            let band = ScoreBand(score: r.score)
            svg.element(
                "text", ["class": "label", "x": .n(labelWidth - 8), "y": .n(y + 15), "text-anchor": "end"],
                text: TeamComparisonChart.truncated(r.title, 27))
            svg.element(
                "rect",
                [
                    "class": "band-fill band-\(band.rawValue)", "x": .n(labelWidth), "y": .n(y + 5),
                    "width": .n(x(r.score) - labelWidth), "height": "12", "rx": "2",
                ])
            let ex = Attribute.n(x(r.expected))
            svg.element("line", ["class": "expected", "x1": ex, "y1": .n(y + 2), "x2": ex, "y2": .n(y + 20)])
            svg.element(
                "text", ["class": "value", "x": .n(width - valueWidth + 8), "y": .n(y + 15)],
                text: "\(f.decimal1(r.score)) \(t["band_\(band.rawValue)"])")
        }
        let words = rows.map {
            t.format(
                "chart_score_row",
                ["title": $0.title, "score": f.decimal1($0.score), "expected": f.decimal1($0.expected)])
        }
        return svg.render(
            width: width, height: height, title: title ?? t["chart_scores_title"],
            description: words.joined(separator: " "),
            className: "chart scores", idPrefix: id)
    }
}
