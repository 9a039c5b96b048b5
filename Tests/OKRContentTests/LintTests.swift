import Foundation
import OKRContent
import OKRCore
import OKRTestSupport
import Testing

/// The methodology rules (`Sources/OKRCore/Lint/`) over whole sites: for every rule a site where it fires
/// (path, line, column, rule id) and one where it stays silent, and the ways to silence it.
///
/// Every site starts from a healthy base that draws no hint at all: two company objectives with two key
/// results each in the running period 2026-Q4. Each test changes one thing.
@Suite struct LintTests {
    static let twoKeyResults =
        "  - id: kr1\n    title: Reach 100\n    start: 0\n    target: 100\n    current: 50\n"
        + "  - id: kr2\n    title: Win customers\n    start: 0\n    target: 10\n    current: 5\n"

    /// An objective with two key results (or `keyResults`).
    static func objective(
        _ id: String, team: String = "company", period: String = "2026-Q4", extra: String = "",
        keyResults: String = twoKeyResults
    ) -> String {
        Fixtures.objective(id, team: team, period: period, extra: extra, keyResults: keyResults)
    }

    /// The healthy base plus `objectives`; `config` replaces okrportal.yml.
    static func site(_ objectives: [String: String], config: String? = nil) -> [String: String] {
        var all = ["base-a.md": objective("base-a"), "base-b.md": objective("base-b")]
        for (k, v) in objectives { all[k] = v }
        return Fixtures.site(all, extra: config.map { ["okrportal.yml": $0] } ?? [:])
    }

    /// A key result with check-ins of the given confidence on the given days.
    static func keyResult(_ id: String, title: String = "Reach 100", checkins: [(String, Double)]) -> String {
        var s = "  - id: \(id)\n    title: \(title)\n    start: 0\n    target: 100\n    checkins:\n"
        for (i, (day, confidence)) in checkins.enumerated() {
            s += "      - { date: \(day), value: \(10 * (i + 1)), confidence: \(confidence) }\n"
        }
        return s
    }

    let a = "content/objectives/a.md"

    /// Checks `files` and returns the methodology hints.
    func hints(_ files: [String: String], asOf: String = "2026-11-29") throws -> [Diagnostic] {
        let result = try SiteFixture(files).check(asOf: asOf)
        #expect(result.errors.isEmpty, "\(result.diagnostics)")
        return result.hints
    }

