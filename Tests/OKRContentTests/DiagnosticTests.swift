import Foundation
import OKRContent
import OKRCore
import OKRTestSupport
import Testing

/// One test per kind of problem: the diagnostic's path, line, column and key words.
@Suite struct DiagnosticTests {
    let a = "content/objectives/a.md"

    @Test func cleanSiteHasNoDiagnostics() throws {
        let result = try SiteFixture(Fixtures.site(["a.md": Fixtures.objective("a")])).check()
        // One objective with one key result draws methodology hints (LintTests); the format is clean.
        #expect(result.formatDiagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.objective("a")?.1.progress == 0.5)
    }

    /// Root reads every file whatever its mode; the end-to-end tests drop privileges to cover that case.
    @Test(.enabled(if: getuid() != 0, "root reads every file")) func unreadableFile() throws {
        let fixture = try SiteFixture(Fixtures.site(["a.md": Fixtures.objective("a")]))
        chmod(fixture.root + "/" + a, 0)
        let result = try fixture.check()
        #expect(result.errors.count == 1)
        #expect(result.errors.first?.location == SourceLocation(path: a, line: 1, column: 1))
        #expect(result.errors.first?.message.contains("cannot read") == true)
    }

    @Test func folderNamedLikeAnObjectiveFile() throws {
        let fixture = try SiteFixture(Fixtures.site([:]))
        try FileManager.default.createDirectory(
            atPath: fixture.root + "/content/objectives/dir.md", withIntermediateDirectories: true)
        try fixture.write("content/objectives/dir.md/inner.md", Fixtures.objective("inner"))
        let result = try fixture.check()
        // A folder ending in .md is a folder: its files are read, the folder itself is not an objective.
        #expect(result.errors.isEmpty, "\(result.diagnostics)")
        #expect(result.organisation?.objectives.map(\.id) == ["inner"])
    }

    @Test func noFrontMatter() throws {
        try expectOne(Fixtures.site(["a.md": "# Just Markdown\n"]), at: a, 1, 1, "no front matter", "---")
    }

    @Test func emptyFile() throws {
        try expectOne(Fixtures.site(["a.md": ""]), at: a, 1, 1, "empty")
    }

    @Test func unclosedFrontMatter() throws {
        try expectOne(
            Fixtures.site(["a.md": "---\nid: a\ntitle: T\nteam: company\n\nBody\n"]), at: a, 1, 1, "never closed")
    }

    @Test func yamlSyntaxError() throws {
        let text = "---\nid: a\ntitle: [unclosed\nteam: company\n---\n"
        let fixture = try SiteFixture(Fixtures.site(["a.md": text]))
        let errors = try fixture.check().errors
        #expect(errors.count == 1)
        #expect(errors.first?.location.path == a)
        #expect(errors.first?.location.line == 4)
        #expect(errors.first?.message.contains("YAML syntax error") == true)
    }

    @Test func tabIndentation() throws {
        let text = "---\nid: a\ntitle: T\nkey_results:\n\t- id: kr1\n---\n"
        try expectOne(Fixtures.site(["a.md": text]), at: a, 5, 1, "YAML syntax error", "tabs")
    }

    @Test func missingField() throws {
        let text =
            "---\nid: a\nteam: company\nperiod: 2026-Q4\nkey_results:\n  - id: kr1\n    title: T\n    start: 0\n    target: 1\n---\n"
        try expectOne(Fixtures.site(["a.md": text]), at: a, 2, 1, "missing", "\"title\"")
    }

    @Test func missingKeyResultField() throws {
        let krs = "  - id: kr1\n    title: T\n    start: 0\n"
        try expectOne(
            Fixtures.site(["a.md": Fixtures.objective("a", keyResults: krs)]), at: a, 7, 5, "key result", "\"target\"")
    }

    @Test func illTypedField() throws {
        try expectOne(
            Fixtures.site(["a.md": Fixtures.objective("a", extra: "tags:\n  key: value\n")]), at: a, 7, 3,
            "\"tags\"", "mapping")
    }

    @Test func illTypedChoice() throws {
        try expectOne(
            Fixtures.site(["a.md": Fixtures.objective("a", extra: "type: comitted\n")]), at: a, 6, 7,
            "\"type\"", "did you mean \"committed\"")
    }

    @Test func unknownFieldIsAWarningWithSuggestion() throws {
        try expectOne(
            Fixtures.site(["a.md": Fixtures.objective("a", extra: "ownr: Jan\n")]), .warning, at: a, 6, 1,
            "unknown field \"ownr\"", "did you mean \"owner\"")
    }

