import OKRContent
import OKRCore

/// Pieces of HTML every page places, rendered once per build from the theme's partials: the status
/// badge per status, the grade badge per score, the navigation per section, the search box, a link
/// per person, and each published objective's summary and line.
///
/// An objective appears on many pages (cascade, team, person, period, the why chains of its
/// contributors); its line (`partials/objective-line`) is rendered once, where others align to it, and
/// placed as `{{{line_html}}}`.
/// Its card (`partials/objective-card`, `{{{card_html}}}`) is rendered where a page shows it: cards
/// appear on two pages each (team, owner), and keeping them took 17 MB at 10,000 objectives against
/// 0.5 s of CPU to render them twice — memory is the tighter budget. Pages link relative to the
/// site root through `<base href>`, so a component's HTML is the same on every page.
///
/// Filled in stages while the ``SiteModel`` is created (later stages use earlier ones); read-only
/// once the model is complete, which is before any page renders.
public final class Components: @unchecked Sendable {
    /// `partials/status` per status.
    private(set) var status: [Status: String] = [:]
    /// `partials/grade` per score in tenths (0…10).
    private var grades: [Int: String] = [:]
    /// `partials/nav` per section.
    private var nav: [String: String] = [:]
    /// `partials/site-search`: the search box in every page's header.
    private(set) var searchBox = ""
    /// `partials/person-link` per person, by name.
    private var persons: [String: String] = [:]
    /// "erwartet 0,7" / "erwartet 1,0" per objective type.
    private(set) var expectedScoreLabels: [ObjectiveType: String] = [:]
    /// Each published objective's summary; `nil` for unpublished ones.
    private(set) var summaries: IndexedArray<ObjectiveIndex, ObjectiveSummary?> = []
    /// The rendered lines of published objectives that others align to (`nil` for the rest).
    private var lines: IndexedArray<ObjectiveIndex, String?> = []
    /// Each objective's summary signature (see ``Signatures``), to reuse components after an edit.
    public private(set) var summarySignatures: IndexedArray<ObjectiveIndex, Int> = []

    private unowned let site: SiteModel

    /// Components of `m`, empty until ``build(previous:)``.
    init(_ m: SiteModel) {
        site = m
    }

    /// Renders everything, taking over the components of `previous` whose objective is unchanged;
    /// called once by the model's initialiser, once `self` is in place.
    func build(previous: Components?) {
        let m = site
        let org = m.org
        for s in Status.allCases { status[s] = m.render("partials/status", StatusView(site: m, status: s)) }
        for type in ObjectiveType.allCases {
            expectedScoreLabels[type] = m.t.format("score_expected", ["score": m.format.decimal1(type.expectedScore)])
        }
        for section in NavView.sections { nav[section] = m.render("partials/nav", NavView(site: m, section: section)) }
        searchBox = m.render("partials/site-search", EmptyView())
        for tenths in 0...10 {
            grades[tenths] = m.render("partials/grade", GradeView(site: m, score: Double(tenths) / 10))
        }
        for person in m.people.all {
            persons[person.name] = m.render("partials/person-link", PersonLinkView(site: m, name: person.name))
        }
        let signatures = Parallel.map(org.objectives.indices) { Signatures.summary(org, $0) }
        summarySignatures = signatures
        let reusable = previous.flatMap { p in
            p.summaries.count == org.objectives.count && p.site.drawCharts == m.drawCharts ? p : nil
        }
        let old = previous?.summarySignatures ?? []
        @Sendable func unchanged(_ o: ObjectiveIndex) -> Bool {
            reusable != nil && old.indices.contains(o) && old[o] == signatures[o] && reusable?.summaries[o] != nil
        }
        summaries = Parallel.map(org.objectives.indices) { o -> ObjectiveSummary? in
            guard org.isPublished[o] else { return nil }
            if unchanged(o), let s = reusable?.summaries[o] { return s }
            return ObjectiveSummary(m, o)
        }
        // Lines of objectives others align to are placed again and again (every page below them shows
        // them in its why chain); a leaf's line appears in a list or two and is rendered there.
        lines = Parallel.map(org.objectives.indices) { o -> String? in
            guard org.isPublished[o], !org.graph.children[o].isEmpty else { return nil }
            if unchanged(o), let line = reusable?.lines[o] { return line }
            return self.renderLine(o)
        }
    }

    /// `partials/status` for a status.
    public func statusHTML(_ s: Status) -> String { status[s] ?? "" }

    /// A group's objectives counted by status (a team, a period, a `children` key result's
    /// supporters), for where a group would otherwise show a status of its own: icons and counts, with
    /// the words for screen readers. Outdated counts those hidden by a worse status too.
    public func distributionHTML(_ d: StatusDistribution) -> String {
        guard !d.isEmpty else { return "" }
        let labels = site.labels
        // The stacked bar and the icons with counts are for the eye; the words are for screen readers.
        let bar = site.chart { DistributionBar.svg(d, labels: labels) }
        return
            "<span class=\"distribution\"><span aria-hidden=\"true\">\(bar)\(HTML.escape(labels.countsShort(d)))</span>"
            + "<span class=\"visually-hidden\">\(HTML.escape(labels.countsWords(d)))</span></span>"
    }

    /// `partials/grade` for a score: the graded view's badge in place of the status.
    public func gradeHTML(_ score: Double) -> String {
        let tenths = Int(rounding: Progress.roundScore(score) * 10)
        if let cached = grades[tenths], Double(tenths) / 10 == score { return cached }
        return site.render("partials/grade", GradeView(site: site, score: score))
    }

    /// `partials/nav` for a section (`""` marks none as current).
    public func navHTML(_ section: String) -> String { nav[section] ?? "" }

    /// `partials/person-link` for a person with a page, the escaped name for anyone else.
    public func personHTML(_ name: String) -> String { persons[name] ?? HTML.escape(name) }

    /// A published objective's summary.
    public func summary(_ o: ObjectiveIndex) -> ObjectiveSummary? { summaries[o] }

    /// A published objective's line (`partials/objective-line`), kept or rendered now.
    public func lineHTML(_ o: ObjectiveIndex) -> String {
        if lines.indices.contains(o), let line = lines[o] { return line }
        return renderLine(o)
    }

    private func renderLine(_ o: ObjectiveIndex) -> String {
        site.render("partials/objective-line", ObjectiveLineView(summary: ObjectiveSummaryView(site: site, o)))
    }

    /// A published objective's card (`partials/objective-card`).
    public func cardHTML(_ o: ObjectiveIndex) -> String {
        site.render("partials/objective-card", ObjectiveCardView(ObjectiveSummaryView(site: site, o)))
    }
}
