/// OKR009: a committed objective that scored below 1.0 at the end of its period has a `retro:` that says
/// why. Committed objectives are promises; a miss is worth a short post-mortem, and writing it is what
/// silences the rule. Drafts of closed periods were never promised and are left alone.
public enum OKR009CommittedMissed: LintRule {
    public static let id = "OKR009"
    public static let title = "missed committed objectives get a retro"
    public static let why =
        "A committed objective is expected to reach 1.0; one that does not needs a post-mortem of its planning "
        + "or execution."
    public static let source = "Google's OKR playbook (whatmatters.com)"

    public static func check(_ context: LintContext) -> [LintFinding] {
        let org = context.org
        return context.closed.compactMap { o -> LintFinding? in
            let objective = org.objectives[o]
            guard objective.type == .committed, !objective.draft, let score = org.states[o].score,
                score < 1 - Progress.epsilon, (objective.retro ?? "").allSatisfy(\.isWhitespace),
                let p = org.objectivePeriod[o]
            else { return nil }
            return LintFinding(
                "committed objective \"\(objective.id)\" scored \(context.number(score)) in \(context.periodID(p)), "
                    + "below the 1.0 it promised; write in retro: what got in the way and what changes",
                at: (objective.typeMark ?? Mark()).location(in: objective.path), objectives: [o])
        }
    }
}
