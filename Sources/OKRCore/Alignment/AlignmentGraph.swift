/// One resolved `aligns_to` entry: `child` contributes to `parent`, or to one of its key results.
public struct AlignmentEdge: Hashable, Sendable {
    /// The contributing objective's index.
    public var child: ObjectiveIndex
    /// The parent objective's index.
    public var parent: ObjectiveIndex
    /// The index of the parent's key result the child serves, if it names one.
    public var keyResult: KeyResultIndex?

    /// Creates an edge.
    public init(child: ObjectiveIndex, parent: ObjectiveIndex, keyResult: KeyResultIndex? = nil) {
        self.child = child
        self.parent = parent
        self.keyResult = keyResult
    }
}

/// The alignment graph over objectives indexed by ``ObjectiveIndex``: who contributes to whom.
///
/// Every algorithm here is iterative, so a chain 10,000 objectives deep costs memory, not stack.
public struct AlignmentGraph: Sendable {
    /// The number of objectives.
    public let count: Int
    /// The edges up from each objective, in `aligns_to` order (the first is its primary alignment).
    public let parents: IndexedArray<ObjectiveIndex, [AlignmentEdge]>
    /// The edges down to each objective's contributors, in child index order (per child, the edge to
    /// the whole objective before those to its key results, in key-result order).
    public let children: IndexedArray<ObjectiveIndex, [AlignmentEdge]>

    /// Builds the graph from edges whose ends are valid indices below `count`.
    public init(count: Int, edges: [AlignmentEdge]) {
        self.count = count
        var parents = IndexedArray<ObjectiveIndex, [AlignmentEdge]>(repeating: [], count: count)
        var children = IndexedArray<ObjectiveIndex, [AlignmentEdge]>(repeating: [], count: count)
        for e in edges {
            parents[e.child].append(e)
            children[e.parent].append(e)
        }
        for i in children.indices where children[i].count > 1 {
            children[i].sort(by: AlignmentGraph.childOrder)
        }
        self.parents = parents
        self.children = children
    }

    /// The order of ``children``: by child, then the whole objective (`keyResult` `nil`) before its key
    /// results.
    static func childOrder(_ a: AlignmentEdge, _ b: AlignmentEdge) -> Bool {
        if a.child != b.child { return a.child < b.child }
        switch (a.keyResult, b.keyResult) {
        case (nil, let k): return k != nil
        case (let j?, let k?): return j < k
        case (_?, nil): return false
        }
    }

    /// The contributors to `objective` as a whole (keyResult `nil`) or to one of its key results.
    public func children(of objective: ObjectiveIndex, keyResult: KeyResultIndex?) -> [ObjectiveIndex] {
        children[objective].filter { $0.keyResult == keyResult }.map(\.child)
    }

    /// Every alignment cycle, one per strongly connected component, each as the objectives along it
    /// (`a` aligns to `b` aligns to … aligns to `a`), starting at its lowest index.
    public func cycles() -> [[ObjectiveIndex]] {
        var result: [[ObjectiveIndex]] = []
        for component in stronglyConnectedComponents() {
            let first = component.min()!  // components are never empty
            if component.count == 1 {
                if parents[first].contains(where: { $0.parent == first }) { result.append([first]) }
                continue
            }
            // The shortest way round from `first` back to itself inside the component (breadth-first).
            let members = Set(component)
            var previous: [ObjectiveIndex: ObjectiveIndex] = [:]
            var queue = [first]
            var head = 0
            var closing: ObjectiveIndex?
            search: while head < queue.count {
                let node = queue[head]
                head += 1
                for e in parents[node] where members.contains(e.parent) {
                    if e.parent == first {
                        closing = node
                        break search
                    }
                    if previous[e.parent] == nil {
                        previous[e.parent] = node
                        queue.append(e.parent)
                    }
                }
            }
            guard var node = closing else { continue }
            var cycle = [node]
            while node != first, let p = previous[node] {
                cycle.append(p)
                node = p
            }
            result.append(cycle.reversed())
        }
        return result.sorted { $0[0] < $1[0] }
    }

    /// Tarjan's algorithm without recursion, over child → parent edges.
    func stronglyConnectedComponents() -> [[ObjectiveIndex]] {
        var index = IndexedArray<ObjectiveIndex, Int>(repeating: -1, count: count)
        var low = IndexedArray<ObjectiveIndex, Int>(repeating: 0, count: count)
        var onStack = IndexedArray<ObjectiveIndex, Bool>(repeating: false, count: count)
        var stack: [ObjectiveIndex] = []
        var components: [[ObjectiveIndex]] = []
        var next = 0
        for root in parents.indices where index[root] < 0 {
            var work: [(node: ObjectiveIndex, edge: Int)] = [(root, 0)]
            index[root] = next
            low[root] = next
            next += 1
            stack.append(root)
            onStack[root] = true
            while !work.isEmpty {
                let (v, e) = work[work.count - 1]
                if e < parents[v].count {
                    work[work.count - 1].edge += 1
                    let w = parents[v][e].parent
                    if index[w] < 0 {
                        index[w] = next
                        low[w] = next
                        next += 1
                        stack.append(w)
                        onStack[w] = true
                        work.append((w, 0))
                    } else if onStack[w] {
                        low[v] = min(low[v], index[w])
                    }
                    continue
                }
                work.removeLast()
                if let (u, _) = work.last { low[u] = min(low[u], low[v]) }
                if low[v] == index[v] {
                    var component: [ObjectiveIndex] = []
                    while let w = stack.popLast() {
                        onStack[w] = false
                        component.append(w)
                        if w == v { break }
                    }
                    components.append(component)
                }
            }
        }
        return components
    }

    /// All objectives ordered so that every contributor comes before the objectives it aligns to;
    /// objectives on a cycle come last, in index order.
    public func contributorsFirst() -> [ObjectiveIndex] {
        var pending = children.mapIndexed { Set($0.map(\.child)).count }
        var order: [ObjectiveIndex] = []
        order.reserveCapacity(count)
        var queue = children.indices.filter { pending[$0] == 0 }
        var head = 0
        var placed = IndexedArray<ObjectiveIndex, Bool>(repeating: false, count: count)
        while head < queue.count {
            let o = queue[head]
            head += 1
            order.append(o)
            placed[o] = true
            var seen = Set<ObjectiveIndex>()
            for e in parents[o] where seen.insert(e.parent).inserted {
                pending[e.parent] -= 1
                if pending[e.parent] == 0 { queue.append(e.parent) }
            }
        }
        for o in placed.indices where !placed[o] { order.append(o) }
        return order
    }

    /// The "why chain" of an objective: the edges from it up to a root objective along the first
    /// parent that `include` accepts. It stops before it would revisit an objective.
    public func whyChain(of objective: ObjectiveIndex, include: (ObjectiveIndex) -> Bool = { _ in true })
        -> [AlignmentEdge]
    {
        var chain: [AlignmentEdge] = []
        var visited: Set<ObjectiveIndex> = [objective]
        var current = objective
        while let edge = parents[current].first(where: { include($0.parent) }), visited.insert(edge.parent).inserted {
            chain.append(edge)
            current = edge.parent
        }
        return chain
    }
}
