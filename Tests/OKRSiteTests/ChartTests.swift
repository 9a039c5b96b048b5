import Foundation
import OKRCore
import OKRSite
import Testing

/// Geometry from data: what each chart draws for known numbers, and that every text is escaped.
@Suite struct ChartTests {
    static let labels: ChartLabels = {
        let strings = Strings([
            "chart_progress_title": "Progress", "chart_progress_desc": "Progress {progress}, status: {status}.",
            "chart_expected_desc": "Expected {expected}.", "status_on-track": "on track", "status_at-risk": "at risk",
            "status_off-track": "off track", "status_done": "done", "status_outdated": "outdated",
            "icon_on-track": "●", "icon_at-risk": "▲", "icon_off-track": "✕", "icon_done": "✓", "icon_outdated": "◷",
            "chart_trend_title": "Trend: {title}", "chart_trend_desc": "From {start} to {target}, {count} check-ins.",
            "chart_trend_last": "Latest {value} on {date} (confidence {confidence}).",
            "chart_trend_expected": "Expected {value}.", "chart_start": "start", "chart_target": "target",
            "chart_today": "today", "chart_confidence": "Confidence", "chart_burnup_title": "Burn-up",
            "chart_burnup_desc": "{progress} on {date}, expected {expected}.", "chart_teams_title": "Teams",
            "chart_scores_title": "Scores", "chart_score_row": "{title}: {score} (expected {expected}).",
            "status_distribution": "Status", "band_red": "red", "band_yellow": "yellow", "band_green": "green",
            "chart_map_title": "Map", "chart_map_desc": "{count} objectives, {edges} alignments.",
            "chart_trend_confidence": "Confidence from {first} to {last}.",
            "chart_krs_title": "KRs", "chart_krs_axis": "KRs per objective", "chart_krs_recommended": "{from}–{to}",
            "chart_krs_row": "{krs}: {count}", "chart_share_value": "{share} ({part}/{total})",
            "chart_share_row": "{label}: {share}",
        ])
        return ChartLabels(strings: strings, format: Formatter(language: "en", monthNames: (1...12).map { "M\($0)" }))
    }()

    /// The values of attribute `name` on elements whose class list contains `cls`, in order.
    static func attribute(_ name: String, ofClass cls: String, in svg: String) -> [String] {
        var result: [String] = []
        for element in svg.components(separatedBy: "<").dropFirst() {
            guard let tagEnd = element.firstIndex(of: ">") else { continue }
            let tag = String(element[..<tagEnd])
            guard let classValue = value(of: "class", in: tag),
                classValue.split(separator: " ").contains(Substring(cls))
            else { continue }
            if let v = value(of: name, in: tag) { result.append(v) }
        }
        return result
    }

