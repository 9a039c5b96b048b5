/// Team chains summarised: a team tree thousands of levels deep would otherwise put thousands of
/// ancestors on every team page (quadratic output) and every change into thousands of team feeds.
extension TeamTree {
    /// The teams above `team` that a page shows, from the top down, without the root: the `nearest`
    /// closest ones and — when there are more — the topmost one (the root's child) first, followed by a
    /// gap (`gap` is true). O(`nearest`), however deep the tree.
    public func shownAncestors(of team: TeamIndex, nearest: Int) -> (teams: [TeamIndex], gap: Bool) {
        var chain: [TeamIndex] = []
        var t = parent[team]
        while let cur = t, cur != root, chain.count < nearest {
            chain.append(cur)
            t = parent[cur]
        }
        guard let next = t, next != root, let top = topmost(above: team) else { return (chain.reversed(), false) }
        // `next` is the first ancestor not shown; the top may be it (then there is no gap).
        return ([top] + chain.reversed(), top != next)
    }

    /// The ancestor of `team` directly below the root (`team` itself at depth 1); `nil` for the root
    /// and outside the tree. A binary search over the root's children by pre-order number.
    public func topmost(above team: TeamIndex) -> TeamIndex? {
        guard let r = root, team != r, enter[team] >= 0 else { return nil }
        let tops = children[r]
        var lo = 0
        var hi = tops.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if enter[tops[mid]] <= enter[team] { lo = mid } else { hi = mid - 1 }
        }
        guard lo < tops.count, isAncestor(tops[lo], of: team) else { return nil }
        return tops[lo]
    }

    /// `team` and its ancestors up to `levels` above it, nearest first: the teams whose feeds show a
    /// change of `team`'s objectives.
    public func ancestry(of team: TeamIndex, levels: Int) -> [TeamIndex] {
        var chain: [TeamIndex] = []
        var t: TeamIndex? = team
        while let cur = t, chain.count <= levels {
            chain.append(cur)
            t = parent[cur]
        }
        return chain
    }
}
