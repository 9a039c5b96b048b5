import OKRCore

/// A small stacked bar of a ``StatusDistribution`` (a team's objectives, a key result's supporters):
/// one segment per status, best first, as wide as its share. What teams and `children` key results
/// show instead of a status of their own; the counts stand beside it in words, so colour is never the
/// only carrier.
public enum DistributionBar {
    /// The order of the segments, best first (as the status counts are listed).
    static let order: [Status] = [.done, .onTrack, .outdated, .atRisk, .offTrack]

    /// The bar's inline SVG, or `nil` when nothing is counted.
    public static func svg(_ d: StatusDistribution, labels: ChartLabels) -> String? {
        guard !d.isEmpty else { return nil }
        // Drawn from the five counts only: each distinct bar once per build.
        let key = ChartMemo.Key(
            kind: ChartMemo.Key.distributionBar, a: d[.done], b: d[.onTrack], c: d[.atRisk],
            d: d[.offTrack] << 32 | d[.outdated])
        return labels.memo.string(key) { draw(d, labels: labels) }
    }

    private static func draw(_ d: StatusDistribution, labels: ChartLabels) -> String {
        var svg = SVG()
        svg.element("rect", ["class": "track", "x": "0", "y": "1", "width": "100", "height": "6", "rx": "3"])
        let total = Double(d.total)
        var x = 0.0
        for s in order where d[s] > 0 {
            let w = 100 * Double(d[s]) / total
            svg.element("rect", ["class": "fill s-\(s.rawValue)", "x": .n(x), "y": "1", "width": .n(w), "height": "6"])
            x += w
        }
        let f = labels.format
        let words = order.filter { d[$0] > 0 }.map { "\(f.integer(d[$0])) \(labels.status($0))" }
        return svg.render(
            width: 100, height: 8, title: labels.strings["status_distribution"],
            description: words.joined(separator: ", ") + ".", className: "bar distribution-bar", stretch: true)
    }
}