    static func value(of name: String, in tag: String) -> String? {
        guard let r = tag.range(of: " \(name)=\"") else { return nil }
        let rest = tag[r.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    static let q4 = Period(
        id: "2026-Q4", start: Day(iso: "2026-10-01")!, end: Day(iso: "2026-12-31")!, location: SourceLocation(path: "x")
    )

    @Test(arguments: [0.0, 0.42, 0.5, 1.0])
    func progressBarFillsItsShareOfTheTrack(progress: Double) {
        let svg = ProgressBar.svg(progress: progress, expected: 0.65, status: .onTrack, labels: Self.labels)
        #expect(Self.attribute("width", ofClass: "track", in: svg) == ["100"])
        let fill = Self.attribute("width", ofClass: "fill", in: svg)
        #expect(fill == (progress == 0 ? [] : [SVG.n(progress * 100)]))
        #expect(Self.attribute("x1", ofClass: "expected", in: svg) == ["65"])
        #expect(svg.contains("role=\"img\"") && svg.contains("viewBox=\"0 0 100 8\""))
        #expect(svg.contains("<desc>Progress \(Int(progress * 100))%, status: on track. Expected 65%.</desc>"))
    }

    @Test func ringArcIsProportional() {
        let svg = StatusRing.svg(progress: 0.25, status: .atRisk, labels: Self.labels)
        let dash = Self.attribute("stroke-dasharray", ofClass: "ring", in: svg).first ?? ""
        let parts = dash.split(separator: " ").compactMap { Double($0) }
        #expect(parts.count == 2 && abs(parts[0] / parts[1] - 0.25) < 0.01)
    }

    func checkins(_ values: [(String, Double, Double?)]) -> [CheckIn] {
        values.map { CheckIn(date: Day(iso: $0.0)!, value: $0.1, confidence: $0.2) }
    }

    @Test func trendExpectedLineEndsAtTheTargetOnTheLastDay() throws {
        let kr = KeyResult(id: "kr1", title: "Followers", start: 5000, target: 6000, unit: "Follower")
        let points = checkins([("2026-10-05", 5100, 0.7), ("2026-11-02", 5400, 0.8)])
        let svg = try #require(
            TrendChart.svg(
                kr: kr, checkins: points, period: Self.q4, asOf: Day(iso: "2026-11-29")!, labels: Self.labels, id: "t"))
        let scale = try #require(TrendChart.scale(kr: kr, checkins: points, period: Self.q4))
        #expect(Self.attribute("x2", ofClass: "expected-line", in: svg) == [SVG.n(scale.x(Self.q4.end))])
        #expect(Self.attribute("y2", ofClass: "expected-line", in: svg) == [SVG.n(scale.y(6000))])
        #expect(Self.attribute("y1", ofClass: "expected-line", in: svg) == [SVG.n(scale.y(5000))])
        #expect(Self.attribute("x1", ofClass: "asof", in: svg) == [SVG.n(scale.x(Day(iso: "2026-11-29")!))])
        // Start and target reference lines.
        #expect(Self.attribute("y1", ofClass: "target", in: svg) == [SVG.n(scale.y(6000))])
        // One point per check-in; more confidence, bigger dot; one confidence bar each.
        let radii = Self.attribute("r", ofClass: "point", in: svg).compactMap(Double.init)
        #expect(radii.count == 2 && radii[0] < radii[1])
        #expect(Self.attribute("height", ofClass: "confidence", in: svg).count == 2)
        // Axis labels in the language: thousands separators.
        #expect(svg.contains(">5,000<") && svg.contains(">6,000<"))
        #expect(svg.contains("Latest 5,400\u{A0}Follower on M11 2, 2026 (confidence 0.8)."))
    }

    @Test func decreasingMetricTrendGoesDown() throws {
        let kr = KeyResult(id: "kr1", title: "Lead time", start: 10, target: 5, unit: "days")
        let points = checkins([("2026-10-12", 9, nil), ("2026-11-02", 8, nil), ("2026-11-23", 6.5, nil)])
        let svg = try #require(
            TrendChart.svg(
                kr: kr, checkins: points, period: Self.q4, asOf: Day(iso: "2026-11-29")!, labels: Self.labels, id: "t"))
        let line = try #require(Self.attribute("points", ofClass: "actual", in: svg).first)
        let ys = line.split(separator: " ").map { Double($0.split(separator: ",")[1])! }
        #expect(ys.count == 4)  // the start on the first day, then three check-ins
        #expect(zip(ys, ys.dropFirst()).allSatisfy { $0 < $1 })  // SVG y grows downward: the line falls
        let y1 = Double(Self.attribute("y1", ofClass: "expected-line", in: svg)[0])!
        let y2 = Double(Self.attribute("y2", ofClass: "expected-line", in: svg)[0])!
        #expect(y2 > y1)  // the target is drawn below the start
    }

