import OKRCore

/// `teams/index.html`: the team tree with each team's roll-up, and the departments compared.
public struct TeamsPageView: PageView {
    public let frame: PageFrame
    private let departments: Lazy<(chart: String, table: String)?>

    init(_ m: SiteModel) {
        frame = PageFrame(m, .teams, title: m.t["teams_title"], section: "teams")
        departments = Lazy {
            guard let p = m.org.currentPeriod, let root = m.org.teams.root else { return nil }
            return m.teamComparison(m.org.teams.children[root], period: p, id: "departments")
        }
    }

    private var site: SiteModel { frame.site }
    private var comparison: (chart: String, table: String)? { departments.get }

    /// The team tree as nested lists, from `partials/team-tree/open` and `close`, without recursion,
    /// down to ``SiteModel/chainLimit`` levels below the company: a chain thousands deep would nest
    /// thousands of lists. A team at that depth with sub-teams links to its page, which lists them.
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
            let hidden = tree.depth[t] >= SiteModel.chainLimit
            let children = hidden ? [] : tree.children[t]
            var entry = TeamEntryView(site: site, team: t, hasChildren: !children.isEmpty)
            entry.hidesChildren = hidden && !tree.children[t].isEmpty
            templates.render("partials/team-tree/open", entry, into: &out)
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
    private let cache: Lazy<Cache>

    /// What the template reads more than once (a list and whether it is empty), made once.
    private struct Cache {
        var periods: [PeriodObjectivesView]
        var comparison: (chart: String, table: String)?
        var contributes: [ContributionView]
        var supporters: [SupporterTeamView]
    }

    init(_ m: SiteModel, _ t: TeamIndex) {
        team = t
        var frame = PageFrame(m, .team(t), title: m.org.teams.teams[t].name, section: "teams")
        frame.teamFeed = t
        self.frame = frame
        filterBar = FilterBarView(
            m, target: "team-objectives", objectives: TeamPageView.periodOrder(m).flatMap { m.figures[$0].byTeam[t] },
            keys: [.period, .status, .owner])
        cache = Lazy {
            Cache(
                periods: TeamPageView.periods(m, t),
                comparison: m.org.currentPeriod.flatMap {
                    m.teamComparison(m.org.teams.children[t], period: $0, id: "subteams")
                },
                contributes: TeamPageView.contributes(m, t), supporters: TeamPageView.supporters(m, t))
        }
    }

    private var site: SiteModel { frame.site }

    /// The current period first, then the others newest first.
    static func periodOrder(_ m: SiteModel) -> [PeriodIndex] {
        (m.org.currentPeriod.map { [$0] } ?? []) + m.periodsNewestFirst.filter { $0 != m.org.currentPeriod }
    }

    /// The team's objectives per period.
    public var periods: [PeriodObjectivesView] { cache.get.periods }
    private var comparison: (chart: String, table: String)? { cache.get.comparison }
    /// Objectives of other teams that this team's objectives in the current period align to, each with
    /// all of the team's objectives that do.
    public var contributes: [ContributionView] { cache.get.contributes }
    /// Other teams whose objectives align to this team's objectives in the current period, in tree
    /// order, with how many.
    public var supporters: [SupporterTeamView] { cache.get.supporters }

    /// Its own objectives of the current period counted by status (grades once graded), linking to the
    /// list filtered by each; `nil` without own objectives in the current period.
    public var statusSummary: StatusSummaryView? {
        guard let p = site.org.currentPeriod else { return nil }
        let own = site.figures[p].byTeam[team]
        guard !own.isEmpty else { return nil }
        return StatusSummaryView(
            site: site, period: p, objectives: own, listPage: site.routes.team(team), listAnchor: "#team-objectives",
            chartID: "team-status", extraQuery: "period=" + site.org.periods[p].id)
    }

    /// Its sub-teams, the most to talk about first (more off track, then at risk, then outdated); teams
    /// without objectives in the current period last; ties in tree order.
    public var subteams: [TeamEntryView] {
        let entries = site.org.teams.children[team].map { TeamEntryView(site: site, team: $0) }
        let distributions = entries.map(\.distribution)
        return entries.indices.sorted { a, b in
            let (da, db) = (distributions[a], distributions[b])
            if da.isEmpty != db.isEmpty { return !da.isEmpty }
            return da != db ? da < db : a < b
        }.map { entries[$0] }
    }

    private static func periods(_ m: SiteModel, _ t: TeamIndex) -> [PeriodObjectivesView] {
        periodOrder(m).compactMap { p in
            let own = m.figures[p].byTeam[t]
            guard !own.isEmpty else { return nil }
            return PeriodObjectivesView(
                header: PeriodHeaderView(site: m, period: p), objectives: own.map { ObjectiveSummaryView(site: m, $0) })
        }
    }

