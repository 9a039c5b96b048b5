import OKRCore

/// `changes.html`: what changed in the seven days up to the as-of date (``Changes``) — the week's
/// check-ins with the value they replaced, status moves of objectives and key results, and new
/// objectives. The site's Atom feed carries the same.
public struct ChangesPageView: PageView {
    public let frame: PageFrame

    /// Rows per list: a 10,000-objective organisation checks in 30,000 times a week, more than a page
    /// can usefully show (the newest come first; each objective's page lists all its check-ins).
    static let shown = 500

    init(_ m: SiteModel) {
        frame = PageFrame(m, .changes, title: m.t["changes_title"], section: "changes")
    }

    private var site: SiteModel { frame.site }
    private var changes: Changes { site.changes }

    /// "… und 1.234 weitere" when a list has more than ``shown`` rows.
    private func more(_ count: Int) -> String {
        count > Self.shown ? site.t.format("changes_more", ["count": site.format.integer(count - Self.shown)]) : ""
    }

    public static let schema = ViewSchema<ChangesPageView>(
        "ChangesPage", "`changes.mustache`: what changed in the last seven days.",
        fields: [
            .text("intro", "which days the page covers") { v in
                v.site.t.format(
                    "changes_intro",
                    [
                        "from": v.site.format.date(v.changes.since.adding(days: 1)),
                        "to": v.site.format.date(v.site.org.asOf),
                    ])
            },
            .flag("nothing", "whether nothing changed") { $0.changes.isEmpty },
            .list("moves", "objectives whose status moved, newest first") { v in
                v.changes.objectiveMoves.prefix(shown).map {
                    StatusMoveView(
                        site: v.site, summary: ObjectiveSummaryView(site: v.site, $0.objective), from: $0.from,
                        to: $0.to, byTimeAlone: $0.timeOnly)
                }
            },
            .flag("has_moves", "whether any objective's status moved") { !$0.changes.objectiveMoves.isEmpty },
            .text("moves_more", "how many moves are not shown") { $0.more($0.changes.objectiveMoves.count) },
            .list("checkins", "the week's check-ins, newest first") { v in
                v.changes.checkins.prefix(shown).map { CheckInChangeView(site: v.site, change: $0) }
            },
            .flag("has_checkins", "whether there were check-ins") { !$0.changes.checkins.isEmpty },
            .text("checkins_more", "how many check-ins are not shown") { $0.more($0.changes.checkins.count) },
            .list("kr_moves", "key results whose status moved") { v in
                v.changes.keyResultMoves.prefix(shown).compactMap { move in
                    move.keyResult.map {
                        KeyResultMoveView(
                            site: v.site, objective: move.objective, keyResult: $0, from: move.from, to: move.to,
                            byTimeAlone: move.timeOnly)
                    }
                }
            },
            .flag("has_kr_moves", "whether any key result's status moved") { !$0.changes.keyResultMoves.isEmpty },
            .text("kr_moves_more", "how many are not shown") { $0.more($0.changes.keyResultMoves.count) },
            .list("new_objectives", "objectives new this week") { v in
                v.changes.newObjectives.prefix(shown).map { ObjectiveSummaryView(site: v.site, $0) }
            },
            .flag("has_new", "whether there are new objectives") { !$0.changes.newObjectives.isEmpty },
            .text("new_more", "how many are not shown") { $0.more($0.changes.newObjectives.count) },
        ])
}

/// An objective whose status moved.
public struct StatusMoveView: TemplateView {
    let site: SiteModel
    /// The objective.
    public let summary: ObjectiveSummaryView
    /// The status before.
    public let from: Status
    /// The status now.
    public let to: Status
    /// Whether no check-in of the objective lies in the window: time passing alone moved it.
    public let byTimeAlone: Bool

    public static let schema = ViewSchema<StatusMoveView>(
        "StatusMove", "An objective whose status moved.",
        fields: Field.embed(\.summary) + [
            .html("from_html", "the status badge before") { $0.site.components.statusHTML($0.from) },
            .html("to_html", "the status badge now") { $0.site.components.statusHTML($0.to) },
            .flag("by_time", "whether the move came from time passing alone, without a check-in") { $0.byTimeAlone },
            .text("cause", "why it moved, in words: time passing, or a check-in of the week") {
                $0.site.t[$0.byTimeAlone ? "changes_cause_time" : "changes_cause_checkin"]
            },
        ])
}

