import OKRCore

/// A team with its roll-up in the current period: the mean progress of its and its sub-teams'
/// published objectives, and how many of them have each status. A team has no status of its own: a
/// status from the mean would contradict the team's objectives.
public struct TeamEntryView: TemplateView {
    let site: SiteModel
    /// The team.
    public let team: TeamIndex
    /// Whether it has sub-teams drawn below it (the team tree).
    public var hasChildren = false
    /// Whether it has sub-teams too deep to be drawn in the team tree (its page lists them).
    public var hidesChildren = false
    let link: TeamLinkView

    /// The entry of team `t`.
    init(site: SiteModel, team t: TeamIndex, hasChildren: Bool = false) {
        self.site = site
        team = t
        self.hasChildren = hasChildren
        link = TeamLinkView(site: site, team: t)
    }

    /// The roll-up in the current period: mean progress, objectives counted, their statuses counted.
    static func rollUp(_ m: SiteModel, _ t: TeamIndex) -> (
        progress: Double, count: Int, distribution: StatusDistribution
    )? {
        guard let p = m.org.currentPeriod else { return nil }
        let (progress, count) = m.figures[p].rollUp[t]
        return (progress, count, m.figures[p].teamDistribution[t])
    }

    /// The statuses of its and its sub-teams' published objectives in the current period, counted.
    public var distribution: StatusDistribution {
        TeamEntryView.rollUp(site, team)?.distribution ?? StatusDistribution()
    }

    /// The roll-up's progress bar.
    public var rollUpBar: String {
        guard let p = site.org.currentPeriod, let r = TeamEntryView.rollUp(site, team) else { return "" }
        let period = site.org.periods[p]
        return site.chart {
            ProgressBar.svg(
                progress: r.progress,
                expected: period.contains(site.org.asOf) ? period.expected(asOf: site.org.asOf) : nil,
                status: nil, labels: site.labels)
        }
    }

    public static let schema = ViewSchema<TeamEntryView>(
        "TeamEntry", "A team with its roll-up in the current period (teams index, team page, person page).",
        fields: Field.embed(\.link) + [
            .view("lead", "the team's lead") {
                PersonLinkView(site: $0.site, name: $0.site.org.teams.teams[$0.team].lead)
            },
            .flag("has_lead", "whether the team has a lead") { $0.site.org.teams.teams[$0.team].lead != nil },
            .html(
                "status_html",
                "its and its sub-teams' objectives counted by status (a team has no status of its own); empty "
                    + "without objectives"
            ) { $0.site.components.distributionHTML($0.distribution) },
            .text("distribution_words", "the same in words: \"1 Off track, 2 On track\"") {
                $0.site.labels.countsWords($0.distribution)
            },
            .number("own_count", "its own objectives in the current period") { v in
                v.site.org.currentPeriod.map { v.site.figures[$0].byTeam[v.team].count } ?? 0
            },
            .number("rollup_count", "its and its sub-teams' objectives in the current period") {
                TeamEntryView.rollUp($0.site, $0.team)?.count ?? 0
            },
            .flag("has_rollup", "whether it or its sub-teams have objectives in the current period") {
                (TeamEntryView.rollUp($0.site, $0.team)?.count ?? 0) > 0
            },
            .text("rollup_label", "\"3 Objectives\": how many the roll-up counts") { v in
                let n = TeamEntryView.rollUp(v.site, v.team)?.count ?? 0
                return v.site.t.plural("team_rollup", count: n, formatted: v.site.format.integer(n))
            },
            .text("rollup_pct", "the roll-up's progress as a percentage") { v in
                TeamEntryView.rollUp(v.site, v.team).map { v.site.format.percent($0.progress) } ?? ""
            },
            .html("rollup_bar", "the roll-up's progress bar (SVG)") { $0.rollUpBar },
            .flag("has_children", "in the team tree: whether sub-teams follow") { $0.hasChildren },
            .flag(
                "hides_children",
                "in the team tree: whether it has sub-teams too deep to draw (ten levels below the company); its "
                    + "page lists them"
            ) { $0.hidesChildren },
        ])
}
