import OKRCore

/// `teams/index.html` (the team tree with each team's roll-up) and `teams/ID.html` (a team's objectives,
/// sub-teams, what it contributes to upward and who supports it).
enum TeamPages: PageKind {
    static func pages(in model: SiteModel) -> [Page] {
        var pages = [
            Page(path: "teams/index.html", template: "teams") { m in
                var c = m.baseContext(depth: 1, title: m.t["teams_title"], section: "teams")
                c["period"] = m.org.currentPeriod.map { PeriodPages.periodHeader(m, period: $0) } ?? false
                c["tree_html"] = treeHTML(m)
                if let p = m.org.currentPeriod, let root = m.org.teams.root,
                    let (chart, table) = m.teamComparison(m.org.teams.children[root], period: p, id: "departments")
                {
                    c["has_comparison"] = true
                    c["comparison"] = chart
                    c["comparison_table"] = table
                } else {
                    c["has_comparison"] = false
                }
                c["intro"] = m.t.format(
                    "teams_intro", ["period": m.org.currentPeriod.map { m.org.periods[$0].id } ?? "–"])
                return c
            }
        ]
        for t in model.org.teams.preorder where model.org.teams.index[model.org.teams.teams[t].id] == t {
            pages.append(
                Page(path: model.url(team: t), template: "team") { m in teamContext(m, team: t) }
            )
        }
        return pages
    }

    /// A team with its roll-up in the current period.
    static func teamEntry(_ m: SiteModel, team t: TeamIndex) -> [String: Any] {
        var d = m.teamLink(t)
        let team = m.org.teams.teams[t]
        d["lead"] = m.personLink(team.lead)
        d["has_lead"] = team.lead != nil
        if let p = m.org.currentPeriod {
            let f = m.figures[p]
            let (progress, count) = f.rollUp[t]
            let status = Progress.status(
                progress: progress, expected: m.org.periods[p].expected(asOf: m.org.asOf), staleDays: nil,
                staleAfterDays: m.org.config.staleAfterDays)
            d = d.merging(m.status(status))
            d["own_count"] = f.byTeam[t].count
            d["rollup_count"] = count
            d["has_rollup"] = count > 0
            d["rollup_label"] = m.t.plural("team_rollup", count: count, formatted: m.format.integer(count))
            d["rollup_pct"] = m.format.percent(progress)
            d["rollup_bar"] = m.chart {
                ProgressBar.svg(
                    progress: progress,
                    expected: m.org.periods[p].contains(m.org.asOf) ? m.org.periods[p].expected(asOf: m.org.asOf) : nil,
                    status: status, labels: m.labels)
            }
        } else {
            d["has_rollup"] = false
        }
        return d
    }

    /// The team tree as nested lists, assembled from `partials/team-tree/open` and `close` without
    /// recursion.
    static func treeHTML(_ m: SiteModel) -> String {
        let tree = m.org.teams
        let f = m.fragments
        let closeLeaf = f.render("partials/team-tree/close", ["has_children": false])
        let closeTree = f.render("partials/team-tree/close", ["has_children": true])
        var out = ""
        var stack: [(team: TeamIndex, open: Bool)] = []
        if let root = tree.root ?? tree.preorder.first { stack.append((root, true)) }
        while let (t, opening) = stack.popLast() {
            if !opening {
                out += closeTree
                continue
            }
            var d = teamEntry(m, team: t)
            d["has_children"] = !tree.children[t].isEmpty
            out += f.render("partials/team-tree/open", d)
            if tree.children[t].isEmpty {
                out += closeLeaf
            } else {
                stack.append((t, false))
                stack.append(contentsOf: tree.children[t].reversed().map { ($0, true) })
            }
        }
        return out
    }

    static func teamContext(_ m: SiteModel, team t: TeamIndex) -> [String: Any] {
        let org = m.org
        let tree = org.teams
        let team = tree.teams[t]
        var c = m.baseContext(depth: 1, title: team.name, section: "teams")
        c["team"] = teamEntry(m, team: t)
        c["team_feed"] = [
            "url": AtomFeed.path(m, team: t),
            "title": m.t.format("feed_team_title", ["team": team.name, "site": org.config.title]),
        ]
        c["breadcrumb"] = tree.ancestry(of: t).dropFirst().reversed().map { m.teamLink($0) }
        c["has_description"] = team.description != nil
        c["description"] = team.description.map { m.markdown.html($0, headingOffset: 1) } ?? ""
        c["subteams"] = tree.children[t].map { teamEntry(m, team: $0) }
        c["has_subteams"] = !tree.children[t].isEmpty
        if let p = org.currentPeriod, let (chart, table) = m.teamComparison(tree.children[t], period: p, id: "subteams")
        {
            c["has_comparison"] = true
            c["comparison"] = chart
            c["comparison_table"] = table
        } else {
            c["has_comparison"] = false
        }

        // Objectives per period, the current one first, then newest first.
        let order = (org.currentPeriod.map { [$0] } ?? []) + m.periodsNewestFirst.filter { $0 != org.currentPeriod }
        c["periods"] = order.compactMap { p -> [String: Any]? in
            let own = m.figures[p].byTeam[t]
            guard !own.isEmpty else { return nil }
            var d = PeriodPages.periodHeader(m, period: p)
            d["objectives"] = own.map { m.objectiveCard($0) }
            return d
        }
        c = c.merging(
            ListFilters.context(
                m, target: "team-objectives", objectives: order.flatMap { m.figures[$0].byTeam[t] },
                keys: [.period, .status, .owner]))

        // Upward and downward links in the current period.
        var contributes: [[String: Any]] = []
        var supporters: [TeamIndex: Int] = [:]
        if let p = org.currentPeriod {
            var seen = Set<ObjectiveIndex>()
            for o in m.figures[p].byTeam[t] {
                for e in org.publishedParents(of: o) where org.objectiveTeam[e.parent] != t {
                    guard seen.insert(e.parent).inserted else { continue }
                    var s = m.objectiveSummary(e.parent)
                    s["via"] = m.objectiveSummary(o)
                    contributes.append(s)
                }
                for e in org.graph.children[o] where org.isPublished[e.child] {
                    if let ct = org.objectiveTeam[e.child], ct != t { supporters[ct, default: 0] += 1 }
                }
            }
        }
        c["contributes"] = contributes
        c["has_contributes"] = !contributes.isEmpty
        c["supported_by"] = supporters.keys.sorted { tree.enter[$0] < tree.enter[$1] }.map { st -> [String: Any] in
            var d = m.teamLink(st)
            d["count"] = supporters[st] ?? 0
            let n = supporters[st] ?? 0
            d["count_label"] = m.t.plural("team_supported_count", count: n, formatted: m.format.integer(n))
            return d
        }
        c["has_supporters"] = !supporters.isEmpty
        c["has_objectives"] = !(c["periods"] as? [[String: Any]] ?? []).isEmpty
        return c
    }
}
