import OKRCore

/// `weekly/TEAM.html`: a team's page for its Monday meeting, made to be printed on one A4 sheet — the
/// check-ins due this week or overdue, what changed in the last seven days, and what is at risk or off
/// track, each with its reason. Over the team's own objectives of the current period.
public struct WeeklyPageView: PageView {
    public let frame: PageFrame
    /// The team.
    public let team: TeamIndex
    private let cache: Lazy<Cache>

    private struct Cache {
        var objectives: [ObjectiveIndex]
        var due: [DueCheckInView]
        var checkins: [Changes.CheckInChange]
        var moves: [Changes.StatusMove]
        var weak: [ObjectiveIndex]
        var weakKeyResults: [(ObjectiveIndex, KeyResultIndex)]
    }

    init(_ m: SiteModel, _ t: TeamIndex) {
        team = t
        frame = PageFrame(
            m, .weekly(t), title: m.t.format("weekly_title", ["team": m.org.teams.teams[t].name]), section: "teams")
        cache = Lazy {
            let own = m.org.currentPeriod.map { m.figures[$0].byTeam[t] } ?? []
            let mine = Set(own)
            let org = m.org
            return Cache(
                objectives: own, due: DueCheckInView.list(m, objectives: own),
                checkins: m.changes.checkins.filter { mine.contains($0.objective) },
                moves: (m.changes.objectiveMoves + m.changes.keyResultMoves).filter { mine.contains($0.objective) },
                weak: own.filter { org.states[$0].status <= .atRisk },
                weakKeyResults: own.flatMap { o in
                    org.objectives[o].keyResults.indices.filter { org.states[o].keyResults[$0].status <= .atRisk }
                        .map { (o, $0) }
                })
        }
    }

    private var site: SiteModel { frame.site }

    public static let schema = ViewSchema<WeeklyPageView>(
        "WeeklyPage", "`weekly.mustache`: a team's page for its weekly meeting, printable on A4.",
        fields: [
            .view("team", "the team") { TeamLinkView(site: $0.site, team: $0.team) },
            .optional("period", "the current period") { v in
                v.site.org.currentPeriod.map { PeriodHeaderView(site: v.site, period: $0) }
            },
            .text("intro", "which days and objectives the page covers") { v in
                v.site.t.format(
                    "weekly_intro",
                    [
                        "from": v.site.format.date(v.site.changes.since.adding(days: 1)),
                        "to": v.site.format.date(v.site.org.asOf),
                    ])
            },
            .flag("has_objectives", "whether the team has objectives in the current period") {
                !$0.cache.get.objectives.isEmpty
            },
            .list("due", "check-ins due within a week or overdue, most overdue first") { $0.cache.get.due },
            .flag("has_due", "whether any check-in is due") { !$0.cache.get.due.isEmpty },
            .list("checkins", "the week's check-ins of the team's objectives, newest first") { v in
                v.cache.get.checkins.map { CheckInChangeView(site: v.site, change: $0) }
            },
            .flag("has_checkins", "whether there were check-ins this week") { !$0.cache.get.checkins.isEmpty },
            .list("moves", "objectives whose status moved this week") { v in
                v.cache.get.moves.filter { $0.keyResult == nil }.map {
                    StatusMoveView(
                        site: v.site, summary: ObjectiveSummaryView(site: v.site, $0.objective), from: $0.from,
                        to: $0.to, byTimeAlone: $0.timeOnly)
                }
            },
            .list("kr_moves", "key results whose status moved this week") { v in
                v.cache.get.moves.compactMap { move in
                    move.keyResult.map {
                        KeyResultMoveView(
                            site: v.site, objective: move.objective, keyResult: $0, from: move.from, to: move.to,
                            byTimeAlone: move.timeOnly)
                    }
                }
            },
            .flag("has_moves", "whether any status moved this week") { !$0.cache.get.moves.isEmpty },
            .list("weak", "objectives at risk or off track, with their reasons") { v in
                v.cache.get.weak.map { ObjectiveSummaryView(site: v.site, $0) }
            },
            .list("weak_krs", "key results at risk or off track, with their reasons") { v in
                v.cache.get.weakKeyResults.map { KeyResultRowView(site: v.site, $0.0, $0.1) }
            },
            .flag("has_weak", "whether anything is at risk or off track") { !$0.cache.get.weakKeyResults.isEmpty },
            .text("team_url", "the team's page") { $0.site.routes.team($0.team) },
        ])
}
