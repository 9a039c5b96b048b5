import OKRCore

/// `objectives/ID.html`: one objective in full — its why chain up to the company goal, owner, team,
/// type, status, the key-result table, who supports each KR, the Markdown body and the check-ins.
public struct ObjectivePageView: PageView {
    let site: SiteModel
    /// The objective.
    public let objective: ObjectiveIndex
    public let frame: PageFrame
    /// The objective's head: its summary with the words for its type and origin.
    public let head: ObjectiveHeadView
    private let chain: Lazy<[(parent: ObjectiveIndex, keyResult: KeyResultIndex?, afterGap: Bool)]>
    private let burnUpChart: Lazy<(chart: String, table: String)?>
    private let lineageItems: Lazy<[LineageItemView]>

    /// The page of published objective `o`.
    init(_ m: SiteModel, _ o: ObjectiveIndex) {
        site = m
        objective = o
        frame = PageFrame(m, .objective(o), title: m.org.objectives[o].title, section: "cascade")
        head = ObjectiveHeadView(summary: ObjectiveSummaryView(site: m, o))
        chain = Lazy { m.shownChain(of: o) }
        burnUpChart = Lazy { ObjectivePageView.burnUp(m, o) }
        lineageItems = Lazy { ObjectivePageView.lineage(m, o) }
    }

    private var org: Organisation { site.org }
    private var period: PeriodIndex? { org.objectivePeriod[objective] }

    /// The why chain from the company objective down to (not including) this one.
    public var whyChain: [ChainStepView] {
        chain.get.reversed().map { step in
            ChainStepView(
                summary: ObjectiveSummaryView(site: site, step.parent), keyResult: step.keyResult,
                afterGap: step.afterGap)
        }
    }

    /// Whether the chain skips ancestors (the gap follows the topmost entry, which comes first).
    public var chainGap: Bool { chain.get.last?.afterGap ?? false }

    /// The objectives it aligns to besides its primary one.
    public var alsoAligned: [ChainStepView] {
        org.publishedParents(of: objective).dropFirst().map { e in
            ChainStepView(summary: ObjectiveSummaryView(site: site, e.parent), keyResult: e.keyResult, afterGap: false)
        }
    }

    /// The objective it continues and those that continue it (`continues:`), published only.
    public var lineage: [LineageItemView] { lineageItems.get }

    private static func lineage(_ m: SiteModel, _ o: ObjectiveIndex) -> [LineageItemView] {
        let org = m.org
        func entry(_ other: ObjectiveIndex, _ key: String) -> LineageItemView {
            let period = org.objectivePeriod[other].map { org.periods[$0].id } ?? ""
            return LineageItemView(
                summary: ObjectiveSummaryView(site: m, other), label: m.t.format(key, ["period": period]))
        }
        var items: [LineageItemView] = []
        if let p = org.publishedPredecessor(of: o) { items.append(entry(p, "objective_continues")) }
        for s in org.publishedSuccessors(of: o) { items.append(entry(s, "objective_continued_by")) }
        return items
    }

    /// "29.11.2026 von Aylin Demir", the name linking to the person's page when there is one.
    public var lastUpdatedHTML: String? {
        guard let last = org.objectives[objective].lastRevision else { return nil }
        var author = PersonLinkView(site: site, name: last.author).html
        while author.last?.isNewline == true { author.removeLast() }  // the partial's final line break
        return site.t.formatHTML(
            "objective_last_updated_value", ["date": HTML.escape(site.format.date(last.day)), "author": author])
    }

    /// The key results.
    public var keyResults: [KeyResultRowView] {
        org.objectives[objective].keyResults.indices.map { KeyResultRowView(site: site, objective, $0) }
    }

    /// The objectives that support this one as a whole.
    public var supportedWhole: [ObjectiveSummaryView] {
        org.publishedChildren(of: objective, keyResult: nil).map { ObjectiveSummaryView(site: site, $0) }
    }

    /// What this objective and its key results need from other teams' objectives ("Braucht von").
    public var needs: [DependencyView] {
        org.publishedDependencies(of: objective).map { DependencyView(site: site, $0, onDependentSide: true) }
    }

    /// Who needs this objective or one of its key results ("Hilft").
    public var helps: [DependencyView] {
        org.publishedDependents(of: objective).map { DependencyView(site: site, $0, onDependentSide: false) }
    }

    /// The burn-up chart and its table, when charts are drawn and the objective has a period.
    public var burnUp: (chart: String, table: String)? { burnUpChart.get }

    private static func burnUp(_ m: SiteModel, _ o: ObjectiveIndex) -> (chart: String, table: String)? {
        let org = m.org
        guard m.drawCharts, let p = org.objectivePeriod[o] else { return nil }
        let points = m.history[o]
        guard
            let chart = BurnUpChart.svg(
                points: points, period: org.periods[p], asOf: org.asOf, status: org.states[o].status, labels: m.labels,
                id: "burnup")
        else { return nil }
        return (chart, BurnUpChart.table(points: points, period: org.periods[p], labels: m.labels))
    }

    /// The end of a closed period: the grade and the closing note.
    public var closing: ClosingView? {
        org.states[objective].score.map { ClosingView(site: site, objective: objective, score: $0) }
    }

