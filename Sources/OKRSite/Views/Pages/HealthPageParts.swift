import OKRCore

extension HealthPageView {
    /// The charts of the page with their data tables.
    struct Charts {
        var confidence: (chart: String, table: String)?
        var origin: (chart: String, table: String)
        var scores: (type: String, team: String)

        init(_ site: SiteModel, _ period: PeriodIndex, _ health: HealthFigures) {
            confidence = HealthPageView.confidence(site, period, health)
            origin = HealthPageView.origin(site, health)
            scores = HealthPageView.scoreCharts(site, health)
        }
    }

    /// Objectives with a number of key results outside the recommended range.
    var krsOutside: [OutsideRangeView] {
        health.outsideKeyResultRange(site.org).map { o in
            let n = site.org.objectives[o].keyResults.count
            return OutsideRangeView(
                summary: ObjectiveSummaryView(site: site, o),
                label: site.t.format(
                    n == 1 ? "health_krs_of_one" : "health_krs_of_other", ["count": site.format.integer(n)]))
        }
    }

    /// The outdated key results.
    var outdated: [OutdatedView] {
        health.outdated.map { OutdatedView(site: site, objective: $0.objective, keyResult: $0.keyResult) }
    }

    /// The mean confidence chart and its table.
    static func confidence(_ site: SiteModel, _ period: PeriodIndex, _ health: HealthFigures) -> (
        chart: String, table: String
    )? {
        let t = site.t
        let fmt = site.format
        let points = health.confidence.map { ConfidenceChart.Point(day: $0.day, value: $0.mean) }
        guard let first = points.first, let last = points.last else { return nil }
        let description = t.format(
            "chart_confidence_mean_desc",
            [
                "first": fmt.decimal1(first.value), "first_date": fmt.date(first.day), "last": fmt.decimal1(last.value),
                "last_date": fmt.date(last.day),
            ])
        let chart = site.chart {
            ConfidenceChart.svg(
                points, period: site.org.periods[period], asOf: site.org.asOf, title: t["chart_confidence_mean_title"],
                description: description, labels: site.labels, id: "confidence")
        }
        let table = ConfidenceChart.table(
            points, valueHeader: t["health_confidence"],
            extra: (t["health_confidence_krs"], health.confidence.map { fmt.integer($0.count) }), labels: site.labels)
        return (chart, table)
    }

    /// Who set the objectives: the share bottom-up, over all and per team.
    static func origin(_ site: SiteModel, _ health: HealthFigures) -> (chart: String, table: String) {
        let t = site.t
        let h = health
        var rows = [
            ShareChart.Row(label: t["health_origin_all"], part: h.bottomUp, total: h.objectives.count, isTotal: true)
        ]
        rows += h.originByTeam.map {
            ShareChart.Row(label: site.org.teams.teams[$0.team].name, part: $0.bottomUp, total: $0.total)
        }
        let chart = site.chart {
            ShareChart.svg(
                h.objectives.isEmpty ? [] : rows, reference: HealthFigures.recommendedBottomUp,
                referenceLabel: t["chart_origin_reference"], title: t["chart_origin_title"], labels: site.labels,
                id: "origin")
        }
        let table = ShareChart.table(
            rows,
            headers: [t["objective_team"], t["health_origin_bottom_up"], t["figure_objectives"], t["health_share"]],
            labels: site.labels)
        return (chart, table)
    }

    /// The latest closed period's mean scores by type and by team.
    static func scoreCharts(_ site: SiteModel, _ health: HealthFigures) -> (type: String, team: String) {
        guard let latest = health.closedPeriods.indices.last else { return ("", "") }
        let t = site.t
        let q = health.closedPeriods[latest]
        let name = site.org.periods[q].id
        let type = site.chart {
            ScoreChart.svg(
                health.scoresByType[latest].map {
                    ScoreChart.Row(
                        title: t["type_\($0.type.rawValue)"], url: site.routes.period(q), score: $0.mean,
                        expected: $0.type.expectedScore)
                }, labels: site.labels, id: "scores-type", title: t.format("chart_scores_by_type", ["period": name]))
        }
        let team = site.chart {
            ScoreChart.svg(
                health.scoresByTeam[latest].map {
                    ScoreChart.Row(
                        title: site.org.teams.teams[$0.team].name, url: site.routes.team($0.team), score: $0.mean,
                        expected: $0.expected)
                }, labels: site.labels, id: "scores-team", title: t.format("chart_scores_by_team", ["period": name]))
        }
        return (type, team)
    }

