/// OKR006: an objective of any team but the company aligns to an objective or key result above it.
public enum OKR006NotAligned: LintRule {
    public static let id = "OKR006"
    public static let title = "team objectives are aligned"
    public static let why =
        "Alignment shows how a team's work serves the company's goals; unaligned objectives are fine now and "
        + "then, but they should be a choice."
    public static let source = "John Doerr, Measure What Matters (2018)"

    public static func check(_ context: LintContext) -> [LintFinding] {
        let org = context.org
        return context.current.compactMap { o -> LintFinding? in
            let objective = org.objectives[o]
            guard objective.alignsTo.isEmpty, let t = org.objectiveTeam[o], t != org.teams.root else { return nil }
            return LintFinding(
                "not aligned: team \"\(objective.team)\" is not the company, but this objective names no objective "
                    + "or key result above it in aligns_to",
                at: objective.idLocation, objectives: [o])
        }
    }
}
