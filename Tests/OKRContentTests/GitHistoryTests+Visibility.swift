import Foundation
import OKRCore
import OKRTestSupport
import Testing

@testable import OKRContent

/// History is tracked per objective id, and only for the time a version was public and published:
/// a version that was confidential, a draft (unless drafts are built) or another objective at the
/// same path never contributes a check-in, a value or a "last updated" line.
@Suite struct GitHistoryVisibilityTests {
    static let path = "content/objectives/o.md"

    /// `GitHistoryTests.file` with `fields` (such as `visibility: confidential\n`) after the period.
    static func file(current: Double, id: String = "o", fields: String = "") -> String {
        GitHistoryTests.file(current: current, id: id).replacingOccurrences(
            of: "period: 2026-Q4\n", with: "period: 2026-Q4\n\(fields)")
    }

    func rows(_ checkins: [CheckIn]) -> [String] {
        checkins.map { "\($0.date) \($0.value.map { Resolver.format($0) } ?? "-")\($0.isDerived ? " git" : "")" }
    }

    func hash(_ fixture: SiteFixture, _ revision: String) async throws -> String {
        try await fixture.git(["rev-parse", revision]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func aConfidentialObjectiveReplacedByAPublicOneAtTheSamePathLeavesNoTrace() async throws {
        let fixture = try SiteFixture(Fixtures.site([:]))
        try await fixture.gitInit()
        let secret = "visibility: confidential\n"
        try await fixture.commit([Self.path: Self.file(current: 77, id: "secret", fields: secret)], date: "2026-10-05")
        try await fixture.commit([Self.path: Self.file(current: 88, id: "secret", fields: secret)], date: "2026-10-12")
        let hidden = [try await hash(fixture, "HEAD~1"), try await hash(fixture, "HEAD")]
        try await fixture.commit([Self.path: Self.file(current: 20)], date: "2026-10-19")
        try await fixture.commit([Self.path: Self.file(current: 30)], date: "2026-10-26")
        let result = try await OffPool.run { try fixture.check(history: .git) }
        let (o, state) = try #require(result.objective("o"))
        #expect(rows(state.keyResults[0].checkins) == ["2026-10-19 20 git", "2026-10-26 30 git"])
        #expect(o.revisions.allSatisfy { !hidden.contains($0.commit) })
        // As of a day when the file was still the confidential objective: nothing of it is known.
        let before = try await OffPool.run { try fixture.check(asOf: "2026-10-15", history: .git) }
        let (old, oldState) = try #require(before.objective("o"))
        #expect(oldState.keyResults[0].checkins.isEmpty)
        #expect(old.revisions.isEmpty)
        #expect(old.keyResults[0].current != 88 && old.keyResults[0].current != 77)
    }

    @Test func theSameObjectiveCountsOnlyFromTheDayItWasMadePublic() async throws {
        let fixture = try SiteFixture(Fixtures.site([:]))
        try await fixture.gitInit()
        try await fixture.commit(
            [Self.path: Self.file(current: 40, fields: "visibility: confidential\n")], date: "2026-10-05")
        // Quoted: read by libyaml rather than the line scanner; the rule is the same.
        try await fixture.commit(
            [Self.path: Self.file(current: 60, fields: "visibility: \"confidential\"\n")], date: "2026-10-12")
        let hidden = try await hash(fixture, "HEAD")
        try await fixture.commit(
            [Self.path: Self.file(current: 60, fields: "visibility: public\n")], date: "2026-10-19")
        try await fixture.commit([Self.path: Self.file(current: 70)], date: "2026-10-26")
        let result = try await OffPool.run { try fixture.check(history: .git) }
        let (o, state) = try #require(result.objective("o"))
        #expect(rows(state.keyResults[0].checkins) == ["2026-10-19 60 git", "2026-10-26 70 git"])
        #expect(!o.revisions.contains { $0.commit == hidden })
        #expect(o.lastRevision?.day.iso == "2026-10-26")
    }

    @Test func draftVersionsCountOnlyWhenDraftsAreBuilt() async throws {
        let fixture = try SiteFixture(Fixtures.site([:]))
        try await fixture.gitInit()
        try await fixture.commit([Self.path: Self.file(current: 10, fields: "draft: true\n")], date: "2026-10-05")
        try await fixture.commit([Self.path: Self.file(current: 20, fields: "draft: yes\n")], date: "2026-10-12")
        try await fixture.commit([Self.path: Self.file(current: 25, fields: "draft: false\n")], date: "2026-10-19")
        let published = try await OffPool.run { try fixture.check(history: .git) }
        #expect(rows(try #require(published.objective("o")).1.keyResults[0].checkins) == ["2026-10-19 25 git"])
        // A preview with --drafts shows drafts, and so their history.
        let preview = try await OffPool.run { try fixture.check(drafts: true, history: .git) }
        #expect(
            rows(try #require(preview.objective("o")).1.keyResults[0].checkins) == [
                "2026-10-05 10 git", "2026-10-12 20 git", "2026-10-19 25 git",
            ])
    }

    @Test func historyFollowsTheIdThroughRenamesAndMoves() async throws {
        // Without `id:`, the id is the file name: a move to another folder keeps it, so the history;
        // a new name is a new objective, with a history of its own.
        let fixture = try SiteFixture(Fixtures.site([:]))
        try await fixture.gitInit()
        let implicit = { (current: Double) in
            Self.file(current: current).replacingOccurrences(of: "id: o\ntitle", with: "title")
        }
        try await fixture.commit(["content/objectives/o.md": implicit(10)], date: "2026-10-05")
        try await fixture.git(["mv", "content/objectives/o.md", "content/objectives/o2.md"])
        try await fixture.commit(["content/objectives/o2.md": implicit(15)], date: "2026-10-08")
        try await fixture.commit(
            ["content/objectives/o2.md": nil, "content/objectives/q4/o2.md": implicit(20)], date: "2026-10-12")
        try await fixture.commit(["content/objectives/q4/o2.md": implicit(30)], date: "2026-10-19")
        let result = try await OffPool.run { try fixture.check(history: .git) }
        let (o, state) = try #require(result.objective("o2"))
        #expect(o.path == "content/objectives/q4/o2.md")
        #expect(rows(state.keyResults[0].checkins) == ["2026-10-08 15 git", "2026-10-12 20 git", "2026-10-19 30 git"])
    }
}
