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
    public let figures: IndexedArray<PeriodIndex, PeriodFigures>
    /// Periods newest first (by start), the order of archives and sections.
    public let periodsNewestFirst: [PeriodIndex]
    /// Markdown renderer.
    public let markdown: Markdown
    /// Each objective's burn-up (weekly progress from its key results' check-ins).
    public let history: IndexedArray<ObjectiveIndex, [ProgressPoint]>
    /// What changed in the seven days up to the as-of date (the "What changed" page and the feeds).
    public let changes: Changes
    /// Per period: the objectives whose part of the cascade gets a page of its own.
    public let cascadeSplits: IndexedArray<PeriodIndex, [ObjectiveIndex]>
    /// Each objective's topmost ancestor along published primary alignments (itself for a root).
    private var chainTop: IndexedArray<ObjectiveIndex, ObjectiveIndex> = []

    /// Why chains show at most this many nearest ancestors; a longer chain shows the top after a gap.
    public static let chainLimit = 10
    /// The strings table as a Mustache context (`{{t.key}}`).
    public let stringsContext: [String: Any]
    /// Pieces of markup for trees assembled in Swift.
    public let fragments: Fragments
    /// Each published objective's summary with its rendered line; `nil` for unpublished ones. A struct
    /// of strings, not a dictionary: at 100,000 objectives dictionaries alone took 300 MB.
    private var summaries: IndexedArray<ObjectiveIndex, ObjectiveSummary?> = []
    /// `partials/status` rendered for each status.
    private var statusHTML: [Status: String] = [:]
    /// "erwartet 0,7" / "erwartet 1,0" per objective type.
    private var expectedScoreLabels: [ObjectiveType: String] = [:]
    /// `partials/nav` rendered for each section.
    private var navHTML: [String: String] = [:]
    /// `partials/site-search` rendered once: the search box in every page's header.
    private var searchHTML = ""
    /// `partials/grade` rendered for each score (tenths 0…10).
    private var gradeHTML: [Int: String] = [:]
    /// `partials/person-link` rendered for each person, by name.
    private var personHTML: [String: String] = [:]

    /// Whether charts are drawn (`--no-charts` turns them off for text-only themes and measurements).
    public let drawCharts: Bool

    /// Each objective's summary signature (see ``Signatures``), to reuse components after an edit.
    public private(set) var summarySignatures: IndexedArray<ObjectiveIndex, Int> = []

    /// Prepares the shared model and renders every objective's components (in parallel). With
    /// `previous` (a model of the same objectives, theme and settings), components of objectives
    /// whose summary is unchanged are taken over instead of rendered again.
    public init(org: Organisation, theme: Theme, charts: Bool = true, previous: SiteModel? = nil) {
        self.org = org
        self.theme = theme
        drawCharts = charts
        format = Formatter(language: org.config.language, monthNames: theme.strings.monthNames)
        labels = ChartLabels(strings: theme.strings, format: format)
        people = People(org)
        figures = IndexedArray(org.periods.indices.map { PeriodFigures(org, period: $0) })
        periodsNewestFirst = org.periods.indices.sorted {
            (org.periods[$0].start, $0) > (org.periods[$1].start, $1)
        }
        markdown = Markdown(unsafe: org.config.markdownUnsafe, taskLabel: theme.strings["markdown_task"])
        history = charts ? ProgressHistory.series(org) : []
        changes = Changes.compute(org)
        var top = IndexedArray<ObjectiveIndex, ObjectiveIndex>(org.objectives.indices)
        for o in org.graph.contributorsFirst().reversed() {
            if let parent = org.publishedParents(of: o).first?.parent { top[o] = top[parent] }
        }
        chainTop = top
        let figures = self.figures
        cascadeSplits = IndexedArray(
            org.periods.indices.map { CascadePage.splits(org, period: $0, objectives: figures[$0].objectives) })
        stringsContext = theme.strings.table
        fragments = Fragments(theme: theme)
        for s in Status.allCases {
            var context = status(s)
            context["t"] = stringsContext
            statusHTML[s] = theme.render("partials/status", context) ?? ""
        }
        for type in ObjectiveType.allCases {
            expectedScoreLabels[type] = t.format("score_expected", ["score": format.decimal1(type.expectedScore)])
        }
        for section in ["", "home", "cascade", "teams", "people", "periods", "changes", "search"] {
            navHTML[section] = theme.render("partials/nav", ["nav": navigation(section), "t": stringsContext]) ?? ""
        }
        searchHTML = theme.render("partials/site-search", ["t": stringsContext]) ?? ""
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
        let published = org.isPublished.reduce(0) { $0 + ($1 ? 1 : 0) }
        let keepCards = published <= SiteModel.cardCacheLimit
        let signatures = Parallel.map(org.objectives.indices) { Signatures.summary(org, $0) }
        summarySignatures = signatures
        let reusable = previous.flatMap { p -> IndexedArray<ObjectiveIndex, ObjectiveSummary?>? in
            p.summaries.count == org.objectives.count && p.drawCharts == charts ? p.summaries : nil
        }
        let oldSignatures = previous?.summarySignatures ?? []
        summaries = Parallel.map(org.objectives.indices) { o -> ObjectiveSummary? in
            guard org.isPublished[o] else { return nil }
            if let reusable, oldSignatures.indices.contains(o), oldSignatures[o] == signatures[o], let old = reusable[o]
            {
                return old
            }
            var s = self.summary(o)
            var context = s.context(self)
            context["t"] = self.stringsContext
            s.lineHTML = theme.render("partials/objective-line", context) ?? ""
            if keepCards { s.cardHTML = self.renderCard(o, summary: s) }
            return s
        }
    }

    /// The strings.
    public var t: Strings { theme.strings }

    // MARK: URLs, relative to the site root (pages set `<base href>` to it).

    /// The page of an objective.
    public func url(objective o: ObjectiveIndex) -> String { "objectives/\(org.objectives[o].id).html" }
    /// The page of a team.
    public func url(team t: TeamIndex) -> String { "teams/\(org.teams.teams[t].id).html" }
    /// The page of a period.
    public func url(period p: PeriodIndex) -> String { "periods/\(org.periods[p].id).html" }
    /// The cascade of a period.
    public func url(cascade p: PeriodIndex) -> String { "cascade/\(org.periods[p].id).html" }
    /// The cascade page of a large objective's part of the tree.
    public func url(cascadeOf o: ObjectiveIndex) -> String {
        "cascade/\(org.periods[org.objectivePeriod[o] ?? org.periods.startIndex].id)/\(org.objectives[o].id).html"
    }

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
    public func teamLink(_ t: TeamIndex) -> [String: Any] {
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
    public func periodLink(_ p: PeriodIndex) -> [String: Any] {
        ["name": org.periods[p].id, "url": url(period: p)]
    }

    /// A published objective's summary for lists and the cascade, with `line_html` (its rendered line).
    public func objectiveSummary(_ o: ObjectiveIndex) -> [String: Any] {
        summaries[o]?.context(self) ?? [:]
    }

    /// The summary with the objective's key results and `card_html`, rendered from
    /// `partials/objective-card` (cards are drawn where needed: kept for every objective they took
    /// most of a large build's memory).
    public func objectiveCard(_ o: ObjectiveIndex) -> [String: Any] {
        var d = objectiveSummary(o)
        if let s = summaries[o] { d["card_html"] = s.cardHTML ?? renderCard(o, summary: s) }
        return d
    }

    /// Cards are kept for organisations up to this many published objectives (about 5 KB each);
    /// larger ones render a card each time a page shows it, trading time for memory.
    static let cardCacheLimit = 25_000

    private func renderCard(_ o: ObjectiveIndex, summary: ObjectiveSummary) -> String {
        var context = summary.context(self)
        let krs = org.objectives[o].keyResults.indices.map { keyResultRow(o, $0) }
        context["krs"] = krs
        context["has_krs"] = !krs.isEmpty
        context["t"] = stringsContext
        return theme.render("partials/objective-card", context) ?? ""
    }

    private func summary(_ o: ObjectiveIndex) -> ObjectiveSummary {
        let objective = org.objectives[o]
        let state = org.states[o]
        let score = state.score
        return ObjectiveSummary(
            objective: o, title: objective.title, url: url(objective: o), team: org.objectiveTeam[o],
            owner: org.owner(of: o), progressPct: format.percent(state.progress), status: state.status,
            typeLabel: t["type_\(objective.type.rawValue)"], committed: objective.type == .committed,
            krCount: objective.keyResults.count,
            expectedScoreLabel: expectedScoreLabels[objective.type] ?? "",
            score: score.map { format.decimal1($0) }, band: score.map { ScoreBand(score: $0) },
            verdict: score.map { ObjectiveSummary.verdict(score: $0, type: objective.type) },
            period: org.objectivePeriod[o], progressBar: progressBar(o),
            ring: chart { StatusRing.svg(progress: state.progress, status: state.status, labels: labels) },
            filterAttributes: filterAttributes(o), lineHTML: "", cardHTML: nil)
    }

    /// ` data-f-team="…" data-f-status="…" data-f-owner="…" data-f-period="…"`: what the list filters
    /// (`assets/filter.js`) match list items by, written once per objective and placed as
    /// `{{{filter_attrs}}}` (one variable instead of four per item and page).
    private func filterAttributes(_ o: ObjectiveIndex) -> String {
        let team = org.objectiveTeam[o].map { org.teams.teams[$0].id } ?? ""
        let period = org.objectivePeriod[o].map { org.periods[$0].id } ?? ""
        return " data-f-team=\"\(HTML.escape(team))\" data-f-status=\"\(org.states[o].status.rawValue)\""
            + " data-f-owner=\"\(HTML.escape(org.owner(of: o) ?? ""))\" data-f-period=\"\(HTML.escape(period))\""
    }

    /// The progress bar of an objective (band-coloured once graded).
    func progressBar(_ o: ObjectiveIndex) -> String {
        let state = org.states[o]
        return chart {
            ProgressBar.svg(
                progress: state.progress, expected: state.score == nil && isOpen(o) ? state.expected : nil,
                status: state.status, labels: labels, band: state.score.map { ScoreBand(score: $0) })
        }
    }

    /// A chart, or "" when charts are off.
    public func chart(_ draw: () -> String?) -> String {
        drawCharts ? draw() ?? "" : ""
    }

    /// The why chain of an objective, nearest first: its published primary ancestors, at most
    /// ``chainLimit`` of them, then — if the chain is longer — the topmost one, marked as following a
    /// gap. (A chain thousands deep would otherwise make every page list thousands of ancestors.)
    public func shownChain(of o: ObjectiveIndex) -> [(
        parent: ObjectiveIndex, keyResult: KeyResultIndex?, afterGap: Bool
    )] {
        var result: [(parent: ObjectiveIndex, keyResult: KeyResultIndex?, afterGap: Bool)] = []
        var current = o
        var seen: Set<ObjectiveIndex> = [o]
        while let edge = org.publishedParents(of: current).first, seen.insert(edge.parent).inserted {
            if result.count == SiteModel.chainLimit {
                let top = chainTop[o]
                // The key result the top's child serves is not shown across the gap.
                result.append(top == edge.parent ? (edge.parent, edge.keyResult, false) : (top, nil, true))
                return result
            }
            result.append((edge.parent, edge.keyResult, false))
            current = edge.parent
        }
        return result
    }

    /// The status a roll-up of `progress` has in period `p` (same rule as a key result, no "outdated").
    public func rollUpStatus(_ progress: Double, period p: PeriodIndex) -> Status {
        Progress.status(
            progress: progress, expected: org.periods[p].expected(asOf: org.asOf), staleDays: nil,
            staleAfterDays: org.config.staleAfterDays)
    }

    /// The status-distribution chart of period `p`.
    public func statusChart(period p: PeriodIndex) -> String {
        chart { StatusDistributionChart.svg(figures[p].statusCounts, labels: labels, id: "status-\(p.raw)") }
    }

    /// Bars comparing `teams`' roll-ups in period `p`, and their data table.
    public func teamComparison(_ teams: [TeamIndex], period p: PeriodIndex, id: String) -> (
        chart: String, table: String
    )? {
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
    public func isOpen(_ o: ObjectiveIndex) -> Bool {
        org.objectivePeriod[o].map { org.periods[$0].contains(org.asOf) } ?? false
    }

    /// A key result in a few words for the cascade: title, progress and status (or grade).
    public func keyResultBrief(_ o: ObjectiveIndex, _ k: KeyResultIndex) -> [String: Any] {
        let state = org.states[o].keyResults[k]
        return [
            "title": org.objectives[o].keyResults[k].title, "progress_pct": format.percent(state.progress),
            "status_html": state.score.map(gradeBadge) ?? statusHTML[state.status] ?? "",
        ]
    }

    /// One key result's figures for tables and cards.
    public func keyResultRow(_ o: ObjectiveIndex, _ k: KeyResultIndex) -> [String: Any] {
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
        if kr.score != nil && state.score != nil {
            sub.append(t.format("score_manual_kr", ["computed": format.decimal1(Progress.roundScore(state.progress))]))
        }
        d["sub_label"] = sub.joined(separator: " · ")
        d["progress_pct"] = format.percent(state.progress)
        d["progress_bar"] = chart {
            ProgressBar.svg(
                progress: state.progress, expected: isOpen(o) ? org.states[o].expected : nil, status: state.status,
                labels: labels)
        }
        if let c = state.latestConfidence, let v = c.confidence {
            d["has_confidence"] = true
            d["confidence"] = format.decimal1(v)
            d["confidence_date"] = format.date(c.date)
            d["confidence_cell"] = format.decimal1(v)
            d["confidence_as_of"] = t.format("kr_confidence_date", ["date": format.date(c.date)])
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
            d["progress_bar"] = chart {
                ProgressBar.svg(
                    progress: state.progress, expected: nil, status: state.status, labels: labels,
                    band: ScoreBand(score: s))
            }
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
            "nav_html": navHTML[section] ?? "", "search_html": section == "search" ? "" : searchHTML,
            "as_of": format.date(org.asOf), "section": section,
            "footer": t.format("footer_as_of", ["date": format.date(org.asOf)]),
            "feed_title": t.format("feed_title", ["site": org.config.title]), "team_feed": false,
        ]
    }

    private func navigation(_ section: String) -> [[String: Any]] {
        let targets: [(String, String)] = [
            ("home", "index.html"),
            ("cascade", org.currentPeriod.map { url(cascade: $0) } ?? "index.html"),
            ("teams", "teams/index.html"), ("people", "people/index.html"), ("periods", "periods/index.html"),
            ("changes", "changes.html"),
        ]
        return targets.map { ["label": t["nav_\($0.0)"], "url": $0.1, "current": $0.0 == section] }
    }
}

/// What lists show of a published objective, kept for the whole build: strings already formatted,
/// and its rendered line.
struct ObjectiveSummary: Sendable {
    var objective: ObjectiveIndex
    var title: String
    var url: String
    var team: TeamIndex?
    var owner: String?
    var progressPct: String
    var status: Status
    var typeLabel: String
    var committed: Bool
    var krCount: Int
    var expectedScoreLabel: String
    var score: String?
    var band: ScoreBand?
    /// Once graded: whether the score meets what the objective's type expects ("met" or "below").
    var verdict: String?
    var period: PeriodIndex?
    var progressBar: String
    var ring: String
    /// The list filters' data attributes (see `SiteModel.filterAttributes`).
    var filterAttributes: String
    var lineHTML: String
    var cardHTML: String?

    /// "met" when a score reaches what the type expects (1.0 committed, 0.7 aspirational), else "below".
    static func verdict(score: Double, type: ObjectiveType) -> String {
        Progress.roundScore(score) >= type.expectedScore - Progress.epsilon ? "met" : "below"
    }

    /// The Mustache context (`title`, `url`, `team`, `owner`, `progress_pct`, `progress_bar`, `ring`,
    /// `status_html`, `score`, `line_html`, …).
    func context(_ m: SiteModel) -> [String: Any] {
        var d = m.status(status)
        d["id"] = m.org.objectives[objective].id
        d["title"] = title
        d["url"] = url
        d["team"] = team.map(m.teamLink) ?? [:]
        d["owner"] = m.personLink(owner)
        d["progress_pct"] = progressPct
        d["progress_bar"] = progressBar
        d["ring"] = ring
        d["committed"] = committed
        d["type_label"] = typeLabel
        d["kr_count"] = krCount
        d["expected_score_label"] = expectedScoreLabel
        d["krs"] = [[String: Any]]()
        d["has_krs"] = false
        if let score, let band {
            // Graded: the grade takes the status's place.
            d["has_score"] = true
            d["score"] = score
            d["score_band"] = band.rawValue
            d["score_band_label"] = m.t["band_\(band.rawValue)"]
            d["status_html"] = m.gradeBadge(m.org.states[objective].score ?? 0)
            d["verdict"] = verdict ?? ""
            d["verdict_label"] = m.t["verdict_\(verdict ?? "met")"]
            d["verdict_met"] = verdict == "met"
        } else {
            d["has_score"] = false
        }
        d["period"] = period.map(m.periodLink) ?? [:]
        d["line_html"] = lineHTML
        d["filter_attrs"] = filterAttributes
        return d
    }
}
