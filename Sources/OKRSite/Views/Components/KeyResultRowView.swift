import OKRCore

/// A key result's figures, as the objective page's table and the cards show them. Every field is
/// computed when a template reads it.
public struct KeyResultRowView: TemplateView {
    let site: SiteModel
    /// The objective.
    public let objective: ObjectiveIndex
    /// The key result.
    public let keyResult: KeyResultIndex
    let statusView: StatusView

    /// The row of key result `k` of objective `o`.
    init(site: SiteModel, _ o: ObjectiveIndex, _ k: KeyResultIndex) {
        self.site = site
        objective = o
        keyResult = k
        statusView = StatusView(site: site, status: site.org.states[o].keyResults[k].status)
    }

    var kr: KeyResult { site.org.objectives[objective].keyResults[keyResult] }
    var state: KeyResultState { site.org.states[objective].keyResults[keyResult] }
    private var f: Formatter { site.format }
    private var t: Strings { site.t }

    /// "fällig 31.12.2026" for a milestone in a period.
    public var dueLabel: String? {
        let kr = kr
        guard kr.kind == .milestone, let p = site.org.objectivePeriod[objective] else { return nil }
        return t.format("kr_due", ["date": f.date(kr.due ?? site.org.periods[p].end)])
    }

    /// The current value in words: the value with its unit, done or open, or the children's progress.
    public var current: String {
        let kr = kr
        switch kr.kind {
        case .metric: return state.current.map { f.value($0, unit: kr.unit) } ?? "–"
        case .milestone: return kr.done ? t["milestone_done"] : t["milestone_open"]
        case .children: return f.percent(state.progress)
        }
    }

    /// The current value as a bare number (metrics only).
    public var currentNumber: String {
        kr.kind == .metric ? state.current.map { f.number($0) } ?? "–" : "–"
    }

    /// What stands under the title in the table: kind, unit, due date, direction, weight, hand-set score.
    public var subLabel: String {
        let kr = kr
        var sub = [t["kind_\(kr.kind.rawValue)"]]
        if let unit = kr.unit, !unit.isEmpty { sub.append(unit) }
        if let due = dueLabel { sub.append(due) }
        if kr.isDecreasing { sub.append(t["kr_decreasing"]) }
        if kr.weight != 1 { sub.append(t.format("kr_weight", ["weight": f.number(kr.weight)])) }
        if kr.score != nil && state.score != nil {
            sub.append(t.format("score_manual_kr", ["computed": f.decimal1(Progress.roundScore(state.progress))]))
        }
        return sub.joined(separator: " · ")
    }

    /// The progress bar: with the expected marker while the period runs, band-coloured once graded.
    public var progressBar: String {
        let state = state
        if let s = state.score {
            return site.chart {
                ProgressBar.svg(
                    progress: state.progress, expected: nil, status: state.status, labels: site.labels,
                    band: ScoreBand(score: s))
            }
        }
        return site.chart {
            ProgressBar.svg(
                progress: state.progress,
                expected: site.isOpen(objective) ? site.org.states[objective].expected : nil,
                status: state.status, labels: site.labels)
        }
    }

    /// The status badge, or the grade badge once graded.
    public var statusHTML: String {
        state.score.map { site.components.gradeHTML($0) } ?? site.components.statusHTML(state.status)
    }

    /// The latest confidence exactly as written (`0,65`, not rounded to `0,7`).
    public var confidence: String? {
        state.latestConfidence?.confidence.map { f.number($0, maxDecimals: 4) }
    }

    /// The figures in one line, as an owner reads them: "5.000 → 5.610 / 6.000 Follower" for a metric
    /// (start → current / target), done or open for a milestone, the supporters' mean for children.
    public var valueLine: String {
        let kr = kr
        switch kr.kind {
        case .metric:
            guard let start = kr.start, let target = kr.target else { return current }
            let now = state.current.map { f.number($0) } ?? "–"
            return t.format(
                "kr_value_line", ["start": f.number(start), "current": now, "target": f.value(target, unit: kr.unit)])
        case .milestone, .children:
            return current
        }
    }

    /// Why it has its status, in words; empty once graded.
    public var statusReason: String {
        guard state.score == nil else { return "" }
        return StatusWords(site: site).reason(site.org.statusReason(of: objective, keyResult: keyResult))
    }

