import OKRCore

/// `periods/index.html` (the archive) and `periods/ID.html`: one period's figures and objectives, graded
/// once the period is over.
enum PeriodPages: PageKind {
    static func pages(in model: SiteModel) -> [Page] {
        var pages = [
            Page(path: "periods/index.html", template: "periods") { m in
                var c = m.baseContext(depth: 1, title: m.t["periods_title"], section: "periods")
                c["periods"] = m.periodsNewestFirst.map { p -> [String: Any] in
                    var d = periodHeader(m, period: p)
                    let f = m.figures[p]
                    d["objective_count"] = f.objectives.count
                    d["mean_progress"] = m.format.percent(f.meanProgress)
                    d["has_mean_score"] = f.meanScore != nil
                    d["mean_score"] = f.meanScore.map { m.format.decimal1($0) } ?? ""
                    d["cascade_url"] = m.url(cascade: p)
                    d["health_url"] = HealthPage.url(m, period: p)
                    return d
                }
                return c
            }
        ]
        for p in model.org.periods.indices {
            pages.append(
                Page(path: model.url(period: p), template: "period") { m in
                    let title = m.t.format("period_title", ["period": m.org.periods[p].id])
                    var c = m.baseContext(depth: 1, title: title, section: "periods")
                    c = c.merging(overview(m, period: p))
                    c["period_switcher"] = switcher(m, current: p)
                    let f = m.figures[p]
                    c["teams"] = m.org.teams.preorder.filter { !f.byTeam[$0].isEmpty }.map { t -> [String: Any] in
                        var d = m.teamLink(t)
                        d["objectives"] = f.byTeam[t].map { m.objectiveSummary($0) }
                        return d
                    }
                    c = c.merging(
                        ListFilters.context(
                            m, target: "byteam", objectives: f.objectives, keys: [.team, .status, .owner]))
                    let graded = m.org.periods[p].isClosed(asOf: m.org.asOf)
                    c["graded"] = graded
                    if graded {
                        let rows = f.objectives.compactMap { o -> ScoreChart.Row? in
                            guard let score = m.org.states[o].score else { return nil }
                            return ScoreChart.Row(
                                title: m.org.objectives[o].title, url: m.url(objective: o), score: score,
                                expected: m.org.objectives[o].type.expectedScore)
                        }
                        c["score_chart"] = m.chart { ScoreChart.svg(rows, labels: m.labels, id: "scores") }
                    }
                    return c
                })
        }
        return pages
    }

    /// Name, dates, state and link of a period.
    static func periodHeader(_ m: SiteModel, period p: PeriodIndex) -> [String: Any] {
        let period = m.org.periods[p]
        let state: String
        if period.isClosed(asOf: m.org.asOf) {
            state = "closed"
        } else if period.contains(m.org.asOf) {
            state = "running"
        } else {
            state = "upcoming"
        }
        return [
            "id": period.id, "url": m.url(period: p), "start": m.format.date(period.start),
            "end": m.format.date(period.end), "state": state, "state_label": m.t["period_\(state)"],
            "current": p == m.org.currentPeriod,
            "dates": m.t.format(
                "period_dates", ["start": m.format.date(period.start), "end": m.format.date(period.end)]),
        ]
    }

    /// Links to every period's page, the shown one marked.
    static func switcher(_ m: SiteModel, current: PeriodIndex?) -> [[String: Any]] {
        m.periodsNewestFirst.map { p in
            ["label": m.org.periods[p].id, "url": m.url(period: p), "current": p == current]
        }
    }

    /// The figures and company objectives of a period, shared by the home page and the period page.
    static func overview(_ m: SiteModel, period p: PeriodIndex) -> [String: Any] {
        let f = m.figures[p]
        let org = m.org
        let closed = org.periods[p].isClosed(asOf: org.asOf)
        var c: [String: Any] = ["period": periodHeader(m, period: p)]
        c["cascade_url"] = m.url(cascade: p)
        c["closed"] = closed
        c["company"] = f.companyObjectives.map { m.objectiveCard($0) }
        c["intro"] = m.t.format("home_intro", ["period": org.periods[p].id])
        c["expected_label"] = m.t.format(
            "figure_expected", ["expected": m.format.percent(org.periods[p].expected(asOf: org.asOf))])
        c["has_company"] = !f.companyObjectives.isEmpty
        let totalTeams = org.teams.teams.count
        c["figures"] =
            [
                ["label": m.t["figure_objectives"], "value": m.format.integer(f.objectives.count)],
                [
                    "label": m.t["figure_teams"],
                    "value": m.t.format(
                        "figure_teams_value",
                        ["count": m.format.integer(f.teamsWithOKRs), "total": m.format.integer(totalTeams)]),
                ],
                ["label": m.t["figure_aligned"], "value": m.format.percent(f.shareAligned)],
                closed
                    ? ["label": m.t["figure_mean_score"], "value": f.meanScore.map { m.format.decimal1($0) } ?? "–"]
                    : ["label": m.t["figure_mean_progress"], "value": m.format.percent(f.meanProgress)],
            ] as [[String: Any]]
        c["status_counts"] = Status.allCases.reversed().map { s -> [String: Any] in
            var d = m.status(s)
            d["count"] = f.statusCounts[s] ?? 0
            return d
        }
        c["expected_pct"] = m.format.percent(org.periods[p].expected(asOf: org.asOf))
        c["status_chart"] = m.statusChart(period: p)
        c["map_url"] = AlignmentMapPage.url(m, period: p)
        c["health_url"] = HealthPage.url(m, period: p)
        return c
    }
}
