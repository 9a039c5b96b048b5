import Foundation
import OKRContent
import OKRCore
import OKRTestSupport
import Testing

/// `continues:`, and problems with the team tree, dates, encodings and the site's folders.
extension DiagnosticTests {
    @Test func continuesNamesAnObjectiveThatExists() throws {
        try expectOne(
            Fixtures.site([
                "old.md": Fixtures.objective("old-q3", period: "2026-Q3"),
                "a.md": Fixtures.objective("a", extra: "continues: old-q2\n"),
            ]), at: a, 6, 12, "continues names objective \"old-q2\"", "did you mean \"old-q3\"")
    }

    @Test func continuesNamesAnEarlierPeriod() throws {
        try expectOne(
            Fixtures.site([
                "b.md": Fixtures.objective("b"), "a.md": Fixtures.objective("a", extra: "continues: b\n"),
            ]), at: a, 6, 12, "\"b\" of period 2026-Q4", "earlier period")
        try expectOne(
            Fixtures.site([
                "b.md": Fixtures.objective("b"),
                "a.md": Fixtures.objective("a", period: "2026-Q3", extra: "continues: b\n"),
            ]), at: a, 6, 12, "does not start before")
    }

    @Test func anObjectiveDoesNotContinueItself() throws {
        try expectOne(
            Fixtures.site(["a.md": Fixtures.objective("a", extra: "continues: a\n")]), at: a, 6, 12, "continues itself")
    }

    @Test func aPublicObjectiveDoesNotContinueAConfidentialOne() throws {
        try expectOne(
            Fixtures.site([
                "c.md": Fixtures.objective("c", period: "2026-Q3", extra: "visibility: confidential\n"),
                "a.md": Fixtures.objective("a", extra: "continues: c\n"),
            ]), at: a, 6, 12, "confidential objective \"c\"", "reveal")
    }

    @Test func continuesLinksBothWays() throws {
        let result = try SiteFixture(
            Fixtures.site([
                "old.md": Fixtures.objective("old", period: "2026-Q3"),
                "a.md": Fixtures.objective("a", extra: "continues: old\nretro: |\n  Gelernt: **früher** bestellen.\n"),
                "b.md": Fixtures.objective("b", extra: "continues: old\n"),
            ])
        ).check()
        #expect(result.formatDiagnostics.isEmpty, "\(result.diagnostics)")
        let org = try #require(result.organisation)
        let (a, b, old) = (org.objectiveIndex["a"]!, org.objectiveIndex["b"]!, org.objectiveIndex["old"]!)
        #expect(org.predecessor[a] == old)
        #expect(org.successors[old] == [a, b])
        #expect(org.objectives[a].retro == "Gelernt: **früher** bestellen.\n")
    }

    @Test func teamTreeWithoutRoot() throws {
        let teams = "- id: a\n  name: A\n  parent: x\n- id: b\n  name: B\n  parent: a\n"
        let result = try SiteFixture(Fixtures.site([:], extra: ["content/teams.yml": teams])).check()
        #expect(result.errors.map(\.location.line) == [1, 3])
        #expect(result.errors[0].message.contains("no root"))
        #expect(result.errors[1].message.contains("unknown parent \"x\""))
    }

    @Test func teamTreeWithTwoRoots() throws {
        let teams = Fixtures.teams + "- id: rogue\n  name: Rogue\n"
        try expectOne(
            Fixtures.site([:], extra: ["content/teams.yml": teams]), at: "content/teams.yml", 16, 3, "2 roots",
            "\"company\"", "\"rogue\"")
    }

    @Test func teamTreeWithACycle() throws {
        let teams = Fixtures.teams + "- id: x\n  name: X\n  parent: y\n- id: y\n  name: Y\n  parent: x\n"
        try expectOne(
            Fixtures.site([:], extra: ["content/teams.yml": teams]), at: "content/teams.yml", 18, 11,
            "cycle", "\"x\" → \"y\" → \"x\"")
    }

    @Test func teamWithUnknownParent() throws {
        let teams = Fixtures.teams + "- id: x\n  name: X\n  parent: nobody\n"
        try expectOne(
            Fixtures.site([:], extra: ["content/teams.yml": teams]), at: "content/teams.yml", 18, 11,
            "unknown parent \"nobody\"")
    }

