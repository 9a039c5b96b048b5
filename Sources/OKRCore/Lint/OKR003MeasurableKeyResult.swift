/// OKR003: every key result is measurable — a metric with a start and a target, a milestone, or measured
/// by its children. Published objectives cannot break it (a metric without numbers is an error there);
/// drafts may, so owners can sketch "increase brand awareness" and be told what is missing.
public enum OKR003MeasurableKeyResult: LintRule {
    public static let id = "OKR003"
    public static let title = "every key result is measurable"
    public static let why =
        "\"It's not a key result unless it has a number\" (Marissa Mayer): a metric needs a start and a target; "
        + "what cannot be counted is a milestone."
    public static let source = "John Doerr, Measure What Matters (2018)"

    public static func check(_ context: LintContext) -> [LintFinding] {
        var findings: [LintFinding] = []
        // Outside drafts the reader already reports a metric without numbers as an error.
        for o in context.current where context.org.objectives[o].draft {
            let objective = context.org.objectives[o]
            for (k, kr) in objective.keyResults.indexed() where !kr.isMeasurable {
                let missing =
                    kr.start == nil && kr.target == nil
                    ? "no start and no target" : kr.start == nil ? "no start" : "no target"
                findings.append(
                    LintFinding(
                        "key result \"\(kr.id)\" (\"\(kr.title)\") has \(missing), so nothing measures it; give it "
                            + "numbers, or make it a milestone (kind: milestone)",
                        at: context.location(of: o, keyResult: k), objectives: [o]))
            }
        }
        return findings
    }
}
