import OKRCore

/// A compact ring for lists and the cascade: the arc shows progress, the colour and the icon the status;
/// once the period is graded, the colour is the score's band (a closed period shows grades, not live
/// statuses).
public enum StatusRing {
    /// The ring's inline SVG; with `band` (graded) it takes the band's colour instead of the status's.
    public static func svg(progress: Double, status: Status, labels: ChartLabels, band: ScoreBand? = nil) -> String {
        let p = Progress.clamp(progress)
        let circumference = 2 * Double.pi * 8.0
        // Drawn from these numbers only: each distinct ring once per build.
        let colour =
            band.map { Status.allCases.count + (ScoreBand.allCases.firstIndex(of: $0) ?? 0) }
            ?? Status.allCases.firstIndex(of: status) ?? 0
        let key = ChartMemo.Key(
            kind: ChartMemo.Key.statusRing, a: Int(rounding: p * circumference * 10) * 2 + (p > 0 ? 1 : 0),
            b: Int(rounding: p * 100), c: colour)
        return labels.memo.string(key) { draw(p, status: status, band: band, labels: labels) }
    }

    /// What a progress glyph says in words: progress and status, or progress and band once graded.
    static func description(progress p: Double, status: Status, band: ScoreBand?, labels: ChartLabels) -> String {
        if let band {
            return labels.strings.format(
                "chart_progress_band_desc",
                ["progress": labels.format.percent(p), "band": labels.strings["band_\(band.rawValue)"]])
        }
        return labels.strings.format(
            "chart_progress_desc", ["progress": labels.format.percent(p), "status": labels.status(status)])
    }

    private static func draw(_ p: Double, status: Status, band: ScoreBand?, labels: ChartLabels) -> String {
        let r = 8.0
        let circumference = 2 * Double.pi * r
        var svg = SVG()
        svg.element("circle", ["class": "ring-track", "cx": "10", "cy": "10", "r": .n(r)])
        if p > 0 {
            svg.element(
                "circle",
                [
                    "class": band.map { "ring band-\($0.rawValue)" } ?? "ring s-\(status.rawValue)", "cx": "10",
                    "cy": "10", "r": .n(r), "stroke-dasharray": "\(SVG.n(p * circumference)) \(SVG.n(circumference))",
                    "transform": "rotate(-90 10 10)",
                ])
        }
        return svg.render(
            width: 20, height: 20, title: labels.strings["chart_progress_title"],
            description: description(progress: p, status: status, band: band, labels: labels), className: "glyph")
    }
}