    /// Where a worse status (or an owner's call) hides that the newest check-in is too old: "seit 30
    /// Tagen kein Check-in"; empty otherwise, and when the status already says outdated.
    public var hiddenStaleNote: String {
        let state = state
        guard state.isStale, state.status != .outdated, state.score == nil,
            let days = site.org.daysSinceCheckIn(of: objective, keyResult: keyResult)
        else { return "" }
        return t.format("kr_stale_hidden", ["days": f.integer(days)])
    }

    /// For a key result others align to: how many of them have each status.
    public var supportersDistribution: StatusDistribution? {
        let d = site.org.supporters(of: objective, keyResult: keyResult)
        return d.isEmpty ? nil : d
    }

    /// When its next check-in is due (open metrics and milestones of a running period), else `nil`.
    public var checkInDue: CheckInDue? { site.org.nextCheckIn(of: objective, keyResult: keyResult) }

    /// "Check-in fällig am 04.12.2026", "Check-in heute fällig", "Check-in seit 3 Tagen überfällig".
    public var checkInDueLabel: String {
        guard let d = checkInDue else { return "" }
        if d.daysLeft > 0 { return t.format("checkin_due_on", ["date": f.date(d.due)]) }
        if d.daysLeft == 0 { return t["checkin_due_today"] }
        return t.plural("checkin_overdue", count: -d.daysLeft, formatted: f.integer(-d.daysLeft))
    }

    /// The newest check-in's note, if it has one.
    public var latestNote: String? {
        guard let note = state.latestCheckin?.note, !note.isEmpty else { return nil }
        return note
    }

    /// The objectives that support this key result.
    public var supporters: [ObjectiveSummaryView] {
        site.org.publishedChildren(of: objective, keyResult: keyResult).map { ObjectiveSummaryView(site: site, $0) }
    }

    /// What this key result needs from other objectives (`depends_on:` of the key result).
    public var dependencies: [DependencyView] {
        site.org.publishedDependencies(of: objective, keyResult: .some(keyResult)).map {
            DependencyView(site: site, $0, onDependentSide: true)
        }
    }

    /// The check-ins as a table, with their notes.
    public var checkinTable: String {
        let checkins = state.checkins
        guard !checkins.isEmpty else { return "" }
        return CheckinTable.html(
            kr, checkins: checkins, labels: site.labels, revisions: site.org.objectives[objective].revisions)
    }

    /// Whether ``trend`` draws a chart: a metric with start and target draws its values, any other key
    /// result the confidence of its check-ins (answered without drawing: templates ask before placing).
    public var hasTrend: Bool {
        guard site.drawCharts, site.org.objectivePeriod[objective] != nil else { return false }
        let kr = kr
        return kr.kind == .metric && kr.start != nil && kr.target != nil
            || state.checkins.contains { $0.confidence != nil }
    }

    /// The trend chart (metrics), else the confidence chart; `nil` without a period or charts.
    public var trend: String? {
        guard site.drawCharts, let p = site.org.objectivePeriod[objective] else { return nil }
        let kr = kr
        let checkins = state.checkins
        let period = site.org.periods[p]
        if let chart = TrendChart.svg(
            kr: kr, checkins: checkins, period: period, asOf: site.org.asOf, labels: site.labels, id: "trend-\(kr.id)",
            forecast: forecast)
        {
            return chart
        }
        // Milestones and children have no values to draw, but their check-ins' confidence has a course.
        let points = checkins.compactMap { c in c.confidence.map { ConfidenceChart.Point(day: c.date, value: $0) } }
        return ConfidenceChart.svg(
            points, period: period, asOf: site.org.asOf, title: t.format("chart_confidence_title", ["title": kr.title]),
            description: ConfidenceChart.keyResultDescription(points, labels: site.labels), labels: site.labels,
            id: "confidence-\(kr.id)")
    }

    /// Where it lands at the period's end at the pace so far, while its period runs; `nil` otherwise.
    public var forecast: Forecast? { site.isOpen(objective) ? state.forecast.forecast : nil }

    /// "Bei diesem Tempo: 82 % am 31.12. (74–90 %)" while the period runs, or why there is no forecast
    /// yet ("Noch keine Prognose: ab 18.10."); empty in closed periods and for milestones.
    public var forecastText: String {
        ForecastWords(site: site).text(state.forecast, open: site.isOpen(objective)) ?? ""
    }

