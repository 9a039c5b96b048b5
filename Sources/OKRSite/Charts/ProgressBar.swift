import OKRCore

/// A horizontal progress bar: the track, the progress filled in the status colour, and a marker where
/// the period expects progress to be at the as-of date. 100 units wide, so 42 % fills 42 units.
public enum ProgressBar {
    /// The bar's inline SVG.
    public static func svg(progress: Double, expected: Double?, status: Status, labels: ChartLabels) -> String {
        let p = Progress.clamp(progress)
        var svg = SVG()
        svg.element("rect", ["class": "track", "x": "0", "y": "1", "width": "100", "height": "6", "rx": "3"])
        if p > 0 {
            svg.element(
                "rect",
                ["class": "fill s-\(status.rawValue)", "x": "0", "y": "1", "width": SVG.n(p * 100), "height": "6", "rx": "3"])
        }
        var description = labels.strings.format(
            "chart_progress_desc", ["progress": labels.format.percent(p), "status": labels.status(status)])
        if let e = expected {
            let x = SVG.n(Progress.clamp(e) * 100)
            svg.element(
                "line", ["class": "expected", "x1": x, "y1": "0", "x2": x, "y2": "8", "vector-effect": "non-scaling-stroke"])
            description += " " + labels.strings.format("chart_expected_desc", ["expected": labels.format.percent(e)])
        }
        return svg.render(
            width: 100, height: 8, title: labels.strings["chart_progress_title"], description: description,
            className: "bar", stretch: true)
    }
}

/// A compact ring for lists and the cascade: the arc shows progress, the colour and the icon the status.
public enum StatusRing {
    /// The ring's inline SVG.
    public static func svg(progress: Double, status: Status, labels: ChartLabels) -> String {
        let p = Progress.clamp(progress)
        let r = 8.0
        let circumference = 2 * Double.pi * r
        var svg = SVG()
        svg.element("circle", ["class": "ring-track", "cx": "10", "cy": "10", "r": SVG.n(r)])
        if p > 0 {
            svg.element(
                "circle",
                [
                    "class": "ring s-\(status.rawValue)", "cx": "10", "cy": "10", "r": SVG.n(r),
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

/// What every chart needs to label itself in the site's language.
public struct ChartLabels: Sendable {
    /// UI strings.
    public let strings: Strings
    /// Number and date formats.
    public let format: Formatter

    /// Creates labels.
    public init(strings: Strings, format: Formatter) {
        self.strings = strings
        self.format = format
    }

    /// The status's name: "Auf Kurs", "on track".
    public func status(_ s: Status) -> String { strings["status_\(s.rawValue)"] }
}
