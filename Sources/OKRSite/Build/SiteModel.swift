import OKRContent
import OKRCore

/// Everything pages share, computed once per build: the organisation, formats, people, figures per
/// period, and each published objective's summary and components. Read-only while pages render in
/// parallel.
///
/// **Components.** An objective appears on many pages (cascade, team, person, period, the why chains
/// of its contributors). Its line (`partials/objective-line`) and card (`partials/objective-card`) are
/// rendered from the theme's partials once per build and placed by page templates as `{{{line_html}}}`
/// and `{{{card_html}}}`. Pages link relative to the site root through `<base href>`, so a component's
/// HTML is the same on every page.
public final class SiteModel: @unchecked Sendable {
    /// The resolved organisation.
    public let org: Organisation
    /// Templates, strings, assets.
    public let theme: Theme
    /// Numbers and dates in the site's language.
    public let format: Formatter
    /// Strings and formats for charts.
    public let labels: ChartLabels
    /// People with pages.
    public let people: People
    /// Figures per period index.
    public let figures: [PeriodFigures]
    /// Periods newest first (by start), the order of archives and sections.
    public let periodsNewestFirst: [Int]
    /// Markdown renderer.
    public let markdown: Markdown
    /// Each objective's burn-up (weekly progress from its key results' check-ins).
    public let history: [[ProgressPoint]]
    /// The strings table as a Mustache context (`{{t.key}}`).
    public let stringsContext: [String: Any]
    /// Pieces of markup for trees assembled in Swift.
    public let fragments: Fragments
    /// Each published objective's summary with its rendered components; empty for unpublished ones.
    private var summaries: [[String: Any]] = []
    /// `partials/status` rendered for each status.
    private var statusHTML: [Status: String] = [:]
    /// `partials/nav` rendered for each section.
    private var navHTML: [String: String] = [:]
    /// `partials/grade` rendered for each score (tenths 0…10).
    private var gradeHTML: [Int: String] = [:]
    /// `partials/person-link` rendered for each person, by name.
    private var personHTML: [String: String] = [:]

    /// Whether charts are drawn (`--no-charts` turns them off for text-only themes and measurements).
    public let drawCharts: Bool

    /// Prepares the shared model and renders every objective's components (in parallel).
    public init(org: Organisation, theme: Theme, charts: Bool = true) {
        self.org = org
        self.theme = theme
        drawCharts = charts
        format = Formatter(language: org.config.language, monthNames: theme.strings.monthNames)
        labels = ChartLabels(strings: theme.strings, format: format)
        people = People(org)
        figures = org.periods.indices.map { PeriodFigures(org, period: $0) }
        periodsNewestFirst = org.periods.indices.sorted {
            (org.periods[$0].start, $0) > (org.periods[$1].start, $1)
        }
        markdown = Markdown(unsafe: org.config.markdownUnsafe)
        history = charts ? ProgressHistory.series(org) : []
        stringsContext = theme.strings.table
        fragments = Fragments(theme: theme)
        for s in Status.allCases {
            var context = status(s)
            context["t"] = stringsContext
            statusHTML[s] = theme.render("partials/status", context) ?? ""
        }
        for section in ["", "home", "cascade", "teams", "people", "periods"] {
            navHTML[section] = theme.render("partials/nav", ["nav": navigation(section), "t": stringsContext]) ?? ""
        }
        for tenths in 0...10 {
            let band = ScoreBand(score: Double(tenths) / 10)
            let context: [String: Any] = [
                "t": stringsContext, "band": band.rawValue, "band_label": t["band_\(band.rawValue)"],
                "score": format.decimal1(Double(tenths) / 10),
            ]
            gradeHTML[tenths] = theme.render("partials/grade", context) ?? ""
        }
        for person in people.all {
            personHTML[person.name] = theme.render("partials/person-link", personLink(person.name)) ?? ""
        }
        let computed = Parallel.map(Array(org.objectives.indices)) { o -> Unchecked<[String: Any]> in
            guard org.isPublished[o] else { return Unchecked([:]) }
            return Unchecked(self.components(o))
        }
        summaries = computed.map(\.value)
    }

    /// The strings.
    public var t: Strings { theme.strings }

