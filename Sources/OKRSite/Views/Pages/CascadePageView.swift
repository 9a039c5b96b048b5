import OKRCore

/// `cascade/PERIOD.html` and `cascade/PERIOD/ID.html`: a period's alignment tree, company → department
/// → team, nested and collapsible; or the part below one objective when the whole is too large.
public struct CascadePageView: PageView {
    public let frame: PageFrame
    /// The period.
    public let period: PeriodIndex
    /// The objective a part of the tree starts at; `nil` for the period's whole cascade.
    public let top: ObjectiveIndex?

    init(_ m: SiteModel, period p: PeriodIndex, top: ObjectiveIndex?) {
        period = p
        self.top = top
        let title = m.t.format("cascade_title", ["period": m.org.periods[p].id])
        if let top {
            frame = PageFrame(
                m, .cascadePart(top), title: "\(title): \(m.org.objectives[top].title)", section: "cascade")
        } else {
            frame = PageFrame(m, .cascade(p), title: title, section: "cascade")
        }
    }

    private var site: SiteModel { frame.site }
    private var chain: [(parent: ObjectiveIndex, keyResult: KeyResultIndex?, afterGap: Bool)] {
        top.map { site.shownChain(of: $0) } ?? []
    }

    public static let schema = ViewSchema<CascadePageView>(
        "CascadePage", "`cascade.mustache`: a period's cascade, or a part of it.",
        fields: [
            .view("period", "the period") { PeriodHeaderView(site: $0.site, period: $0.period) },
            .html("tree_html", "the tree's items, from `partials/cascade/*`") {
                CascadeTree.html($0.site, period: $0.period, top: $0.top)
            },
            .text("map_url", "the period's alignment map") { $0.site.routes.path(.map($0.period)) },
            .flag("has_objectives", "whether the tree has objectives") {
                $0.top != nil || !$0.site.figures[$0.period].objectives.isEmpty
            },
            .flag("is_subtree", "whether the page shows a part of the period's tree") { $0.top != nil },
            .list("switcher", "links to every period's cascade (none on a part's page)") { v in
                v.top != nil ? [] : PeriodSwitcher.items(v.site, current: v.period) { v.site.routes.cascade($0) }
            },
            .text("period_cascade_url", "on a part's page: the period's whole cascade") { v in
                v.top == nil ? "" : v.site.routes.cascade(v.period)
            },
            .list("why_chain", "on a part's page: the objectives above it, from the top down") { v in
                v.chain.reversed().map {
                    ChainStepView(
                        summary: ObjectiveSummaryView(site: v.site, $0.parent), keyResult: $0.keyResult,
                        afterGap: $0.afterGap)
                }
            },
            .flag("chain_gap", "whether that chain skips ancestors after its first entry") {
                $0.chain.last?.afterGap ?? false
            },
        ])
}

/// `map/PERIOD.html`: the period's alignment graph drawn in layers (see ``AlignmentMap``).
public struct MapPageView: PageView {
    public let frame: PageFrame
    /// The period.
    public let period: PeriodIndex
    private let layout: AlignmentMap.Layout

    init(_ m: SiteModel, _ p: PeriodIndex) {
        period = p
        frame = PageFrame(
            m, .map(p), title: m.t.format("map_title", ["period": m.org.periods[p].id]), section: "cascade")
        let f = m.figures[p]
        layout = AlignmentMap.layout(
            m.org, period: p, objectives: f.objectives, rollUp: f.rollUp, distribution: f.teamDistribution,
            teamURL: { m.routes.team($0) }, objectiveURL: { m.routes.objective($0) })
    }

    private var site: SiteModel { frame.site }

    public static let schema = ViewSchema<MapPageView>(
        "MapPage", "`map.mustache`: a period's alignment map.",
        fields: [
            .view("period", "the period") { PeriodHeaderView(site: $0.site, period: $0.period) },
            .html("map", "the map (SVG)") { v in
                v.site.chart { AlignmentMap.svg(v.layout, labels: v.site.labels, id: "map") }
            },
            .flag("has_map", "whether a map is drawn") { !$0.layout.nodes.isEmpty && $0.site.drawCharts },
            .flag("team_map", "whether the map shows teams (large periods) rather than objectives") { $0.layout.teams },
            .text("cascade_url", "the period's cascade") { $0.site.routes.cascade($0.period) },
            .list("dependencies", "the period's dependencies between published objectives, as text beside the map") {
                v in
                v.site.figures[v.period].objectives.flatMap { v.site.org.publishedDependencies(of: $0) }.map {
                    DependencyView(site: v.site, $0, onDependentSide: true)
                }
            },
            .flag("has_dependencies", "whether the period has dependencies (the map draws them dashed, with a legend)")
            { v in
                v.site.figures[v.period].objectives.contains { !v.site.org.publishedDependencies(of: $0).isEmpty }
            },
            .list("switcher", "links to every period's map") { v in
                PeriodSwitcher.items(v.site, current: v.period) { v.site.routes.path(.map($0)) }
            },
        ])
}
