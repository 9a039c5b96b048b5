import OKRCore

/// A period's company objectives and key figures: the home page shows the current period's, each
/// period page its own (`partials/figures`).
public struct PeriodOverviewView: TemplateView {
    let site: SiteModel
    /// The period; `nil` on a home page of a site without periods.
    public let period: PeriodIndex?

    private var figures: PeriodFigures? { period.map { site.figures[$0] } }
    private var closed: Bool { period.map { site.org.periods[$0].isClosed(asOf: site.org.asOf) } ?? false }

    /// The key figures: objectives, teams with OKRs, share aligned, mean progress (or score once closed).
    public var keyFigures: [FigureView] {
        guard let f = figures else { return [] }
        let t = site.t
        let fmt = site.format
        return [
            FigureView(label: t["figure_objectives"], value: fmt.integer(f.objectives.count)),
            FigureView(
                label: t["figure_teams"],
                value: t.format(
                    "figure_teams_value",
                    ["count": fmt.integer(f.teamsWithOKRs), "total": fmt.integer(site.org.teams.teams.count)])),
            FigureView(label: t["figure_aligned"], value: fmt.percent(f.shareAligned)),
            closed
                ? FigureView(label: t["figure_mean_score"], value: f.meanScore.map { fmt.decimal1($0) } ?? "–")
                : FigureView(label: t["figure_mean_progress"], value: fmt.percent(f.meanProgress)),
        ]
    }

    private var expected: Double { period.map { site.org.periods[$0].expected(asOf: site.org.asOf) } ?? 0 }

    public static let schema = ViewSchema<PeriodOverviewView>(
        "PeriodOverview", "A period's company objectives and key figures (home and period pages).",
        fields: [
            .optional("period", "the period") { v in v.period.map { PeriodHeaderView(site: v.site, period: $0) } },
            .text("cascade_url", "the period's cascade") { v in v.period.map { v.site.routes.cascade($0) } ?? "" },
            .text("map_url", "the period's alignment map") { v in v.period.map { v.site.routes.path(.map($0)) } ?? "" },
            .text("health_url", "the period's health page") { v in
                v.period.map { v.site.routes.path(.health($0)) } ?? ""
            },
            .flag("closed", "whether the period is over") { $0.closed },
            .list("company", "the company's objectives in the period") { v in
                (v.figures?.companyObjectives ?? []).map { ObjectiveSummaryView(site: v.site, $0) }
            },
            .flag("has_company", "whether the company has objectives in the period") {
                !($0.figures?.companyObjectives.isEmpty ?? true)
            },
            .text("intro", "the home page's introduction") { v in
                v.period.map { v.site.t.format("home_intro", ["period": v.site.org.periods[$0].id]) } ?? ""
            },
            .text("expected_label", "\"Heute erwartet: 65 %\"") {
                $0.site.t.format("figure_expected", ["expected": $0.site.format.percent($0.expected)])
            },
            .text("expected_pct", "the progress expected today, as a percentage") {
                $0.site.format.percent($0.expected)
            },
            .list("figures", "the key figures") { $0.keyFigures },
            .optional("status_summary", "how the period's objectives stand: statuses, or grades once graded") {
                v in
                v.period.map {
                    StatusSummaryView(
                        site: v.site, period: $0, objectives: v.site.figures[$0].objectives,
                        listPage: v.site.routes.period($0), listAnchor: "#byteam", chartID: "status-\($0.raw)")
                }
            },
        ])
}

/// A labelled figure, with a hint on the health page.
public struct FigureView: TemplateView {
    /// What it counts.
    public let label: String
    /// The figure, formatted.
    public let value: String
    /// What to make of it.
    public var hint: String = ""

    public static let schema = ViewSchema<FigureView>(
        "Figure", "A labelled figure.",
        fields: [
            .text("label", "what it counts") { $0.label }, .text("value", "the figure") { $0.value },
            .text("hint", "what to make of it (health page)") { $0.hint },
        ])
}

/// How many objectives have a status, with the list filtered by it.
public struct StatusCountView: TemplateView {
    let statusView: StatusView
    /// How many.
    public let count: Int
    /// The list filtered by this status.
    public let url: String

    public static let schema = ViewSchema<StatusCountView>(
        "StatusCount", "A status and how many objectives have it.",
        fields: Field.embed(\.statusView) + [
            .html("status_html", "the status badge") { $0.statusView.site.components.statusHTML($0.statusView.status) },
            .number("count", "how many objectives have it") { $0.count },
            .text("url", "the list filtered by this status") { $0.url },
            .flag("has_url", "whether the count links to the filtered list (not when it is 0)") { $0.count > 0 },
        ])
}

/// `index.html`: the current period's company objectives, its key figures, and the way into the portal.
public struct HomePageView: PageView {
    public let frame: PageFrame
    let overview: PeriodOverviewView

    init(_ m: SiteModel) {
        frame = PageFrame(m, .home, title: m.t["home_title"], section: "home")
        overview = PeriodOverviewView(site: m, period: m.org.currentPeriod)
    }

    public static let schema = ViewSchema<HomePageView>(
        "HomePage", "`home.mustache`: the current period's overview.",
        fields: Field.embed(\.overview) + [
            .flag("has_period", "whether there is a current period") { $0.overview.period != nil },
            .list("period_switcher", "links to every period's page") { v in
                PeriodSwitcher.items(v.frame.site, current: v.overview.period) { v.frame.site.routes.period($0) }
            },
        ])
}