    // MARK: URLs, relative to the site root (pages set `<base href>` to it).

    /// The page of an objective.
    public func url(objective o: Int) -> String { "objectives/\(org.objectives[o].id).html" }
    /// The page of a team.
    public func url(team t: Int) -> String { "teams/\(org.teams.teams[t].id).html" }
    /// The page of a period.
    public func url(period p: Int) -> String { "periods/\(org.periods[p].id).html" }
    /// The cascade of a period.
    public func url(cascade p: Int) -> String { "cascade/\(org.periods[p].id).html" }

    // MARK: Fragments

    /// `status`, `status_label`, `status_icon` of a status, and `status_html` (`partials/status`).
    public func status(_ s: Status) -> [String: Any] {
        [
            "status": s.rawValue, "status_label": t["status_\(s.rawValue)"], "status_icon": t["icon_\(s.rawValue)"],
            "status_html": statusHTML[s] ?? "",
        ]
    }

    /// `partials/grade` for a score: the graded view's badge in place of the status.
    public func gradeBadge(_ score: Double) -> String {
        let tenths = Int((Progress.roundScore(score) * 10).rounded())
        if let cached = gradeHTML[tenths], Double(tenths) / 10 == score { return cached }
        let band = ScoreBand(score: score)
        let context: [String: Any] = [
            "t": stringsContext, "band": band.rawValue, "band_label": t["band_\(band.rawValue)"],
            "score": format.decimal1(score),
        ]
        return theme.render("partials/grade", context) ?? ""
    }

    /// A link to a team: `name`, `url`, `id`.
    public func teamLink(_ t: Int) -> [String: Any] {
        ["name": org.teams.teams[t].name, "url": url(team: t), "id": org.teams.teams[t].id]
    }

    /// A link to a person: `name`, `url`, `has_page`, and `html` (`partials/person-link`).
    public func personLink(_ name: String?) -> [String: Any] {
        guard let name, !name.isEmpty else {
            return ["name": t["owner_none"], "url": "", "has_page": false, "html": HTML.escape(t["owner_none"])]
        }
        let url = people.url(of: name)
        return [
            "name": name, "url": url ?? "", "has_page": url != nil, "html": personHTML[name] ?? HTML.escape(name),
        ]
    }

    /// The period of an objective as a link.
    public func periodLink(_ p: Int) -> [String: Any] {
        ["name": org.periods[p].id, "url": url(period: p)]
    }

    /// A published objective's summary for lists, cards and the cascade, with `line_html` and
    /// `card_html` (its rendered components).
    public func objectiveSummary(_ o: Int) -> [String: Any] { summaries[o] }

    /// The summary, figures and key results of an objective, and its rendered components.
    private func components(_ o: Int) -> [String: Any] {
        var d = summary(o)
        let krs = org.objectives[o].keyResults.indices.map { keyResultRow(o, $0) }
        d["krs"] = krs
        d["has_krs"] = !krs.isEmpty
        var context = d
        context["t"] = stringsContext
        d["line_html"] = theme.render("partials/objective-line", context) ?? ""
        d["card_html"] = theme.render("partials/objective-card", context) ?? ""
        // The rows live on in the card; kept for every objective they would dominate memory.
        d["krs"] = [[String: Any]]()
        return d
    }

    private func summary(_ o: Int) -> [String: Any] {
        let objective = org.objectives[o]
        let state = org.states[o]
        var d = status(state.status)
        d["id"] = objective.id
        d["title"] = objective.title
        d["url"] = url(objective: o)
        d["team"] = org.objectiveTeam[o].map(teamLink) ?? [:]
        d["owner"] = personLink(org.owner(of: o))
        d["progress_pct"] = format.percent(state.progress)
        d["progress_bar"] = chart { ProgressBar.svg(
            progress: state.progress, expected: isOpen(o) ? state.expected : nil, status: state.status, labels: labels) }
        d["ring"] = chart { StatusRing.svg(progress: state.progress, status: state.status, labels: labels) }
        d["committed"] = objective.type == .committed
        d["type_label"] = t["type_\(objective.type.rawValue)"]
        d["kr_count"] = objective.keyResults.count
        d["expected_score_label"] = t.format(
            "score_expected", ["score": format.decimal1(objective.type.expectedScore)])
        if let score = state.score {
            // Graded: the grade takes the status's place, and the bar shows the band's colour.
            d["has_score"] = true
            d["score"] = format.decimal1(score)
            d["score_band"] = ScoreBand(score: score).rawValue
            d["score_band_label"] = t["band_\(ScoreBand(score: score).rawValue)"]
            d["status_html"] = gradeBadge(score)
            d["progress_bar"] = chart { ProgressBar.svg(
                progress: state.progress, expected: nil, status: state.status, labels: labels, band: ScoreBand(score: score)) }
        } else {
            d["has_score"] = false
        }
        d["period"] = org.objectivePeriod[o].map(periodLink) ?? [:]
        return d
    }

