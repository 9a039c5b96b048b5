import Foundation
import OKRCore
import OKRTestSupport
import Testing

/// What must never reach the output: executable markup from content, confidential objectives, drafts.
@Suite struct OutputSafetyTests {
    static let payload = "<script>alert(1)</script>"

    @Test func scriptInAnyFieldShowsAsTextOnEveryPageAndInTheJSON() throws {
        let p = Self.payload
        let teams = Fixtures.teams.replacingOccurrences(of: "name: Marketing", with: "name: \"Mark \(p)\"")
            .replacingOccurrences(of: "lead: Jan Becker", with: "lead: \"Jan \(p)\"")
            .replacingOccurrences(of: "  lead: Aylin Demir", with: "  lead: Aylin Demir\n  description: \"Team \(p)\"")
        let krs = """
              - id: kr1
                title: "KR \(p)"
                start: 0
                target: 10
                unit: "u\(p)"
                checkins:
                  - { date: 2026-11-20, value: 5, confidence: 0.5, note: "note \(p)" }

            """
        let fixture = try SiteFixture(
            Fixtures.site(
                [
                    "a.md": Fixtures.objective(
                        "a", extra: "title: \"Title \(p)\"\nowner: \"Owner \(p)\"\ntags: [\"tag \(p)\"]\n",
                        keyResults: krs,
                        body: "Body \(p) <img src=x onerror=alert(2)> [x](javascript:alert(3))\n"),
                    "b.md": Fixtures.objective("b", team: "marketing", extra: "aligns_to: a#kr1\n"),
                ], extra: ["content/teams.yml": teams]))
        // `title` twice would be a duplicate field; replace the fixture's title instead.
        try fixture.write(
            "content/objectives/a.md",
            Fixtures.objective(
                "a", extra: "owner: \"Owner \(p)\"\ntags: [\"tag \(p)\"]\n", keyResults: krs,
                body: "Body \(p) <img src=x onerror=alert(2)> [x](javascript:alert(3))\n"
            ).replacingOccurrences(of: "title: Objective a", with: "title: \"Title \(p)\""))
        let result = try fixture.build()
        #expect(result.errors.isEmpty, "\(result.diagnostics)")
        var pagesWithEscapedPayload = 0
        for (path, bytes) in try result.files() {
            let text = String(decoding: bytes, as: UTF8.self)
            if path.hasSuffix(".csv") {
                // CSV is data for spreadsheets, never rendered as HTML: text stays as written, quoted
                // where RFC 4180 says (HTML escapes would show up in Excel as "&lt;").
                #expect(text.contains(",KR \(p),"))
                continue
            }
            // The portal's own scripts are the only script elements: the search page's and the filters'.
            #expect(
                OutputTree.scriptElements(text).allSatisfy { OutputTree.ownScripts($0) },
                "\(path) has a script element")
            #expect(!text.contains("onerror="), "\(path) has an event handler")
            #expect(!text.contains("javascript:"), "\(path) has a javascript: URL")
            if text.contains("&lt;script&gt;alert(1)&lt;/script&gt;") || text.contains("\\u003cscript\\u003e") {
                pagesWithEscapedPayload += 1
            }
        }
        #expect(pagesWithEscapedPayload >= 10)
        let objective = try result.text("objectives/a.html")
        // Raw HTML in Markdown is dropped (safe mode), not shown.
        #expect(objective.contains("Body <!-- raw HTML omitted -->"))
        for field in ["Title", "Owner", "KR", "note", "tag"] {
            #expect(objective.contains("\(field) &lt;script&gt;alert(1)&lt;/script&gt;"), "\(field) not shown as text")
        }
        #expect(objective.contains("u&lt;script&gt;"))  // the unit
        let team = try result.text("teams/social-media.html")
        #expect(team.contains("Team <!-- raw HTML omitted -->"))  // descriptions are Markdown too
        let json = try result.text("data/okrs.json")
        #expect(json.contains("Title \\u003cscript\\u003ealert(1)\\u003c/script\\u003e"))
        let index = try result.text("search/data.js")
        #expect(index.contains("\"t\":\"Title \\u003cscript\\u003ealert(1)\\u003c/script\\u003e\""))
        #expect(index.contains("\"o\":\"Owner \\u003cscript\\u003e"))
        // Filter attributes are escaped like any attribute.
        #expect(try result.text("periods/2026-Q4.html").contains("data-f-owner=\"Owner &lt;script&gt;"))
    }

    @Test func confidentialObjectivesAndDraftsAppearInNoFile() throws {
        let secretKR = """
              - id: kr1
                title: Geheimes Schluesselergebnis XQ7
                start: 0
                target: 10
                current: 2

            """
        let fixture = try SiteFixture(
            Fixtures.site([
                "public.md": Fixtures.objective(
                    "public-goal",
                    keyResults: """
                          - id: kr1
                            title: Sichtbar
                            kind: children

                        """),
                "secret.md": Fixtures.objective(
                    "secret-acquisition-zz9", team: "marketing",
                    extra: "aligns_to: public-goal#kr1\nvisibility: confidential\nowner: Verena Verdeckt\n",
                    keyResults: secretKR
                ).replacingOccurrences(
                    of: "title: Objective secret-acquisition-zz9", with: "title: Uebernahme der Firma Geheim"),
                "draft.md": Fixtures.objective(
                    "draft-idea-yy8", team: "sales",
                    extra: "aligns_to: public-goal#kr1\ndraft: true\nowner: Dora Draft\n",
                    keyResults: secretKR.replacingOccurrences(of: "XQ7", with: "DR8")
                ).replacingOccurrences(of: "title: Objective draft-idea-yy8", with: "title: Entwurf einer Idee"),
                "child.md": Fixtures.objective(
                    "public-child", team: "sales", extra: "aligns_to: draft-idea-yy8\n"),
            ]))
        let result = try fixture.build()
        #expect(result.errors.isEmpty, "\(result.diagnostics)")
        let secrets = [
            "secret-acquisition-zz9", "Uebernahme der Firma Geheim", "XQ7", "Verena Verdeckt", "verena-verdeckt",
            "draft-idea-yy8", "Entwurf einer Idee", "DR8", "Dora Draft", "dora-draft",
        ]
        for (path, bytes) in try result.files() {
            let text = String(decoding: bytes, as: UTF8.self)
            for s in secrets { #expect(!text.contains(s), "\(path) reveals \(s)") }
        }
        // The children KR counts neither: nothing published is aligned to it, so its progress is 0.
        let json = try result.text("data/okrs.json")
        #expect(json.contains("\"contributors\":[]"))
        // The child of the draft shows as not aligned.
        #expect(try result.text("objectives/public-child.html").contains("keinem übergeordneten Ziel zugeordnet"))
        // With --drafts the draft is built, the confidential objective still not.
        let withDrafts = try fixture.build(drafts: true, output: fixture.root + "/with-drafts")
        let all = try withDrafts.files().map { String(decoding: $0.bytes, as: UTF8.self) }.joined()
        #expect(all.contains("Entwurf einer Idee"))
        #expect(!all.contains("Uebernahme der Firma Geheim"))
    }

    @Test func aFailedBuildLeavesThePreviousOutputByteIdentical() throws {
        let fixture = try SiteFixture(Fixtures.site(["a.md": Fixtures.objective("a")]))
        try fixture.write("public/.htaccess", "Options -Indexes\n")
        let first = try fixture.build()
        #expect(first.report != nil)
        let before = try first.files()
        #expect(before.contains { $0.path == ".htaccess" })  // kept across builds
        try fixture.write("content/objectives/b.md", Fixtures.objective("b", team: "nope"))
        let failed = try fixture.build()
        #expect(failed.report == nil)
        #expect(failed.errors.count == 1)
        let after = try failed.files()
        #expect(after.map(\.path) == before.map(\.path))
        #expect(after.map(\.bytes) == before.map(\.bytes))
        // No staging debris next to the output.
        let siblings = try FileManager.default.contentsOfDirectory(atPath: fixture.root)
        #expect(!siblings.contains { $0.contains("okrportal-tmp") })
    }

    @Test func aSuccessfulBuildLeavesNoStaleFiles() throws {
        let fixture = try SiteFixture(
            Fixtures.site(["a.md": Fixtures.objective("a"), "b.md": Fixtures.objective("b")]))
        _ = try fixture.build()
        try FileManager.default.removeItem(atPath: fixture.root + "/content/objectives/b.md")
        let second = try fixture.build()
        let paths = try second.files().map(\.path)
        #expect(paths.contains("objectives/a.html"))
        #expect(!paths.contains("objectives/b.html"))
    }

    @Test func sameInputSameBytes() throws {
        let fixture = try SiteFixture(
            Fixtures.site([
                "a.md": Fixtures.objective("a"),
                "b.md": Fixtures.objective("b", team: "marketing", extra: "aligns_to: a#kr1\n"),
            ]))
        let one = try fixture.build(output: fixture.root + "/out1")
        let two = try fixture.build(output: fixture.root + "/out2")
        let a = try one.files()
        let b = try two.files()
        #expect(a.map(\.path) == b.map(\.path))
        #expect(a.map(\.bytes) == b.map(\.bytes))
    }
}

