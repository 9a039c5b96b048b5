import OKRCore

/// How many objectives have one, two, … five and six or more key results: a column per count, the
/// recommended range (2–5, rule OKR002) drawn as a band behind the columns, and each column's number
/// written above it. Columns outside the range are hatched, so the chart reads without colour.
public enum KeyResultsPerObjectiveChart {
    static let width = 480.0
    static let height = 184.0
    static let plot = (left: 16.0, right: 464.0, top: 40.0, bottom: 150.0)

    /// The column labels: "1" … "5", "6+".
    public static let categories = ["1", "2", "3", "4", "5", "6+"]

    /// The x of column `i`'s left edge and the columns' width.
    static func column(_ i: Int) -> (x: Double, width: Double) {
        let slot = (plot.right - plot.left) / Double(categories.count)
        return (plot.left + Double(i) * slot + slot * 0.2, slot * 0.6)
    }

    /// The height of a column for `count` of `maximum`.
    public static func columnHeight(_ count: Int, maximum: Int) -> Double {
        maximum > 0 ? (plot.bottom - plot.top) * Double(count) / Double(maximum) : 0
    }

    /// The chart, or `nil` when there are no objectives. `histogram[i]` counts objectives with i + 1 key
    /// results (the last entry: six or more); `recommended` is the range of counts drawn as a band.
    public static func svg(_ histogram: [Int], recommended: ClosedRange<Int>, labels: ChartLabels, id: String)
        -> String?
    {
        guard histogram.count == categories.count, histogram.contains(where: { $0 > 0 }) else { return nil }
        let f = labels.format
        let t = labels.strings
        let maximum = histogram.max() ?? 0
        var svg = SVG()
        svg.open("defs")
        svg.open(
            "pattern", ["id": "\(id)-outside", "width": "6", "height": "6", "patternUnits": "userSpaceOnUse"])
        svg.element("rect", ["class": "fill column-outside", "width": "6", "height": "6"])
        svg.element("path", ["class": "hatch", "d": "M0,6 L6,0"])
        svg.close("pattern")
        svg.close("defs")
        let first = column(recommended.lowerBound - 1)
        let last = column(min(recommended.upperBound, categories.count) - 1)
        let bandX = first.x - first.width * 0.25
        svg.element(
            "rect",
            [
                "class": "recommended", "x": .n(bandX), "y": "2",
                "width": .n(last.x + last.width * 1.25 - bandX), "height": .n(plot.bottom - 2),
            ])
        // The band's label sits above the tallest column's number.
        svg.element(
            "text", ["class": "tick", "x": .n(bandX + 4), "y": "14"],
            text: t.format(
                "chart_krs_recommended",
                ["from": f.integer(recommended.lowerBound), "to": f.integer(recommended.upperBound)]))
        svg.element(
            "line",
            ["class": "grid", "x1": .n(plot.left), "y1": .n(plot.bottom), "x2": .n(plot.right), "y2": .n(plot.bottom)])
        for (i, count) in histogram.enumerated() {
            let (x, w) = column(i)
            let h = columnHeight(count, maximum: maximum)
            let inside = recommended.contains(i + 1)
            if count > 0 {
                if inside {
                    svg.element(
                        "rect",
                        ["class": "fill column", "x": .n(x), "y": .n(plot.bottom - h), "width": .n(w), "height": .n(h)])
                } else {
                    // A class-less rectangle: CSS would override the pattern's fill attribute.
                    svg.element(
                        "rect",
                        [
                            "class": "seg", "x": .n(x), "y": .n(plot.bottom - h), "width": .n(w), "height": .n(h),
                            "fill": .text("url(#\(id)-outside)"),
                        ])
                }
            }
            svg.element(
                "text", ["class": "value", "x": .n(x + w / 2), "y": .n(plot.bottom - h - 4), "text-anchor": "middle"],
                text: f.integer(count))
            svg.element(
                "text", ["class": "tick", "x": .n(x + w / 2), "y": .n(plot.bottom + 15), "text-anchor": "middle"],
                text: categories[i])
        }
        svg.element(
            "text",
            ["class": "tick", "x": .n((plot.left + plot.right) / 2), "y": .n(height - 2), "text-anchor": "middle"],
            text: t["chart_krs_axis"])
        return svg.render(
            width: width, height: height, title: t["chart_krs_title"],
            description: description(histogram, labels: labels),
            className: "chart kr-histogram", idPrefix: id)
    }

    /// The counts in words: "1 key result: 2 objectives; 2 key results: …".
    static func description(_ histogram: [Int], labels: ChartLabels) -> String {
        histogram.enumerated().map { i, count in
            labels.strings.format(
                "chart_krs_row", ["krs": categories[i], "count": labels.format.integer(count)])
        }.joined(separator: "; ") + "."
    }

    /// The counts as a table.
    public static func table(_ histogram: [Int], labels: ChartLabels) -> String {
        let t = labels.strings
        return DataTable.html(
            summary: t["chart_data"], headers: [t["health_krs_count"], t["figure_objectives"]],
            rows: histogram.enumerated().map { [categories[$0], labels.format.integer($1)] }, numeric: [1])
    }
}