    /// A chart, or "" when charts are off.
    public func chart(_ draw: () -> String?) -> String {
        drawCharts ? draw() ?? "" : ""
    }

    /// The status a roll-up of `progress` has in period `p` (same rule as a key result, no "outdated").
    public func rollUpStatus(_ progress: Double, period p: Int) -> Status {
        Progress.status(
            progress: progress, expected: org.periods[p].expected(asOf: org.asOf), staleDays: nil,
            staleAfterDays: org.config.staleAfterDays)
    }

    /// The status-distribution chart of period `p`.
    public func statusChart(period p: Int) -> String {
        chart { StatusDistributionChart.svg(figures[p].statusCounts, labels: labels, id: "status-\(p)") }
    }

    /// Bars comparing `teams`' roll-ups in period `p`, and their data table.
    public func teamComparison(_ teams: [Int], period p: Int, id: String) -> (chart: String, table: String)? {
        guard drawCharts else { return nil }
        let bars = teams.filter { figures[p].rollUp[$0].count > 0 }.map { t -> TeamComparisonChart.Bar in
            let (progress, count) = figures[p].rollUp[t]
            return TeamComparisonChart.Bar(
                label: org.teams.teams[t].name, url: url(team: t), progress: progress,
                status: rollUpStatus(progress, period: p), count: count)
        }
        let expected = org.periods[p].contains(org.asOf) ? org.periods[p].expected(asOf: org.asOf) : nil
        guard let chart = TeamComparisonChart.svg(bars, expected: expected, labels: labels, id: id) else { return nil }
        return (chart, TeamComparisonChart.table(bars, labels: labels))
    }

    /// Whether the objective's period is running at the as-of date (the expectation marker applies).
    public func isOpen(_ o: Int) -> Bool {
        org.objectivePeriod[o].map { org.periods[$0].contains(org.asOf) } ?? false
    }

    /// A key result in a few words for the cascade: title, progress and status (or grade).
    public func keyResultBrief(_ o: Int, _ k: Int) -> [String: Any] {
        let state = org.states[o].keyResults[k]
        return [
            "title": org.objectives[o].keyResults[k].title, "progress_pct": format.percent(state.progress),
            "status_html": state.score.map(gradeBadge) ?? statusHTML[state.status] ?? "",
        ]
    }