    @Test func badId() throws {
        try expectOne(
            Fixtures.site(["a.md": Fixtures.objective("../evil")]), at: a, 2, 5, "\"../evil\"", "lowercase")
    }

    @Test func badIdFromFileName() throws {
        try expectOne(
            Fixtures.site(["My Objective.md": Fixtures.objective("x").replacingOccurrences(of: "id: x\n", with: "")]),
            at: "content/objectives/My Objective.md", 1, 1, "\"My Objective\"", "file name")
    }

    @Test func reservedId() throws {
        try expectOne(Fixtures.site(["a.md": Fixtures.objective("con")]), at: a, 2, 5, "reserved")
    }

    @Test func duplicateIdNamesBothPlaces() throws {
        try expectOne(
            Fixtures.site(["a.md": Fixtures.objective("same"), "b.md": Fixtures.objective("same")]),
            at: "content/objectives/b.md", 2, 5, "duplicate objective id \"same\"", "content/objectives/a.md:2:5")
    }

    @Test func duplicateKeyResultId() throws {
        let krs = "  - id: kr1\n    title: T\n    kind: milestone\n  - id: kr1\n    title: U\n    kind: milestone\n"
        try expectOne(
            Fixtures.site(["a.md": Fixtures.objective("a", keyResults: krs)]), at: a, 10, 9,
            "duplicate key result id \"kr1\"", "line 7")
    }

    @Test func duplicateYAMLKey() throws {
        try expectOne(
            Fixtures.site(["a.md": Fixtures.objective("a", extra: "title: Again\n")]), at: a, 6, 1,
            "duplicate field \"title\"", "line 3")
    }

    @Test func unknownTeam() throws {
        try expectOne(
            Fixtures.site(["a.md": Fixtures.objective("a", team: "marketng")]), at: a, 4, 7,
            "unknown team \"marketng\"", "did you mean \"marketing\"")
    }

    @Test func unknownPeriod() throws {
        try expectOne(
            Fixtures.site(["a.md": Fixtures.objective("a", period: "2026-Q5")]), at: a, 5, 9,
            "unknown period \"2026-Q5\"")
    }

    @Test func danglingAlignment() throws {
        try expectOne(
            Fixtures.site([
                "a.md": Fixtures.objective("a", team: "marketing", extra: "aligns_to: nowhere\n")
            ]), at: a, 6, 12, "aligns_to", "\"nowhere\"", "does not exist")
    }

    @Test func danglingKeyResult() throws {
        try expectOne(
            Fixtures.site([
                "c.md": Fixtures.objective("c"),
                "a.md": Fixtures.objective("a", team: "marketing", extra: "aligns_to: c#kr9\n"),
            ]), at: a, 6, 12, "key result \"kr9\"", "\"c\"", "kr1")
    }

    @Test func alignmentToATeamThatIsNotAnAncestor() throws {
        try expectOne(
            Fixtures.site([
                "s.md": Fixtures.objective("s", team: "sales", extra: "aligns_to: c\n"),
                "c.md": Fixtures.objective("c"),
                "a.md": Fixtures.objective("a", team: "marketing", extra: "aligns_to: s\n"),
            ]), at: a, 6, 12, "team \"sales\"", "not above", "\"marketing\"")
    }

    @Test func alignmentToOwnTeamIsAWarning() throws {
        try expectOne(
            Fixtures.site([
                "c.md": Fixtures.objective("c"), "d.md": Fixtures.objective("d", extra: "aligns_to: c\n"),
            ]), .warning, at: "content/objectives/d.md", 6, 12, "own team")
    }

    @Test func alignmentAcrossPeriods() throws {
        try expectOne(
            Fixtures.site([
                "c.md": Fixtures.objective("c", period: "2026-Q3"),
                "a.md": Fixtures.objective("a", team: "marketing", extra: "aligns_to: c\n"),
            ]), at: a, 6, 12, "period 2026-Q3", "2026-Q4")
    }

