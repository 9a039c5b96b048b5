import OKRCore

/// A period: its name, dates and state (running, closed, upcoming).
public struct PeriodHeaderView: TemplateView {
    let site: SiteModel
    /// The period.
    public let period: PeriodIndex

    /// `running`, `closed` or `upcoming` at the as-of date.
    public var state: String {
        let period = site.org.periods[period]
        if period.isClosed(asOf: site.org.asOf) { return "closed" }
        return period.contains(site.org.asOf) ? "running" : "upcoming"
    }

    /// "01.10.2026 – 31.12.2026".
    public var dates: String {
        let period = site.org.periods[period]
        return site.t.format(
            "period_dates", ["start": site.format.date(period.start), "end": site.format.date(period.end)])
    }

    public static let schema = ViewSchema<PeriodHeaderView>(
        "PeriodHeader", "A period: name, dates and state.",
        fields: [
            .text("id", "the period's id: `2026-Q4`") { $0.site.org.periods[$0.period].id },
            .text("url", "the period's page") { $0.site.routes.period($0.period) },
            .text("start", "its first day") { $0.site.format.date($0.site.org.periods[$0.period].start) },
            .text("end", "its last day") { $0.site.format.date($0.site.org.periods[$0.period].end) },
            .text("dates", "first and last day in words") { $0.dates },
            .text("state", "`running`, `closed` or `upcoming`") { $0.state },
            .text("state_label", "the state in words") { $0.site.t["period_\($0.state)"] },
            .flag("current", "whether it is the current period") { $0.period == $0.site.org.currentPeriod },
        ])
}

/// A period with objectives in it (a team's or a person's, in a section per period).
public struct PeriodObjectivesView: TemplateView {
    /// The period.
    public let header: PeriodHeaderView
    /// Its objectives.
    public let objectives: [ObjectiveSummaryView]

    public static let schema = ViewSchema<PeriodObjectivesView>(
        "PeriodObjectives", "A period and the objectives shown under it.",
        fields: Field.embed(\.header) + [.list("objectives", "the objectives") { $0.objectives }])
}

/// Links to every period's page (or cascade, map, health page), the shown one marked.
enum PeriodSwitcher {
    /// The periods newest first, linked by `url`, `current` marked.
    static func items(_ m: SiteModel, current: PeriodIndex?, url: (PeriodIndex) -> String) -> [SwitcherItemView] {
        m.periodsNewestFirst.map { p in
            SwitcherItemView(label: m.org.periods[p].id, url: url(p), current: p == current)
        }
    }
}