    /// One key result's figures for tables and cards.
    public func keyResultRow(_ o: Int, _ k: Int) -> [String: Any] {
        let kr = org.objectives[o].keyResults[k]
        let state = org.states[o].keyResults[k]
        var d = status(state.status)
        d["id"] = kr.id
        d["anchor"] = "kr-\(kr.id)"
        d["title"] = kr.title
        d["kind"] = kr.kind.rawValue
        d["kind_label"] = t["kind_\(kr.kind.rawValue)"]
        d["is_metric"] = kr.kind == .metric
        d["is_milestone"] = kr.kind == .milestone
        d["is_children"] = kr.kind == .children
        d["unit"] = kr.unit ?? ""
        d["has_unit"] = !(kr.unit ?? "").isEmpty
        d["start"] = kr.start.map { format.value($0, unit: kr.unit) } ?? "–"
        d["target"] = kr.target.map { format.value($0, unit: kr.unit) } ?? "–"
        // In tables the unit stands once, under the title; the cells hold bare numbers.
        d["start_n"] = kr.start.map { format.number($0) } ?? "–"
        d["target_n"] = kr.target.map { format.number($0) } ?? "–"
        d["current_n"] = kr.kind == .metric ? state.current.map { format.number($0) } ?? "–" : "–"
        switch kr.kind {
        case .metric: d["current"] = state.current.map { format.value($0, unit: kr.unit) } ?? "–"
        case .milestone: d["current"] = kr.done ? t["milestone_done"] : t["milestone_open"]
        case .children: d["current"] = format.percent(state.progress)
        }
        d["current_cell"] = kr.kind == .metric ? d["current_n"]! : d["current"]!  // both set just above
        if kr.kind == .milestone, let p = org.objectivePeriod[o] {
            d["has_due"] = true
            d["due_label"] = t.format("kr_due", ["date": format.date(kr.due ?? org.periods[p].end)])
        } else {
            d["has_due"] = false
        }
        d["decreasing"] = kr.isDecreasing
        d["weighted"] = kr.weight != 1
        d["weight_label"] = t.format("kr_weight", ["weight": format.number(kr.weight)])
        // The table's cells, composed here so the template places one value per cell.
        var sub = [t["kind_\(kr.kind.rawValue)"]]
        if let unit = kr.unit, !unit.isEmpty { sub.append(unit) }
        if kr.kind == .milestone, let p = org.objectivePeriod[o] {
            sub.append(t.format("kr_due", ["date": format.date(kr.due ?? org.periods[p].end)]))
        }
        if kr.isDecreasing { sub.append(t["kr_decreasing"]) }
        if kr.weight != 1 { sub.append(t.format("kr_weight", ["weight": format.number(kr.weight)])) }
        d["sub_label"] = sub.joined(separator: " · ")
        d["progress_pct"] = format.percent(state.progress)
        d["progress_bar"] = chart { ProgressBar.svg(
            progress: state.progress, expected: isOpen(o) ? org.states[o].expected : nil, status: state.status,
            labels: labels) }
        if let c = state.latestConfidence, let v = c.confidence {
            d["has_confidence"] = true
            d["confidence"] = format.decimal1(v)
            d["confidence_date"] = format.date(c.date)
            d["confidence_cell"] = format.decimal1(v)
        } else {
            d["has_confidence"] = false
            d["confidence_cell"] = "–"
        }
        if let c = state.latestCheckin {
            d["has_last_checkin"] = true
            d["last_checkin"] = format.date(c.date)
            d["last_checkin_cell"] = format.date(c.date)
        } else {
            d["has_last_checkin"] = false
            d["last_checkin_cell"] = "–"
        }
        if let s = state.score {
            d["has_score"] = true
            d["score"] = format.decimal1(s)
            d["score_band"] = ScoreBand(score: s).rawValue
            d["status_html"] = gradeBadge(s)
            d["progress_bar"] = chart { ProgressBar.svg(
                progress: state.progress, expected: nil, status: state.status, labels: labels, band: ScoreBand(score: s)) }
        } else {
            d["has_score"] = false
        }
        return d
    }

    /// The base context of every page: the root for `<base href>`, the stylesheet, strings, navigation.
    public func baseContext(depth: Int, title: String, section: String) -> [String: Any] {
        let root = depth == 0 ? "./" : String(repeating: "../", count: depth)
        return [
            "root": root, "lang": org.config.language, "site_title": org.config.title, "page_title": title,
            "css": theme.assetPaths["assets/style.css"] ?? "", "t": stringsContext,
            "nav_html": navHTML[section] ?? "", "as_of": format.date(org.asOf), "section": section,
            "footer": t.format("footer_as_of", ["date": format.date(org.asOf)]),
        ]
    }

    private func navigation(_ section: String) -> [[String: Any]] {
        let targets: [(String, String)] = [
            ("home", "index.html"),
            ("cascade", org.currentPeriod.map { url(cascade: $0) } ?? "index.html"),
            ("teams", "teams/index.html"), ("people", "people/index.html"), ("periods", "periods/index.html"),
        ]
        return targets.map { ["label": t["nav_\($0.0)"], "url": $0.1, "current": $0.0 == section] }
    }
}

/// Carries a value the compiler cannot prove `Sendable` out of a parallel map; used only for values
/// built inside one task and read-only afterwards.
struct Unchecked<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
