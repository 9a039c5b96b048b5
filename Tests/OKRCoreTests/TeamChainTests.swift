import Testing

@testable import OKRCore

/// Deep team trees summarised: what a page or a feed walks is bounded, however deep the chain
/// ([robust], issue 13: a 5,000-deep chain took 152 s and 603 MB).
@Suite struct TeamChainTests {
    /// company → t1 → t2 → … → t`depth`, plus a second branch `side` under the company.
    static func chain(_ depth: Int) -> TeamTree {
        var teams = [Team(id: "company", name: "C", parent: nil, location: SourceLocation(path: "t", line: 1))]
        teams.append(Team(id: "side", name: "S", parent: "company", location: SourceLocation(path: "t", line: 2)))
        for i in 1...depth {
            teams.append(
                Team(
                    id: "t\(i)", name: "T\(i)", parent: i == 1 ? "company" : "t\(i - 1)",
                    location: SourceLocation(path: "t", line: i + 2)))
        }
        var diagnostics = Diagnostics()
        let tree = TeamTree(teams: teams, diagnostics: &diagnostics)
        #expect(diagnostics.sorted.isEmpty)
        return tree
    }

    static func ids(_ tree: TeamTree, _ teams: [TeamIndex]) -> [String] { teams.map { tree.teams[$0].id } }

    @Test func aShallowTeamShowsAllItsAncestors() {
        let tree = Self.chain(20)
        let shown = tree.shownAncestors(of: tree.index["t5"]!, nearest: 10)
        #expect(Self.ids(tree, shown.teams) == ["t1", "t2", "t3", "t4"] && !shown.gap)
        #expect(tree.shownAncestors(of: tree.index["t1"]!, nearest: 10).teams.isEmpty)
        #expect(tree.shownAncestors(of: tree.root!, nearest: 10).teams.isEmpty)
        // Eleven above: the top is the one after the ten nearest, no gap.
        let eleven = tree.shownAncestors(of: tree.index["t12"]!, nearest: 10)
        #expect(Self.ids(tree, eleven.teams) == (1...11).map { "t\($0)" } && !eleven.gap)
    }

    @Test func aDeepTeamShowsTheTopAGapAndTheTenNearest() {
        let tree = Self.chain(5_000)
        let shown = tree.shownAncestors(of: tree.index["t5000"]!, nearest: 10)
        #expect(Self.ids(tree, shown.teams) == ["t1"] + (4990...4999).map { "t\($0)" } && shown.gap)
        #expect(Self.ids(tree, [tree.topmost(above: tree.index["t4000"]!)!]) == ["t1"])
        #expect(Self.ids(tree, [tree.topmost(above: tree.index["side"]!)!]) == ["side"])
        #expect(tree.topmost(above: tree.root!) == nil)
    }

    @Test func feedsWalkAtMostTheGivenLevelsUp() {
        let tree = Self.chain(5_000)
        #expect(
            Self.ids(tree, tree.ancestry(of: tree.index["t5000"]!, levels: 10))
                == (4990...5000).reversed().map { "t\($0)" })
        #expect(Self.ids(tree, tree.ancestry(of: tree.index["t2"]!, levels: 10)) == ["t2", "t1", "company"])
    }
}
