import OKRCore

/// How many objectives of a period are done, on track, at risk, off track or outdated: one stacked bar
/// whose segments carry a pattern as well as a colour, and a legend with icons, words and counts.
public enum StatusDistributionChart {
    static let width = 480.0
    static let order: [Status] = [.done, .onTrack, .outdated, .atRisk, .offTrack]

    /// The width of each segment, in order done, on-track, outdated, at-risk, off-track.
    public static func segments(_ counts: [Status: Int]) -> [(Status, Double)] {
        let total = order.reduce(0) { $0 + (counts[$1] ?? 0) }
        guard total > 0 else { return [] }
        return order.map { ($0, width * Double(counts[$0] ?? 0) / Double(total)) }
    }

    /// The chart, or `nil` when there are no objectives. Segments show the status shown; `outdated`,
    /// when given, is the count of outdated objectives shown or hidden by a worse status
    /// (``StatusDistribution/outdated``), which the description gives for outdated so that it never
    /// says 0 while one exists.
    public static func svg(
        _ counts: [Status: Int], outdated: Int? = nil, labels: ChartLabels, id: String
    ) -> String? {
        let parts = segments(counts)
        guard !parts.isEmpty else { return nil }
        let f = labels.format
        let t = labels.strings
        var svg = SVG()
        svg.open("defs")
        // Patterns make the segments distinguishable without colour (and in black-and-white print).
        for (s, spec) in [(Status.atRisk, "M0,6 L6,0"), (.offTrack, "M0,0 L6,6 M0,6 L6,0"), (.outdated, "M0,3 L6,3")] {
            svg.open(
                "pattern",
                ["id": "\(id)-p-\(s.rawValue)", "width": "6", "height": "6", "patternUnits": "userSpaceOnUse"])
            svg.element("rect", ["class": "fill s-\(s.rawValue)", "width": "6", "height": "6"])
            svg.element("path", ["class": "hatch", "d": .text(spec)])
            svg.close("pattern")
        }
        svg.close("defs")
        var x = 0.0
        for (s, w) in parts where w > 0 {
            let fill = [.atRisk, .offTrack, .outdated].contains(s) ? "url(#\(id)-p-\(s.rawValue))" : ""
            if fill.isEmpty {
                svg.element(
                    "rect", ["class": "fill s-\(s.rawValue)", "x": .n(x), "y": "0", "width": .n(w), "height": "22"])
            } else {
                // A class-less rectangle: CSS would override the pattern's fill attribute.
                svg.element(
                    "rect", ["class": "seg", "x": .n(x), "y": "0", "width": .n(w), "height": "22", "fill": .text(fill)])
            }
            x += w
        }
        let words = order.map {
            "\(t["status_\($0.rawValue)"]): \(f.integer($0 == .outdated ? outdated ?? counts[$0] ?? 0 : counts[$0] ?? 0))"
        }
        return svg.render(
            width: width, height: 22, title: t["status_distribution"], description: words.joined(separator: ", ") + ".",
            className: "chart distribution", idPrefix: id)
    }

    /// A closed period's grades: how many objectives scored in each band (green, yellow, red), drawn like
    /// the statuses (one stacked bar, patterns as well as colours); `nil` when nothing is graded. A closed
    /// period shows grades, not live statuses.
    public static func svg(bands counts: [ScoreBand: Int], labels: ChartLabels, id: String) -> String? {
        let bands: [ScoreBand] = [.green, .yellow, .red]
        let total = bands.reduce(0) { $0 + (counts[$1] ?? 0) }
        guard total > 0 else { return nil }
        let f = labels.format
        let t = labels.strings
        var svg = SVG()
        svg.open("defs")
        for (b, spec) in [(ScoreBand.yellow, "M0,6 L6,0"), (.red, "M0,0 L6,6 M0,6 L6,0")] {
            svg.open(
                "pattern",
                ["id": "\(id)-p-\(b.rawValue)", "width": "6", "height": "6", "patternUnits": "userSpaceOnUse"])
            svg.element("rect", ["class": "band-fill band-\(b.rawValue)", "width": "6", "height": "6"])
            svg.element("path", ["class": "hatch", "d": .text(spec)])
            svg.close("pattern")
        }
        svg.close("defs")
        var x = 0.0
        for b in bands {
            let w = width * Double(counts[b] ?? 0) / Double(total)
            guard w > 0 else { continue }
            if b == .green {
                svg.element(
                    "rect", ["class": "band-fill band-green", "x": .n(x), "y": "0", "width": .n(w), "height": "22"])
            } else {
                svg.element(
                    "rect",
                    [
                        "class": "seg", "x": .n(x), "y": "0", "width": .n(w), "height": "22",
                        "fill": .text("url(#\(id)-p-\(b.rawValue))"),
                    ])
            }
            x += w
        }
        let words = bands.map { "\(t["band_\($0.rawValue)"]): \(f.integer(counts[$0] ?? 0))" }
        return svg.render(
            width: width, height: 22, title: t["grade_distribution"], description: words.joined(separator: ", ") + ".",
            className: "chart distribution", idPrefix: id)
    }
}
