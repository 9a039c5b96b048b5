import OKRCore

/// `health/PERIOD.html`: the numbers an OKR coach brings to the review of a period — teams with OKRs,
/// alignment, key results per objective, status, outdated key results, confidence over time, who set
/// the objectives, and the scores of the closed periods by team and by type (see ``HealthFigures``).
public struct HealthPageView: PageView {
    public let frame: PageFrame
    /// The period.
    public let period: PeriodIndex
    /// The period's health figures.
    public let health: HealthFigures
    /// The charts the template tests before placing them, drawn once (see HealthPageParts.swift).
    let charts: Lazy<Charts>

    init(_ m: SiteModel, _ p: PeriodIndex) {
        period = p
        frame = PageFrame(
            m, .health(p), title: m.t.format("health_title", ["period": m.org.periods[p].id]), section: "periods")
        let health = HealthFigures(m.org, period: p, figures: m.figures)
        self.health = health
        charts = Lazy { Charts(m, p, health) }
    }

    var site: SiteModel { frame.site }
    var running: Bool { site.org.periods[period].contains(site.org.asOf) }

    /// The review's figures at a glance (mean progress and score are on the period page).
    public var figures: [FigureView] {
        let t = site.t
        let fmt = site.format
        let h = health
        let staleDays = fmt.integer(site.org.config.staleAfterDays)
        let recommended = HealthFigures.recommendedKeyResults
        return [
            FigureView(
                label: t["figure_teams"],
                value: t.format(
                    "figure_teams_value",
                    [
                        "count": fmt.integer(site.figures[period].teamsWithOKRs),
                        "total": fmt.integer(site.org.teams.teams.count),
                    ]),
                hint: h.teamsWithout.isEmpty
                    ? t["health_teams_all"]
                    : t.format("health_teams_hint", ["count": fmt.integer(h.teamsWithout.count)])),
            FigureView(
                label: t["figure_aligned"], value: fmt.percent(site.figures[period].shareAligned),
                hint: t["health_aligned_hint"]),
            FigureView(
                label: t["health_krs_mean"], value: fmt.decimal1(h.meanKeyResults),
                hint: t.format(
                    "chart_krs_recommended",
                    ["from": fmt.integer(recommended.lowerBound), "to": fmt.integer(recommended.upperBound)])),
            FigureView(
                label: t["health_outdated"],
                value: running
                    ? t.format(
                        "figure_teams_value",
                        ["count": fmt.integer(h.outdated.count), "total": fmt.integer(h.keyResultCount)]) : "–",
                hint: running ? t.format("health_outdated_hint", ["days": staleDays]) : t["health_outdated_closed"]),
            FigureView(
                label: t["health_confidence"], value: h.meanConfidence.map { fmt.decimal1($0.mean) } ?? "–",
                hint: t.format("health_confidence_hint", ["count": fmt.integer(h.meanConfidence?.count ?? 0)])),
            FigureView(
                label: t["health_bottom_up"], value: fmt.percent(h.shareBottomUp), hint: t["health_bottom_up_hint"]),
        ]
    }

    public static let schema = ViewSchema<HealthPageView>(
        "HealthPage", "`health.mustache`: a period's health.",
        fields: [
            .view("period", "the period") { PeriodHeaderView(site: $0.site, period: $0.period) },
            .text("period_url", "the period's page") { $0.site.routes.period($0.period) },
            .list("switcher", "links to every period's health page") { v in
                PeriodSwitcher.items(v.site, current: v.period) { v.site.routes.path(.health($0)) }
            },
            .flag("has_objectives", "whether the period has objectives") { !$0.health.objectives.isEmpty },
            .list("figures", "the review's figures at a glance, each with a hint") { $0.figures },
            .list("teams_without", "teams without objectives in the period") { v in
                v.health.teamsWithout.map { TeamLinkView(site: v.site, team: $0) }
            },
            .flag("has_teams_without", "whether some teams have no objectives") { !$0.health.teamsWithout.isEmpty },
            .list("not_aligned", "team objectives aligned to nothing published") { v in
                v.health.notAligned.map { ObjectiveSummaryView(site: v.site, $0) }
            },
            .flag("has_not_aligned", "whether some are not aligned") { !$0.health.notAligned.isEmpty },
            .html("krs_chart", "key results per objective (SVG)") { v in
                v.site.chart {
                    KeyResultsPerObjectiveChart.svg(
                        v.health.keyResultsHistogram, recommended: HealthFigures.recommendedKeyResults,
                        labels: v.site.labels, id: "kr-histogram")
                }
            },
            .html("krs_table", "its data table") {
                KeyResultsPerObjectiveChart.table($0.health.keyResultsHistogram, labels: $0.site.labels)
            },
            .list("krs_outside", "objectives with too few or too many key results") { $0.krsOutside },
            .flag("has_krs_outside", "whether there are any") { !$0.health.outsideKeyResultRange($0.site.org).isEmpty },
            .view("status_summary", "how the period's objectives stand: statuses, or grades once graded") { v in
                StatusSummaryView(
                    site: v.site, period: v.period, objectives: v.site.figures[v.period].objectives,
                    listPage: v.site.routes.period(v.period), listAnchor: "#byteam", chartID: "status-\(v.period.raw)")
            },
            .flag("running", "whether the period is running") { $0.running },
            .optional(
                "forecast_misses",
                "while the period runs: its objectives forecast to end below what their type expects, and how many "
                    + "have no forecast"
            ) { v in
                v.running
                    ? ForecastMissesView(
                        site: v.site, period: v.period, objectives: v.site.figures[v.period].objectives)
                    : nil
            },
            .text("outdated_intro", "what counts as outdated") {
                $0.site.t.format(
                    "health_outdated_intro", ["days": $0.site.format.integer($0.site.org.config.staleAfterDays)])
            },
            .list("outdated", "the outdated key results") { $0.outdated },
            .flag("has_outdated", "whether there are any") { !$0.health.outdated.isEmpty },
            .flag("has_confidence", "whether any check-in gave a confidence") { !$0.health.confidence.isEmpty },
            .html("confidence_chart", "the mean confidence week by week (SVG)") {
                $0.charts.get.confidence?.chart ?? ""
            },
            .html("confidence_table", "its data table") { $0.charts.get.confidence?.table ?? "" },
            .html("origin_chart", "the share of objectives set bottom-up, per team (SVG)") {
                $0.charts.get.origin.chart
            },
            .html("origin_table", "its data table") { $0.charts.get.origin.table },
            .flag("has_closed", "whether closed periods up to this one are graded") {
                !$0.health.closedPeriods.isEmpty
            },
            .list("closed_periods", "those periods, oldest first") { v in
                v.health.closedPeriods.map { PeriodHeaderView(site: v.site, period: $0) }
            },
            .html("scores_type_chart", "the latest closed period's mean scores by type (SVG)") {
                $0.charts.get.scores.type
            },
            .html("scores_team_chart", "the latest closed period's mean scores by team (SVG)") {
                $0.charts.get.scores.team
            },
            .list("scores_by_type", "mean scores per type and closed period") { $0.scoresByType },
            .list("scores_by_team", "mean scores per team and closed period") { $0.scoresByTeam },
        ])
}
