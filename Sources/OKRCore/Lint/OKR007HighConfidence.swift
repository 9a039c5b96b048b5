/// OKR007: a team is not near-certain of its aspirational objectives. Averages the latest confidence of
/// every key result not yet done of the team's aspirational objectives in a period; 0.9 or more hints
/// at goals set too low (sandbagging). Committed objectives are promises and are meant to be certain.
public enum OKR007HighConfidence: LintRule {
    public static let id = "OKR007"
    public static let title = "aspirational objectives are not near-certain"
    public static let why =
        "An aspirational objective is expected to reach about 0.7; a team that is 90 % sure of everything has "
        + "set its goals too low (sandbagging)."
    public static let source = "Google's OKR playbook (whatmatters.com)"

    /// The mean confidence from which the rule speaks.
    public static let threshold = 0.9

    public static func check(_ context: LintContext) -> [LintFinding] {
        let org = context.org
        var findings: [LintFinding] = []
        for g in context.teamGroups {
            let aspirational = g.objectives.filter { org.objectives[$0].type == .aspirational }
            var sum = 0.0
            var count = 0
            for o in aspirational {
                for ks in org.states[o].keyResults where ks.progress < 1 - Progress.epsilon {
                    guard let c = ks.latestConfidence?.confidence, (0...1).contains(c) else { continue }
                    sum += c
                    count += 1
                }
            }
            guard count > 0, sum / Double(count) >= threshold - Progress.epsilon else { continue }
            let first = org.objectives[aspirational[0]]
            findings.append(
                LintFinding(
                    "team \"\(context.teamID(g.team))\" is \(context.number(sum / Double(count))) confident on average "
                        + "across \(count) open key result\(count == 1 ? "" : "s") of aspirational objectives in "
                        + "\(context.periodID(g.period)); near-certain stretch goals were set too low (sandbagging) — "
                        + "aim higher",
                    at: first.teamLocation, objectives: aspirational))
        }
        return findings
    }
}
