/// OKR002: an objective has 2–5 key results.
public enum OKR002KeyResultsPerObjective: LintRule {
    public static let id = "OKR002"
    public static let title = "2–5 key results per objective"
    public static let why =
        "One key result rarely shows that an objective is reached, more than five blur what matters; Doerr: "
        + "five or fewer per objective."
    public static let source = "John Doerr, Measure What Matters (2018)"

    /// The range that stays silent.
    public static let range = 2...5

    public static func check(_ context: LintContext) -> [LintFinding] {
        context.current.compactMap { o -> LintFinding? in
            let objective = context.org.objectives[o]
            let n = objective.keyResults.count
            // No key results at all is an error of the content format, reported by the resolver.
            guard n > 0, !range.contains(n) else { return nil }
            let message =
                n < range.lowerBound
                ? "objective \"\(objective.id)\" has only 1 key result; a second one shows whether the objective "
                    + "is really reached (aim for 2–5)"
                : "objective \"\(objective.id)\" has \(n) key results; more than 5 blur what matters (aim for 2–5)"
            return LintFinding(message, at: objective.keyResultsLocation, objectives: [o])
        }
    }
}
