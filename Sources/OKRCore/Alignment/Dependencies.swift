/// One resolved `depends_on` entry: `source` (or one of its key results) needs `target` (or one of
/// its key results) from another team.
public struct Dependency: Hashable, Sendable {
    /// The objective that needs something.
    public var source: ObjectiveIndex
    /// The source's key result whose `depends_on` names the target; `nil` for the objective's own field.
    public var sourceKeyResult: KeyResultIndex?
    /// The objective needed.
    public var target: ObjectiveIndex
    /// The target's key result needed, when the entry names one (`id#kr`).
    public var targetKeyResult: KeyResultIndex?

    /// Creates a dependency.
    public init(
        source: ObjectiveIndex, sourceKeyResult: KeyResultIndex? = nil, target: ObjectiveIndex,
        targetKeyResult: KeyResultIndex? = nil
    ) {
        self.source = source
        self.sourceKeyResult = sourceKeyResult
        self.target = target
        self.targetKeyResult = targetKeyResult
    }
}

/// The cross-team dependencies of an organisation, valid ones only, indexed both ways: what each
/// objective needs ("needs from") and who needs it ("helps").
public struct Dependencies: Sendable {
    /// Every valid dependency, by source objective (path order), the objective's own entries before
    /// its key results', each in file order.
    public let all: [Dependency]
    /// For each objective, the positions in ``all`` of the dependencies it (or one of its key results)
    /// has.
    public let needs: IndexedArray<ObjectiveIndex, [Int]>
    /// For each objective, the positions in ``all`` of the dependencies on it (or one of its key
    /// results), in source order.
    public let neededBy: IndexedArray<ObjectiveIndex, [Int]>

    /// Indexes `all` over `count` objectives.
    public init(count: Int, all: [Dependency]) {
        self.all = all
        var needs = IndexedArray<ObjectiveIndex, [Int]>(repeating: [], count: count)
        var neededBy = IndexedArray<ObjectiveIndex, [Int]>(repeating: [], count: count)
        for (i, d) in all.enumerated() {
            needs[d.source].append(i)
            neededBy[d.target].append(i)
        }
        self.needs = needs
        self.neededBy = neededBy
    }

    /// No dependencies over `count` objectives.
    public static func none(count: Int) -> Dependencies { Dependencies(count: count, all: []) }
}

extension Organisation {
    /// What published objective `o` needs from published objectives: its own entries (with
    /// `keyResult` `nil`) and its key results' (with `keyResult` one of its own), in file order.
    /// Pass `keyResult` to get only that key result's entries (`.some(nil)` for the objective's own).
    public func publishedDependencies(of o: ObjectiveIndex, keyResult: KeyResultIndex?? = nil) -> [Dependency] {
        guard isPublished[o] else { return [] }
        return dependencies.needs[o].lazy.map { self.dependencies.all[$0] }.filter { d in
            self.isPublished[d.target] && (keyResult.map { d.sourceKeyResult == $0 } ?? true)
        }
    }

    /// The dependencies of published objectives on published objective `o` (or on one of its key
    /// results): who it helps. Confidential objectives and unbuilt drafts never appear.
    public func publishedDependents(of o: ObjectiveIndex) -> [Dependency] {
        guard isPublished[o] else { return [] }
        return dependencies.neededBy[o].lazy.map { self.dependencies.all[$0] }.filter { self.isPublished[$0.source] }
    }

    /// `id` or `id#kr` of a dependency's target, as `depends_on` writes it.
    public func targetReference(_ d: Dependency) -> String {
        let o = objectives[d.target]
        return d.targetKeyResult.map { "\(o.id)#\(o.keyResults[$0].id)" } ?? o.id
    }

    /// `id` or `id#kr` of a dependency's source (the objective, or the key result whose `depends_on`
    /// names the target).
    public func sourceReference(_ d: Dependency) -> String {
        let o = objectives[d.source]
        return d.sourceKeyResult.map { "\(o.id)#\(o.keyResults[$0].id)" } ?? o.id
    }
}