    @Test func trendJoinsTheConfidenceBarsIntoACourse() throws {
        let kr = KeyResult(
            id: "kr1", title: "Leads", start: 0, target: 100,
            checkins: [
                CheckIn(date: Day(iso: "2026-10-05")!, value: 10, confidence: 0.5),
                CheckIn(date: Day(iso: "2026-10-19")!, value: 20),
                CheckIn(date: Day(iso: "2026-11-02")!, value: 30, confidence: 1.0),
            ])
        let svg = try #require(
            TrendChart.svg(
                kr: kr, checkins: kr.checkins, period: Self.q4, asOf: Day(iso: "2026-11-15")!, labels: Self.labels,
                id: "t"))
        let bars = Self.attribute("y", ofClass: "confidence", in: svg)
        #expect(bars == ["212", "200"])  // half and full height of the 24-unit strip ending at 224
        let line = try #require(Self.attribute("points", ofClass: "confidence-line", in: svg).first)
        #expect(line.split(separator: " ").map { $0.split(separator: ",")[1] } == ["212", "200"])
    }

    @Test func confidenceChartPlacesValuesOnTheZeroToOneScale() throws {
        let points = [
            ConfidenceChart.Point(day: Self.q4.start, value: 0), ConfidenceChart.Point(day: Self.q4.end, value: 1),
        ]
        let svg = try #require(
            ConfidenceChart.svg(
                points, period: Self.q4, asOf: Day(iso: "2026-11-15")!, title: "C", description: "D",
                labels: Self.labels, id: "c"))
        #expect(Self.attribute("cy", ofClass: "point", in: svg) == ["118", "18"])
        #expect(Self.attribute("cx", ofClass: "point", in: svg) == ["40", "468"])
        #expect(svg.contains("role=\"img\"") && svg.contains("<title id=\"c-t\">C</title>"))
        #expect(
            ConfidenceChart.svg(
                [], period: Self.q4, asOf: Self.q4.end, title: "", description: "", labels: Self.labels, id: "x") == nil
        )
    }

    @Test func keyResultColumnsAreProportionalAndTheRangeIsMarked() throws {
        let svg = try #require(
            KeyResultsPerObjectiveChart.svg([1, 4, 2, 0, 0, 1], recommended: 2...5, labels: Self.labels, id: "h"))
        #expect(
            KeyResultsPerObjectiveChart.columnHeight(2, maximum: 4) == KeyResultsPerObjectiveChart.columnHeight(
                4, maximum: 4) / 2)
        #expect(Self.attribute("height", ofClass: "column", in: svg) == ["110", "55"])  // 4 and 2 of at most 4
        #expect(svg.components(separatedBy: "url(#h-outside)").count == 3)  // 1 and 6+ are hatched
        #expect(Self.attribute("class", ofClass: "recommended", in: svg).count == 1)
        #expect(svg.contains("role=\"img\""))
        #expect(
            KeyResultsPerObjectiveChart.svg([0, 0, 0, 0, 0, 0], recommended: 2...5, labels: Self.labels, id: "h") == nil
        )
    }

    @Test func shareBarsAndTheReference() throws {
        let rows = [
            ShareChart.Row(label: "All", part: 1, total: 4, isTotal: true),
            ShareChart.Row(label: "A", part: 2, total: 2),
        ]
        let svg = try #require(
            ShareChart.svg(rows, reference: 0.5, referenceLabel: "half", title: "Shares", labels: Self.labels, id: "s"))
        let widths = Self.attribute("width", ofClass: "share", in: svg).compactMap(Double.init)
        #expect(widths.count == 2 && abs(widths[1] - 4 * widths[0]) < 0.2)  // 25 % and 100 %
        #expect(Self.attribute("x1", ofClass: "reference", in: svg) == [SVG.n(ShareChart.x(0.5))])
        #expect(ShareChart.Row(label: "", part: 0, total: 0).share == 0)
    }

    @Test func trendOnlyForMetrics() {
        let milestone = KeyResult(id: "m", title: "Done", kind: .milestone)
        #expect(
            TrendChart.svg(
                kr: milestone, checkins: [], period: Self.q4, asOf: Self.q4.end, labels: Self.labels, id: "t") == nil)
    }

    @Test func burnUpExpectedLineRunsFromZeroToFull() throws {
        let points = [
            ProgressPoint(day: Self.q4.start, progress: 0), ProgressPoint(day: Day(iso: "2026-10-08")!, progress: 0.2),
            ProgressPoint(day: Day(iso: "2026-11-29")!, progress: 0.55),
        ]
        let svg = try #require(
            BurnUpChart.svg(
                points: points, period: Self.q4, asOf: Day(iso: "2026-11-29")!, status: .atRisk, labels: Self.labels,
                id: "b"))
        #expect(Self.attribute("y1", ofClass: "expected-line", in: svg) == [SVG.n(BurnUpChart.y(0))])
        #expect(Self.attribute("y2", ofClass: "expected-line", in: svg) == [SVG.n(BurnUpChart.y(1))])
        #expect(
            Self.attribute("x2", ofClass: "expected-line", in: svg) == [
                SVG.n(BurnUpChart.x(Self.q4.end, period: Self.q4))
            ])
        let last = try #require(Self.attribute("points", ofClass: "actual", in: svg).first?.split(separator: " ").last)
        #expect(
            String(last)
                == "\(SVG.n(BurnUpChart.x(Day(iso: "2026-11-29")!, period: Self.q4))),\(SVG.n(BurnUpChart.y(0.55)))")
    }

    @Test func teamComparisonIsSortedWorstFirstAndProportional() throws {
        let bars = [
            TeamComparisonChart.Bar(
                label: "A", url: "a", progress: 0.8,
                distribution: StatusDistribution([(.onTrack, false), (.onTrack, false)])),
            TeamComparisonChart.Bar(
                label: "B", url: "b", progress: 0.3,
                distribution: StatusDistribution([(.atRisk, false), (.atRisk, true)])),
        ]
        let svg = try #require(TeamComparisonChart.svg(bars, expected: 0.5, labels: Self.labels, id: "c"))
        let labels = Self.attribute("text-anchor", ofClass: "label", in: svg)
        #expect(labels.count == 2)
        #expect(svg.range(of: ">B<")!.lowerBound < svg.range(of: ">A<")!.lowerBound)  // worst first
        let widths = Self.attribute("width", ofClass: "fill", in: svg).compactMap(Double.init)
        let track = Double(Self.attribute("width", ofClass: "track", in: svg)[0])!
        #expect(abs(widths[0] / track - 0.3) < 0.01 && abs(widths[1] / track - 0.8) < 0.01)
        // No team status from a mean: a neutral bar, the objectives counted by status (hidden outdated too).
        #expect(!svg.contains("s-at-risk") && !svg.contains("s-on-track") && svg.contains("fill neutral"))
        #expect(svg.contains("▲ 2 · ◷ 1") && svg.contains("● 2"))
        #expect(svg.contains("2 at risk, 1 outdated"))
    }

    @Test func statusDistributionSegmentsAreProportional() {
        let segments = StatusDistributionChart.segments([.onTrack: 3, .atRisk: 1])
        let widths = Dictionary(uniqueKeysWithValues: segments.map { ($0.0, $0.1) })
        #expect(widths[.onTrack] == 360)
        #expect(widths[.atRisk] == 120)
        #expect(segments.reduce(0) { $0 + $1.1 } == 480)
        let svg = StatusDistributionChart.svg([.onTrack: 3, .atRisk: 1], labels: Self.labels, id: "s") ?? ""
        #expect(svg.contains("pattern"))  // at-risk is hatched, not only coloured
        #expect(svg.contains("on track: 3") && svg.contains("at risk: 1"))
    }

    @Test func theStatusBarCountsOutdatedObjectivesAWorseStatusHides() {
        // Three objectives at risk, one of them with an outdated key result: the bar shows what is
        // shown, the words count the hidden outdated one.
        let svg = StatusDistributionChart.svg([.atRisk: 3], outdated: 1, labels: Self.labels, id: "s") ?? ""
        #expect(svg.contains("at risk: 3") && svg.contains("outdated: 1"))
        #expect(!svg.contains("url(#s-p-outdated)"))  // no segment for it: the bar adds up to the objectives
    }

    @Test func scoresAreMeasuredAgainstTheirExpectation() throws {
        let rows = [
            ScoreChart.Row(title: "Committed", url: "c", score: 0.8, expected: 1.0),
            ScoreChart.Row(title: "Aspirational", url: "a", score: 0.7, expected: 0.7),
        ]
        let svg = try #require(ScoreChart.svg(rows, labels: Self.labels, id: "sc"))
        #expect(
            Self.attribute("x1", ofClass: "expected", in: svg) == [SVG.n(ScoreChart.x(1.0)), SVG.n(ScoreChart.x(0.7))])
        #expect(
            Self.attribute("class", ofClass: "band-fill", in: svg) == ["band-fill band-green", "band-fill band-green"])
        #expect(svg.contains("Committed: 0.8 (expected 1.0)."))
    }

    @Test func everyTextIsEscaped() throws {
        let evil = "<script>x</script>\"'&"
        let kr = KeyResult(id: "kr1", title: evil, start: 0, target: 10, unit: evil)
        let points = [CheckIn(date: Day(iso: "2026-10-05")!, value: 2, confidence: 0.5, note: evil)]
        let trend = try #require(
            TrendChart.svg(
                kr: kr, checkins: points, period: Self.q4, asOf: Self.q4.end, labels: Self.labels, id: "t\"x"))
        let table = CheckinTable.html(kr, checkins: points, labels: Self.labels)
        let bars =
            TeamComparisonChart.svg(
                [
                    TeamComparisonChart.Bar(
                        label: evil, url: "u\"><script>", progress: 0.5,
                        distribution: StatusDistribution([(.onTrack, false)]))
                ],
                expected: nil,
                labels: Self.labels, id: "c") ?? ""
        let scores =
            ScoreChart.svg(
                [ScoreChart.Row(title: evil, url: "u", score: 0.5, expected: 0.7)], labels: Self.labels, id: "s") ?? ""
        for output in [trend, table, bars, scores] {
            #expect(!output.contains("<script"))
            #expect(!output.contains("\"'&"))
        }
        #expect(
            trend.contains("<title id=\"t&quot;x-t\">Trend: &lt;script&gt;x&lt;/script&gt;&quot;&#39;&amp;</title>"))
        #expect(trend.contains("&lt;script&gt;x&lt;/script&gt;&quot;&#39;&amp;</text>"))  // the unit label
        #expect(table.contains("<td>&lt;script&gt;x&lt;/script&gt;&quot;&#39;&amp;</td>"))  // the note
    }

    @Test func numberTicksAreRound() {
        #expect(Ticks.numbers(low: 5000, high: 6000).ticks == [5000, 5250, 5500, 5750, 6000])
        #expect(Ticks.numbers(low: 0, high: 7).ticks == [0, 2, 4, 6, 8])
        #expect(Ticks.numbers(low: 18, high: 30).ticks == [15, 20, 25, 30])
        let flat = Ticks.numbers(low: 5, high: 5)
        #expect(flat.low < 5 && flat.high > 5)
    }

    @Test func dateTicks() {
        let monthly = Ticks.dates(start: Self.q4.start, end: Self.q4.end)
        #expect(monthly.map(\.iso) == ["2026-10-01", "2026-11-01", "2026-12-01"])
        let weekly = Ticks.dates(start: Day(iso: "2026-10-01")!, end: Day(iso: "2026-10-28")!)
        #expect(weekly.map(\.iso) == ["2026-10-05", "2026-10-12", "2026-10-19", "2026-10-26"])
        #expect(weekly.allSatisfy { $0.weekday == 1 })
    }

    @Test func wrapsTitlesForMapNodes() {
        #expect(
            AlignmentMap.wrap("Den PX-5 als Innovation bekannt machen", width: 19, lines: 3)
                == ["Den PX-5 als", "Innovation bekannt", "machen"])
        #expect(
            AlignmentMap.wrap("a b c d e f g h i j k l m n o p q r s t u v w x y z", width: 5, lines: 2).last?
                .hasSuffix("…") == true)
    }

    @Test func tidyLayoutCentresParentsAndStacksLeaves() {
        // 0 → {1, 2}; 1 → {3, 4} (leaves: stacked); 2 → {5 → 6}
        let children = [[1, 2], [3, 4], [5], [], [], [6], []]
        let (layer, slot, stacked) = AlignmentMap.tidy(roots: [0], children: children, count: 7)
        #expect(layer == [0, 1, 1, 2, 3, 2, 3])
        #expect(stacked == [false, false, false, true, true, false, false])
        #expect(slot[0] == (slot[1] + slot[2]) / 2)
        #expect(slot[3] > slot[1] && slot[3] < slot[1] + 0.5)
    }
}
