import Foundation
import OKRContent
import OKRCore
import OKRSite
import OKRTestSupport
import Testing

/// What the portal shows of git history: "last updated by … on …", derived check-ins marked in the
/// check-in table and the trend chart, and the same in `okrs.json`.
@Suite struct HistoryPageTests {
    static let objective = Fixtures.objective(
        "o",
        keyResults: """
              - id: kr1
                title: Follower
                start: 0
                target: 100
                current: {current}
                checkins:
                  - { date: 2026-10-12, value: 18, confidence: 0.6, note: "Messe" }

            """)

    static func file(_ current: Int) -> String {
        objective.replacingOccurrences(of: "{current}", with: String(current))
    }

    /// `o.md` committed three times by two people without person pages (team leads and owners have one).
    static func repository() async throws -> SiteFixture {
        let fixture = try SiteFixture(Fixtures.site([:]))
        try await fixture.gitInit()
        try await fixture.commit(["content/objectives/o.md": file(10)], date: "2026-10-05", author: "Jonas Roth")
        try await fixture.commit(["content/objectives/o.md": file(30)], date: "2026-10-19", author: "Lea Kraus")
        try await fixture.commit(["content/objectives/o.md": file(40)], date: "2026-11-02", author: "Jonas Roth")
        return fixture
    }

    @Test func objectivePageSaysWhoUpdatedItLastAndMarksDerivedCheckIns() async throws {
        let fixture = try await Self.repository()
        let result = try await OffPool.run { try fixture.build(history: .git) }
        #expect(result.errors.isEmpty)
        let page = try result.text("objectives/o.html")
        #expect(page.contains("<dt>Zuletzt geändert</dt><dd>02.11.2026 von Jonas Roth</dd>"))
        #expect(page.contains("<tr class=\"derived\"><td>19.10.2026</td>"))
        #expect(page.contains("aus Git (Commit von Lea Kraus)"))
        #expect(page.contains("<td>Messe</td>"))  // the written check-in keeps its note
        #expect(page.contains("class=\"point derived\""))
        #expect(page.contains("3 der Check-ins stammen aus der Git-Historie."))

        // A name with a person page links to it.
        try await fixture.commit(
            ["content/objectives/o.md": Self.file(45)], date: "2026-11-09", author: "Petra Hoffmann")
        let again = try await OffPool.run { try fixture.build(history: .git) }
        #expect(
            try again.text("objectives/o.html").contains(
                "<dd>09.11.2026 von <a href=\"people/petra-hoffmann.html\">Petra Hoffmann</a></dd>"))
    }

    @Test func withoutHistoryNothingChanges() async throws {
        let fixture = try await Self.repository()
        let plain = try fixture.build(output: fixture.root + "/plain")
        let page = try plain.text("objectives/o.html")
        #expect(!page.contains("Zuletzt geändert"))
        #expect(!page.contains("derived"))
        #expect(!(try plain.text("data/okrs.json")).contains("last_updated"))
    }

    @Test func exportNamesTheCommitsOfDerivedCheckIns() async throws {
        let fixture = try await Self.repository()
        let json = try await OffPool.run { try fixture.build(history: .git) }.text("data/okrs.json")
        let head = try await fixture.git(["rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(
            json.contains("\"last_updated\":{\"date\":\"2026-11-02\",\"author\":\"Jonas Roth\",\"commit\":\"\(head)\"}")
        )
        #expect(json.contains("{\"date\":\"2026-10-12\",\"value\":18,\"confidence\":0.6,\"note\":\"Messe\"}"))
        #expect(json.contains("{\"date\":\"2026-10-19\",\"value\":30,\"source\":\"git\",\"author\":\"Lea Kraus\""))
    }

    @Test func theEnglishThemeSaysItInEnglish() async throws {
        let fixture = try await Self.repository()
        try fixture.write(
            "okrportal.yml", Fixtures.config.replacingOccurrences(of: "language: de", with: "language: en"))
        let page = try await OffPool.run { try fixture.build(history: .git) }.text("objectives/o.html")
        #expect(page.contains("<dt>Last updated</dt><dd>Nov 2, 2026 by Jonas Roth</dd>"))
        #expect(page.contains("from git (commit by Lea Kraus)"))
    }

    @Test func previewRebuildsWhenACommitMovesHead() async throws {
        let fixture = try await Self.repository()
        let builder = IncrementalBuilder(
            options: BuildOptions(siteRoot: fixture.root, asOf: Day(iso: "2026-11-29")!, history: .git))
        let first = try await OffPool.run { try builder.build() }
        #expect(first.succeeded)
        #expect(builder.watchedFiles.contains { $0.hasSuffix("logs/HEAD") })
        let stamps = Watcher.stamps(fixture.root, extra: builder.watchedFiles)
        // Same files, one commit more (the body only): the page's "last updated" changes.
        try await fixture.commit(
            ["content/objectives/o.md": Self.file(40) + "Mehr Text.\n"], date: "2026-11-16", author: "Aylin Demir")
        #expect(Watcher.stamps(fixture.root, extra: builder.watchedFiles) != stamps)
        let second = try await OffPool.run { try builder.build() }
        #expect(second.succeeded && second.written > 0)
        let page = try String(contentsOfFile: builder.output + "/objectives/o.html", encoding: .utf8)
        #expect(page.contains("16.11.2026 von <a href=\"people/aylin-demir.html\">Aylin Demir</a>"))
        // The result equals a fresh build.
        let fresh = try await OffPool.run { try fixture.build(output: fixture.root + "/fresh", history: .git) }
        #expect(try fresh.text("objectives/o.html") == page)
    }
}
