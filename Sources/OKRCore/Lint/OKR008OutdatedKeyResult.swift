/// OKR008: a key result's newest check-in is recent. Fires for what the portal shows as "outdated": a
/// metric in a running period whose newest check-in is older than `stale_after_days`, also when an
/// owner's call shows another status (``KeyResultState/isStale``): a call needs fresh numbers too.
public enum OKR008OutdatedKeyResult: LintRule {
    public static let id = "OKR008"
    public static let title = "key results are checked in regularly"
    public static let why =
        "An old number says nothing about today; a weekly check-in with a confidence keeps OKRs alive."
    public static let source = "Christina Wodtke, Radical Focus (2016)"

    public static func check(_ context: LintContext) -> [LintFinding] {
        let org = context.org
        var findings: [LintFinding] = []
        for o in context.current {
            let objective = org.objectives[o]
            for (k, ks) in org.states[o].keyResults.indexed() where ks.isStale {
                guard let last = ks.latestCheckin else { continue }
                let kr = objective.keyResults[k]
                findings.append(
                    LintFinding(
                        "key result \"\(kr.id)\" is outdated: its newest check-in (\(last.date)) is "
                            + "\(last.date.days(to: org.asOf)) days old, more than stale_after_days "
                            + "(\(org.config.staleAfterDays)); add a check-in",
                        at: context.location(of: o, keyResult: k), objectives: [o]))
            }
        }
        return findings
    }
}
