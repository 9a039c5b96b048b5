/// The organisation's teams as a tree, indexed by ``TeamIndex``.
///
/// Built from any list of teams: problems (unknown parent, two roots, cycles) are reported and the
/// offending links dropped, so that later stages can still work with a tree.
public struct TeamTree: Sendable {
    /// The teams in file order.
    public let teams: IndexedArray<TeamIndex, Team>
    /// Index of each team id (the first team with that id).
    public let index: [String: TeamIndex]
    /// The parent of each team, `nil` for the root and for teams whose link was dropped.
    public let parent: IndexedArray<TeamIndex, TeamIndex?>
    /// The sub-teams of each team, in file order.
    public let children: IndexedArray<TeamIndex, [TeamIndex]>
    /// The root (the company), if the tree has one.
    public let root: TeamIndex?
    /// Depth below the root (root = 0).
    public let depth: IndexedArray<TeamIndex, Int>
    /// All teams in pre-order from the root, children in file order (the order of the team index page).
    public let preorder: [TeamIndex]
    /// Pre-order entry numbers (also a stable sort key in tree order), for O(1) ancestor tests.
    public let enter: IndexedArray<TeamIndex, Int>
    /// Pre-order exit numbers, for O(1) ancestor tests.
    public let exit: IndexedArray<TeamIndex, Int>

    /// Builds the tree and reports every structural problem.
    public init(teams list: [Team], diagnostics: inout Diagnostics) {
        let teams = IndexedArray<TeamIndex, Team>(list)
        self.teams = teams
        var index: [String: TeamIndex] = [:]
        for (i, team) in teams.indexed() {
            if let problem = Slug.problem(with: team.id) ?? PageNames.problem(with: team.id, folder: "teams") {
                diagnostics.error("team id \"\(team.id)\" \(problem)", at: team.idLocation)
            }
            if let first = index[team.id] {
                diagnostics.error(
                    "duplicate team id \"\(team.id)\" (first defined at \(teams[first].idLocation))",
                    at: team.idLocation)
            } else {
                index[team.id] = i
            }
        }
        var parent = IndexedArray<TeamIndex, TeamIndex?>(repeating: nil, count: teams.count)
        for (i, team) in teams.indexed() where index[team.id] == i {
            guard let p = team.parent else { continue }
            if let pi = index[p] {
                if pi == i {
                    diagnostics.error(
                        "team \"\(team.id)\" names itself as parent", at: team.parentLocation ?? team.location)
                } else {
                    parent[i] = pi
                }
            } else {
                diagnostics.error(
                    "team \"\(team.id)\" has unknown parent \"\(p)\"\(Suggest.hint(for: p, in: index.keys))",
                    at: team.parentLocation ?? team.location)
            }
        }
        // Cycles: walk up from every team, colouring the path; a walk that meets its own path is a cycle.
        // 0 new, 1 on the current path, 2 done.
        var state = IndexedArray<TeamIndex, UInt8>(repeating: 0, count: teams.count)
        var foundCycle = false
        for start in teams.indices where state[start] == 0 {
            var path: [TeamIndex] = []
            var t: TeamIndex? = start
            while let cur = t, state[cur] == 0 {
                state[cur] = 1
                path.append(cur)
                t = parent[cur]
            }
            if let cur = t, state[cur] == 1, let at = path.firstIndex(of: cur) {
                let cycle = path[at...]
                let names = cycle.map { "\"\(teams[$0].id)\"" } + ["\"\(teams[cur].id)\""]
                // Report at the cycle's first team in file order and cut the link there.
                let first = cycle.min()!  // a cycle has at least one member
                diagnostics.error(
                    "teams form a cycle: \(names.joined(separator: " → ")); the team tree needs one root",
                    at: teams[first].parentLocation ?? teams[first].location)
                parent[first] = nil
                foundCycle = true
            }
            for p in path { state[p] = 2 }
        }
        let roots = teams.indices.filter { index[teams[$0].id] == $0 && teams[$0].parent == nil }
        var root: TeamIndex? = roots.first
        if roots.count > 1 {
            let names = roots.map { "\"\(teams[$0].id)\" (\(teams[$0].location))" }
            diagnostics.error(
                "the team tree has \(roots.count) roots: \(names.joined(separator: ", ")); exactly one team, "
                    + "the company, has no parent",
                at: teams[roots[1]].location)
        } else if roots.isEmpty, let first = teams.first, !foundCycle {
            diagnostics.error(
                "the team tree has no root: exactly one team, the company, must have no parent",
                at: first.location)
            root = nil
        }
        // Teams cut out of a cycle behave as extra roots for the rest of the build; link them to the root
        // so every team has a place in the tree.
        if let r = root {
            for i in teams.indices where parent[i] == nil && i != r && index[teams[i].id] == i {
                parent[i] = r
            }
        }
        var children = IndexedArray<TeamIndex, [TeamIndex]>(repeating: [], count: teams.count)
        for i in teams.indices { if let p = parent[i] { children[p].append(i) } }
        var depth = IndexedArray<TeamIndex, Int>(repeating: 0, count: teams.count)
        var enter = IndexedArray<TeamIndex, Int>(repeating: -1, count: teams.count)
        var exit = IndexedArray<TeamIndex, Int>(repeating: -1, count: teams.count)
        var preorder: [TeamIndex] = []
        preorder.reserveCapacity(teams.count)
        var clock = 0
        let starts = root.map { [$0] } ?? teams.indices.filter { parent[$0] == nil && index[teams[$0].id] == $0 }
        for s in starts {
            // Iterative depth-first walk: (team, next child to visit).
            var stack: [(TeamIndex, Int)] = [(s, 0)]
            enter[s] = clock
            clock += 1
            preorder.append(s)
            while let (t, next) = stack.last {
                if next < children[t].count {
                    stack[stack.count - 1].1 += 1
                    let c = children[t][next]
                    depth[c] = depth[t] + 1
                    enter[c] = clock
                    clock += 1
                    preorder.append(c)
                    stack.append((c, 0))
                } else {
                    exit[t] = clock
                    clock += 1
                    stack.removeLast()
                }
            }
        }
        self.index = index
        self.parent = parent
        self.children = children
        self.root = root
        self.depth = depth
        self.preorder = preorder
        self.enter = enter
        self.exit = exit
    }

    /// Whether `a` is `b` or one of `b`'s ancestors.
    public func isAncestor(_ a: TeamIndex, of b: TeamIndex) -> Bool {
        guard enter[a] >= 0, enter[b] >= 0 else { return false }
        return enter[a] <= enter[b] && exit[b] <= exit[a]
    }

    /// The chain from `team` up to the root, `team` first.
    public func ancestry(of team: TeamIndex) -> [TeamIndex] {
        var chain: [TeamIndex] = []
        var t: TeamIndex? = team
        while let cur = t, chain.count <= teams.count {
            chain.append(cur)
            t = parent[cur]
        }
        return chain
    }

    /// `team` and all teams below it.
    public func subtree(of team: TeamIndex) -> [TeamIndex] {
        var result: [TeamIndex] = []
        var stack = [team]
        while let t = stack.popLast() {
            result.append(t)
            stack.append(contentsOf: children[t].reversed())
        }
        return result
    }
}
