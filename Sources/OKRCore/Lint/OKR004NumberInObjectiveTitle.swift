/// OKR004: an objective's title holds no number; numbers belong in its key results.
public enum OKR004NumberInObjectiveTitle: LintRule {
    public static let id = "OKR004"
    public static let title = "objective titles hold no numbers"
    public static let why =
        "The objective says, qualitatively, where to go; the key results say in numbers how far you got."
    public static let source = "Christina Wodtke, Radical Focus (2016)"

    public static func check(_ context: LintContext) -> [LintFinding] {
        context.current.compactMap { o -> LintFinding? in
            let objective = context.org.objectives[o]
            guard let number = TitleWords.firstNumber(in: objective.title) else { return nil }
            return LintFinding(
                "objective title holds the number \"\(number)\"; keep the objective qualitative and put the number "
                    + "in a key result",
                at: objective.titleMark.location(in: objective.path), objectives: [o])
        }
    }
}
