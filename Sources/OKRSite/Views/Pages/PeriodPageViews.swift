import OKRCore

/// `periods/ID.html`: one period's figures and objectives by team, graded once the period is over.
public struct PeriodPageView: PageView {
    public let frame: PageFrame
    /// The period.
    public let period: PeriodIndex
    let overview: PeriodOverviewView
    let filterBar: FilterBarView

    init(_ m: SiteModel, _ p: PeriodIndex) {
        period = p
        frame = PageFrame(
            m, .period(p), title: m.t.format("period_title", ["period": m.org.periods[p].id]), section: "periods")
        overview = PeriodOverviewView(site: m, period: p)
        filterBar = FilterBarView(
            m, target: "byteam", objectives: m.figures[p].objectives, keys: [.team, .status, .owner])
    }

    private var site: SiteModel { frame.site }

    /// The teams with objectives in the period, in tree order, each with its objectives.
    public var teams: [TeamObjectivesView] {
        let f = site.figures[period]
        return site.org.teams.preorder.filter { !f.byTeam[$0].isEmpty }.map { t in
            TeamObjectivesView(
                link: TeamLinkView(site: site, team: t),
                objectives: f.byTeam[t].map { ObjectiveSummaryView(site: site, $0) })
        }
    }

    /// While the period runs: the teams (in tree order) with objectives at risk or off track, each with
    /// those objectives, off track first. The list of a quarterly review; empty once graded.
    public var atRisk: [TeamObjectivesView] {
        guard !site.org.periods[period].isClosed(asOf: site.org.asOf) else { return [] }
        let f = site.figures[period]
        return site.org.teams.preorder.compactMap { t in
            let weak = f.byTeam[t].filter { site.org.states[$0].status <= .atRisk }
            guard !weak.isEmpty else { return nil }
            // Stable: within a status the team's order (priority, then file) stays.
            let ordered = weak.enumerated().sorted {
                (site.org.states[$0.element].status, $0.offset) < (site.org.states[$1.element].status, $1.offset)
            }.map(\.element)
            return TeamObjectivesView(
                link: TeamLinkView(site: site, team: t),
                objectives: ordered.map { ObjectiveSummaryView(site: site, $0) })
        }
    }

    /// The scores of the period's objectives against what their type expects (SVG), once graded.
    public var scoreChart: String {
        let rows = site.figures[period].objectives.compactMap { o -> ScoreChart.Row? in
            guard let score = site.org.states[o].score else { return nil }
            return ScoreChart.Row(
                title: site.org.objectives[o].title, url: site.routes.objective(o), score: score,
                expected: site.org.objectives[o].type.expectedScore)
        }
        return site.chart { ScoreChart.svg(rows, labels: site.labels, id: "scores") }
    }

    public static let schema = ViewSchema<PeriodPageView>(
        "PeriodPage", "`period.mustache`: one period.",
        fields: Field.embed(\.overview) + Field.embed(\.filterBar) + [
            .list("period_switcher", "links to every period's page") { v in
                PeriodSwitcher.items(v.site, current: v.period) { v.site.routes.period($0) }
            },
            .list("teams", "the teams with objectives in the period, in tree order") { $0.teams },
            .list(
                "at_risk",
                "while the period runs: the teams with objectives at risk or off track, in tree order, each with "
                    + "those objectives (off track first)"
            ) { $0.atRisk },
            .flag("has_at_risk", "whether any objective is at risk or off track while the period runs") {
                !$0.atRisk.isEmpty
            },
            .flag("graded", "whether the period is over and graded") {
                $0.site.org.periods[$0.period].isClosed(asOf: $0.site.org.asOf)
            },
            .html("score_chart", "the scores against what each type expects (SVG), once graded") { $0.scoreChart },
            .optional(
                "back_test",
                "once the period is over: its forecasts from the middle day against the final progress"
            ) { v in v.site.org.backTest(period: v.period).map { ForecastBackTestView(site: v.site, backTest: $0) } },
            .optional(
                "forecast_misses",
                "while the period runs: its objectives forecast to end below what their type expects, and how many "
                    + "have no forecast"
            ) { v in
                v.site.org.periods[v.period].contains(v.site.org.asOf)
                    ? ForecastMissesView(
                        site: v.site, period: v.period, objectives: v.site.figures[v.period].objectives)
                    : nil
            },
        ])
}

/// A team with objectives listed under it.
public struct TeamObjectivesView: TemplateView {
    let link: TeamLinkView
    /// The objectives.
    public let objectives: [ObjectiveSummaryView]

    public static let schema = ViewSchema<TeamObjectivesView>(
        "TeamObjectives", "A team and its objectives in a period.",
        fields: Field.embed(\.link) + [.list("objectives", "the team's objectives") { $0.objectives }])
}

/// `periods/index.html`: every period with its figures, newest first.
public struct PeriodsPageView: PageView {
    public let frame: PageFrame

    init(_ m: SiteModel) {
        frame = PageFrame(m, .periods, title: m.t["periods_title"], section: "periods")
    }

    public static let schema = ViewSchema<PeriodsPageView>(
        "PeriodsPage", "`periods.mustache`: the archive of periods.",
        fields: [
            .list("periods", "every period, newest first") { v in
                v.frame.site.periodsNewestFirst.map {
                    PeriodRowView(header: PeriodHeaderView(site: v.frame.site, period: $0))
                }
            }
        ])
}

/// A period in the archive, with its figures.
public struct PeriodRowView: TemplateView {
    /// The period.
    public let header: PeriodHeaderView

    private var figures: PeriodFigures { header.site.figures[header.period] }

    public static let schema = ViewSchema<PeriodRowView>(
        "PeriodRow", "A period in the archive.",
        fields: Field.embed(\.header) + [
            .number("objective_count", "its published objectives") { $0.figures.objectives.count },
            .text("mean_progress", "their mean progress") { $0.header.site.format.percent($0.figures.meanProgress) },
            .flag("has_mean_score", "whether they are all graded") { $0.figures.meanScore != nil },
            .text("mean_score", "their mean score once graded") { v in
                v.figures.meanScore.map { v.header.site.format.decimal1($0) } ?? ""
            },
            .text("cascade_url", "the period's cascade") { $0.header.site.routes.cascade($0.header.period) },
            .text("health_url", "the period's health page") { $0.header.site.routes.path(.health($0.header.period)) },
        ])
}
