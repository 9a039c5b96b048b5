/// OKR005: a key result measures an outcome, not an activity. A hint from the wording of metric key
/// results ("5 Fachartikel veröffentlichen", "publish 5 articles"); milestones are deliverables by nature
/// and are left alone.
public enum OKR005ActivityKeyResult: LintRule {
    public static let id = "OKR005"
    public static let title = "key results measure outcomes, not activities"
    public static let why =
        "\"Publish 5 articles\" counts output; a key result measures the change the work should bring about."
    public static let source = "Joshua Seiden, Outcomes Over Output (2019)"

    public static func check(_ context: LintContext) -> [LintFinding] {
        var findings: [LintFinding] = []
        for o in context.current {
            let objective = context.org.objectives[o]
            for kr in objective.keyResults where kr.kind == .metric {
                guard let verb = TitleWords.activityVerb(in: kr.title) else { continue }
                findings.append(
                    LintFinding(
                        "key result \"\(kr.id)\" counts an activity (\"\(verb)\"): that measures output, not "
                            + "outcome; measure what the activity should change (reach, leads, quality) instead",
                        at: (kr.titleMark ?? kr.mark).location(in: objective.path), objectives: [o]))
            }
        }
        return findings
    }
}
