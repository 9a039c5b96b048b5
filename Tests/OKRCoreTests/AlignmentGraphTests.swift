import Testing

@testable import OKRCore

@Suite struct AlignmentGraphTests {
    @Test func multiParentEdgesAndChildren() {
        // 2 aligns to 0 (KR 1) and to 1; 3 aligns to 0 as a whole.
        let g = AlignmentGraph(
            count: 4,
            edges: [
                AlignmentEdge(child: 2, parent: 0, keyResult: 1), AlignmentEdge(child: 2, parent: 1),
                AlignmentEdge(child: 3, parent: 0),
            ])
        #expect(g.parents[2].map(\.parent) == [0, 1])
        #expect(g.children(of: 0, keyResult: 1) == [2])
        #expect(g.children(of: 0, keyResult: nil) == [3])
        #expect(g.children(of: 1, keyResult: nil) == [2])
        #expect(g.whyChain(of: 2).map(\.parent) == [0])  // the first alignment is the primary one
        #expect(g.cycles().isEmpty)
        let order = g.contributorsFirst()
        #expect(order.firstIndex(of: 2)! < order.firstIndex(of: 0)!)
        #expect(order.firstIndex(of: 2)! < order.firstIndex(of: 1)!)
        #expect(order.firstIndex(of: 3)! < order.firstIndex(of: 0)!)
    }

    @Test func findsEachCycleOnceInOrder() {
        // 0 → 1 → 2 → 0 is a cycle; 3 → 3 aligns to itself; 4 → 0 hangs off the cycle.
        let g = AlignmentGraph(
            count: 5,
            edges: [
                AlignmentEdge(child: 0, parent: 1), AlignmentEdge(child: 1, parent: 2),
                AlignmentEdge(child: 2, parent: 0), AlignmentEdge(child: 3, parent: 3),
                AlignmentEdge(child: 4, parent: 0),
            ])
        #expect(g.cycles() == [[0, 1, 2], [3]])
        #expect(g.contributorsFirst().sorted() == [0, 1, 2, 3, 4])
        #expect(g.whyChain(of: 4).map(\.parent) == [0, 1, 2])  // stops before revisiting
    }

    @Test func tenThousandDeepChainNeedsNoStack() {
        let n = 10_000
        let last = ObjectiveIndex(n - 1)
        let edges = (1..<n).map { AlignmentEdge(child: ObjectiveIndex($0), parent: ObjectiveIndex($0 - 1)) }
        let g = AlignmentGraph(count: n, edges: edges)
        #expect(g.cycles().isEmpty)
        #expect(g.whyChain(of: last).count == n - 1)
        #expect(g.contributorsFirst() == Array((0...last).reversed()))
        let cyclic = AlignmentGraph(count: n, edges: edges + [AlignmentEdge(child: 0, parent: last)])
        #expect(cyclic.cycles().map(\.count) == [n])
    }
}