    /// The objective's forecast in words while its period runs ("Bei diesem Tempo: 64 % am 31.12.
    /// (58–70 %)"), or why there is none yet; empty in closed periods.
    public var forecastText: String {
        ForecastWords(site: site).text(org.states[objective].forecast, open: site.isOpen(objective)) ?? ""
    }

    public static let schema = ViewSchema<ObjectivePageView>(
        "ObjectivePage", "`objective.mustache`: one objective in full.",
        fields: [
            .view("objective", "the objective's head") { $0.head },
            .list("lineage", "the objective it continues and those continuing it") { $0.lineage },
            .flag("has_lineage", "whether it continues or is continued") { !$0.lineage.isEmpty },
            .list("tags", "its tags") { $0.org.objectives[$0.objective].tags },
            .flag("has_tags", "whether it has tags") { !$0.org.objectives[$0.objective].tags.isEmpty },
            .flag("has_last_updated", "whether git history knows its last change") {
                $0.org.objectives[$0.objective].lastRevision != nil
            },
            .html("last_updated_html", "\"29.11.2026 von Aylin Demir\", the name linked") { $0.lastUpdatedHTML ?? "" },
            .list("why_chain", "its chain of published parents, from the top down") { $0.whyChain },
            .flag("chain_gap", "whether the chain skips ancestors after its first entry") { $0.chainGap },
            .flag("has_why_chain", "whether it aligns to a published objective") {
                !$0.org.publishedParents(of: $0.objective).isEmpty
            },
            .flag("is_company", "whether it is a company objective") {
                $0.org.objectiveTeam[$0.objective] == $0.org.teams.root
            },
            .flag("not_aligned", "whether a team objective aligns to nothing published") {
                $0.org.publishedParents(of: $0.objective).isEmpty
                    && $0.org.objectiveTeam[$0.objective] != $0.org.teams.root
            },
            .flag("has_also", "whether it aligns to more than one objective") {
                $0.org.publishedParents(of: $0.objective).count > 1
            },
            .list("also_aligned", "the objectives it aligns to besides the first") { $0.alsoAligned },
            .optional("period", "its period") { v in v.period.map { PeriodHeaderView(site: v.site, period: $0) } },
            .text("expected_label", "\"erwartet heute: 68 %\"") { v in
                v.site.t.format(
                    "objective_expected", ["expected": v.site.format.percent(v.org.states[v.objective].expected)])
            },
            .flag("open", "whether its period is running") { $0.site.isOpen($0.objective) },
            .text("edit_url", "its file in the company's Git web editor (`edit_url:`), empty without the setting") {
                $0.site.routes.edit($0.objective) ?? ""
            },
            .flag("closed", "whether its period is over") { v in
                v.period.map { v.org.periods[$0].isClosed(asOf: v.org.asOf) } ?? false
            },
            .optional("closing", "the grade and closing note once its period is over") { $0.closing },
            .flag("has_closing", "whether it is graded") { $0.org.states[$0.objective].score != nil },
            .list("krs", "its key results") { $0.keyResults },
            .list("supported_whole", "the objectives that support it as a whole") { $0.supportedWhole },
            .flag("has_supported_whole", "whether objectives support it as a whole") {
                !$0.org.publishedChildren(of: $0.objective, keyResult: nil).isEmpty
            },
            .list("needs", "what it and its key results need from other objectives (`depends_on:`)") { $0.needs },
            .flag("has_needs", "whether it or a key result depends on a published objective") {
                !$0.org.publishedDependencies(of: $0.objective).isEmpty
            },
            .list("helps", "the published objectives that need it or one of its key results") { $0.helps },
            .flag("has_dependencies", "whether it needs or helps a published objective") {
                !$0.org.publishedDependencies(of: $0.objective).isEmpty
                    || !$0.org.publishedDependents(of: $0.objective).isEmpty
            },
            .flag("has_helps", "whether a published objective needs it") {
                !$0.org.publishedDependents(of: $0.objective).isEmpty
            },
            .html("body", "the Markdown body, rendered") {
                $0.site.markdown.html($0.org.objectives[$0.objective].body, headingOffset: 1)
            },
            .flag("has_body", "whether the body has text") {
                !$0.org.objectives[$0.objective].body.allSatisfy(\.isWhitespace)
            },
            .flag("has_history", "whether any key result has check-ins or is a metric") { v in
                let krs = v.org.objectives[v.objective].keyResults
                return krs.indices.contains { !v.org.states[v.objective].keyResults[$0].checkins.isEmpty }
                    || krs.contains { $0.kind == .metric }
            },
            .flag("has_burnup", "whether the burn-up chart is drawn") { $0.burnUp != nil },
            .html("burnup", "the burn-up chart (SVG)") { $0.burnUp?.chart ?? "" },
            .html("burnup_table", "the burn-up's data table") { $0.burnUp?.table ?? "" },
            .flag("has_forecast_text", "whether its period runs and it says where it lands or why it cannot yet") {
                !$0.forecastText.isEmpty
            },
            .text("forecast_text", "\"Bei diesem Tempo: 64 % am 31.12. (58–70 %)\", or why there is no forecast yet") {
                $0.forecastText
            },
        ])
}
