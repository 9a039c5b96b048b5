import Testing

@testable import OKRCore

/// Typed indices and the tables they index.
@Suite struct IndicesTests {
    @Test func indicesCountAndCompareLikeIntegers() {
        let a = ObjectiveIndex(2)
        let b = ObjectiveIndex(5)
        #expect(a < b)
        #expect(a.distance(to: b) == 3)
        #expect(a.advanced(by: 3) == b)
        #expect(Array(a..<b) == [ObjectiveIndex(2), ObjectiveIndex(3), ObjectiveIndex(4)])
        #expect(Set([a, b, ObjectiveIndex(2)]).count == 2)
        #expect(a.raw == 2)
    }

    @Test func descriptionNamesTheTable() {
        // Never the bare number: an index interpolated into output by mistake must not pass for an id.
        #expect("\(TeamIndex(3))" == "TeamIndex(3)")
        #expect(PeriodIndex(0).description == "PeriodIndex(0)")
        #expect(KeyResultIndex(1).description == "KeyResultIndex(1)")
    }

    @Test func tableIsAnArrayWithTypedPositions() {
        var table: IndexedArray<TeamIndex, String> = ["company", "marketing"]
        #expect(table.count == 2)
        #expect(table.indices == TeamIndex(0)..<TeamIndex(2))
        #expect(table[TeamIndex(1)] == "marketing")
        table.append("social")
        table[TeamIndex(2)] += "-media"
        #expect(table.elements == ["company", "marketing", "social-media"])
        #expect(table.firstIndex(of: "marketing") == TeamIndex(1))
        #expect(table.map(\.count) == [7, 9, 12])
        let lengths = table.mapIndexed(\.count)
        #expect(lengths[TeamIndex(2)] == 12)
        #expect(Array(table.indexed().map(\.0)) == Array(table.indices))
        #expect(Array(table.reversed()) == ["social-media", "marketing", "company"])
        #expect(IndexedArray<TeamIndex, Int>(repeating: 0, count: 3) == [0, 0, 0])
        #expect(IndexedArray<TeamIndex, Int>().isEmpty)
        #expect(table.description == table.elements.description)
    }

    @Test func mutationInPlaceReachesNestedArrays() {
        var table = IndexedArray<ObjectiveIndex, [Int]>(repeating: [], count: 2)
        for o in table.indices { table[o].append(o.raw) }
        table[ObjectiveIndex(1)].append(7)
        #expect(table == [[0], [1, 7]])
    }
}
