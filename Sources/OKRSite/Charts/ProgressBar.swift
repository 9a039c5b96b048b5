import OKRCore

/// A horizontal progress bar: the track, the progress filled in the status colour, and a marker where
/// the period expects progress to be at the as-of date. 100 units wide, so 42 % fills 42 units.
public enum ProgressBar {
    /// The bar's inline SVG.
    public static func svg(
        progress: Double, expected: Double?, status: Status?, labels: ChartLabels, band: ScoreBand? = nil
    ) -> String {
        // The bar is drawn from these numbers only (widths to 0.1, percentages whole), and a period's
        // bars share most of them: each distinct bar is drawn once per build. Each number is computed
        // exactly as the drawing computes it (`p * 100`, then tenths): `p * 1000` rounds differently
        // for some values.
        let p = Progress.clamp(progress)
        let e = expected.map { Progress.clamp($0) }
        let key = ChartMemo.Key(
            kind: ChartMemo.Key.progressBar, a: Int(rounding: p * 100 * 10) * 2 + (p > 0 ? 1 : 0),
            b: Int(rounding: p * 100),
            c: (status.map { Status.allCases.firstIndex(of: $0) ?? 0 } ?? Status.allCases.count) * 8
                + (band.map { ScoreBand.allCases.firstIndex(of: $0) ?? 0 } ?? -1) + 1,
            d: e.map { Int(rounding: $0 * 100 * 10) * 1000 + Int(rounding: $0 * 100) } ?? -1)
        return labels.memo.string(key) {
            draw(progress: p, expected: expected, status: status, labels: labels, band: band)
        }
    }

    private static func draw(
        progress p: Double, expected: Double?, status: Status?, labels: ChartLabels, band: ScoreBand?
    ) -> String {
        var svg = SVG()
        svg.element("rect", ["class": "track", "x": "0", "y": "1", "width": "100", "height": "6", "rx": "3"])
        if p > 0 {
            svg.element(
                "rect",
                [
                    "class": band.map { "band-fill band-\($0.rawValue)" } ?? status.map { "fill s-\($0.rawValue)" }
                        ?? "fill neutral", "x": "0",
                    "y": "1", "width": .n(p * 100), "height": "6", "rx": "3",
                ])
        }
        // Once graded the bar says its band; a group (a team) has no status: its bar is neutral and says
        // only its progress.
        var description =
            band != nil || status != nil
            ? StatusRing.description(progress: p, status: status ?? .onTrack, band: band, labels: labels)
            : labels.strings.format("chart_progress_desc_plain", ["progress": labels.format.percent(p)])
        if let e = expected {
            let x = Attribute.n(Progress.clamp(e) * 100)
            svg.element(
                "line",
                ["class": "expected", "x1": x, "y1": "0", "x2": x, "y2": "8", "vector-effect": "non-scaling-stroke"])
            description += " " + labels.strings.format("chart_expected_desc", ["expected": labels.format.percent(e)])
        }
        return svg.render(
            width: 100, height: 8, title: labels.strings["chart_progress_title"], description: description,
            className: "bar", stretch: true)
    }
}