    @Test func cycleNamesEveryFile() throws {
        let result = try SiteFixture(
            Fixtures.site([
                "a.md": Fixtures.objective("a", extra: "aligns_to: b\n"),
                "b.md": Fixtures.objective("b", extra: "aligns_to: c\n"),
                "c.md": Fixtures.objective("c", extra: "aligns_to: a\n"),
            ])
        ).check()
        #expect(result.errors.count == 1)
        let e = try #require(result.errors.first)
        #expect(e.location == SourceLocation(path: a, line: 6, column: 12))
        #expect(
            e.message
                == "alignment cycle: \"a\" (content/objectives/a.md:6:12) → \"b\" (content/objectives/b.md:6:12) → "
                + "\"c\" (content/objectives/c.md:6:12) → \"a\"")
    }

    @Test func selfAlignmentIsACycle() throws {
        try expectOne(
            Fixtures.site(["a.md": Fixtures.objective("a", extra: "aligns_to: a\n")]), at: a, 6, 12,
            "alignment cycle")
    }

    @Test func startEqualsTarget() throws {
        let krs = "  - id: kr1\n    title: T\n    start: 5\n    target: 5\n"
        try expectOne(
            Fixtures.site(["a.md": Fixtures.objective("a", keyResults: krs)]), at: a, 10, 13, "start and target",
            "5")
    }

    @Test func nonNumericNumber() throws {
        let krs = "  - id: kr1\n    title: T\n    start: zero\n    target: 5\n"
        try expectOne(
            Fixtures.site(["a.md": Fixtures.objective("a", keyResults: krs)]), at: a, 9, 12, "\"start\"",
            "must be a number", "\"zero\"")
    }

    @Test func quotedNumber() throws {
        let krs = "  - id: kr1\n    title: T\n    start: \"0\"\n    target: 5\n"
        try expectOne(
            Fixtures.site(["a.md": Fixtures.objective("a", keyResults: krs)]), at: a, 9, 12, "remove the quotes")
    }

    @Test(arguments: [("1e400", "out of range"), (".inf", "finite"), (".nan", "finite"), ("0x10", "must be a number")])
    func unusableNumbers(value: String, words: String) throws {
        let krs = "  - id: kr1\n    title: T\n    start: 0\n    target: \(value)\n"
        try expectOne(Fixtures.site(["a.md": Fixtures.objective("a", keyResults: krs)]), at: a, 10, 13, words)
    }

    @Test func confidenceOutOfRange() throws {
        let krs = """
              - id: kr1
                title: T
                start: 0
                target: 10
                checkins:
                  - { date: 2026-10-10, value: 2, confidence: 1.5 }

            """
        try expectOne(
            Fixtures.site(["a.md": Fixtures.objective("a", keyResults: krs)]), at: a, 12, 51, "confidence 1.5",
            "0…1")
    }

    @Test func weightNotPositive() throws {
        let krs = "  - id: kr1\n    title: T\n    kind: milestone\n    weight: -2\n"
        try expectOne(
            Fixtures.site(["a.md": Fixtures.objective("a", keyResults: krs)]), at: a, 10, 13, "weight -2",
            "greater than 0")
    }

    @Test func objectiveWithoutKeyResults() throws {
        try expectOne(
            Fixtures.site(["a.md": Fixtures.objective("a", keyResults: "")]), at: a, 6, 13, "no key results")
    }

    @Test func objectiveWithoutKeyResultsField() throws {
        try expectOne(
            Fixtures.site(["a.md": "---\ntitle: T\nteam: company\nperiod: 2026-Q4\n---\n"]), at: a, 2, 1,
            "no key results")
    }

    @Test func publicAlignedToConfidential() throws {
        try expectOne(
            Fixtures.site([
                "c.md": Fixtures.objective("c", extra: "visibility: confidential\n"),
                "a.md": Fixtures.objective("a", team: "marketing", extra: "aligns_to: c\n"),
            ]), at: a, 6, 12, "public objective", "confidential objective \"c\"", "reveal")
    }

    @Test func confidentialAlignedToPublicIsFine() throws {
        let result = try SiteFixture(
            Fixtures.site([
                "c.md": Fixtures.objective("c"),
                "a.md": Fixtures.objective("a", team: "marketing", extra: "aligns_to: c\nvisibility: confidential\n"),
            ])
        ).check()
        #expect(result.formatDiagnostics.isEmpty, "\(result.diagnostics)")
    }

    @Test func notAlignedIsAWarning() throws {
        try expectOne(
            Fixtures.site(["a.md": Fixtures.objective("a", team: "marketing")]), .warning, rule: "OKR006", at: a, 2, 5,
            "not aligned")
    }

    @Test func originMustBeTopDownOrBottomUp() throws {
        try expectOne(
            Fixtures.site(["a.md": Fixtures.objective("a", extra: "origin: bottomup\n")]), at: a, 6, 9,
            "\"origin\" must be \"top-down\" or \"bottom-up\"", "did you mean \"bottom-up\"")
    }

    @Test func originDefaultsToTopDown() throws {
        let result = try SiteFixture(
            Fixtures.site([
                "a.md": Fixtures.objective("a"), "b.md": Fixtures.objective("b", extra: "origin: bottom-up\n"),
            ])
        ).check()
        #expect(result.formatDiagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.objective("a")?.0.origin == .topDown)
        #expect(result.objective("b")?.0.origin == .bottomUp)
    }
}
