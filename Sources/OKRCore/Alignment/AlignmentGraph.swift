/// One resolved `aligns_to` entry: `child` contributes to `parent`, or to one of its key results.
public struct AlignmentEdge: Hashable, Sendable {
    /// The contributing objective's index.
    public var child: Int
    /// The parent objective's index.
    public var parent: Int
    /// The index of the parent's key result the child serves, if it names one.
    public var keyResult: Int?

    /// Creates an edge.
    public init(child: Int, parent: Int, keyResult: Int? = nil) {
        self.child = child
        self.parent = parent
        self.keyResult = keyResult
    }
}

/// The alignment graph over objectives indexed by integers: who contributes to whom.
///
/// Every algorithm here is iterative, so a chain 10,000 objectives deep costs memory, not stack.
public struct AlignmentGraph: Sendable {
    /// The number of objectives.
    public let count: Int
    /// The edges up from each objective, in `aligns_to` order (the first is its primary alignment).
    public let parents: [[AlignmentEdge]]
    /// The edges down to each objective's contributors, in child index order.
    public let children: [[AlignmentEdge]]

    /// Builds the graph from edges whose ends are valid indices below `count`.
    public init(count: Int, edges: [AlignmentEdge]) {
        self.count = count
        var parents = [[AlignmentEdge]](repeating: [], count: count)
        var children = [[AlignmentEdge]](repeating: [], count: count)
        for e in edges {
            parents[e.child].append(e)
            children[e.parent].append(e)
        }
        for i in 0..<count where children[i].count > 1 {
            children[i].sort { ($0.child, $0.keyResult ?? -1) < ($1.child, $1.keyResult ?? -1) }
        }
        self.parents = parents
        self.children = children
    }

    /// The contributors to `objective` as a whole (keyResult `nil`) or to one of its key results.
    public func children(of objective: Int, keyResult: Int?) -> [Int] {
        children[objective].filter { $0.keyResult == keyResult }.map(\.child)
    }

    /// Every alignment cycle, one per strongly connected component, each as the objectives along it
    /// (`a` aligns to `b` aligns to … aligns to `a`), starting at its lowest index.
    public func cycles() -> [[Int]] {
        var result: [[Int]] = []
        for component in stronglyConnectedComponents() {
            let first = component.min()!  // components are never empty
            if component.count == 1 {
                if parents[first].contains(where: { $0.parent == first }) { result.append([first]) }
                continue
            }
            // The shortest way round from `first` back to itself inside the component (breadth-first).
            let members = Set(component)
            var previous: [Int: Int] = [:]
            var queue = [first]
            var head = 0
            var closing: Int?
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
    func stronglyConnectedComponents() -> [[Int]] {
        var index = [Int](repeating: -1, count: count)
        var low = [Int](repeating: 0, count: count)
        var onStack = [Bool](repeating: false, count: count)
        var stack: [Int] = []
        var components: [[Int]] = []
        var next = 0
        for root in 0..<count where index[root] < 0 {
            var work: [(node: Int, edge: Int)] = [(root, 0)]
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
                    var component: [Int] = []
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
    public func contributorsFirst() -> [Int] {
        var pending = children.map { Set($0.map(\.child)).count }
        var order: [Int] = []
        order.reserveCapacity(count)
        var queue = (0..<count).filter { pending[$0] == 0 }
        var head = 0
        var placed = [Bool](repeating: false, count: count)
        while head < queue.count {
            let o = queue[head]
            head += 1
            order.append(o)
            placed[o] = true
            var seen = Set<Int>()
            for e in parents[o] where seen.insert(e.parent).inserted {
                pending[e.parent] -= 1
                if pending[e.parent] == 0 { queue.append(e.parent) }
            }
        }
        for o in 0..<count where !placed[o] { order.append(o) }
        return order
    }

    /// The "why chain" of an objective: the edges from it up to a root objective along the first
    /// parent that `include` accepts. It stops before it would revisit an objective.
    public func whyChain(of objective: Int, include: (Int) -> Bool = { _ in true }) -> [AlignmentEdge] {
        var chain: [AlignmentEdge] = []
        var visited: Set<Int> = [objective]
        var current = objective
        while let edge = parents[current].first(where: { include($0.parent) }), visited.insert(edge.parent).inserted {
            chain.append(edge)
            current = edge.parent
        }
        return chain
    }
}
