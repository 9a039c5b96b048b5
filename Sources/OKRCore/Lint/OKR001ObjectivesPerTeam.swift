/// OKR001: a team sets 2–5 objectives per period.
public enum OKR001ObjectivesPerTeam: LintRule {
    public static let id = "OKR001"
    public static let title = "2–5 objectives per team and period"
    public static let why =
        "A few objectives keep a team focused on what matters most; Doerr recommends three to five per cycle."
    public static let source = "John Doerr, Measure What Matters (2018)"

    /// The range that stays silent.
    public static let range = 2...5

    public static func check(_ context: LintContext) -> [LintFinding] {
        context.teamGroups.compactMap { g -> LintFinding? in
            let n = g.objectives.count
            guard !range.contains(n) else { return nil }
            let first = context.org.objectives[g.objectives[0]]
            let team = context.teamID(g.team)
            let period = context.periodID(g.period)
            let message =
                n < range.lowerBound
                ? "team \"\(team)\" has only 1 objective in \(period); 2–5 give a team a focus to steer by "
                    + "(Doerr recommends 3–5)"
                : "team \"\(team)\" has \(n) objectives in \(period); more than 5 dilute the focus (Doerr "
                    + "recommends 3–5)"
            return LintFinding(message, at: first.teamLocation, objectives: g.objectives)
        }
    }
}
