import OKRCore

/// The key figures of one period, over its published objectives.
public struct PeriodFigures: Sendable {
    /// Published objectives of the period, by team (pre-order), within a team by priority (see
    /// ``OKRCore/Organisation/inPriorityOrder(_:)``) then path.
    public var objectives: [ObjectiveIndex]
    /// Objectives of the root team, by priority then path.
    public var companyObjectives: [ObjectiveIndex]
    /// Teams with at least one published objective.
    public var teamsWithOKRs: Int
    /// Published objectives outside the root team.
    public var alignable: Int
    /// Of those, the ones with a published parent.
    public var aligned: Int
    /// How many objectives have each status, and how many are outdated shown or hidden (see
    /// ``OKRCore/StatusDistribution``). A period has no status of its own.
    public var distribution: StatusDistribution
    /// Objectives per status shown (each objective once; outdated only where it is the status shown).
    public var statusCounts: [Status: Int] {
        Dictionary(uniqueKeysWithValues: Status.allCases.map { ($0, distribution[$0]) })
    }
    /// Mean progress of all published objectives (0 when there are none).
    public var meanProgress: Double
    /// Mean score, once graded.
    public var meanScore: Double?
    /// Per team: mean progress over the team's and its sub-teams' published objectives, and their count.
    /// A progress figure only: no status is ever computed from it (see ``teamDistribution``).
    public var rollUp: IndexedArray<TeamIndex, (progress: Double, count: Int)>
    /// Per team: the statuses of its and its sub-teams' published objectives, counted (what a team
    /// shows instead of a status of its own).
    public var teamDistribution: IndexedArray<TeamIndex, StatusDistribution>
    /// Per team: its own published objectives in this period, by priority then path.
    public var byTeam: IndexedArray<TeamIndex, [ObjectiveIndex]>

    /// Computes the figures of period `p`.
    public init(_ org: Organisation, period p: PeriodIndex) {
        let tree = org.teams
        var byTeam = IndexedArray<TeamIndex, [ObjectiveIndex]>(repeating: [], count: tree.teams.count)
        for o in org.objectives.indices where org.isPublished[o] && org.objectivePeriod[o] == p {
            if let t = org.objectiveTeam[o] { byTeam[t].append(o) }
        }
        byTeam = byTeam.mapIndexed { org.inPriorityOrder($0) }
        objectives = tree.preorder.flatMap { byTeam[$0] }
        companyObjectives = tree.root.map { byTeam[$0] } ?? []
        teamsWithOKRs = byTeam.filter { !$0.isEmpty }.count
        let outside = objectives.filter { org.objectiveTeam[$0] != tree.root }
        alignable = outside.count
        aligned = outside.filter { !org.publishedParents(of: $0).isEmpty }.count
        distribution = org.distribution(of: objectives)
        meanProgress =
            objectives.isEmpty ? 0 : objectives.reduce(0) { $0 + org.states[$1].progress } / Double(objectives.count)
        let scores = objectives.compactMap { org.states[$0].score }
        meanScore = scores.isEmpty || scores.count < objectives.count ? nil : scores.reduce(0, +) / Double(scores.count)
        // Sums flow from every team up to its parent: children come after parents in pre-order.
        var sum = byTeam.mapIndexed { $0.reduce(0.0) { $0 + org.states[$1].progress } }
        var count = byTeam.mapIndexed(\.count)
        var dist = byTeam.mapIndexed { org.distribution(of: $0) }
        for t in tree.preorder.reversed() {
            if let parent = tree.parent[t] {
                sum[parent] += sum[t]
                count[parent] += count[t]
                let d = dist[t]
                dist[parent].add(d)
            }
        }
        teamDistribution = dist
        rollUp = IndexedArray(zip(sum, count).map { (progress: $1 > 0 ? $0 / Double($1) : 0, count: $1) })
        self.byTeam = byTeam
    }

    /// The share of objectives outside the company aligned to a published parent.
    public var shareAligned: Double { alignable == 0 ? 1 : Double(aligned) / Double(alignable) }
}