    @Test func duplicateTeam() throws {
        let teams = Fixtures.teams + "- id: sales\n  name: Sales again\n  parent: company\n"
        try expectOne(
            Fixtures.site([:], extra: ["content/teams.yml": teams]), at: "content/teams.yml", 16, 7,
            "duplicate team id \"sales\"", "content/teams.yml:12:7")
    }

    @Test func periodEndsBeforeItStarts() throws {
        let config = Fixtures.config.replacingOccurrences(of: "end: 2026-12-31", with: "end: 2026-09-01")
        try expectOne(
            Fixtures.site([:], extra: ["okrportal.yml": config]), at: "okrportal.yml", 9, 10, "\"2026-Q4\"",
            "ends (2026-09-01) before it starts (2026-10-01)")
    }

    @Test func impossibleDate() throws {
        let config = Fixtures.config.replacingOccurrences(of: "end: 2026-12-31", with: "end: 2026-02-30")
        try expectOne(
            Fixtures.site([:], extra: ["okrportal.yml": config]), at: "okrportal.yml", 9, 10, "impossible date",
            "2026-02-30")
    }

    @Test func impossibleCheckinDate() throws {
        let krs = """
              - id: kr1
                title: T
                start: 0
                target: 10
                checkins:
                  - { date: 2026-11-31, value: 2 }

            """
        try expectOne(
            Fixtures.site(["a.md": Fixtures.objective("a", keyResults: krs)]), at: a, 12, 17, "impossible date")
    }

    @Test func yamlAliasIsRefused() throws {
        let text = Fixtures.objective("a", extra: "tags: &t [a, b]\nx: *t\n")
        try expectOne(Fixtures.site(["a.md": text]), at: a, 7, 4, "aliases")
    }

    @Test func invalidUTF8() throws {
        let fixture = try SiteFixture(Fixtures.site([:]))
        var bytes = Data(Fixtures.objective("a").utf8)
        bytes.insert(contentsOf: [0x54, 0xFC, 0x72], at: 20)  // "Tür" in Latin-1, inside line 3
        try fixture.write("content/objectives/a.md", bytes)
        let errors = try fixture.check().errors
        #expect(errors.count == 1)
        #expect(errors.first?.location == SourceLocation(path: a, line: 3, column: 12))
        #expect(errors.first?.message.contains("UTF-8") == true)
    }

    @Test func nulByte() throws {
        try expectOne(Fixtures.site(["a.md": "---\nid: a\u{0}\n---\n"]), at: a, 2, 6, "NUL")
    }

    @Test func byteOrderMarkAndCRLFAreFine() throws {
        let text = "\u{FEFF}" + Fixtures.objective("a").replacingOccurrences(of: "\n", with: "\r\n")
        let result = try SiteFixture(Fixtures.site(["a.md": text])).check()
        #expect(result.formatDiagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.objective("a")?.0.title == "Objective a")
    }

    @Test func missingContentFolder() throws {
        let fixture = try SiteFixture(["okrportal.yml": Fixtures.config])
        let result = try fixture.check()
        #expect(result.errors.count == 1)
        #expect(result.errors.first?.location.path == "content")
    }

    @Test func notASiteIsAnEnvironmentError() throws {
        let fixture = try SiteFixture(["README.md": "hello"])
        #expect(throws: EnvironmentError.self) { try fixture.check() }
    }

    @Test func symlinkOutsideTheSiteIsNotFollowed() throws {
        let outside = try SiteFixture(["secret.md": Fixtures.objective("secret")])
        let fixture = try SiteFixture(Fixtures.site(["a.md": Fixtures.objective("a")]))
        symlink(outside.root + "/secret.md", fixture.root + "/content/objectives/secret.md")
        let result = try fixture.check()
        #expect(result.organisation?.objectives.map(\.id) == ["a"])
        let warnings = result.formatDiagnostics.filter { $0.severity == .warning }
        #expect(warnings.count == 1)
        #expect(warnings.first?.location.path == "content/objectives/secret.md")
        #expect(warnings.first?.message.contains("outside the site") == true)
    }

    @Test func reportsAllProblemsOfARunTogether() throws {
        let result = try SiteFixture(
            Fixtures.site([
                "a.md": Fixtures.objective("a", team: "nope"), "b.md": Fixtures.objective("b", period: "nope"),
                "c.md": "no front matter",
            ])
        ).check()
        #expect(result.errors.map(\.location.path) == [a, "content/objectives/b.md", "content/objectives/c.md"])
    }
}