/// A key result whose status moved.
public struct KeyResultMoveView: TemplateView {
    let site: SiteModel
    /// The objective.
    public let objective: ObjectiveIndex
    /// The key result.
    public let keyResult: KeyResultIndex
    /// The status before.
    public let from: Status
    /// The status now.
    public let to: Status
    /// Whether the key result had no check-in in the window: time passing alone moved it.
    public let byTimeAlone: Bool

    public static let schema = ViewSchema<KeyResultMoveView>(
        "KeyResultMove", "A key result whose status moved.",
        fields: [
            .flag("by_time", "whether the move came from time passing alone, without a check-in") { $0.byTimeAlone },
            .text("cause", "why it moved, in words: time passing, or a check-in of the week") {
                $0.site.t[$0.byTimeAlone ? "changes_cause_time" : "changes_cause_checkin"]
            },
            .text("kr_title", "the key result's title") {
                $0.site.org.objectives[$0.objective].keyResults[$0.keyResult].title
            },
            .text("url", "its row on the objective's page") { $0.site.routes.keyResult($0.objective, $0.keyResult) },
            .view("objective", "its objective") { ObjectiveLinkView(site: $0.site, objective: $0.objective) },
            .html("from_html", "the status badge before") { $0.site.components.statusHTML($0.from) },
            .html("to_html", "the status badge now") { $0.site.components.statusHTML($0.to) },
        ])
}

/// A check-in of the week.
public struct CheckInChangeView: TemplateView {
    let site: SiteModel
    /// The check-in and what it replaced.
    public let change: Changes.CheckInChange

    private var described: (change: String, note: String?, author: String?) { CheckInWords.describe(site, change) }

    public static let schema = ViewSchema<CheckInChangeView>(
        "CheckInChange", "A check-in of the week.",
        fields: [
            .text("date", "its date") { $0.site.format.date($0.change.checkin.date) },
            .text("kr_title", "the key result's title") {
                $0.site.org.objectives[$0.change.objective].keyResults[$0.change.keyResult].title
            },
            .text("url", "the key result's row") { $0.site.routes.keyResult($0.change.objective, $0.change.keyResult) },
            .view("objective", "its objective") { ObjectiveLinkView(site: $0.site, objective: $0.change.objective) },
            .text("change", "\"5.120 → 5.390 Follower\", \"erledigt\"") { $0.described.change },
            .text("note", "its note (or where it came from in git)") { $0.described.note ?? "" },
            .flag("has_note", "whether it has a note") { $0.described.note != nil },
            .text("confidence", "its confidence, or `–`") { v in
                v.change.checkin.confidence.map { v.site.format.decimal1($0) } ?? "–"
            },
        ])
}

/// An objective named by a change: its title, page and team (published or not: the change shows only
/// published objectives' check-ins).
public struct ObjectiveLinkView: TemplateView {
    let site: SiteModel
    /// The objective.
    public let objective: ObjectiveIndex

    public static let schema = ViewSchema<ObjectiveLinkView>(
        "ObjectiveLink", "An objective with its page and team.",
        fields: [
            .text("title", "its title") { $0.site.org.objectives[$0.objective].title },
            .text("url", "its page") { $0.site.routes.objective($0.objective) },
            .optional("team", "its team") { v in
                v.site.org.objectiveTeam[v.objective].map { TeamLinkView(site: v.site, team: $0) }
            },
        ])
}

/// `search/index.html`: searches objectives, key results, teams and people in the browser, over the
/// index in `search/data.js` (``SearchIndex``). Without JavaScript the page says so and links to the
/// browsable indexes.
public struct SearchPageView: PageView {
    public let frame: PageFrame

    init(_ m: SiteModel) {
        frame = PageFrame(m, .search, title: m.t["search_title"], section: "search")
    }

    public static let schema = ViewSchema<SearchPageView>(
        "SearchPage", "`search.mustache`: the search page.",
        fields: [
            .text("data_js", "the search index's path") { _ in Routes.searchData },
            .text("search_js", "the search script's path") { $0.frame.site.theme.assetPaths["assets/search.js"] ?? "" },
        ])
}

/// `404.html`: served by web servers for any missing path, so its links use `base_url` when set.
public struct NotFoundPageView: PageView {
    public let frame: PageFrame

    init(_ m: SiteModel) {
        var frame = PageFrame(m, .notFound, title: m.t["notfound_title"], section: "")
        // Served for missing paths at any depth: with base_url the links are absolute and always work;
        // without, they work for misses in the site's top folder.
        frame.root = m.org.config.baseURL
        self.frame = frame
    }

    public static let schema = ViewSchema<NotFoundPageView>(
        "NotFoundPage", "`404.mustache`: the page for missing paths.", fields: [])
}
