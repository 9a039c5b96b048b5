import OKRContent
import OKRCore
import OKRTestSupport
import Testing

/// Reading a check-in's `status:` (the owner's call) and an objective's `priority:`.
@Suite struct StatusAndPriorityReadingTests {
    let a = "content/objectives/a.md"

    static func withCheckIn(_ checkin: String) -> String {
        Fixtures.objective(
            "a",
            keyResults: """
                  - id: kr1
                    title: Reach 100
                    start: 0
                    target: 100
                    checkins:
                      - { date: 2026-11-20, value: 50, note: "Numbers lag", \(checkin) }

                """)
    }

    @Test(arguments: Status.allCases) func everyStatusIsACall(_ status: Status) throws {
        let result = try SiteFixture(Fixtures.site(["a.md": Self.withCheckIn("status: \(status.rawValue)")])).check()
        #expect(result.formatDiagnostics.isEmpty, "\(result.diagnostics)")
        let (objective, state) = try #require(result.objective("a"))
        #expect(objective.keyResults[KeyResultIndex(0)].checkins.first?.status == status)
        #expect(state.keyResults[KeyResultIndex(0)].ownerStatus == status)
        #expect(state.keyResults[KeyResultIndex(0)].status == status)
    }

    @Test func aCheckInWithoutStatusMakesNoCall() throws {
        let result = try SiteFixture(Fixtures.site(["a.md": Self.withCheckIn("confidence: 0.7")])).check()
        let (objective, state) = try #require(result.objective("a"))
        #expect(objective.keyResults[KeyResultIndex(0)].checkins.first?.status == nil)
        #expect(state.keyResults[KeyResultIndex(0)].ownerStatus == nil)
    }

    struct Bad: CustomTestStringConvertible, Sendable {
        var written: String
        var words: [String]
        var testDescription: String { written }
    }

    static let badStatuses: [Bad] = [
        Bad(written: "status: at_risk", words: ["\"status\" must be", "did you mean \"at-risk\""]),
        Bad(written: "status: ontrack", words: ["did you mean \"on-track\""]),
        Bad(written: "status: green", words: ["\"status\" must be", "\"off-track\""]),
        Bad(written: "status: [done]", words: ["\"status\" must be"]),
    ]

    @Test(arguments: badStatuses) func anUnknownStatusIsAnErrorAtItsValue(_ bad: Bad) throws {
        let result = try SiteFixture(Fixtures.site(["a.md": Self.withCheckIn(bad.written)])).check()
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(result.diagnostics)")
        let e = try #require(errors.first)
        // Line 12: the check-in; the value starts after `status: ` in the flow mapping.
        let lines = Self.withCheckIn(bad.written).split(separator: "\n", omittingEmptySubsequences: false)
        let text = String(lines[11])
        let value = try #require(text.range(of: "status: "))
        #expect(
            e.location
                == SourceLocation(
                    path: a, line: 12, column: text.distance(from: text.startIndex, to: value.upperBound) + 1))
        for w in bad.words { #expect(e.message.contains(w), "\(e.message)") }
    }

    @Test(arguments: [("priority: 1", 1), ("priority: 3", 3), ("priority: 1000000", 1_000_000)])
    func aPriorityIsAPositiveWholeNumber(_ written: String, _ value: Int) throws {
        let result = try SiteFixture(Fixtures.site(["a.md": Fixtures.objective("a", extra: written + "\n")])).check()
        #expect(result.formatDiagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.objective("a")?.0.priority == value)
    }

    @Test func noPriorityIsNil() throws {
        let result = try SiteFixture(Fixtures.site(["a.md": Fixtures.objective("a")])).check()
        #expect(result.objective("a")?.0.priority == nil)
    }

    static let badPriorities: [Bad] = [
        Bad(written: "0", words: ["\"priority\" is out of range", "from 1 to 1000000"]),
        Bad(written: "-2", words: ["out of range"]),
        Bad(written: "1.5", words: ["\"priority\" must be a whole number"]),
        Bad(written: "high", words: ["priority"]),
        Bad(written: "[1]", words: ["priority"]),
        Bad(written: "1e9", words: ["out of range"]),
    ]

    @Test(arguments: badPriorities) func anythingElseIsAnErrorAtTheValue(_ bad: Bad) throws {
        let result = try SiteFixture(
            Fixtures.site(["a.md": Fixtures.objective("a", extra: "priority: \(bad.written)\n")])
        ).check()
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(result.diagnostics)")
        let e = try #require(errors.first)
        #expect(e.location == SourceLocation(path: a, line: 6, column: 11))
        for w in bad.words { #expect(e.message.contains(w), "\(e.message)") }
    }
}
