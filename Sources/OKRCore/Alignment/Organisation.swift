/// A site resolved at an as-of date: the team tree, the alignment graph and every figure computed.
///
/// Tables are indexed by typed positions: objectives by ``ObjectiveIndex`` (their position in
/// ``objectives``, sorted by path), teams by ``TeamIndex`` (``TeamTree/teams``), periods by
/// ``PeriodIndex`` (``periods``).
public struct Organisation: Sendable {
    /// The site configuration.
    public let config: SiteConfig
    /// The day every time-dependent figure refers to.
    public let asOf: Day
    /// Whether drafts are built (`--drafts`).
    public let includeDrafts: Bool
    /// The periods in configured order.
    public var periods: IndexedArray<PeriodIndex, Period> { config.periods }
    /// Index of each period id.
    public let periodIndex: [String: PeriodIndex]
    /// The period that contains the as-of date, else the latest.
    public let currentPeriod: PeriodIndex?
    /// The team tree.
    public let teams: TeamTree
    /// All objectives read, sorted by path, published or not.
    public let objectives: IndexedArray<ObjectiveIndex, Objective>
    /// Index of each objective id (the first file that uses it).
    public let objectiveIndex: [String: ObjectiveIndex]
    /// Each objective's team index, `nil` when unknown.
    public let objectiveTeam: IndexedArray<ObjectiveIndex, TeamIndex?>
    /// Each objective's period index, `nil` when unknown.
    public let objectivePeriod: IndexedArray<ObjectiveIndex, PeriodIndex?>
    /// Whether an objective appears in the output: public, and not a draft unless drafts are built.
    public let isPublished: IndexedArray<ObjectiveIndex, Bool>
    /// The alignment graph over all objectives.
    public let graph: AlignmentGraph
    /// The figures of each objective.
    public let states: IndexedArray<ObjectiveIndex, ObjectiveState>
    /// The objective each one continues (`continues:`), when valid.
    public let predecessor: IndexedArray<ObjectiveIndex, ObjectiveIndex?>
    /// The objectives that continue each one, in path order.
    public let successors: IndexedArray<ObjectiveIndex, [ObjectiveIndex]>
    /// The valid `depends_on` links, both ways (see ``Resolver/resolveDependencies``).
    public internal(set) var dependencies = Dependencies.none(count: 0)

    init(
        config: SiteConfig, asOf: Day, includeDrafts: Bool, periodIndex: [String: PeriodIndex],
        currentPeriod: PeriodIndex?, teams: TeamTree, objectives: IndexedArray<ObjectiveIndex, Objective>,
        objectiveIndex: [String: ObjectiveIndex], objectiveTeam: IndexedArray<ObjectiveIndex, TeamIndex?>,
        objectivePeriod: IndexedArray<ObjectiveIndex, PeriodIndex?>, isPublished: IndexedArray<ObjectiveIndex, Bool>,
        graph: AlignmentGraph, states: IndexedArray<ObjectiveIndex, ObjectiveState>,
        predecessor: IndexedArray<ObjectiveIndex, ObjectiveIndex?>,
        successors: IndexedArray<ObjectiveIndex, [ObjectiveIndex]>
    ) {
        self.predecessor = predecessor
        self.successors = successors
        self.config = config
        self.asOf = asOf
        self.includeDrafts = includeDrafts
        self.periodIndex = periodIndex
        self.currentPeriod = currentPeriod
        self.teams = teams
        self.objectives = objectives
        self.objectiveIndex = objectiveIndex
        self.objectiveTeam = objectiveTeam
        self.objectivePeriod = objectivePeriod
        self.isPublished = isPublished
        self.graph = graph
        self.states = states
    }

    /// The objective's owner: as written, else its team's lead.
    public func owner(of objective: ObjectiveIndex) -> String? {
        if let o = objectives[objective].owner { return o }
        return objectiveTeam[objective].flatMap { teams.teams[$0].lead }
    }

    /// The number of key results of all objectives.
    public var keyResultCount: Int { objectives.reduce(0) { $0 + $1.keyResults.count } }

    /// The published objectives of a period, in path order.
    public func publishedObjectives(inPeriod period: PeriodIndex) -> [ObjectiveIndex] {
        objectives.indices.filter { isPublished[$0] && objectivePeriod[$0] == period }
    }

    /// The published parents of an objective (edges up), in `aligns_to` order.
    public func publishedParents(of objective: ObjectiveIndex) -> [AlignmentEdge] {
        graph.parents[objective].filter { isPublished[$0.parent] }
    }

    /// The published contributors to an objective or one of its key results.
    public func publishedChildren(of objective: ObjectiveIndex, keyResult: KeyResultIndex?) -> [ObjectiveIndex] {
        graph.children[objective].filter { $0.keyResult == keyResult && isPublished[$0.child] }.map(\.child)
    }

    /// The published objective this one continues, if any.
    public func publishedPredecessor(of objective: ObjectiveIndex) -> ObjectiveIndex? {
        predecessor[objective].flatMap { isPublished[$0] ? $0 : nil }
    }

    /// The published objectives that continue this one.
    public func publishedSuccessors(of objective: ObjectiveIndex) -> [ObjectiveIndex] {
        successors[objective].filter { isPublished[$0] }
    }

    /// The why chain from a published objective up through published parents to a company objective.
    public func whyChain(of objective: ObjectiveIndex) -> [AlignmentEdge] {
        graph.whyChain(of: objective) { isPublished[$0] }
    }

    /// `objectives` in the order of their `priority:` (1 first), those without one after those with
    /// one; equal priorities, and objectives without, keep their order in `objectives`. The order of a
    /// team's objectives in a period, and of a period's objectives within each team.
    public func inPriorityOrder(_ objectives: some Sequence<ObjectiveIndex>) -> [ObjectiveIndex] {
        let list = Array(objectives)
        // Without any priority nothing moves: the common case costs one pass.
        guard list.contains(where: { self.objectives[$0].priority != nil }) else { return list }
        return list.enumerated().sorted { a, b in
            let pa = self.objectives[a.element].priority ?? Int.max
            let pb = self.objectives[b.element].priority ?? Int.max
            return (pa, a.offset) < (pb, b.offset)
        }.map(\.element)
    }
}
