import Foundation
import OKRContent
import OKRCore
import OKRSite
import OKRTestSupport
import Testing

/// The preview server's engine: after each edit the output equals a fresh full build, byte for byte,
/// while only the pages an edit can change are rendered and only changed files are written.
@Suite struct IncrementalBuilderTests {
    static let files = Fixtures.site([
        "c.md": Fixtures.objective(
            "c",
            keyResults: """
                  - id: kr1
                    title: Getragen
                    kind: children
                  - id: kr2
                    title: Zahl
                    start: 0
                    target: 10
                    current: 5

                """),
        "m.md": Fixtures.objective("m", team: "marketing", extra: "aligns_to: c#kr1\n"),
        "s.md": Fixtures.objective("s", team: "social-media", extra: "aligns_to: m#kr1\n"),
        "v.md": Fixtures.objective("v", team: "sales", extra: "aligns_to: c#kr2\n"),
    ])

    /// Builds `fixture` fresh into a new folder and compares it with `output`.
    func expectSameAsFullBuild(
        _ fixture: SiteFixture, _ output: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        let fresh = try fixture.build(output: fixture.root + "/fresh-\(UUID().uuidString)")
        let a = try OutputTree.read(output)
        let b = try fresh.files()
        #expect(a.map(\.path) == b.map(\.path), sourceLocation: sourceLocation)
        for (x, y) in zip(a, b) where x.bytes != y.bytes {
            Issue.record("\(x.path) differs from a full build", sourceLocation: sourceLocation)
        }
    }

    func mtime(_ path: String) throws -> Date {
        // File attributes always carry a modification date.
        try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as! Date
    }

    @Test func editsRenderOnlyWhatTheyChange() throws {
        let fixture = try SiteFixture(Self.files)
        let builder = IncrementalBuilder(
            options: BuildOptions(siteRoot: fixture.root, asOf: Day(iso: "2026-11-29")!))
        let out = builder.output
        let first = try builder.build()
        #expect(first.succeeded && first.full)
        #expect(first.rendered == first.pages)

        // Nothing changed: nothing rendered, nothing written.
        let idle = try builder.build()
        #expect(idle.succeeded && !idle.full && idle.rendered == 0 && idle.written == 0)

        // A value of a leaf objective: its page, the parent it rolls up into (children KR), and so on.
        let vPage = out + "/objectives/v.html"
        let before = try mtime(vPage)
        try fixture.write(
            "content/objectives/s.md",
            Fixtures.objective("s", team: "social-media", extra: "aligns_to: m#kr1\n").replacingOccurrences(
                of: "current: 50", with: "current: 80"))
        let edit = try builder.build()
        #expect(edit.succeeded && !edit.full)
        #expect(edit.rendered < edit.pages)
        #expect(edit.written > 0)
        try expectSameAsFullBuild(fixture, out)
        #expect(try mtime(vPage) == before)  // an unrelated objective's page was not rewritten

        // A title higher up: everything below shows it in its why chain.
        try fixture.write(
            "content/objectives/c.md",
            try String(contentsOfFile: fixture.root + "/content/objectives/c.md", encoding: .utf8)
                .replacingOccurrences(of: "title: Objective c", with: "title: Neuer Titel"))
        let title = try builder.build()
        #expect(title.succeeded && !title.full)
        try expectSameAsFullBuild(fixture, out)
        #expect(try String(contentsOfFile: out + "/objectives/s.html", encoding: .utf8).contains("Neuer Titel"))

        // The body only: the objective's own page.
        try fixture.write(
            "content/objectives/v.md",
            Fixtures.objective("v", team: "sales", extra: "aligns_to: c#kr2\n", body: "Neuer Text.\n"))
        let body = try builder.build()
        #expect(body.succeeded && !body.full && body.written >= 1)
        try expectSameAsFullBuild(fixture, out)

        // A new objective changes the structure: a full render, still only changed files written.
        try fixture.write("content/objectives/w.md", Fixtures.objective("w", team: "sales", extra: "aligns_to: c\n"))
        let added = try builder.build()
        #expect(added.succeeded && added.full)
        try expectSameAsFullBuild(fixture, out)

        // An error keeps the previous output; fixing it builds again.
        let snapshot = try OutputTree.read(out)
        try fixture.write("content/objectives/w.md", Fixtures.objective("w", team: "nowhere"))
        let broken = try builder.build()
        #expect(!broken.succeeded)
        #expect(broken.diagnostics.contains { $0.message.contains("unknown team") })
        #expect(try OutputTree.read(out).map(\.bytes) == snapshot.map(\.bytes))
        try FileManager.default.removeItem(atPath: fixture.root + "/content/objectives/w.md")
        let fixed = try builder.build()
        #expect(fixed.succeeded)
        try expectSameAsFullBuild(fixture, out)
        #expect(!FileManager.default.fileExists(atPath: out + "/objectives/w.html"))  // no stale page
    }

