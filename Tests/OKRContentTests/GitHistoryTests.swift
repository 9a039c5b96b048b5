import Foundation
import OKRCore
import OKRTestSupport
import Testing

@testable import OKRContent

/// `history: git` on real repositories: temporary ones with commits dated through
/// `GIT_AUTHOR_DATE`/`GIT_COMMITTER_DATE` by named authors.
@Suite struct GitHistoryTests {
    /// An objective file whose metric `kr1` (0 → 100) has `current`, and whose milestone `m` has `done`.
    static func file(current: Double, done: Bool = false, checkins: String = "", id: String = "o") -> String {
        Fixtures.objective(
            id,
            keyResults: """
                  - id: kr1
                    title: Zahl
                    start: 0
                    target: 100
                    current: \(Resolver.format(current))
                \(checkins)  - id: m
                    title: Meilenstein
                    kind: milestone
                    done: \(done)

                """)
    }

    /// The site with `o.md` under git: one commit per (date, current) pair.
    static func repository(_ steps: [(String, Double)], author: String = "Aylin Demir") async throws -> SiteFixture {
        let fixture = try SiteFixture(Fixtures.site([:]))
        try await fixture.gitInit()
        for (date, current) in steps {
            try await fixture.commit(["content/objectives/o.md": file(current: current)], date: date, author: author)
        }
        return fixture
    }

    func rows(_ checkins: [CheckIn]) -> [String] {
        checkins.map { "\($0.date) \($0.value.map { Resolver.format($0) } ?? "-")\($0.isDerived ? " git" : "")" }
    }

