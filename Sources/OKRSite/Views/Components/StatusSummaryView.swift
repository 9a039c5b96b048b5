import OKRCore

/// How a set of objectives stands (a period's, a team's): while the period runs, how many have each
/// status, each count a link to the list filtered by it; once the period is over, how many scored in
/// each band, because a closed period shows grades, not live statuses. `partials/status-summary`
/// renders it; home, period, team and health pages place it.
public struct StatusSummaryView: TemplateView {
    let site: SiteModel
    /// The period the objectives belong to.
    public let period: PeriodIndex
    /// The objectives counted.
    public let objectives: [ObjectiveIndex]
    /// The list the counts link to, filtered (a page path plus the list's anchor): `periods/ID.html`
    /// and `#byteam`.
    let listPage: String
    let listAnchor: String
    /// What the chart's ids start with (unique on the page).
    let chartID: String
    /// Filters every link adds (`period=2026-Q4` on a team page, whose list holds every period).
    var extraQuery = ""

    /// Whether the period is over: grades instead of statuses.
    public var graded: Bool { site.org.periods[period].isClosed(asOf: site.org.asOf) }

    /// The objectives' statuses (the status that counts), with outdated counted shown or hidden.
    public var distribution: StatusDistribution { site.org.distribution(of: objectives) }

    /// The objectives per status that counts (what the chart draws: the counts add up).
    public var statusCounts: [Status: Int] {
        let d = distribution
        return Dictionary(uniqueKeysWithValues: Status.allCases.map { ($0, d[$0]) })
    }

    /// The graded objectives per band.
    public var bandCounts: [ScoreBand: Int] {
        var counts: [ScoreBand: Int] = [:]
        for o in objectives { if let s = site.org.states[o].score { counts[ScoreBand(score: s), default: 0] += 1 } }
        return counts
    }

    /// The filtered list's link for `statuses`: `periods/2026-Q4.html?status=at-risk,off-track#byteam`.
    public func url(_ statuses: [Status]) -> String {
        listPage + "?status=" + statuses.map(\.rawValue).joined(separator: ",")
            + (extraQuery.isEmpty ? "" : "&" + extraQuery) + listAnchor
    }

    public static let schema = ViewSchema<StatusSummaryView>(
        "StatusSummary",
        "How a period's or team's objectives stand: status counts while the period runs, grades once it is over.",
        fields: [
            .flag("graded", "whether the period is over, so grades replace statuses") { $0.graded },
            .text("summary_title", "the heading: the status distribution, or the grades once graded") {
                $0.site.t[$0.graded ? "grade_distribution" : "status_distribution"]
            },
            .list(
                "status_counts",
                "how many objectives have each status, best first, each with its filtered list; outdated counts "
                    + "every objective with an outdated key result, also where a worse status hides it"
            ) { v in
                let d = v.distribution
                return Status.allCases.reversed().map {
                    StatusCountView(
                        statusView: StatusView(site: v.site, status: $0), count: $0 == .outdated ? d.outdated : d[$0],
                        url: v.url([$0]))
                }
            },
            .flag("has_hidden_outdated", "whether a worse status hides an outdated key result somewhere") {
                $0.distribution.hiddenOutdated > 0
            },
            .text("hidden_outdated_note", "that outdated also counts objectives whose worse status hides it") { v in
                let n = v.distribution.hiddenOutdated
                return v.site.t.plural("status_hidden_outdated", count: n, formatted: v.site.format.integer(n))
            },
            .text("weak_url", "the list filtered to at risk and off track") { $0.url([.atRisk, .offTrack]) },
            .html("status_chart", "the status distribution (SVG)") { v in
                v.site.chart { StatusDistributionChart.svg(v.statusCounts, labels: v.site.labels, id: v.chartID) }
            },
            .list("grade_counts", "once graded: how many objectives scored in each band, green first") { v in
                let counts = v.bandCounts
                return [ScoreBand.green, .yellow, .red].map {
                    GradeCountView(site: v.site, band: $0, count: counts[$0] ?? 0)
                }
            },
            .html("grade_chart", "once graded: the grades' distribution (SVG)") { v in
                v.site.chart { StatusDistributionChart.svg(bands: v.bandCounts, labels: v.site.labels, id: v.chartID) }
            },
        ])
}

/// How many objectives scored in a band.
public struct GradeCountView: TemplateView {
    let site: SiteModel
    /// The band.
    public let band: ScoreBand
    /// How many.
    public let count: Int

    public static let schema = ViewSchema<GradeCountView>(
        "GradeCount", "A score band and how many objectives scored in it.",
        fields: [
            .text("band", "`green`, `yellow` or `red`, for CSS classes") { $0.band.rawValue },
            .text("band_label", "the band's name") { $0.site.t["band_\($0.band.rawValue)"] },
            .text("band_range", "the scores it holds: `0,7–1,0`") { v in
                switch v.band {
                case .green: "\(v.site.format.decimal1(0.7))–\(v.site.format.decimal1(1))"
                case .yellow: "\(v.site.format.decimal1(0.4))–\(v.site.format.decimal1(0.6))"
                case .red: "\(v.site.format.decimal1(0))–\(v.site.format.decimal1(0.3))"
                }
            },
            .number("count", "how many objectives scored in it") { $0.count },
        ])
}