    /// Each objective of another team that the team's objectives align to, once, with every one of the
    /// team's objectives that does (in the team's order): two objectives aligned to the same parent both
    /// show.
    private static func contributes(_ m: SiteModel, _ t: TeamIndex) -> [ContributionView] {
        guard let p = m.org.currentPeriod else { return [] }
        var position: [ObjectiveIndex: Int] = [:]
        var parents: [ObjectiveIndex] = []
        var vias: [[ObjectiveIndex]] = []
        for o in m.figures[p].byTeam[t] {
            var seen = Set<ObjectiveIndex>()
            for e in m.org.publishedParents(of: o) where m.org.objectiveTeam[e.parent] != t {
                guard seen.insert(e.parent).inserted else { continue }
                if let i = position[e.parent] {
                    vias[i].append(o)
                } else {
                    position[e.parent] = parents.count
                    parents.append(e.parent)
                    vias.append([o])
                }
            }
        }
        return zip(parents, vias).map { parent, via in
            ContributionView(
                summary: ObjectiveSummaryView(site: m, parent), via: via.map { ObjectiveSummaryView(site: m, $0) })
        }
    }

    private static func supporters(_ m: SiteModel, _ t: TeamIndex) -> [SupporterTeamView] {
        guard let p = m.org.currentPeriod else { return [] }
        var counts: [TeamIndex: Int] = [:]
        for o in m.figures[p].byTeam[t] {
            for e in m.org.graph.children[o] where m.org.isPublished[e.child] {
                if let ct = m.org.objectiveTeam[e.child], ct != t { counts[ct, default: 0] += 1 }
            }
        }
        let tree = m.org.teams
        return counts.keys.sorted { tree.enter[$0] < tree.enter[$1] }.map {
            SupporterTeamView(link: TeamLinkView(site: m, team: $0), count: counts[$0] ?? 0)
        }
    }

    public static let schema = ViewSchema<TeamPageView>(
        "TeamPage", "`team.mustache`: one team.",
        fields: Field.embed(\.filterBar) + [
            .view("team", "the team with its roll-up") { TeamEntryView(site: $0.site, team: $0.team) },
            .list(
                "breadcrumb",
                "the teams above it, from the top down (without the company): in a deep tree the topmost and "
                    + "the ten nearest"
            ) { v in
                v.site.org.teams.shownAncestors(of: v.team, nearest: SiteModel.chainLimit).teams.map {
                    TeamLinkView(site: v.site, team: $0)
                }
            },
            .flag("breadcrumb_gap", "whether the breadcrumb skips teams after its first entry") { v in
                v.site.org.teams.shownAncestors(of: v.team, nearest: SiteModel.chainLimit).gap
            },
            .flag("has_description", "whether it has a description") {
                $0.site.org.teams.teams[$0.team].description != nil
            },
            .html("description", "its description, rendered from Markdown") { v in
                v.site.org.teams.teams[v.team].description.map { v.site.markdown.html($0, headingOffset: 1) } ?? ""
            },
            .list(
                "subteams",
                "its sub-teams with their objectives counted by status, the most to talk about first (more off "
                    + "track, then at risk, then outdated); teams without objectives last, in tree order"
            ) { $0.subteams },
            .flag("has_subteams", "whether it has sub-teams") { !$0.site.org.teams.children[$0.team].isEmpty },
            .flag("has_comparison", "whether the sub-teams' comparison is drawn") { $0.comparison != nil },
            .html("comparison", "the sub-teams' roll-ups compared (SVG)") { $0.comparison?.chart ?? "" },
            .html("comparison_table", "the comparison's data table") { $0.comparison?.table ?? "" },
            .optional(
                "status_summary",
                "its own objectives of the current period counted by status (grades once graded), each count a "
                    + "link to the list below filtered by it"
            ) { $0.statusSummary },
            .list("due", "check-ins of its current objectives due within a week or overdue, most overdue first") {
                v in
                DueCheckInView.list(
                    v.site, objectives: v.site.org.currentPeriod.map { v.site.figures[$0].byTeam[v.team] } ?? [])
            },
            .text("weekly_url", "its printable weekly page") { $0.site.routes.weekly($0.team) },
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
    /// The team's objectives that align to it, in the team's order.
    public let via: [ObjectiveSummaryView]

    public static let schema = ViewSchema<ContributionView>(
        "Contribution", "An objective a team contributes to.",
        fields: Field.embed(\.summary) + [
            .list("via", "every one of the team's objectives that aligns to it") { $0.via }
        ])
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