    @Test func commitsThatChangeCurrentBecomeDatedCheckIns() async throws {
        let fixture = try await Self.repository([
            ("2026-09-25", 0), ("2026-10-05", 12), ("2026-10-12", 12), ("2026-10-19", 31.5), ("2026-11-02", 50),
        ])
        try await fixture.commit(
            ["content/objectives/o.md": Self.file(current: 50) + "A new paragraph.\n"], date: "2026-11-09",
            author: "Jan Becker")
        let result = try await OffPool.run { try fixture.check(history: .git) }
        #expect(result.errors.isEmpty)
        let (o, state) = try #require(result.objective("o"))
        #expect(
            rows(state.keyResults[0].checkins) == [
                "2026-10-05 12 git", "2026-10-19 31.5 git", "2026-11-02 50 git",
            ])
        #expect(state.keyResults[0].current == 50)
        #expect(o.revisions.map(\.author).last == "Jan Becker")  // the body-only commit: last updated
        #expect(o.lastRevision?.day.iso == "2026-11-09")
        #expect(
            o.keyResults[0].checkins.compactMap(\.revisionIndex).map { o.revisions[$0].author }.allSatisfy {
                $0 == "Aylin Demir"
            })
        // Without history, the same site has no check-ins at all.
        #expect(try fixture.check().objective("o")?.1.keyResults[0].checkins.isEmpty == true)
    }

    @Test func theAuthorsOwnDayCounts() async throws {
        // 23:30 in Berlin on 10-05 is 10-05 for its author; 01:30 in Tokyo on 10-06 is 10-06 there,
        // though still 10-05 in UTC.
        let fixture = try SiteFixture(Fixtures.site([:]))
        try await fixture.gitInit()
        try await fixture.commit(
            ["content/objectives/o.md": Self.file(current: 10)], date: "2026-10-05", time: "23:30:00", zone: "+02:00")
        try await fixture.commit(
            ["content/objectives/o.md": Self.file(current: 20)], date: "2026-10-06", time: "01:30:00", zone: "+09:00")
        let state = try #require(try await OffPool.run { try fixture.check(history: .git) }.objective("o")?.1)
        #expect(rows(state.keyResults[0].checkins) == ["2026-10-05 10 git", "2026-10-06 20 git"])
    }

    @Test func milestonesDoneInACommitAreCheckedInThatDay() async throws {
        let fixture = try SiteFixture(Fixtures.site([:]))
        try await fixture.gitInit()
        try await fixture.commit(["content/objectives/o.md": Self.file(current: 10)], date: "2026-10-05")
        try await fixture.commit(
            ["content/objectives/o.md": Self.file(current: 10, done: true)], date: "2026-10-22", author: "Markus Weber")
        let result = try await OffPool.run { try fixture.check(history: .git) }
        let (o, state) = try #require(result.objective("o"))
        #expect(rows(state.keyResults[1].checkins) == ["2026-10-22 1 git"])
        #expect(o.revisions[try #require(state.keyResults[1].checkins[0].revisionIndex)].author == "Markus Weber")
        #expect(state.keyResults[1].status == .done)
    }

    @Test func checkInsWrittenInTheFileWinOnTheirDay() async throws {
        let fixture = try SiteFixture(Fixtures.site([:]))
        try await fixture.gitInit()
        let written = "    checkins:\n      - { date: 2026-10-12, value: 18, confidence: 0.6 }\n"
        try await fixture.commit(["content/objectives/o.md": Self.file(current: 10)], date: "2026-10-05")
        try await fixture.commit(
            ["content/objectives/o.md": Self.file(current: 20, checkins: written)], date: "2026-10-12")
        try await fixture.commit(
            ["content/objectives/o.md": Self.file(current: 30, checkins: written)], date: "2026-10-19")
        let result = try await OffPool.run { try fixture.check(history: .git) }
        let state = try #require(result.objective("o")?.1)
        #expect(rows(state.keyResults[0].checkins) == ["2026-10-05 10 git", "2026-10-12 18", "2026-10-19 30 git"])
        #expect(state.keyResults[0].checkins[1].confidence == 0.6)
        #expect(state.keyResults[0].latestConfidence?.date.iso == "2026-10-12")
        // The newest check-in is derived and agrees with current: no "current wins" warning.
        #expect(!result.warnings.contains { $0.message.contains("current wins") })
    }

    @Test func commitsAfterTheAsOfDateAreIgnored() async throws {
        let fixture = try await Self.repository([("2026-10-05", 10), ("2026-10-19", 30), ("2026-11-02", 50)])
        try await fixture.commit(
            ["content/objectives/o.md": Self.file(current: 50, done: true)], date: "2026-11-16", author: "Jan Becker")
        let result = try await OffPool.run { try fixture.check(asOf: "2026-10-31", history: .git) }
        let (o, state) = try #require(result.objective("o"))
        #expect(rows(state.keyResults[0].checkins) == ["2026-10-05 10 git", "2026-10-19 30 git"])
        // The figures of 10-31: current as committed by then, the milestone not done yet.
        #expect(state.keyResults[0].current == 30)
        #expect(state.keyResults[1].status != .done)
        #expect(o.lastRevision?.author == "Aylin Demir")
        #expect(o.lastRevision?.day.iso == "2026-10-19")
    }

    @Test func renamedAndMovedFilesKeepTheirHistory() async throws {
        let fixture = try await Self.repository([("2026-10-05", 10), ("2026-10-12", 20)])
        try await fixture.commit(
            ["content/objectives/o.md": nil, "content/objectives/q4/vertrieb.md": Self.file(current: 20)],
            date: "2026-10-14", message: "Move into a folder")
        try await fixture.commit(
            [
                "content/objectives/q4/vertrieb.md": Self.file(current: 35).replacingOccurrences(
                    of: "Zahl", with: "Umsatz")
            ],
            date: "2026-10-19")
        try await fixture.git(["mv", "content/objectives/q4/vertrieb.md", "content/objectives/q4/umsatz.md"])
        try await fixture.commit(
            [
                "content/objectives/q4/umsatz.md": Self.file(current: 40).replacingOccurrences(
                    of: "Zahl", with: "Umsatz")
            ],
            date: "2026-10-26", message: "Rename and update in one commit")
        let result = try await OffPool.run { try fixture.check(history: .git) }
        let (o, state) = try #require(result.objective("o"))
        #expect(o.path == "content/objectives/q4/umsatz.md")
        #expect(
            rows(state.keyResults[0].checkins) == [
                "2026-10-05 10 git", "2026-10-12 20 git", "2026-10-19 35 git", "2026-10-26 40 git",
            ])
    }

    @Test func aFileAddedWhereAnotherWasDeletedHasOnlyItsOwnHistory() async throws {
        let fixture = try await Self.repository([("2026-10-05", 10)])
        try await fixture.commit(["content/objectives/o.md": nil], date: "2026-10-06")
        try await fixture.commit(
            ["content/objectives/o.md": Self.file(current: 70), "content/objectives/x.md": Fixtures.objective("x")],
            date: "2026-10-20")
        let state = try #require(try await OffPool.run { try fixture.check(history: .git) }.objective("o")?.1)
        #expect(rows(state.keyResults[0].checkins) == ["2026-10-20 70 git"])
    }

    @Test func editsWhilePlanningAreNoCheckIns() async throws {
        let fixture = try await Self.repository([
            ("2026-09-10", 0), ("2026-09-24", 5), ("2026-10-05", 5), ("2026-10-12", 9),
        ])
        let state = try #require(try await OffPool.run { try fixture.check(history: .git) }.objective("o")?.1)
        #expect(rows(state.keyResults[0].checkins) == ["2026-10-12 9 git"])
    }

    @Test func uncommittedEditsCountAsTheFileSaysButAreNoCheckIns() async throws {
        let fixture = try await Self.repository([("2026-10-05", 10)])
        try fixture.write("content/objectives/o.md", Self.file(current: 60))
        let result = try await OffPool.run { try fixture.check(history: .git) }
        let state = try #require(result.objective("o")?.1)
        #expect(state.keyResults[0].current == 60)
        #expect(rows(state.keyResults[0].checkins) == ["2026-10-05 10 git"])
        #expect(!result.warnings.contains { $0.message.contains("current wins") })
    }

    @Test func aShallowCloneIsAWarning() async throws {
        let origin = try await Self.repository([("2026-10-05", 10), ("2026-10-12", 20), ("2026-10-19", 30)])
        let clone = try SiteFixture([:])
        try await GitFixture.run(
            ["clone", "-q", "--depth", "1", "file://" + origin.root, clone.root + "/site"], in: clone.root)
        let site = SiteFixture.existing(clone.root + "/site", keepAlive: clone)
        let result = try await OffPool.run { try site.check(history: .git) }
        let warning = try #require(result.warnings.first { $0.message.contains("shallow clone") })
        #expect(warning.location.path == "content/objectives")
        #expect(warning.message.contains("before 2026-10-19"))
        #expect(warning.message.contains("git fetch --unshallow"))
        // What is there still counts.
        #expect(rows(try #require(result.objective("o")?.1).keyResults[0].checkins) == ["2026-10-19 30 git"])
    }

    @Test func aSiteOutsideGit() async throws {
        let fixture = try SiteFixture(Fixtures.site(["o.md": Self.file(current: 10)]))
        let outside = (try? await GitFixture.run(["rev-parse", "--git-dir"], in: fixture.root)) == nil
        try #require(outside, "the temporary folder is inside a git repository")
        // Asked for: an environment error (exit 2 in the CLI).
        let error = try await #require(throws: EnvironmentError.self) {
            try await OffPool.run { try fixture.check(history: .git) }
        }
        #expect(error.message.contains("--history git"))
        #expect(error.message.contains("not in a git repository"))
        // Configured: a warning on the setting, and the site builds without history.
        try fixture.write("okrportal.yml", Fixtures.config + "history: git\n")
        let result = try await OffPool.run { try fixture.check() }
        #expect(result.errors.isEmpty)
        let warning = try #require(result.warnings.first { $0.message.contains("history: git is set") })
        #expect(warning.location.path == "okrportal.yml")
        #expect(warning.location.line == 11)
        #expect(try #require(result.objective("o")).1.keyResults[0].current == 10)
        // --history none switches it off.
        #expect(try fixture.check(history: .off).formatDiagnostics.isEmpty)
    }

    @Test func gitMissingIsAnEnvironmentProblem() async throws {
        let fixture = try await Self.repository([("2026-10-05", 10)])
        var d = Diagnostics()
        let site = try #require(try SiteReader.read(root: fixture.root, diagnostics: &d))
        let history = GitHistory(siteRoot: fixture.root, git: "okrportal-no-such-git")
        #expect(throws: EnvironmentError.self) {
            _ = try history.apply(to: site, asOf: Day(iso: "2026-11-29")!, requested: .git, diagnostics: &d)
        }
        var config = site
        config.config.history = .git
        let same = try history.apply(to: config, asOf: Day(iso: "2026-11-29")!, requested: nil, diagnostics: &d)
        #expect(same.objectives[0].revisions.isEmpty)
        #expect(d.items.contains { $0.message.contains("git is not installed") })
    }

    @Test func aRepositoryWithoutCommitsHasNoHistory() async throws {
        let fixture = try SiteFixture(Fixtures.site(["o.md": Self.file(current: 10)]))
        try await fixture.gitInit()
        let result = try await OffPool.run { try fixture.check(history: .git) }
        #expect(result.formatDiagnostics.isEmpty)
        #expect(try #require(result.objective("o")).0.revisions.isEmpty)
    }

    @Test func aSiteInASubfolderOfTheRepository() async throws {
        let repo = try SiteFixture([:])
        try await repo.gitInit()
        for (name, text) in Fixtures.site([:]) { try repo.write("okr/" + name, text) }
        try await repo.commit(["okr/content/objectives/o.md": Self.file(current: 10)], date: "2026-10-05")
        try await repo.commit(["okr/content/objectives/o.md": Self.file(current: 20)], date: "2026-10-12")
        let site = SiteFixture.existing(repo.root + "/okr", keepAlive: repo)
        let state = try #require(try await OffPool.run { try site.check(history: .git) }.objective("o")?.1)
        #expect(rows(state.keyResults[0].checkins) == ["2026-10-05 10 git", "2026-10-12 20 git"])
    }

    @Test func laterBuildsReuseTheWalkUntilHeadMoves() async throws {
        let fixture = try await Self.repository([("2026-10-05", 10)])
        let history = GitHistory(siteRoot: fixture.root)
        var d = Diagnostics()
        let site = try #require(try SiteReader.read(root: fixture.root, diagnostics: &d))
        let asOf = Day(iso: "2026-11-29")!
        let first = try await OffPool.run {
            var d = Diagnostics()
            return try history.apply(to: site, asOf: asOf, requested: .git, diagnostics: &d)
        }
        #expect(rows(first.objectives[0].keyResults[0].checkins) == ["2026-10-05 10 git"])
        try await fixture.commit(["content/objectives/o.md": Self.file(current: 25)], date: "2026-10-12")
        let again = try #require(try SiteReader.read(root: fixture.root, diagnostics: &d))
        let second = try await OffPool.run {
            var d = Diagnostics()
            return try history.apply(to: again, asOf: asOf, requested: .git, diagnostics: &d)
        }
        #expect(rows(second.objectives[0].keyResults[0].checkins) == ["2026-10-05 10 git", "2026-10-12 25 git"])
        #expect(history.watchedFiles.contains { $0.hasSuffix("/HEAD") })
    }
}
