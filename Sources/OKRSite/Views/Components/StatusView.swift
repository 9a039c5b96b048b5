import OKRCore

/// A status: the raw value for CSS classes, its name and its icon (`partials/status`).
public struct StatusView: TemplateView {
    let site: SiteModel
    /// The status.
    public let status: Status

    /// "Auf Kurs" / "on track".
    public var label: String { site.t["status_\(status.rawValue)"] }
    /// The status's icon character.
    public var icon: String { site.t["icon_\(status.rawValue)"] }

    public static let schema = ViewSchema<StatusView>(
        "Status", "A status: `partials/status` renders it; lists place the result as `{{{status_html}}}`.",
        fields: [
            .text("status", "`done`, `on-track`, `at-risk`, `off-track` or `outdated`, for CSS classes") {
                $0.status.rawValue
            },
            .text("status_label", "its name in the site's language") { $0.label },
            .text("status_icon", "its icon") { $0.icon },
            .text("status_help_url", "its entry on the help page: `help.html#status-at-risk`") {
                $0.site.routes.help("status-\($0.status.rawValue)")
            },
        ])
}

/// A grade: a score with its band (`partials/grade`).
public struct GradeView: TemplateView {
    let site: SiteModel
    /// The score, 0…1.
    public let score: Double

    /// The band of the score.
    public var band: ScoreBand { ScoreBand(score: score) }

    public static let schema = ViewSchema<GradeView>(
        "Grade", "A score with its band: `partials/grade` renders it in place of the status once graded.",
        fields: [
            .text("score", "the score with one decimal: `0,7`") { $0.site.format.decimal1($0.score) },
            .text("band", "`red`, `yellow` or `green`, for CSS classes") { $0.band.rawValue },
            .text("band_label", "the band's name") { $0.site.t["band_\($0.band.rawValue)"] },
            .text("score_help_url", "the score's entry on the help page: `help.html#score`") {
                $0.site.routes.help("score")
            },
        ])
}

/// A view without fields, for templates that need only UI strings (`partials/site-search`, the
/// cascade's constant pieces).
public struct EmptyView: TemplateView {
    /// The empty view.
    public init() {}

    public static let schema = ViewSchema<EmptyView>("Empty", "No fields: only `{{t.…}}` strings.", fields: [])
}

/// Whether a tree's node has children (the closing pieces of `partials/cascade/kr-close` and
/// `partials/team-tree/close`).
public struct TreeCloseView: TemplateView {
    /// Whether the node opened a list of children that must be closed.
    public let hasChildren: Bool

    public static let schema = ViewSchema<TreeCloseView>(
        "TreeClose", "The end of a tree node.",
        fields: [.flag("has_children", "whether the node has a list of children to close") { $0.hasChildren }])
}
