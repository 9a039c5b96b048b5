/// A methodology rule: a hint about how OKRs are written and kept, not a rule of the content format.
///
/// Every rule has an id (`OKR003`) that `lint: { ignore: [OKR003] }` silences, a title, a one-line why
/// and where that why comes from. To add one, write a type in `Lint/` and add it to ``Lint/rules``.
public protocol LintRule: Sendable {
    /// The id printed after the message (`[OKR003]`) and named in ignore lists.
    static var id: String { get }
    /// What the rule asks for, in a few words.
    static var title: String { get }
    /// Why, in one line.
    static var why: String { get }
    /// Where the why comes from (book, author, year).
    static var source: String { get }
    /// The rule's findings over a resolved organisation.
    static func check(_ context: LintContext) -> [LintFinding]
}

/// One thing a rule found.
public struct LintFinding: Sendable {
    /// What is found and what would help, in words an OKR owner understands.
    public var message: String
    /// Where to look.
    public var location: SourceLocation
    /// The objectives the finding is about: `lint: { ignore: [...] }` in any of their files silences it.
    /// One objective for most rules; a team's objectives of a period for the rules about a team.
    public var objectives: [ObjectiveIndex]

    /// Creates a finding.
    public init(_ message: String, at location: SourceLocation, objectives: [ObjectiveIndex]) {
        self.message = message
        self.location = location
        self.objectives = objectives
    }
}

/// What rules look at: the organisation and the objectives in scope, grouped once for all rules.
public struct LintContext: Sendable {
    /// The resolved organisation.
    public let org: Organisation
    /// Objectives with a known team whose period is not over at the as-of date (running or upcoming),
    /// drafts and confidential ones included, in path order. Closed periods are history: only the rules
    /// about grading (OKR009) look at them.
    public let current: [ObjectiveIndex]
    /// Objectives with a known team whose period is over at the as-of date, in path order.
    public let closed: [ObjectiveIndex]
    /// ``current`` grouped by team and period, each group in path order.
    public let teamGroups: [TeamGroup]

    /// The objectives of one team in one period.
    public struct TeamGroup: Sendable {
        /// The team's index.
        public var team: TeamIndex
        /// The period's index.
        public var period: PeriodIndex
        /// The objectives, in path order (never empty).
        public var objectives: [ObjectiveIndex]
    }

    /// A team and a period: the key of a ``TeamGroup``.
    private struct GroupKey: Hashable {
        var team: TeamIndex
        var period: PeriodIndex
    }

    /// Prepares the context.
    public init(_ org: Organisation) {
        self.org = org
        var current: [ObjectiveIndex] = []
        var closed: [ObjectiveIndex] = []
        var groups: [GroupKey: Int] = [:]  // → position in teamGroups
        var teamGroups: [TeamGroup] = []
        for o in org.objectives.indices {
            guard let t = org.objectiveTeam[o], let p = org.objectivePeriod[o] else { continue }
            if org.periods[p].isClosed(asOf: org.asOf) {
                closed.append(o)
                continue
            }
            current.append(o)
            let key = GroupKey(team: t, period: p)
            if let g = groups[key] {
                teamGroups[g].objectives.append(o)
            } else {
                groups[key] = teamGroups.count
                teamGroups.append(TeamGroup(team: t, period: p, objectives: [o]))
            }
        }
        self.current = current
        self.closed = closed
        self.teamGroups = teamGroups
    }

    /// Where a key result is written.
    public func location(of objective: ObjectiveIndex, keyResult k: KeyResultIndex) -> SourceLocation {
        let o = org.objectives[objective]
        return o.keyResults[k].mark.location(in: o.path)
    }

    /// A team's id.
    public func teamID(_ t: TeamIndex) -> String { org.teams.teams[t].id }

    /// A period's id.
    public func periodID(_ p: PeriodIndex) -> String { org.periods[p].id }

    /// A number as people write it in messages: `0.7`, `3`.
    public func number(_ x: Double) -> String { Resolver.format((x * 100).rounded() / 100) }
}