    /// Expects exactly one hint: rule `rule` at `path:line:column`, with `words` in its message.
    func expectHint(
        _ files: [String: String], _ rule: String, at path: String, _ line: Int, _ column: Int, _ words: String...,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        let found = try hints(files)
        #expect(found.count == 1, "expected one hint, got: \(found)", sourceLocation: sourceLocation)
        guard let d = found.first else { return }
        #expect(d.rule == rule, "\(d)", sourceLocation: sourceLocation)
        #expect(d.severity == .warning, sourceLocation: sourceLocation)
        #expect(
            d.location == SourceLocation(path: path, line: line, column: column), "\(d)",
            sourceLocation: sourceLocation)
        #expect(d.description.hasSuffix(" [\(rule)]"), sourceLocation: sourceLocation)
        for w in words {
            #expect(d.message.contains(w), "\"\(w)\" not in: \(d.message)", sourceLocation: sourceLocation)
        }
    }

    func expectSilent(_ files: [String: String], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let found = try hints(files)
        #expect(found.isEmpty, "expected no hint, got: \(found)", sourceLocation: sourceLocation)
    }

    @Test func healthyBaseIsSilent() throws {
        try expectSilent(Self.site([:]))
    }

    @Test func everyRuleHasAnIdTitleWhyAndSource() {
        #expect(Lint.rules.map { $0.id } == (1...9).map { "OKR00\($0)" })
        for rule in Lint.rules {
            #expect(!rule.title.isEmpty && !rule.why.isEmpty && !rule.source.isEmpty, "\(rule.id)")
        }
    }

    @Test func docsListEveryRuleWithItsWhyAndSource() throws {
        let docs = try String(contentsOfFile: Binary.repositoryRoot + "/docs/lint.md", encoding: .utf8)
        for rule in Lint.rules {
            let row = docs.split(separator: "\n").first { $0.hasPrefix("| \(rule.id) |") }.map(String.init) ?? ""
            #expect(row.contains(rule.title) && row.contains(rule.why), "docs/lint.md: \(rule.id)")
            let source = rule.source.replacingOccurrences(of: "Measure What Matters", with: "*Measure What Matters*")
                .replacingOccurrences(of: "Radical Focus", with: "*Radical Focus*")
                .replacingOccurrences(of: "Outcomes Over Output", with: "*Outcomes Over Output*")
            #expect(row.contains(source), "docs/lint.md: source of \(rule.id)")
        }
    }

    // MARK: OKR001 objectives per team

    @Test func okr001FiresForATeamWithOneObjective() throws {
        try expectHint(
            Self.site(["a.md": Self.objective("a", team: "marketing", extra: "aligns_to: base-a\n")]), "OKR001",
            at: a, 4, 7, "team \"marketing\"", "only 1 objective", "2026-Q4")
    }

    @Test func okr001FiresForATeamWithSixObjectives() throws {
        var files: [String: String] = [:]
        for id in ["a", "c", "d", "e"] { files["\(id).md"] = Self.objective(id) }
        try expectHint(Self.site(files), "OKR001", at: a, 4, 7, "team \"company\"", "6 objectives")
    }

    @Test func okr001IsSilentForTwoToFive() throws {
        try expectSilent(
            Self.site([
                "a.md": Self.objective("a", team: "marketing", extra: "aligns_to: base-a\n"),
                "b.md": Self.objective("b", team: "marketing", extra: "aligns_to: base-b\n"),
                "c.md": Self.objective("c"), "d.md": Self.objective("d"), "e.md": Self.objective("e"),
            ]))
    }

    @Test func okr001CountsDraftsAndConfidentialObjectives() throws {
        try expectSilent(
            Self.site([
                "a.md": Self.objective("a", team: "marketing", extra: "aligns_to: base-a\n"),
                "b.md": Self.objective("b", team: "marketing", extra: "aligns_to: base-b\ndraft: true\n"),
            ]))
    }

    // MARK: OKR002 key results per objective

    @Test func okr002FiresForOneKeyResult() throws {
        try expectHint(
            Self.site(["a.md": Fixtures.objective("a")]), "OKR002", at: a, 7, 3, "\"a\"", "only 1 key result")
    }

    @Test func okr002FiresForSixKeyResults() throws {
        let six = (1...6).map { "  - id: kr\($0)\n    title: K\($0)\n    start: 0\n    target: 1\n" }.joined()
        try expectHint(
            Self.site(["a.md": Self.objective("a", keyResults: six)]), "OKR002", at: a, 7, 3, "6 key results")
    }

    @Test func okr002IsSilentForFive() throws {
        let five = (1...5).map { "  - id: kr\($0)\n    title: K\($0)\n    start: 0\n    target: 1\n" }.joined()
        try expectSilent(Self.site(["a.md": Self.objective("a", keyResults: five)]))
    }

    // MARK: OKR003 measurable key results

    @Test func okr003FiresForADraftMetricWithoutNumbers() throws {
        let krs = Self.twoKeyResults + "  - id: kr3\n    title: Markenbekanntheit steigern\n"
        try expectHint(
            Self.site(["a.md": Self.objective("a", extra: "draft: true\n", keyResults: krs)]), "OKR003", at: a, 18, 5,
            "\"kr3\"", "Markenbekanntheit steigern", "no start and no target", "milestone")
    }

    @Test func okr003NamesTheMissingNumber() throws {
        let krs = Self.twoKeyResults + "  - id: kr3\n    title: Awareness\n    start: 18\n"
        try expectHint(
            Self.site(["a.md": Self.objective("a", extra: "draft: true\n", keyResults: krs)]), "OKR003", at: a, 18, 5,
            "no target")
    }

    @Test func okr003IsSilentForMilestonesAndMetricsWithNumbers() throws {
        let krs = Self.twoKeyResults + "  - id: kr3\n    title: Study done\n    kind: milestone\n"
        try expectSilent(Self.site(["a.md": Self.objective("a", extra: "draft: true\n", keyResults: krs)]))
    }

    @Test func aPublishedMetricWithoutNumbersStaysAnError() throws {
        let krs = Self.twoKeyResults + "  - id: kr3\n    title: Markenbekanntheit steigern\n"
        let result = try SiteFixture(Self.site(["a.md": Self.objective("a", keyResults: krs)])).check()
        #expect(result.errors.count == 2, "\(result.errors)")
        #expect(result.errors.allSatisfy { $0.message.contains("missing the required field") })
        #expect(result.errors.first?.location == SourceLocation(path: a, line: 17, column: 5))
    }

    @Test func aDraftMetricWithoutNumbersHasProgressZero() throws {
        let krs = "  - id: kr1\n    title: Markenbekanntheit steigern\n"
        let result = try SiteFixture(Self.site(["a.md": Self.objective("a", extra: "draft: true\n", keyResults: krs)]))
            .check(drafts: true)
        #expect(result.errors.isEmpty, "\(result.diagnostics)")
        #expect(result.objective("a")?.1.progress == 0)
    }

    // MARK: OKR004 numbers in objective titles

    @Test func okr004FiresForANumberInTheTitle() throws {
        let text = Self.objective("a").replacingOccurrences(
            of: "title: Objective a", with: "title: Umsatz um 20 % steigern")
        try expectHint(Self.site(["a.md": text]), "OKR004", at: a, 3, 8, "\"20\"", "key result")
    }

    @Test func okr004FiresForANumberWord() throws {
        let text = Self.objective("a").replacingOccurrences(
            of: "title: Objective a", with: "title: Drei Pilotkunden gewinnen")
        try expectHint(Self.site(["a.md": text]), "OKR004", at: a, 3, 8, "\"Drei\"")
    }

    @Test func okr004IsSilentForYearsStandardsAndNames() throws {
        let text = Self.objective("a").replacingOccurrences(
            of: "title: Objective a", with: "title: Den PX-5 zur AMB 2026 nach ISO 230 und WCAG 2.1 vorstellen")
        try expectSilent(Self.site(["a.md": text]))
    }

    // MARK: OKR005 activities

    @Test func okr005FiresForAnActivityCountedByAMetric() throws {
        let krs = Self.twoKeyResults.replacingOccurrences(
            of: "title: Win customers", with: "title: Mindestens 5 Fachartikel veröffentlichen")
        try expectHint(
            Self.site(["a.md": Self.objective("a", keyResults: krs)]), "OKR005", at: a, 13, 12, "\"kr2\"",
            "\"veröffentlichen\"", "output, not outcome")
    }

    @Test func okr005IsSilentForOutcomesAndMilestones() throws {
        let krs =
            "  - id: kr1\n    title: Leads von 0 auf 120 steigern\n    start: 0\n    target: 120\n"
            + "  - id: kr2\n    title: Launch-Webinar durchgeführt\n    kind: milestone\n"
        try expectSilent(Self.site(["a.md": Self.objective("a", keyResults: krs)]))
    }

    // MARK: OKR006 not aligned

    @Test func okr006FiresForAnUnalignedTeamObjective() throws {
        try expectHint(
            Self.site([
                "a.md": Self.objective("a", team: "marketing"),
                "b.md": Self.objective("b", team: "marketing", extra: "aligns_to: base-a\n"),
            ]), "OKR006", at: a, 2, 5, "not aligned", "team \"marketing\"")
    }

    @Test func okr006IsSilentForAlignedObjectivesAndClosedPeriods() throws {
        try expectSilent(
            Self.site([
                "a.md": Self.objective("a", team: "marketing", extra: "aligns_to: base-b\n"),
                "b.md": Self.objective("b", team: "marketing", extra: "aligns_to: base-a\n"),
                "q3.md": Self.objective("q3", team: "sales", period: "2026-Q3"),
            ]))
    }

    // MARK: OKR007 near-certain aspirational objectives

    @Test func okr007FiresForATeamNearlyCertainOfItsStretchGoals() throws {
        let krs =
            Self.keyResult("kr1", checkins: [("2026-11-16", 0.8), ("2026-11-23", 0.95)])
            + Self.keyResult("kr2", checkins: [("2026-11-23", 0.9)])
        try expectHint(
            Self.site(["a.md": Self.objective("a", keyResults: krs)]), "OKR007", at: a, 4, 7, "team \"company\"",
            "0.93", "2 open key results", "sandbagging")
    }

    @Test func okr007IsSilentForCommittedObjectivesAndModestConfidence() throws {
        let certain =
            Self.keyResult("kr1", checkins: [("2026-11-23", 0.95)])
            + Self.keyResult("kr2", checkins: [("2026-11-23", 0.95)])
        let modest =
            Self.keyResult("kr1", checkins: [("2026-11-23", 0.7)])
            + Self.keyResult("kr2", checkins: [("2026-11-23", 0.95)])
        try expectSilent(
            Self.site([
                "a.md": Self.objective("a", extra: "type: committed\n", keyResults: certain),
                "b.md": Self.objective("b", team: "sales", extra: "aligns_to: base-a\n", keyResults: modest),
                "c.md": Self.objective("c", team: "sales", extra: "aligns_to: base-b\n"),
            ]))
    }

    // MARK: OKR008 outdated key results

    @Test func okr008FiresForAnOutdatedKeyResult() throws {
        let krs = Self.keyResult("kr1", checkins: [("2026-10-20", 0.7)]) + Self.keyResult("kr2", checkins: [])
        try expectHint(
            Self.site(["a.md": Self.objective("a", keyResults: krs)]), "OKR008", at: a, 7, 5, "\"kr1\"",
            "2026-10-20", "40 days", "stale_after_days (14)")
    }

    @Test func okr008FiresWhenAnOwnersCallHidesTheOutdatedKeyResult() throws {
        let krs =
            Self.keyResult("kr1", checkins: [("2026-10-20", 0.7)]).replacingOccurrences(
                of: "confidence: 0.7 }", with: "confidence: 0.7, status: on-track }")
            + Self.keyResult("kr2", checkins: [])
        try expectHint(
            Self.site(["a.md": Self.objective("a", keyResults: krs)]), "OKR008", at: a, 7, 5, "\"kr1\"", "40 days")
    }

    @Test func okr008IsSilentForRecentCheckinsAndClosedPeriods() throws {
        let recent = Self.keyResult("kr1", checkins: [("2026-11-23", 0.7)]) + Self.keyResult("kr2", checkins: [])
        let old = Self.keyResult("kr1", checkins: [("2026-07-20", 0.7)]) + Self.keyResult("kr2", checkins: [])
        try expectSilent(
            Self.site([
                "a.md": Self.objective("a", keyResults: recent),
                "q3.md": Self.objective("q3", period: "2026-Q3", keyResults: old),
            ]))
    }

    // MARK: OKR009 missed committed objectives

    @Test func okr009FiresForAMissedCommittedObjectiveWithoutRetro() throws {
        try expectHint(
            Self.site(["a.md": Self.objective("a", period: "2026-Q3", extra: "type: committed\n")]), "OKR009",
            at: a, 6, 7, "\"a\"", "scored 0.5", "2026-Q3", "retro")
    }

    @Test func okr009IsSilentWithARetroOrAFullScore() throws {
        try expectSilent(
            Self.site([
                "a.md": Self.objective(
                    "a", period: "2026-Q3", extra: "type: committed\nretro: Zulieferer ausgefallen; zweite Quelle.\n"),
                "b.md": Self.objective("b", period: "2026-Q3", extra: "type: committed\nscore: 1.0\n"),
                "c.md": Self.objective("c", period: "2026-Q3", extra: "type: committed\ndraft: true\n"),
                "d.md": Self.objective("d", period: "2026-Q3"),
            ]))
    }

    @Test func okr009WaitsForTheEndOfThePeriod() throws {
        try expectSilent(Self.site(["a.md": Self.objective("a", extra: "type: committed\n")]))
    }

    // MARK: Silencing

    @Test func aFileSilencesARuleForItself() throws {
        try expectSilent(Self.site(["a.md": Fixtures.objective("a", extra: "lint: { ignore: [OKR002] }\n")]))
    }

    @Test func aFileSilencesOnlyTheRulesItNames() throws {
        try expectHint(
            Self.site(["a.md": Fixtures.objective("a", extra: "lint:\n  ignore: [OKR001, OKR004]\n")]), "OKR002",
            at: a, 9, 3)
    }

    @Test func theSiteSilencesARuleEverywhere() throws {
        let config = Fixtures.config + "lint:\n  ignore: [OKR002]\n"
        try expectSilent(
            Self.site(["a.md": Fixtures.objective("a"), "b.md": Fixtures.objective("b")], config: config))
    }

    @Test func anyFileOfATeamSilencesATeamFinding() throws {
        var files: [String: String] = [:]
        for id in ["a", "c", "d", "e"] { files["\(id).md"] = Self.objective(id) }
        files["e.md"] = Self.objective("e", extra: "lint: { ignore: OKR001 }\n")
        try expectSilent(Self.site(files))
    }

    @Test func unknownRuleIdsAreWarnings() throws {
        let config = Fixtures.config + "lint:\n  ignore: [OKR999]\n"
        let result = try SiteFixture(
            Self.site(["a.md": Self.objective("a", extra: "lint: { ignore: [OKR02] }\n")], config: config)
        ).check()
        let warnings = result.formatDiagnostics
        #expect(warnings.count == 2, "\(result.diagnostics)")
        #expect(warnings.allSatisfy { $0.severity == .warning })
        #expect(warnings.first?.location == SourceLocation(path: a, line: 6, column: 18))
        #expect(warnings.first?.message.contains("did you mean \"OKR002\"") == true)
        #expect(warnings.last?.location == SourceLocation(path: "okrportal.yml", line: 12, column: 12))
        #expect(warnings.last?.message.contains("\"OKR999\", which is no rule") == true)
    }

    @Test func aLintSettingMustBeAMapping() throws {
        let result = try SiteFixture(Self.site(["a.md": Self.objective("a", extra: "lint: [OKR002]\n")])).check()
        #expect(result.errors.count == 1)
        #expect(result.errors.first?.message.contains("lint setting") == true)
    }

    @Test func strictTurnsHintsIntoErrorsAndLeavesOtherWarnings() {
        var d = Diagnostics()
        d.warning("unknown field", at: SourceLocation(path: "a"))
        d.warning("hint", at: SourceLocation(path: "a"), rule: "OKR002")
        let strict = Lint.strict(d)
        #expect(strict.items.map(\.severity) == [.warning, .error])
        #expect(strict.errorCount == 1)
    }
}
