import Testing

@testable import OKRCore

@Suite struct TeamTreeTests {
    func team(_ id: String, _ parent: String?, line: Int) -> Team {
        Team(id: id, name: id, parent: parent, location: SourceLocation(path: "content/teams.yml", line: line))
    }

    @Test func buildsTheTree() {
        var d = Diagnostics()
        let tree = TeamTree(
            teams: [
                team("company", nil, line: 1), team("marketing", "company", line: 4),
                team("social", "marketing", line: 7),
                team("sales", "company", line: 10),
            ],
            diagnostics: &d)
        #expect(d.items.isEmpty)
        #expect(tree.root == 0)
        #expect(tree.preorder == [0, 1, 2, 3])
        #expect(tree.depth == [0, 1, 2, 1])
        #expect(tree.isAncestor(0, of: 2))
        #expect(tree.isAncestor(1, of: 2))
        #expect(!tree.isAncestor(3, of: 2))
        #expect(!tree.isAncestor(2, of: 1))
        #expect(tree.ancestry(of: 2) == [2, 1, 0])
        #expect(tree.subtree(of: 1) == [1, 2])
    }

    @Test func reportsTwoRoots() {
        var d = Diagnostics()
        _ = TeamTree(teams: [team("a", nil, line: 1), team("b", nil, line: 4)], diagnostics: &d)
        #expect(d.items.count == 1)
        #expect(d.items[0].message.contains("2 roots"))
        #expect(d.items[0].location.line == 4)
    }

    @Test func reportsACycleOnceAndNoExtraNoRoot() {
        var d = Diagnostics()
        let tree = TeamTree(teams: [team("a", "b", line: 1), team("b", "a", line: 4)], diagnostics: &d)
        #expect(d.items.count == 1)
        #expect(d.items[0].message.contains("cycle"))
        #expect(d.items[0].message.contains("\"a\" → \"b\" → \"a\""))
        #expect(tree.preorder.count == 2)
    }

    @Test func reportsUnknownParentWithSuggestion() {
        var d = Diagnostics()
        _ = TeamTree(teams: [team("company", nil, line: 1), team("x", "compny", line: 4)], diagnostics: &d)
        #expect(d.items.count == 1)
        #expect(d.items[0].message.contains("unknown parent \"compny\""))
        #expect(d.items[0].message.contains("did you mean \"company\""))
    }

    @Test func deepTreeNeedsNoStack() {
        var d = Diagnostics()
        var teams = [team("t0", nil, line: 1)]
        for i in 1..<10_000 { teams.append(team("t\(i)", "t\(i - 1)", line: i + 1)) }
        let tree = TeamTree(teams: teams, diagnostics: &d)
        #expect(d.items.isEmpty)
        #expect(tree.depth[9_999] == 9_999)
        #expect(tree.isAncestor(0, of: 9_999))
    }
}
