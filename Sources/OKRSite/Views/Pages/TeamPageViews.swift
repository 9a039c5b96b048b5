import OKRCore

/// `teams/index.html`: the team tree with each team's roll-up, and the departments compared.
public struct TeamsPageView: PageView {
    public let frame: PageFrame

    init(_ m: SiteModel) {
        frame = PageFrame(m, .teams, title: m.t["teams_title"], section: "teams")
    }

    private var site: SiteModel { frame.site }

    private var comparison: (chart: String, table: String)? {
        guard let p = site.org.currentPeriod, let root = site.org.teams.root else { return nil }
        return site.teamComparison(site.org.teams.children[root], period: p, id: "departments")
    }

    /// The team tree as nested lists, from `partials/team-tree/open` and `close`, without recursion.
    public var treeHTML: String {
        let tree = site.org.teams
        let templates = site.theme.templates
        var closeLeaf: [UInt8] = []
        templates.render("partials/team-tree/close", TreeCloseView(hasChildren: false), into: &closeLeaf)
        var closeTree: [UInt8] = []
        templates.render("partials/team-tree/close", TreeCloseView(hasChildren: true), into: &closeTree)
        var out: [UInt8] = []
        var stack: [(team: TeamIndex, open: Bool)] = []
        if let root = tree.root ?? tree.preorder.first { stack.append((root, true)) }
        while let (t, opening) = stack.popLast() {
            if !opening {
                out += closeTree
                continue
            }
            let children = tree.children[t]
            templates.render(
                "partials/team-tree/open", TeamEntryView(site: site, team: t, hasChildren: !children.isEmpty),
                into: &out)
            if children.isEmpty {
                out += closeLeaf
            } else {
                stack.append((t, false))
                stack.append(contentsOf: children.reversed().map { ($0, true) })
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    public static let schema = ViewSchema<TeamsPageView>(
        "TeamsPage", "`teams.mustache`: the team tree.",
        fields: [
            .optional("period", "the current period") { v in
                v.site.org.currentPeriod.map { PeriodHeaderView(site: v.site, period: $0) }
            },
            .html("tree_html", "the team tree, from `partials/team-tree/*`") { $0.treeHTML },
            .flag("has_comparison", "whether the departments' comparison is drawn") { $0.comparison != nil },
            .html("comparison", "the departments' roll-ups compared (SVG)") { $0.comparison?.chart ?? "" },
            .html("comparison_table", "the comparison's data table") { $0.comparison?.table ?? "" },
            .text("intro", "the page's introduction") { v in
                v.site.t.format(
                    "teams_intro", ["period": v.site.org.currentPeriod.map { v.site.org.periods[$0].id } ?? "–"])
            },
        ])
}

/// `teams/ID.html`: a team's objectives, sub-teams, what it contributes to upward and who supports it.
public struct TeamPageView: PageView {
    public let frame: PageFrame
    /// The team.
    public let team: TeamIndex
    let filterBar: FilterBarView

    init(_ m: SiteModel, _ t: TeamIndex) {
        team = t
        var frame = PageFrame(m, .team(t), title: m.org.teams.teams[t].name, section: "teams")
        frame.teamFeed = t
        self.frame = frame
        filterBar = FilterBarView(
            m, target: "team-objectives", objectives: TeamPageView.periodOrder(m).flatMap { m.figures[$0].byTeam[t] },
            keys: [.period, .status, .owner])
    }

    private var site: SiteModel { frame.site }

    /// The current period first, then the others newest first.
    static func periodOrder(_ m: SiteModel) -> [PeriodIndex] {
        (m.org.currentPeriod.map { [$0] } ?? []) + m.periodsNewestFirst.filter { $0 != m.org.currentPeriod }
    }

    /// The team's objectives per period.
    public var periods: [PeriodObjectivesView] {
        TeamPageView.periodOrder(site).compactMap { p in
            let own = site.figures[p].byTeam[team]
            guard !own.isEmpty else { return nil }
            return PeriodObjectivesView(
                header: PeriodHeaderView(site: site, period: p),
                objectives: own.map { ObjectiveSummaryView(site: site, $0) })
        }
    }

    private var comparison: (chart: String, table: String)? {
        site.org.currentPeriod.flatMap {
            site.teamComparison(site.org.teams.children[team], period: $0, id: "subteams")
        }
    }

    /// Objectives of other teams that this team's objectives in the current period align to, each with
    /// the first of the team's objectives that does.
    public var contributes: [ContributionView] {
        guard let p = site.org.currentPeriod else { return [] }
        var seen = Set<ObjectiveIndex>()
        var result: [ContributionView] = []
        for o in site.figures[p].byTeam[team] {
            for e in site.org.publishedParents(of: o) where site.org.objectiveTeam[e.parent] != team {
                guard seen.insert(e.parent).inserted else { continue }
                result.append(
                    ContributionView(
                        summary: ObjectiveSummaryView(site: site, e.parent), via: ObjectiveSummaryView(site: site, o)))
            }
        }
        return result
    }

    /// Other teams whose objectives align to this team's objectives in the current period, in tree
    /// order, with how many.
    public var supporters: [SupporterTeamView] {
        guard let p = site.org.currentPeriod else { return [] }
        var counts: [TeamIndex: Int] = [:]
        for o in site.figures[p].byTeam[team] {
            for e in site.org.graph.children[o] where site.org.isPublished[e.child] {
                if let ct = site.org.objectiveTeam[e.child], ct != team { counts[ct, default: 0] += 1 }
            }
        }
        let tree = site.org.teams
        return counts.keys.sorted { tree.enter[$0] < tree.enter[$1] }.map {
            SupporterTeamView(link: TeamLinkView(site: site, team: $0), count: counts[$0] ?? 0)
        }
    }

    public static let schema = ViewSchema<TeamPageView>(
        "TeamPage", "`team.mustache`: one team.",
        fields: Field.embed(\.filterBar) + [
            .view("team", "the team with its roll-up") { TeamEntryView(site: $0.site, team: $0.team) },
            .list("breadcrumb", "the teams above it, from the top down (without the company)") { v in
                v.site.org.teams.ancestry(of: v.team).dropFirst().reversed().map {
                    TeamLinkView(site: v.site, team: $0)
                }
            },
            .flag("has_description", "whether it has a description") {
                $0.site.org.teams.teams[$0.team].description != nil
            },
            .html("description", "its description, rendered from Markdown") { v in
                v.site.org.teams.teams[v.team].description.map { v.site.markdown.html($0, headingOffset: 1) } ?? ""
            },
            .list("subteams", "its sub-teams with their roll-ups") { v in
                v.site.org.teams.children[v.team].map { TeamEntryView(site: v.site, team: $0) }
            },
            .flag("has_subteams", "whether it has sub-teams") { !$0.site.org.teams.children[$0.team].isEmpty },
            .flag("has_comparison", "whether the sub-teams' comparison is drawn") { $0.comparison != nil },
            .html("comparison", "the sub-teams' roll-ups compared (SVG)") { $0.comparison?.chart ?? "" },
            .html("comparison_table", "the comparison's data table") { $0.comparison?.table ?? "" },
            .list("periods", "its objectives per period, the current period first") { $0.periods },
            .flag("has_objectives", "whether it has objectives") { !$0.periods.isEmpty },
            .list("contributes", "what it contributes to in the current period") { $0.contributes },
            .flag("has_contributes", "whether it contributes to other teams' objectives") { !$0.contributes.isEmpty },
            .list("supported_by", "the teams that support it in the current period") { $0.supporters },
            .flag("has_supporters", "whether other teams support it") { !$0.supporters.isEmpty },
        ])
}

/// An objective of another team that a team contributes to, with the team's objective that does.
public struct ContributionView: TemplateView {
    /// The objective contributed to.
    public let summary: ObjectiveSummaryView
    /// The team's objective that aligns to it.
    public let via: ObjectiveSummaryView

    public static let schema = ViewSchema<ContributionView>(
        "Contribution", "An objective a team contributes to.",
        fields: Field.embed(\.summary) + [.view("via", "the team's objective that aligns to it") { $0.via }])
}

/// A team that supports another, with how many of its objectives do.
public struct SupporterTeamView: TemplateView {
    let link: TeamLinkView
    /// How many of its objectives align to the other team's.
    public let count: Int

    public static let schema = ViewSchema<SupporterTeamView>(
        "SupporterTeam", "A team supporting another.",
        fields: Field.embed(\.link) + [
            .number("count", "how many of its objectives align to the team's") { $0.count },
            .text("count_label", "that count in words") {
                $0.link.site.t.plural(
                    "team_supported_count", count: $0.count, formatted: $0.link.site.format.integer($0.count))
            },
        ])
}
