import OKRContent
import OKRCore
import OKRTestSupport
import Testing

/// `depends_on:` of objectives and key results: the shapes the reader takes and refuses, each at its
/// exact place, and every rule checked when the site is resolved.
@Suite struct DependsOnTests {
    let a = "content/objectives/a.md"

    /// One key result `kr1` with `line` added to it: line 12 of a file without extra fields, its value at
    /// column 17 for `depends_on: `.
    func krWith(_ line: String) -> String {
        """
          - id: kr1
            title: Reach 100
            start: 0
            target: 100
            current: 50
            \(line)

        """
    }

    // MARK: Reading

    @Test func readsEveryShape() throws {
        let fixture = try SiteFixture(
            Fixtures.site([
                "a.md": Fixtures.objective("a", team: "sales", extra: "depends_on: b#kr1\n"),
                "b.md": Fixtures.objective("b", team: "marketing", extra: "depends_on: [c, 'd']\n"),
                "c.md": Fixtures.objective("c", team: "social-media", extra: "depends_on:\n  - d\n  - a#kr1\n"),
                "d.md": Fixtures.objective("d", team: "sales", keyResults: krWith("depends_on: [c#kr1]")),
                "e.md": Fixtures.objective("e", team: "sales", extra: "depends_on:\n"),
            ]))
        let result = try fixture.check()
        let org = try #require(result.organisation)
        func refs(_ id: String) -> [String] { org.objectives[org.objectiveIndex[id]!].dependsOn.map(\.description) }
        #expect(refs("a") == ["b#kr1"])
        #expect(refs("b") == ["c", "d"])
        #expect(refs("c") == ["d", "a#kr1"])
        #expect(refs("e") == [])
        let d = org.objectives[org.objectiveIndex["d"]!]
        #expect(d.keyResults[KeyResultIndex(0)].dependsOn.map(\.description) == ["c#kr1"])
        // Each entry keeps its own place: the flow list's second entry, the block list's lines.
        #expect(
            org.objectives[org.objectiveIndex["b"]!].dependsOn[1].location
                == SourceLocation(path: "content/objectives/b.md", line: 6, column: 17))
        #expect(
            org.objectives[org.objectiveIndex["c"]!].dependsOn[1].location
                == SourceLocation(path: "content/objectives/c.md", line: 8, column: 5))
        #expect(result.errors.isEmpty, "\(result.diagnostics)")
    }

    @Test func aNumberIsRefused() throws {
        try expectOne(
            Fixtures.site(["a.md": Fixtures.objective("a", extra: "depends_on: 5\n")]), at: a, 6, 13,
            "found the number 5")
    }

    @Test func aMappingIsRefused() throws {
        try expectOne(
            Fixtures.site(["a.md": Fixtures.objective("a", extra: "depends_on: { id: b }\n")]), at: a, 6, 13,
            "\"depends_on\" must be an objective id", "found a mapping")
    }

    @Test func aMappingInAListIsRefused() throws {
        try expectOne(
            Fixtures.site([
                "a.md": Fixtures.objective("a", extra: "depends_on:\n  - b\n  - { id: c }\n"),
                "b.md": Fixtures.objective("b", team: "marketing"),
            ]), at: a, 8, 5, "each entry of \"depends_on\"", "found a mapping")
    }

    @Test func anEmptyTextIsRefused() throws {
        try expectOne(
            Fixtures.site(["a.md": Fixtures.objective("a", extra: "depends_on: \"\"\n")]), at: a, 6, 13,
            "is empty")
    }

    @Test func anEmptyListEntryIsRefused() throws {
        try expectOne(
            Fixtures.site(["a.md": Fixtures.objective("a", extra: "depends_on:\n  -\n")]), at: a, 7, 4,
            "each entry of \"depends_on\"", "nothing")
    }

    @Test func aBadSlugIsRefused() throws {
        try expectOne(
            Fixtures.site([
                "a.md": Fixtures.objective("a", extra: "depends_on: [b, Web Leads]\n"),
                "b.md": Fixtures.objective("b", team: "marketing"),
            ]), at: a, 6, 17,
            "\"Web Leads\"", "is not an objective id")
    }

    @Test func aBadKeyResultPartIsRefused() throws {
        try expectOne(
            Fixtures.site(["a.md": Fixtures.objective("a", extra: "depends_on: \"b#\"\n")]), at: a, 6, 13,
            "lacks the key result id")
        try expectOne(
            Fixtures.site(["a.md": Fixtures.objective("a", extra: "depends_on: \"#kr1\"\n")]), at: a, 6, 13,
            "lacks the objective id")
        try expectOne(
            Fixtures.site(["a.md": Fixtures.objective("a", extra: "depends_on: \"b#k#r\"\n")]), at: a, 6, 13,
            "more than one '#'")
    }

    @Test func aKeyResultsBadShapeIsReportedAtIt() throws {
        try expectOne(
            Fixtures.site(["a.md": Fixtures.objective("a", keyResults: krWith("depends_on: 12"))]), at: a, 12, 17,
            "found the number 12")
    }

    // MARK: Resolving

    @Test func unknownObjectiveSuggests() throws {
        try expectOne(
            Fixtures.site([
                "a.md": Fixtures.objective("a", team: "sales", extra: "depends_on: web-lead\n"),
                "web-leads.md": Fixtures.objective("web-leads", team: "marketing"),
            ]), at: a, 6, 13, "depends_on names objective \"web-lead\", which does not exist",
            "(did you mean \"web-leads\"?)")
    }

    @Test func unknownKeyResultListsThem() throws {
        try expectOne(
            Fixtures.site([
                "a.md": Fixtures.objective("a", team: "sales", extra: "depends_on: b#kr2\n"),
                "b.md": Fixtures.objective("b", team: "marketing"),
            ]), at: a, 6, 13, "key result \"kr2\" of \"b\"", "(it has: kr1)", "did you mean \"kr1\"")
    }

    @Test func dependingOnItselfIsAnError() throws {
        try expectOne(
            Fixtures.site(["a.md": Fixtures.objective("a", extra: "depends_on: a#kr1\n")]), at: a, 6, 13,
            "objective \"a\" depends on itself")
        try expectOne(
            Fixtures.site(["a.md": Fixtures.objective("a", keyResults: krWith("depends_on: a"))]), at: a, 12, 17,
            "key result \"kr1\" depends on its own objective \"a\"")
    }

    @Test func anotherPeriodIsAnError() throws {
        try expectOne(
            Fixtures.site([
                "a.md": Fixtures.objective("a", team: "sales", extra: "depends_on: b\n"),
                "b.md": Fixtures.objective("b", team: "marketing", period: "2026-Q3"),
            ]), at: a, 6, 13, "depends on \"b\" of period 2026-Q3", "belongs to 2026-Q4",
            "dependencies stay within a period")
    }

    @Test func aConfidentialTargetOfAPublicObjectiveIsAnError() throws {
        try expectOne(
            Fixtures.site([
                "a.md": Fixtures.objective("a", team: "sales", extra: "depends_on: b\n"),
                "b.md": Fixtures.objective("b", team: "marketing", extra: "visibility: confidential\n"),
            ]), at: a, 6, 13, "public objective depends on confidential objective \"b\"", "would reveal it")
        // The other way round is fine: a confidential objective may need a public one.
        let result = try SiteFixture(
            Fixtures.site([
                "a.md": Fixtures.objective("a", team: "sales", extra: "visibility: confidential\ndepends_on: b\n"),
                "b.md": Fixtures.objective("b", team: "marketing"),
            ])
        ).check()
        #expect(result.formatDiagnostics.isEmpty, "\(result.diagnostics)")
    }

    @Test func theConfidentialMessageRevealsNoMoreThanAlignmentsDoes() throws {
        let b = Fixtures.objective("b", team: "company", extra: "visibility: confidential\n")
        let dep = try SiteFixture(
            Fixtures.site(["a.md": Fixtures.objective("a", team: "sales", extra: "depends_on: b\n"), "b.md": b])
        ).check().errors
        let align = try SiteFixture(
            Fixtures.site(["a.md": Fixtures.objective("a", team: "sales", extra: "aligns_to: b\n"), "b.md": b])
        ).check().errors
        #expect(dep.count == 1 && align.count == 1)
        // Both name the id, and nothing else of the confidential objective (not its title or team).
        for message in (dep + align).map(\.message) {
            #expect(message.contains("\"b\""))
            #expect(!message.contains("Objective b") && !message.contains("company"))
        }
    }

    @Test func anUnbuiltDraftTargetIsAWarningAsForAlignment() throws {
        let files = Fixtures.site([
            "a.md": Fixtures.objective("a", team: "sales", extra: "depends_on: b\n"),
            "b.md": Fixtures.objective("b", team: "marketing", extra: "draft: true\n"),
        ])
        try expectOne(files, .warning, at: a, 6, 13, "depends on draft \"b\"", "not shown")
        // Built with drafts, the draft is published and the dependency shows: no warning.
        let withDrafts = try SiteFixture(files).check(drafts: true)
        #expect(!withDrafts.diagnostics.contains { $0.message.contains("draft") }, "\(withDrafts.diagnostics)")
        let org = try #require(withDrafts.organisation)
        #expect(org.publishedDependencies(of: org.objectiveIndex["a"]!).count == 1)
    }

    @Test func aDuplicateIsAWarning() throws {
        try expectOne(
            Fixtures.site([
                "a.md": Fixtures.objective("a", team: "sales", extra: "depends_on: [b, c, b]\n"),
                "b.md": Fixtures.objective("b", team: "marketing"),
                "c.md": Fixtures.objective("c", team: "marketing"),
            ]), .warning, at: a, 6, 20, "depends_on names \"b\" twice")
    }

    @Test func aCycleIsAWarningNamingEveryFile() throws {
        let result = try SiteFixture(
            Fixtures.site([
                "a.md": Fixtures.objective("a", team: "sales", extra: "depends_on: b\n"),
                "b.md": Fixtures.objective("b", team: "marketing", extra: "depends_on: c#kr1\n"),
                // A key result's entry counts as its objective's.
                "c.md": Fixtures.objective("c", team: "social-media", keyResults: krWith("depends_on: a")),
            ])
        ).check()
        #expect(result.errors.isEmpty, "\(result.diagnostics)")
        let cycles = result.warnings.filter { $0.message.contains("cycle") }
        #expect(cycles.count == 1, "\(result.diagnostics)")
        let w = try #require(cycles.first)
        #expect(w.location == SourceLocation(path: a, line: 6, column: 13))
        #expect(
            w.message
                == "dependency cycle: \"a\" (content/objectives/a.md:6:13) → \"b\" (content/objectives/b.md:6:13) → "
                + "\"c\" (content/objectives/c.md:12:17) → \"a\"; each objective waits for the next, so none can "
                + "finish first")
    }

    @Test func validDependenciesAreIndexedBothWays() throws {
        let result = try SiteFixture(
            Fixtures.site([
                "a.md": Fixtures.objective(
                    "a", team: "sales", extra: "depends_on: b#kr1\n", keyResults: krWith("depends_on: b")),
                "b.md": Fixtures.objective("b", team: "marketing"),
                "s.md": Fixtures.objective("s", team: "sales", extra: "visibility: confidential\ndepends_on: b\n"),
            ])
        ).check()
        #expect(result.formatDiagnostics.isEmpty, "\(result.diagnostics)")
        let org = try #require(result.organisation)
        let a = org.objectiveIndex["a"]!
        let b = org.objectiveIndex["b"]!
        #expect(org.publishedDependencies(of: a).map(org.targetReference) == ["b#kr1", "b"])
        #expect(org.publishedDependencies(of: a, keyResult: .some(nil)).map(org.targetReference) == ["b#kr1"])
        #expect(org.publishedDependencies(of: a, keyResult: KeyResultIndex(0)).map(org.targetReference) == ["b"])
        // Who needs b: a (the objective and its key result); the confidential s never appears.
        #expect(org.publishedDependents(of: b).map(org.sourceReference) == ["a", "a#kr1"])
        #expect(org.dependencies.neededBy[b].count == 3)
    }
}
