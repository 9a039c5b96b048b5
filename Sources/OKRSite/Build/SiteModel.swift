import OKRContent
import OKRCore

/// What every page of one build shares, computed once: the resolved organisation, its routes, formats
/// and figures, and the components rendered once (``Components``). Views read it; it never changes
/// while pages render in parallel.
public final class SiteModel: @unchecked Sendable {
    /// The resolved organisation.
    public let org: Organisation
    /// Templates, strings, assets.
    public let theme: Theme
    /// Where every page and file goes.
    public let routes: Routes
    /// Numbers and dates in the site's language.
    public let format: Formatter
    /// Strings and formats for charts.
    public let labels: ChartLabels
    /// People with pages.
    public let people: People
    /// Figures per period.
    public let figures: IndexedArray<PeriodIndex, PeriodFigures>
    /// Periods newest first (by start), the order of archives and sections.
    public let periodsNewestFirst: [PeriodIndex]
    /// Markdown renderer.
    public let markdown: Markdown
    /// Each objective's burn-up (weekly progress from its key results' check-ins); empty without charts.
    public let history: IndexedArray<ObjectiveIndex, [ProgressPoint]>
    /// What changed in the seven days up to the as-of date (the "What changed" page and the feeds).
    public let changes: Changes
    /// Per period: the objectives whose part of the cascade gets a page of its own.
    public let cascadeSplits: IndexedArray<PeriodIndex, [ObjectiveIndex]>
    /// Whether charts are drawn (`--no-charts` turns them off for text-only themes and measurements).
    public let drawCharts: Bool
    /// Each objective's topmost ancestor along published primary alignments (itself for a root).
    let chainTop: IndexedArray<ObjectiveIndex, ObjectiveIndex>

    /// Components rendered once per build (lines, cards, badges, links); set at the end of `init`.
    public private(set) var components: Components!

    /// Why chains show at most this many nearest ancestors; a longer chain shows the top after a gap.
    public static let chainLimit = 10

    /// Prepares the shared model and renders every objective's components (in parallel). With
    /// `previous` (a model of the same objectives, theme and settings), components of objectives whose
    /// summary is unchanged are taken over instead of rendered again.
    public init(org: Organisation, theme: Theme, charts: Bool = true, previous: SiteModel? = nil) {
        self.org = org
        self.theme = theme
        drawCharts = charts
        format = Formatter(language: org.config.language, monthNames: theme.strings.monthNames)
        labels = ChartLabels(strings: theme.strings, format: format)
        people = People(org)
        routes = Routes(org, people: people)
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
        components = Components(self)
        components.build(previous: previous?.components)
    }

    /// The UI strings.
    public var t: Strings { theme.strings }

    /// Renders template `name` for `view`, as a string.
    public func render<V: TemplateView>(_ name: String, _ view: V) -> String {
        theme.templates.string(name, view)
    }

    /// A chart, or "" when charts are off.
    public func chart(_ draw: () -> String?) -> String {
        drawCharts ? draw() ?? "" : ""
    }

    /// Whether the objective's period is running at the as-of date (the expectation marker applies).
    public func isOpen(_ o: ObjectiveIndex) -> Bool {
        org.objectivePeriod[o].map { org.periods[$0].contains(org.asOf) } ?? false
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

    /// Bars comparing `teams`' roll-ups in period `p`, and their data table.
    public func teamComparison(_ teams: [TeamIndex], period p: PeriodIndex, id: String) -> (
        chart: String, table: String
    )? {
        guard drawCharts else { return nil }
        let bars = teams.filter { figures[p].rollUp[$0].count > 0 }.map { t -> TeamComparisonChart.Bar in
            let progress = figures[p].rollUp[t].progress
            return TeamComparisonChart.Bar(
                label: org.teams.teams[t].name, url: routes.team(t), progress: progress,
                distribution: figures[p].teamDistribution[t])
        }
        let expected = org.periods[p].contains(org.asOf) ? org.periods[p].expected(asOf: org.asOf) : nil
        guard let chart = TeamComparisonChart.svg(bars, expected: expected, labels: labels, id: id) else { return nil }
        return (chart, TeamComparisonChart.table(bars, labels: labels))
    }
}