    @Test func editsOfRetroOriginContinuesAndOldConfidencesStayInStep() throws {
        var files = Self.files
        files["content/objectives/q3.md"] = Fixtures.objective(
            "q3", team: "sales", period: "2026-Q3", extra: "type: committed\n")
        files["content/objectives/k.md"] = Fixtures.objective(
            "k", team: "sales", extra: "aligns_to: c\n",
            keyResults: """
                  - id: kr1
                    title: Zahl
                    start: 0
                    target: 10
                    checkins:
                      - { date: 2026-10-05, value: 1, confidence: 0.5 }
                      - { date: 2026-11-23, value: 4, confidence: 0.6 }

                """)
        let fixture = try SiteFixture(files)
        let builder = IncrementalBuilder(options: BuildOptions(siteRoot: fixture.root, asOf: Day(iso: "2026-11-29")!))
        let out = builder.output
        #expect(try builder.build().succeeded)
        func edit(_ path: String, _ from: String, _ to: String) throws {
            let text = try String(contentsOfFile: fixture.root + "/" + path, encoding: .utf8)
            #expect(text.contains(from), "\(path): \(from)")
            try fixture.write(path, text.replacingOccurrences(of: from, with: to))
        }
        // An older check-in's confidence: the objective's page and the health page's course.
        try edit("content/objectives/k.md", "confidence: 0.5", "confidence: 0.9")
        #expect(try builder.build().succeeded)
        try expectSameAsFullBuild(fixture, out)
        // A retro of a closed period.
        try edit("content/objectives/q3.md", "type: committed\n", "type: committed\nretro: Gelernt.\n")
        #expect(try builder.build().succeeded)
        try expectSameAsFullBuild(fixture, out)
        #expect(try String(contentsOfFile: out + "/objectives/q3.html", encoding: .utf8).contains("Gelernt."))
        // The origin: the page's facts and the health page's share.
        try edit("content/objectives/v.md", "aligns_to: c#kr2\n", "aligns_to: c#kr2\norigin: bottom-up\n")
        #expect(try builder.build().succeeded)
        try expectSameAsFullBuild(fixture, out)
        // continues: both pages.
        try edit("content/objectives/v.md", "origin: bottom-up\n", "origin: bottom-up\ncontinues: q3\n")
        #expect(try builder.build().succeeded)
        try expectSameAsFullBuild(fixture, out)
        #expect(try String(contentsOfFile: out + "/objectives/q3.html", encoding: .utf8).contains("objectives/v.html"))
    }

    @Test func ownersCallsAndPrioritiesStayInStep() throws {
        var files = Self.files
        files["content/objectives/k.md"] = Fixtures.objective(
            "k", team: "sales", extra: "aligns_to: c\n",
            keyResults: """
                  - id: kr1
                    title: Zahl
                    start: 0
                    target: 10
                    checkins:
                      - { date: 2026-11-23, value: 7, note: Auftrag verloren }

                """)
        let fixture = try SiteFixture(files)
        let builder = IncrementalBuilder(options: BuildOptions(siteRoot: fixture.root, asOf: Day(iso: "2026-11-29")!))
        let out = builder.output
        #expect(try builder.build().succeeded)
        func edit(_ path: String, _ from: String, _ to: String) throws {
            let text = try String(contentsOfFile: fixture.root + "/" + path, encoding: .utf8)
            #expect(text.contains(from), "\(path): \(from)")
            try fixture.write(path, text.replacingOccurrences(of: from, with: to))
        }
        // The owner's call changes no number: the objective, its team's counts, the company's page.
        try edit("content/objectives/k.md", "note: Auftrag verloren", "note: Auftrag verloren, status: off-track")
        let call = try builder.build()
        #expect(call.succeeded && !call.full)
        try expectSameAsFullBuild(fixture, out)
        #expect(
            try String(contentsOfFile: out + "/data/okrs.json", encoding: .utf8).contains(
                "\"owner_status\":\"off-track\""))
        // A priority reorders the team's and the period's lists.
        try edit("content/objectives/v.md", "aligns_to: c#kr2\n", "aligns_to: c#kr2\npriority: 1\n")
        #expect(try builder.build().succeeded)
        try expectSameAsFullBuild(fixture, out)
        try edit("content/objectives/v.md", "priority: 1\n", "")
        #expect(try builder.build().succeeded)
        try expectSameAsFullBuild(fixture, out)
    }

    @Test func aTemplateChangeRendersEverything() throws {
        let fixture = try SiteFixture(Self.files)
        try fixture.write("Templates/404.mustache", "{{<base}}{{$main}}<h1>Weg</h1>{{/main}}{{/base}}\n")
        let builder = IncrementalBuilder(options: BuildOptions(siteRoot: fixture.root, asOf: Day(iso: "2026-11-29")!))
        _ = try builder.build()
        try fixture.write("Templates/404.mustache", "{{<base}}{{$main}}<h1>Nicht da</h1>{{/main}}{{/base}}\n")
        let second = try builder.build()
        #expect(second.full)
        #expect(try String(contentsOfFile: builder.output + "/404.html", encoding: .utf8).contains("Nicht da"))
        try expectSameAsFullBuild(fixture, builder.output)
    }

    @Test func aNewCheckInReachesTheChangesPageFeedsAndCSV() throws {
        let fixture = try SiteFixture(Self.files)
        let builder = IncrementalBuilder(
            options: BuildOptions(siteRoot: fixture.root, asOf: Day(iso: "2026-11-29")!))
        let first = try builder.build()
        #expect(first.succeeded)
        #expect(try !String(contentsOfFile: builder.output + "/feed.xml", encoding: .utf8).contains("Messe"))
        // A check-in in the week that repeats `current:` changes no figure, only the check-in list.
        try fixture.write(
            "content/objectives/v.md",
            Fixtures.objective(
                "v", team: "sales", extra: "aligns_to: c#kr2\n",
                keyResults: """
                      - id: kr1
                        title: Reach 100
                        start: 0
                        target: 100
                        current: 50
                        checkins:
                          - { date: 2026-11-26, value: 50, note: Messe }

                    """))
        let second = try builder.build()
        #expect(second.succeeded && !second.full)
        for file in ["feed.xml", "teams/sales/feed.xml", "changes.html", "data/okrs.csv"] {
            #expect(
                try String(contentsOfFile: builder.output + "/" + file, encoding: .utf8).contains(
                    file.hasSuffix(".csv") ? "2026-11-26" : "Messe"), "\(file)")
        }
        try expectSameAsFullBuild(fixture, builder.output)
    }
}