    /// Mean scores per type, one cell per closed period.
    var scoresByType: [ScoreTypeRowView] {
        ObjectiveType.allCases.compactMap { type in
            guard health.scoresByType.contains(where: { $0.contains { $0.type == type } }) else { return nil }
            return ScoreTypeRowView(
                label: site.t["type_\(type.rawValue)"], expected: site.format.decimal1(type.expectedScore),
                cells: health.scoresByType.map { rows in
                    let r = rows.first { $0.type == type }
                    return ScoreCellView(site: site, mean: r?.mean, count: r?.count ?? 0)
                })
        }
    }

    /// Mean scores per team with graded objectives, one cell per closed period.
    var scoresByTeam: [ScoreTeamRowView] {
        let graded = site.org.teams.preorder.filter { team in
            health.scoresByTeam.contains { $0.contains { $0.team == team } }
        }
        return graded.map { team in
            ScoreTeamRowView(
                link: TeamLinkView(site: site, team: team),
                cells: health.scoresByTeam.map { rows in
                    let r = rows.first { $0.team == team }
                    return ScoreCellView(site: site, mean: r?.mean, count: r?.count ?? 0)
                })
        }
    }
}

/// An objective whose number of key results is outside the recommended range.
public struct OutsideRangeView: TemplateView {
    /// The objective.
    public let summary: ObjectiveSummaryView
    /// "1 Key Result".
    public let label: String

    public static let schema = ViewSchema<OutsideRangeView>(
        "OutsideRange", "An objective with too few or too many key results.",
        fields: Field.embed(\.summary) + [.text("kr_count_label", "how many key results it has, in words") { $0.label }]
    )
}

/// An outdated key result on the health page.
public struct OutdatedView: TemplateView {
    let site: SiteModel
    /// The objective.
    public let objective: ObjectiveIndex
    /// The key result.
    public let keyResult: KeyResultIndex

    private var last: CheckIn? { site.org.states[objective].keyResults[keyResult].latestCheckin }

    public static let schema = ViewSchema<OutdatedView>(
        "Outdated", "An outdated key result.",
        fields: [
            .text("title", "the key result's title") {
                $0.site.org.objectives[$0.objective].keyResults[$0.keyResult].title
            },
            .text("url", "its row on the objective's page") { $0.site.routes.keyResult($0.objective, $0.keyResult) },
            .view("objective", "its objective") { ObjectiveSummaryView(site: $0.site, $0.objective) },
            .text("last", "the date of its newest check-in") { v in v.last.map { v.site.format.date($0.date) } ?? "–" },
            .text("days", "how long ago that was, in words") { v in
                v.last.map {
                    v.site.t.format(
                        "health_outdated_days", ["days": v.site.format.integer($0.date.days(to: v.site.org.asOf))])
                } ?? "–"
            },
        ])
}

/// A row of the score table by type: a type with its mean score per closed period.
public struct ScoreTypeRowView: TemplateView {
    /// The type in words.
    public let label: String
    /// What the type expects: `0,7`.
    public let expected: String
    /// One cell per closed period.
    public let cells: [ScoreCellView]

    public static let schema = ViewSchema<ScoreTypeRowView>(
        "ScoreTypeRow", "An objective type with its mean score per closed period.",
        fields: [
            .text("label", "the type in words") { $0.label },
            .text("expected", "what the type expects") { $0.expected },
            .list("cells", "one per closed period") { $0.cells },
        ])
}

/// A row of the score table by team: a team with its mean score per closed period.
public struct ScoreTeamRowView: TemplateView {
    let link: TeamLinkView
    /// One cell per closed period.
    public let cells: [ScoreCellView]

    public static let schema = ViewSchema<ScoreTeamRowView>(
        "ScoreTeamRow", "A team with its mean score per closed period.",
        fields: Field.embed(\.link) + [.list("cells", "one per closed period") { $0.cells }])
}

/// A mean score and how many objectives it covers.
public struct ScoreCellView: TemplateView {
    let site: SiteModel
    /// The mean score; `nil` where none was graded.
    public let mean: Double?
    /// How many objectives it covers.
    public let count: Int

    public static let schema = ViewSchema<ScoreCellView>(
        "ScoreCell", "A mean score in a score table.",
        fields: [
            .text("value", "\"0,7 (3)\", or `–`") { v in
                v.mean.map {
                    v.site.t.format(
                        "health_scores_cell",
                        ["score": v.site.format.decimal1($0), "count": v.site.format.integer(v.count)])
                } ?? "–"
            },
            .text("band", "the band's name for CSS") { $0.mean.map { ScoreBand(score: $0).rawValue } ?? "" },
            .flag("has_band", "whether there is a score") { $0.mean != nil },
        ])
}
