import OKRCore

/// A published objective as lists show it: what `partials/objective-line` renders, and what every
/// list of objectives offers its items (with the rendered line and card).
public struct ObjectiveSummaryView: TemplateView {
    let site: SiteModel
    /// The objective.
    public let objective: ObjectiveIndex
    /// Its figures, formatted once per build.
    public let summary: ObjectiveSummary
    /// Its status.
    let statusView: StatusView

    /// The summary of published objective `o`.
    init(site: SiteModel, _ o: ObjectiveIndex) {
        self.site = site
        objective = o
        // Views are made for published objectives only, and every published one has a summary.
        summary = site.components.summary(o)!
        statusView = StatusView(site: site, status: summary.status)
    }

    /// The status badge, or the grade badge once graded.
    public var statusHTML: String {
        if summary.score != nil, let score = site.org.states[objective].score {
            return site.components.gradeHTML(score)
        }
        return site.components.statusHTML(summary.status)
    }
    /// Why it has its status, in words ("schwächstes Schlüsselergebnis: „…“ – 55 % erreicht, heute 68 %
    /// erwartet → Gefährdet"); empty once graded (the grade replaces the status).
    public var statusReason: String {
        guard summary.score == nil else { return "" }
        return StatusWords(site: site).reason(site.org.statusReason(of: objective), objective: objective)
    }
    /// The owner, linked.
    public var owner: PersonLinkView { PersonLinkView(site: site, name: summary.owner) }
    /// The team, linked.
    public var team: TeamLinkView? { summary.team.map { TeamLinkView(site: site, team: $0) } }
    /// The rendered line.
    public var lineHTML: String { site.components.lineHTML(objective) }
    /// The rendered card.
    public var cardHTML: String { site.components.cardHTML(objective) }

    public static let schema = ViewSchema<ObjectiveSummaryView>(
        "ObjectiveSummary",
        "A published objective in a list: `partials/objective-line` renders one; every list of objectives has these.",
        fields: Field.embed(\.statusView) + [
            .text("id", "the objective's id") { $0.site.org.objectives[$0.objective].id },
            .text("title", "its title") { $0.summary.title },
            .text("url", "its page") { $0.summary.url },
            .optional("team", "its team") { $0.team },
            .view("owner", "its owner (as written, else the team's lead)") { $0.owner },
            .optional("period", "its period") { s in s.summary.period.map { PeriodLinkView(site: s.site, period: $0) }
            },
            .text("progress_pct", "progress as a percentage: `42 %`") { $0.summary.progressPct },
            .html("progress_bar", "the progress bar (SVG), band-coloured once graded") { $0.summary.progressBar },
            .html("ring", "the status ring (SVG) of lists and the cascade") { $0.summary.ring },
            .html("status_html", "the status badge, or the grade badge once graded") { $0.statusHTML },
            .text("status_reason", "why it has its status, in words (its weakest key result); empty once graded") {
                $0.statusReason
            },
            .flag("owner_call", "whether its status comes from an owner's call on its weakest key result") { v in
                v.summary.score == nil && v.site.org.statusReason(of: v.objective).isOwnerCall
            },
            .flag("committed", "whether the objective is committed (else aspirational)") { $0.summary.committed },
            .text("type_label", "committed or aspirational, in words") { $0.summary.typeLabel },
            .number("kr_count", "how many key results it has") { $0.summary.krCount },
            .text("expected_score_label", "what its type expects: `erwartet 0,7`") { $0.summary.expectedScoreLabel },
            .flag("has_score", "whether it is graded (its period is over)") { $0.summary.score != nil },
            .text("score", "the score once graded: `0,7`") { $0.summary.score ?? "" },
            .text("score_band", "the score's band once graded: `red`, `yellow`, `green`") {
                $0.summary.band?.rawValue ?? ""
            },
            .text("score_band_label", "the band's name once graded") { s in
                s.summary.band.map { s.site.t["band_\($0.rawValue)"] } ?? ""
            },
            .text("verdict", "once graded: `met` or `below` what its type expects") { $0.summary.verdict ?? "" },
            .text("verdict_label", "the verdict in words") { s in
                s.summary.verdict.map { s.site.t["verdict_\($0)"] } ?? ""
            },
            .flag("verdict_met", "whether the score meets what its type expects") { $0.summary.verdict == "met" },
            .html("filter_attrs", "the list filters' `data-f-…` attributes for the item") {
                $0.summary.filterAttributes
            },
            .html("line_html", "`partials/objective-line` rendered for it") { $0.lineHTML },
            .html("card_html", "`partials/objective-card` rendered for it") { $0.cardHTML },
        ])
}

/// A published objective with its key results: what `partials/objective-card` renders.
public struct ObjectiveCardView: TemplateView {
    /// The objective's summary.
    public let summary: ObjectiveSummaryView

    /// The card of the objective `summary` shows.
    public init(_ summary: ObjectiveSummaryView) { self.summary = summary }

    /// Its key results.
    public var keyResults: [KeyResultRowView] {
        summary.site.org.objectives[summary.objective].keyResults.indices.map {
            KeyResultRowView(site: summary.site, summary.objective, $0)
        }
    }

    public static let schema = ViewSchema<ObjectiveCardView>(
        "ObjectiveCard", "An objective with its key results: `partials/objective-card` renders one.",
        fields: Field.embed(\.summary, except: ["card_html"]) + [
            .list("krs", "its key results") { $0.keyResults },
            .flag("has_krs", "whether it has key results") { $0.summary.summary.krCount > 0 },
        ])
}

/// A published objective as `partials/objective-line` renders it (its summary, without the rendered
/// line and card it produces).
public struct ObjectiveLineView: TemplateView {
    /// The objective's summary.
    public let summary: ObjectiveSummaryView

    public static let schema = ViewSchema<ObjectiveLineView>(
        "ObjectiveLine", "An objective in one line: `partials/objective-line` renders one.",
        fields: Field.embed(\.summary, except: ["line_html", "card_html"]))
}
