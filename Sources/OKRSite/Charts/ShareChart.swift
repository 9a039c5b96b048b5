import OKRCore

/// Shares as horizontal bars — how much of each row's whole is one kind (bottom-up objectives per
/// team) — with a reference line where the share should be and the share in numbers beside each bar.
public enum ShareChart {
    /// One bar: `part` of `total`.
    public struct Row: Sendable {
        /// The row's name.
        public var label: String
        /// The part counted.
        public var part: Int
        /// The whole.
        public var total: Int
        /// A total row (drawn bold), such as "all teams".
        public var isTotal: Bool

        /// Creates a row.
        public init(label: String, part: Int, total: Int, isTotal: Bool = false) {
            self.label = label
            self.part = part
            self.total = total
            self.isTotal = isTotal
        }

        /// part / total, 0 for an empty whole.
        public var share: Double { total > 0 ? Double(part) / Double(total) : 0 }
    }

    // Room for a 24-character name on the left and "41 % (9 von 22)" on the right.
    static let width = 520.0
    static let row = 24.0
    static let labelWidth = 196.0
    static let valueWidth = 128.0
    static let top = 18.0

    /// The x of a share.
    public static func x(_ share: Double) -> Double {
        labelWidth + Progress.clamp(share) * (width - labelWidth - valueWidth)
    }

    /// The chart, or `nil` without rows. `reference` is drawn as a dashed line labelled `referenceLabel`.
    public static func svg(
        _ rows: [Row], reference: Double?, referenceLabel: String, title: String, labels: ChartLabels, id: String
    ) -> String? {
        guard !rows.isEmpty else { return nil }
        let f = labels.format
        let t = labels.strings
        let height = top + Double(rows.count) * row + 6
        var svg = SVG()
        for (i, r) in rows.enumerated() {
            let y = top + Double(i) * row
            svg.element(
                "text",
                [
                    "class": r.isTotal ? "label total" : "label", "x": .n(labelWidth - 8), "y": .n(y + 15),
                    "text-anchor": "end",
                ], text: TeamComparisonChart.truncated(r.label, 24))
            svg.element(
                "rect",
                [
                    "class": "track", "x": .n(labelWidth), "y": .n(y + 5), "width": .n(x(1) - labelWidth),
                    "height": "12", "rx": "2",
                ])
            svg.element(
                "rect",
                [
                    "class": "fill share", "x": .n(labelWidth), "y": .n(y + 5), "width": .n(x(r.share) - labelWidth),
                    "height": "12", "rx": "2",
                ])
            svg.element(
                "text", ["class": "value", "x": .n(x(1) + 8), "y": .n(y + 15)],
                text: t.format(
                    "chart_share_value",
                    ["share": f.percent(r.share), "part": f.integer(r.part), "total": f.integer(r.total)]))
        }
        var description =
            rows.map {
                t.format(
                    "chart_share_row",
                    [
                        "label": $0.label, "share": f.percent($0.share), "part": f.integer($0.part),
                        "total": f.integer($0.total),
                    ])
            }.joined(separator: "; ") + "."
        if let reference {
            let xx = Attribute.n(x(reference))
            svg.element(
                "line", ["class": "expected reference", "x1": xx, "y1": .n(top - 2), "x2": xx, "y2": .n(height)])
            svg.element(
                "text", ["class": "tick", "x": xx, "y": .n(top - 6), "text-anchor": "middle"], text: referenceLabel)
            description += " " + referenceLabel + "."
        }
        return svg.render(
            width: width, height: height, title: title, description: description, className: "chart shares",
            idPrefix: id)
    }

    /// The rows as a table: name, part, whole, share.
    public static func table(_ rows: [Row], headers: [String], labels: ChartLabels) -> String {
        DataTable.html(
            summary: labels.strings["chart_data"], headers: headers,
            rows: rows.map {
                [
                    $0.label, labels.format.integer($0.part), labels.format.integer($0.total),
                    labels.format.percent($0.share),
                ]
            }, numeric: [1, 2, 3])
    }
}
