import OKRCore

/// `help.html`: how to read the portal — progress, the expected-today marker, each status and the
/// owner's call, confidence, committed and aspirational objectives, score and bands, and the status
/// distributions of teams and periods. Its entries are anchors (`#progress`, `#expected`,
/// `#status-at-risk`, …) that status badges, grades and the marker's notes link to (``Routes/help(_:)``).
public struct HelpPageView: PageView {
    public let frame: PageFrame

    init(_ m: SiteModel) {
        frame = PageFrame(m, .help, title: m.t["help_title"], section: "help")
    }

    /// The statuses, weakest first, each with its badge and what it means.
    public var statuses: [HelpStatusView] {
        Status.allCases.sorted().map { HelpStatusView(status: StatusView(site: frame.site, status: $0)) }
    }

    public static let schema = ViewSchema<HelpPageView>(
        "HelpPage", "`help.mustache`: how to read the portal.",
        fields: [
            .list("statuses", "the statuses, weakest first, with their badges and meaning") { $0.statuses },
            .text("stale_text", "what makes a key result outdated, with the site's `stale_after_days`") {
                $0.frame.site.t.format(
                    "help_status_outdated", ["days": String($0.frame.site.org.config.staleAfterDays)])
            },
            .html("example_bar", "a progress bar at 40 % with the marker at 60 %, drawn like every other") {
                v in
                let m = v.frame.site
                return m.chart {
                    ProgressBar.svg(progress: 0.4, expected: 0.6, status: .atRisk, labels: m.labels, band: nil)
                }
            },
            .text("example_expected", "the example's expected share: `60 %`") { $0.frame.site.format.percent(0.6) },
            .text("example_progress", "the example's progress: `40 %`") { $0.frame.site.format.percent(0.4) },
            .html("example_grade", "a grade badge, as graded objectives show it") {
                $0.frame.site.components.gradeHTML(0.7)
            },
        ])
}

/// A status on the help page: its badge, its anchor and what it means.
public struct HelpStatusView: TemplateView {
    /// The status.
    public let status: StatusView

    public static let schema = ViewSchema<HelpStatusView>(
        "HelpStatus", "A status explained on the help page.",
        fields: Field.embed(\.status) + [
            .text("anchor", "its anchor: `status-at-risk`") { "status-\($0.status.status.rawValue)" },
            .html("badge_html", "its badge") { $0.status.site.components.statusHTML($0.status.status) },
            .text("meaning", "what it means") { v in
                let m = v.status.site
                return v.status.status == .outdated
                    ? m.t.format("help_status_outdated", ["days": String(m.org.config.staleAfterDays)])
                    : m.t["help_status_\(v.status.status.rawValue)"]
            },
        ])
}
