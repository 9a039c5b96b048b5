import OKRCore

/// `health/PERIOD.html`: the numbers an OKR coach brings to the review of a period — teams with OKRs,
/// alignment, key results per objective, status, outdated key results, confidence over time, who set
/// the objectives, and the scores of the closed periods by team and by type (see ``HealthFigures``).
enum HealthPage: PageKind {
    static func url(_ m: SiteModel, period p: PeriodIndex) -> String { "health/\(m.org.periods[p].id).html" }

    static func pages(in model: SiteModel) -> [Page] {
        model.org.periods.indices.map { p in
            Page(path: url(model, period: p), template: "health") { m in context(m, period: p) }
        }
    }

    static func context(_ m: SiteModel, period p: PeriodIndex) -> [String: Any] {
        let org = m.org
        let t = m.t
        let fmt = m.format
        let h = HealthFigures(org, period: p, figures: m.figures)
        let f = m.figures[p]
        let period = org.periods[p]
        let running = period.contains(org.asOf)
        var c = m.baseContext(depth: 1, title: t.format("health_title", ["period": period.id]), section: "periods")
        c["period"] = PeriodPages.periodHeader(m, period: p)
        c["period_url"] = m.url(period: p)
        c["switcher"] = m.periodsNewestFirst.map { q -> [String: Any] in
            ["label": org.periods[q].id, "url": url(m, period: q), "current": q == p]
        }
        c["has_objectives"] = !h.objectives.isEmpty

        // At a glance.
        let totalTeams = org.teams.teams.count
        let staleDays = fmt.integer(org.config.staleAfterDays)
        // Mean progress and mean score are on the period page; here the review's own figures.
        let figures: [[String: Any]] = [
            [
                "label": t["figure_teams"],
                "value": t.format(
                    "figure_teams_value",
                    ["count": fmt.integer(f.teamsWithOKRs), "total": fmt.integer(totalTeams)]),
                "hint": h.teamsWithout.isEmpty
                    ? t["health_teams_all"]
                    : t.format("health_teams_hint", ["count": fmt.integer(h.teamsWithout.count)]),
            ],
            ["label": t["figure_aligned"], "value": fmt.percent(f.shareAligned), "hint": t["health_aligned_hint"]],
            [
                "label": t["health_krs_mean"], "value": fmt.decimal1(h.meanKeyResults),
                "hint": t.format(
                    "chart_krs_recommended",
                    [
                        "from": fmt.integer(HealthFigures.recommendedKeyResults.lowerBound),
                        "to": fmt.integer(HealthFigures.recommendedKeyResults.upperBound),
                    ]),
            ],
            [
                "label": t["health_outdated"],
                "value": running
                    ? t.format(
                        "figure_teams_value",
                        ["count": fmt.integer(h.outdated.count), "total": fmt.integer(h.keyResultCount)]) : "–",
                "hint": running ? t.format("health_outdated_hint", ["days": staleDays]) : t["health_outdated_closed"],
            ],
            [
                "label": t["health_confidence"], "value": h.meanConfidence.map { fmt.decimal1($0.mean) } ?? "–",
                "hint": t.format("health_confidence_hint", ["count": fmt.integer(h.meanConfidence?.count ?? 0)]),
            ],
            [
                "label": t["health_bottom_up"], "value": fmt.percent(h.shareBottomUp),
                "hint": t["health_bottom_up_hint"],
            ],
        ]
        c["figures"] = figures

        // Teams and alignment.
        c["teams_without"] = h.teamsWithout.map { m.teamLink($0) }
        c["has_teams_without"] = !h.teamsWithout.isEmpty
        c["not_aligned"] = h.notAligned.map { m.objectiveSummary($0) }
        c["has_not_aligned"] = !h.notAligned.isEmpty

        // Key results per objective.
        c["krs_chart"] = m.chart {
            KeyResultsPerObjectiveChart.svg(
                h.keyResultsHistogram, recommended: HealthFigures.recommendedKeyResults, labels: m.labels,
                id: "kr-histogram")
        }
        c["krs_table"] = KeyResultsPerObjectiveChart.table(h.keyResultsHistogram, labels: m.labels)
        let outside = h.outsideKeyResultRange(org)
        c["krs_outside"] = outside.map { o -> [String: Any] in
            var d = m.objectiveSummary(o)
            let n = org.objectives[o].keyResults.count
            d["kr_count_label"] = t.format(
                n == 1 ? "health_krs_of_one" : "health_krs_of_other", ["count": fmt.integer(n)])
            return d
        }
        c["has_krs_outside"] = !outside.isEmpty

        // Status.
        c["status_chart"] = m.statusChart(period: p)
        c["status_counts"] = Status.allCases.reversed().map { s -> [String: Any] in
            var d = m.status(s)
            d["count"] = f.statusCounts[s] ?? 0
            return d
        }

        // Outdated key results.
        c["running"] = running
        c["outdated_intro"] = t.format("health_outdated_intro", ["days": staleDays])
        c["outdated"] = h.outdated.map { (o, k) -> [String: Any] in
            let kr = org.objectives[o].keyResults[k]
            let last = org.states[o].keyResults[k].latestCheckin
            return [
                "title": kr.title, "url": m.url(objective: o) + "#kr-" + kr.id, "objective": m.objectiveSummary(o),
                "last": last.map { fmt.date($0.date) } ?? "–",
                "days": last.map { t.format("health_outdated_days", ["days": fmt.integer($0.date.days(to: org.asOf))]) }
                    ?? "–",
            ]
        }
        c["has_outdated"] = !h.outdated.isEmpty

        // Confidence over time.
        let points = h.confidence.map { ConfidenceChart.Point(day: $0.day, value: $0.mean) }
        c["has_confidence"] = !points.isEmpty
        if let first = points.first, let last = points.last {
            let description = t.format(
                "chart_confidence_mean_desc",
                [
                    "first": fmt.decimal1(first.value), "first_date": fmt.date(first.day),
                    "last": fmt.decimal1(last.value), "last_date": fmt.date(last.day),
                ])
            c["confidence_chart"] = m.chart {
                ConfidenceChart.svg(
                    points, period: period, asOf: org.asOf, title: t["chart_confidence_mean_title"],
                    description: description, labels: m.labels, id: "confidence")
            }
            c["confidence_table"] = ConfidenceChart.table(
                points, valueHeader: t["health_confidence"],
                extra: (t["health_confidence_krs"], h.confidence.map { fmt.integer($0.count) }), labels: m.labels)
        }

        // Who set the objectives.
        var originRows = [
            ShareChart.Row(label: t["health_origin_all"], part: h.bottomUp, total: h.objectives.count, isTotal: true)
        ]
        originRows += h.originByTeam.map {
            ShareChart.Row(label: org.teams.teams[$0.team].name, part: $0.bottomUp, total: $0.total)
        }
        c["origin_chart"] = m.chart {
            ShareChart.svg(
                h.objectives.isEmpty ? [] : originRows, reference: HealthFigures.recommendedBottomUp,
                referenceLabel: t["chart_origin_reference"], title: t["chart_origin_title"], labels: m.labels,
                id: "origin")
        }
        c["origin_table"] = ShareChart.table(
            originRows,
            headers: [t["objective_team"], t["health_origin_bottom_up"], t["figure_objectives"], t["health_share"]],
            labels: m.labels)

        // Scores of the closed periods up to this one.
        c["has_closed"] = !h.closedPeriods.isEmpty
        c["closed_periods"] = h.closedPeriods.map { ["id": org.periods[$0].id, "url": m.url(period: $0)] }
        if let latest = h.closedPeriods.indices.last {
            let q = h.closedPeriods[latest]
            let name = org.periods[q].id
            c["scores_type_chart"] = m.chart {
                ScoreChart.svg(
                    h.scoresByType[latest].map {
                        ScoreChart.Row(
                            title: t["type_\($0.type.rawValue)"], url: m.url(period: q), score: $0.mean,
                            expected: $0.type.expectedScore)
                    }, labels: m.labels, id: "scores-type", title: t.format("chart_scores_by_type", ["period": name]))
            }
            c["scores_team_chart"] = m.chart {
                ScoreChart.svg(
                    h.scoresByTeam[latest].map {
                        ScoreChart.Row(
                            title: org.teams.teams[$0.team].name, url: m.url(team: $0.team), score: $0.mean,
                            expected: $0.expected)
                    }, labels: m.labels, id: "scores-team", title: t.format("chart_scores_by_team", ["period": name]))
            }
        }
        func cell(_ mean: Double?, _ count: Int) -> [String: Any] {
            guard let mean else { return ["value": "–", "has_band": false] }
            return [
                "value": t.format("health_scores_cell", ["score": fmt.decimal1(mean), "count": fmt.integer(count)]),
                "band": ScoreBand(score: mean).rawValue, "has_band": true,
            ]
        }
        let teamsGraded = org.teams.preorder.filter { team in
            h.scoresByTeam.contains { $0.contains { $0.team == team } }
        }
        c["scores_by_team"] = teamsGraded.map { team -> [String: Any] in
            var d = m.teamLink(team)
            d["cells"] = h.scoresByTeam.map { rows -> [String: Any] in
                let r = rows.first { $0.team == team }
                return cell(r?.mean, r?.count ?? 0)
            }
            return d
        }
        c["scores_by_type"] = ObjectiveType.allCases.compactMap { type -> [String: Any]? in
            guard h.scoresByType.contains(where: { $0.contains { $0.type == type } }) else { return nil }
            return [
                "label": t["type_\(type.rawValue)"], "expected": fmt.decimal1(type.expectedScore),
                "cells": h.scoresByType.map { rows -> [String: Any] in
                    let r = rows.first { $0.type == type }
                    return cell(r?.mean, r?.count ?? 0)
                },
            ]
        }
        return c
    }
}