    public static let schema = ViewSchema<KeyResultRowView>(
        "KeyResultRow", "A key result's figures, in the objective page's table and in cards.",
        fields: Field.embed(\.statusView) + [
            .text("id", "the key result's id") { $0.kr.id },
            .text("anchor", "the row's anchor on the objective page: `kr-ID`") { "kr-" + $0.kr.id },
            .text("kr_page_url", "its row on the objective's page: `objectives/ID.html#kr-KR`") {
                $0.site.routes.keyResult($0.objective, $0.keyResult)
            },
            .text("title", "its title") { $0.kr.title },
            .text("kind", "`metric`, `milestone` or `children`") { $0.kr.kind.rawValue },
            .text("kind_label", "the kind in words") { $0.t["kind_\($0.kr.kind.rawValue)"] },
            .flag("is_metric", "whether it is a metric") { $0.kr.kind == .metric },
            .flag("is_milestone", "whether it is a milestone") { $0.kr.kind == .milestone },
            .flag("is_children", "whether its progress comes from the objectives aligned to it") {
                $0.kr.kind == .children
            },
            .text("unit", "its unit, or empty") { $0.kr.unit ?? "" },
            .flag("has_unit", "whether it has a unit") { !($0.kr.unit ?? "").isEmpty },
            .text("start", "the start value with its unit, or `–`") { v in
                v.kr.start.map { v.f.value($0, unit: v.kr.unit) } ?? "–"
            },
            .text("target", "the target value with its unit, or `–`") { v in
                v.kr.target.map { v.f.value($0, unit: v.kr.unit) } ?? "–"
            },
            .text("current", "the current value with its unit (metric), done or open (milestone), progress (children)")
            {
                $0.current
            },
            .text("start_n", "the start value without unit, or `–`") { v in v.kr.start.map { v.f.number($0) } ?? "–" },
            .text("target_n", "the target value without unit, or `–`") { v in v.kr.target.map { v.f.number($0) } ?? "–"
            },
            .text("current_n", "the current value without unit (metrics), else `–`") { $0.currentNumber },
            .text("current_cell", "the table's current cell: the bare number of a metric, else `current`") {
                $0.kr.kind == .metric ? $0.currentNumber : $0.current
            },
            .flag("has_due", "whether it is a milestone with a due date") { $0.dueLabel != nil },
            .text("due_label", "\"fällig 31.12.2026\" for a milestone") { $0.dueLabel ?? "" },
            .flag("decreasing", "whether the target is below the start") { $0.kr.isDecreasing },
            .flag("weighted", "whether its weight is not 1") { $0.kr.weight != 1 },
            .text("weight_label", "its weight in words") {
                $0.t.format("kr_weight", ["weight": $0.f.number($0.kr.weight)])
            },
            .text("sub_label", "what the table shows under the title: kind, unit, due date, direction, weight") {
                $0.subLabel
            },
            .text("progress_pct", "progress as a percentage") { $0.f.percent($0.state.progress) },
            .html("progress_bar", "the progress bar (SVG)") { $0.progressBar },
            .html("status_html", "the status badge, or the grade badge once graded") { $0.statusHTML },
            .text("status_reason", "why it has its status, in words; empty once graded") { $0.statusReason },
            .flag("owner_call", "whether the status is the owner's call rather than the computed one") {
                $0.state.ownerStatus != nil && $0.state.score == nil
            },
            .html("computed_status_html", "the computed status's badge (shown beside an owner's call)") {
                $0.site.components.statusHTML($0.state.computedStatus)
            },
            .text("stale_note", "\"seit 30 Tagen kein Check-in\" where another status hides that it is outdated") {
                $0.hiddenStaleNote
            },
            .flag("has_supporter_counts", "whether objectives align to it (their statuses are counted)") {
                $0.supportersDistribution != nil
            },
            .text("supporter_counts", "\"5 beitragende Ziele: 3 Auf Kurs, 1 Gefährdet, 1 Nicht auf Kurs\"") { v in
                v.supportersDistribution.map {
                    StatusWords(site: v.site).distribution($0, key: "distribution_supporters")
                } ?? ""
            },
            .html("supporter_bar", "their statuses as a stacked bar (SVG)") { v in
                v.supportersDistribution.map { d in v.site.chart { DistributionBar.svg(d, labels: v.site.labels) } }
                    ?? ""
            },
            .flag("has_confidence", "whether a check-in gave a confidence") { $0.confidence != nil },
            .text("confidence", "the latest confidence: `0,7`") { $0.confidence ?? "" },
            .text("confidence_date", "the date of the latest confidence") { v in
                v.state.latestConfidence.map { v.f.date($0.date) } ?? ""
            },
            .text("confidence_cell", "the table's confidence cell: the confidence or `–`") { $0.confidence ?? "–" },
            .text("confidence_as_of", "\"vom 20.10.2026\": when the confidence was given") { v in
                v.state.latestConfidence.map { v.t.format("kr_confidence_date", ["date": v.f.date($0.date)]) } ?? ""
            },
            .text(
                "value_line",
                "start → current / target with the unit (metrics), else `current`: \"5.000 → 5.610 / 6.000 Follower\""
            ) {
                $0.valueLine
            },
            .flag("has_checkin_due", "whether a next check-in is due (open work of a running period)") {
                $0.checkInDue != nil
            },
            .text(
                "checkin_due_label",
                "\"Check-in fällig am 04.12.2026\", \"… heute fällig\", \"… seit 3 Tagen überfällig\""
            ) {
                $0.checkInDueLabel
            },
            .flag("checkin_overdue", "whether the next check-in is overdue") { $0.checkInDue?.isOverdue ?? false },
            .flag("has_edit", "whether the site has `edit_url:`: the row links to its lines in the Git web editor") {
                $0.site.org.config.editURL != nil
            },
            .text("edit_url", "the objective's file in the Git web editor, at this key result's line") {
                $0.site.routes.edit($0.objective, keyResult: $0.keyResult) ?? ""
            },
            .flag("has_last_checkin", "whether it has a check-in") { $0.state.latestCheckin != nil },
            .flag("has_last_note", "whether the newest check-in has a note") { $0.latestNote != nil },
            .text("last_note", "the newest check-in's note") { $0.latestNote ?? "" },
            .text("last_checkin", "the date of the newest check-in") { v in
                v.state.latestCheckin.map { v.f.date($0.date) } ?? ""
            },
            .text("last_checkin_cell", "the table's cell: the newest check-in's date or `–`") { v in
                v.state.latestCheckin.map { v.f.date($0.date) } ?? "–"
            },
            .flag("has_score", "whether it is graded") { $0.state.score != nil },
            .text("score", "its score once graded") { v in v.state.score.map { v.f.decimal1($0) } ?? "" },
            .text("score_band", "the score's band once graded") {
                $0.state.score.map { ScoreBand(score: $0).rawValue } ?? ""
            },
            .list("supported_by", "the objectives aligned to this key result") { $0.supporters },
            .flag("has_supporters", "whether objectives are aligned to it") {
                !$0.site.org.publishedChildren(of: $0.objective, keyResult: $0.keyResult).isEmpty
            },
            .list("depends_on", "what this key result needs from other objectives (`depends_on:`)") {
                $0.dependencies
            },
            .flag("has_depends_on", "whether it depends on a published objective") {
                !$0.site.org.publishedDependencies(of: $0.objective, keyResult: .some($0.keyResult)).isEmpty
            },
            .flag("has_checkins", "whether it has check-ins") { !$0.state.checkins.isEmpty },
            .html("checkin_table", "its check-ins as a table") { $0.checkinTable },
            .flag("has_trend", "whether it has a chart") { $0.hasTrend },
            .html("trend", "its trend chart (SVG): values for metrics, confidence for the others") { $0.trend ?? "" },
            .flag("has_forecast_text", "whether the row says where it lands or why there is no forecast yet") {
                !$0.forecastText.isEmpty
            },
            .text(
                "forecast_text",
                "while the period runs: \"Bei diesem Tempo: 82 % am 31.12. (74–90 %)\" or \"Noch keine Prognose: ab 18.10.\""
            ) {
                $0.forecastText
            },
            .flag("has_forecast", "whether it has a forecast (open periods only)") { $0.forecast != nil },
            .text("forecast_pct", "the forecast progress at the period's end: `82 %`") { v in
                v.forecast.map { v.f.percent($0.progress) } ?? ""
            },
            .text("forecast_band", "the forecast's band as progress, `74–90 %`; empty when it is one value") { v in
                v.forecast.flatMap { ForecastWords(site: v.site).band($0) } ?? ""
            },
        ])
}
