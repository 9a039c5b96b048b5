import OKRCore

/// A compact ring for lists and the cascade: the arc shows progress, the colour and the icon the status.
public enum StatusRing {
    /// The ring's inline SVG.
    public static func svg(progress: Double, status: Status, labels: ChartLabels) -> String {
        let p = Progress.clamp(progress)
        let circumference = 2 * Double.pi * 8.0
        // Drawn from these numbers only: each distinct ring once per build.
        let key = ChartMemo.Key(
            kind: ChartMemo.Key.statusRing, a: Int(rounding: p * circumference * 10) * 2 + (p > 0 ? 1 : 0),
            b: Int(rounding: p * 100), c: Status.allCases.firstIndex(of: status) ?? 0)
        return labels.memo.string(key) { draw(p, status: status, labels: labels) }
    }

    private static func draw(_ p: Double, status: Status, labels: ChartLabels) -> String {
        let r = 8.0
        let circumference = 2 * Double.pi * r
        var svg = SVG()
        svg.element("circle", ["class": "ring-track", "cx": "10", "cy": "10", "r": .n(r)])
        if p > 0 {
            svg.element(
                "circle",
                [
                    "class": "ring s-\(status.rawValue)", "cx": "10", "cy": "10", "r": .n(r),
                    "stroke-dasharray": "\(SVG.n(p * circumference)) \(SVG.n(circumference))",
                    "transform": "rotate(-90 10 10)",
                ])
        }
        return svg.render(
            width: 20, height: 20, title: labels.strings["chart_progress_title"],
            description: labels.strings.format(
                "chart_progress_desc", ["progress": labels.format.percent(p), "status": labels.status(status)]),
            className: "glyph")
    }
}
