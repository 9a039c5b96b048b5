import OKRCore

/// What lists show of a published objective, computed once per build: strings already formatted in
/// the site's language, and its small charts. Shared by reference: every page that lists the objective
/// reads the same one.
public final class ObjectiveSummary: Sendable {
    /// The objective.
    public let objective: ObjectiveIndex
    /// Its title.
    public let title: String
    /// Its page.
    public let url: String
    /// Its team, if known.
    public let team: TeamIndex?
    /// Its owner (as written, else the team's lead).
    public let owner: String?
    /// Progress as a percentage: `42 %`.
    public let progressPct: String
    /// The status that counts.
    public let status: Status
    /// "ambitioniert" / "verbindlich".
    public let typeLabel: String
    /// Whether the objective is committed.
    public let committed: Bool
    /// The number of key results.
    public let krCount: Int
    /// "erwartet 0,7" / "erwartet 1,0".
    public let expectedScoreLabel: String
    /// The score once graded: `0,7`.
    public let score: String?
    /// The score's band once graded.
    public let band: ScoreBand?
    /// Once graded: whether the score meets what the objective's type expects ("met" or "below").
    public let verdict: String?
    /// Its period, if known.
    public let period: PeriodIndex?
    /// The progress bar (band-coloured once graded).
    public let progressBar: String
    /// The status ring of lists and the cascade.
    public let ring: String
    /// ` data-f-team="…" data-f-status="…" data-f-owner="…" data-f-period="…"`: what the list filters
    /// (`assets/filter.js`) match list items by, written once per objective.
    public let filterAttributes: String

    /// The summary of published objective `o`.
    init(_ m: SiteModel, _ o: ObjectiveIndex) {
        let org = m.org
        let objective = org.objectives[o]
        let state = org.states[o]
        let score = state.score
        self.objective = o
        title = objective.title
        url = m.routes.objective(o)
        team = org.objectiveTeam[o]
        owner = org.owner(of: o)
        progressPct = m.format.percent(state.progress)
        status = state.status
        typeLabel = m.t["type_\(objective.type.rawValue)"]
        committed = objective.type == .committed
        krCount = objective.keyResults.count
        expectedScoreLabel = m.components.expectedScoreLabels[objective.type] ?? ""
        self.score = score.map { m.format.decimal1($0) }
        band = score.map { ScoreBand(score: $0) }
        verdict = score.map { ObjectiveSummary.verdict(score: $0, type: objective.type) }
        period = org.objectivePeriod[o]
        progressBar = m.chart {
            ProgressBar.svg(
                progress: state.progress, expected: state.score == nil && m.isOpen(o) ? state.expected : nil,
                status: state.status, labels: m.labels, band: state.score.map { ScoreBand(score: $0) })
        }
        ring = m.chart {
            StatusRing.svg(
                progress: state.progress, status: state.status, labels: m.labels,
                band: state.score.map { ScoreBand(score: $0) })
        }
        let teamID = org.objectiveTeam[o].map { org.teams.teams[$0].id } ?? ""
        let periodID = org.objectivePeriod[o].map { org.periods[$0].id } ?? ""
        filterAttributes =
            " data-f-team=\"\(HTML.escape(teamID))\" data-f-status=\"\(state.status.rawValue)\""
            + " data-f-owner=\"\(HTML.escape(org.owner(of: o) ?? ""))\" data-f-period=\"\(HTML.escape(periodID))\""
            // An outdated key result behind a worse status or an owner's call: the "outdated" filter finds
            // it all the same, as the outdated counts count it.
            + (state.status != .outdated && state.hasStaleKeyResult
                ? " data-f-outdated=\"true\"" : "")
    }

    /// "met" when a score reaches what the type expects (1.0 committed, 0.7 aspirational), else "below".
    static func verdict(score: Double, type: ObjectiveType) -> String {
        Progress.roundScore(score) >= type.expectedScore - Progress.epsilon ? "met" : "below"
    }
}
