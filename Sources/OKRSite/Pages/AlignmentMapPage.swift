import OKRCore

/// `map/PERIOD.html`: the period's alignment graph drawn in layers (see ``AlignmentMap``).
enum AlignmentMapPage: PageKind {
    static func url(_ m: SiteModel, period p: PeriodIndex) -> String { "map/\(m.org.periods[p].id).html" }

    static func pages(in model: SiteModel) -> [Page] {
        model.org.periods.indices.map { p in
            Page(path: url(model, period: p), template: "map") { m in
                let title = m.t.format("map_title", ["period": m.org.periods[p].id])
                var c = m.baseContext(depth: 1, title: title, section: "cascade")
                let f = m.figures[p]
                let layout = AlignmentMap.layout(
                    m.org, period: p, objectives: f.objectives, rollUp: f.rollUp, teamURL: { m.url(team: $0) },
                    objectiveURL: { m.url(objective: $0) }, teamStatus: { m.rollUpStatus($0, period: p) })
                c["period"] = PeriodPages.periodHeader(m, period: p)
                c["map"] = m.chart { AlignmentMap.svg(layout, labels: m.labels, id: "map") }
                c["has_map"] = !layout.nodes.isEmpty && m.drawCharts
                c["team_map"] = layout.teams
                c["cascade_url"] = m.url(cascade: p)
                c["switcher"] = m.periodsNewestFirst.map { q -> [String: Any] in
                    ["label": m.org.periods[q].id, "url": url(m, period: q), "current": q == p]
                }
                return c
            }
        }
    }
}