extension OutputTree {
    /// The `<script …>` start tags of a page.
    static func scriptElements(_ html: String) -> [String] {
        var found: [String] = []
        var rest = html[...]
        while let start = rest.range(of: "<script") {
            let end = rest[start.upperBound...].firstIndex(of: ">") ?? rest.endIndex
            found.append(String(rest[start.lowerBound..<min(rest.index(after: end), rest.endIndex)]))
            rest = rest[end...]
        }
        return found
    }

    /// What the default theme loads: the search index and the two scripts (hashed names), deferred.
    static func ownScripts(_ tag: String) -> Bool {
        tag == "<script src=\"search/data.js\" defer>"
            || (tag.hasPrefix("<script src=\"assets/search.") || tag.hasPrefix("<script src=\"assets/filter."))
                && tag.hasSuffix(".js\" defer>")
    }
}

@Suite struct DeterminismTests {
    @Test func sameBytesWhateverTheThreadCount() async throws {
        let fixture = try SiteFixture([:])
        defer { withExtendedLifetime(fixture) {} }
        let one = fixture.root + "/one"
        let many = fixture.root + "/many"
        // Two outputs of their own: the builds run at once.
        async let a = Binary.run(
            ["build", Binary.repositoryRoot, "--as-of", "2026-11-29", "--output", one],
            environment: ["OKRPORTAL_THREADS": "1"])
        async let b = Binary.run(
            ["build", Binary.repositoryRoot, "--as-of", "2026-11-29", "--output", many],
            environment: ["OKRPORTAL_THREADS": "8"])
        let (first, second) = try await (a, b)
        #expect(first.status == 0 && second.status == 0)
        let x = try OutputTree.read(one)
        let y = try OutputTree.read(many)
        #expect(x.count > 50)
        #expect(x.map(\.path) == y.map(\.path))
        #expect(x.map(\.bytes) == y.map(\.bytes))
    }

    @Test func unchangedFilesKeepTheirModificationTime() async throws {
        let fixture = try SiteFixture(
            Fixtures.site(["a.md": Fixtures.objective("a"), "b.md": Fixtures.objective("b")]))
        _ = try fixture.build()
        let page = fixture.root + "/public/objectives/b.html"
        // File attributes always carry a modification date.
        let before = try FileManager.default.attributesOfItem(atPath: page)[.modificationDate] as! Date
        try fixture.write("content/objectives/a.md", Fixtures.objective("a", body: "Anders.\n"))
        try await Task.sleep(for: .milliseconds(20))
        _ = try fixture.build()
        let after = try FileManager.default.attributesOfItem(atPath: page)[.modificationDate] as! Date
        #expect(after == before)
        #expect(
            try String(contentsOfFile: fixture.root + "/public/objectives/a.html", encoding: .utf8).contains("Anders."))
    }
}
