import Foundation
import OKRCore
import OKRSite
import OKRTestSupport
import Testing

/// `health/PERIOD.html`: the review numbers of a period over a small organisation whose figures are
/// known by construction.
@Suite struct HealthPageTests {
    /// Q3 (closed): a committed company objective at 1.0 and an aspirational marketing one at 0.5.
    /// Q4 (running): two company objectives (one bottom-up), one marketing objective with one key result
    /// and no alignment; social media and sales have no objectives. One key result is outdated.
    static let files = Fixtures.site([
        "q3-company.md": Fixtures.objective(
            "q3-company", period: "2026-Q3", extra: "type: committed\n",
            keyResults: "  - id: kr1\n    title: Done\n    kind: milestone\n    done: true\n"),
        "q3-marketing.md": Fixtures.objective(
            "q3-marketing", team: "marketing", period: "2026-Q3", extra: "aligns_to: q3-company\n"),
        "a.md": Fixtures.objective(
            "a", extra: "origin: bottom-up\n",
            keyResults: """
                  - id: kr1
                    title: Stale leads
                    start: 0
                    target: 100
                    checkins:
                      - { date: 2026-10-05, value: 10, confidence: 0.4 }
                      - { date: 2026-10-20, value: 20, confidence: 0.6 }
                  - id: kr2
                    title: Fresh leads
                    start: 0
                    target: 100
                    checkins:
                      - { date: 2026-11-23, value: 50, confidence: 0.8 }

                """),
        "b.md": Fixtures.objective(
            "b",
            keyResults: "  - id: kr1\n    title: K1\n    start: 0\n    target: 1\n"
                + "  - id: kr2\n    title: K2\n    start: 0\n    target: 1\n"
                + "  - id: kr3\n    title: K3\n    start: 0\n    target: 1\n"),
        "m.md": Fixtures.objective("m", team: "marketing"),
    ])

    func build(_ files: [String: String] = Self.files) throws -> BuildResult {
        let result = try SiteFixture(files).build()
        #expect(result.errors.isEmpty, "\(result.diagnostics)")
        return result
    }

    @Test func everyPeriodHasAHealthPageLinkedFromItsPeriodAndHome() throws {
        let result = try build()
        let paths = Set(try result.files().map(\.path))
        #expect(paths.contains("health/2026-Q3.html") && paths.contains("health/2026-Q4.html"))
        #expect(try result.text("periods/2026-Q4.html").contains("href=\"health/2026-Q4.html\""))
        #expect(try result.text("periods/2026-Q3.html").contains("href=\"health/2026-Q3.html\""))
        #expect(try result.text("index.html").contains("href=\"health/2026-Q4.html\""))
        #expect(try result.text("periods/index.html").contains("href=\"health/2026-Q3.html\""))
    }

    @Test func figuresAtAGlance() throws {
        let page = try build().text("health/2026-Q4.html")
        #expect(page.contains("<h1>OKR-Gesundheit 2026-Q4"))
        #expect(page.contains("<dt>Teams mit OKRs</dt><dd>2 von 4</dd><dd class=\"hint\">2 ohne OKRs</dd>"))
        #expect(page.contains("<dt>ausgerichtet</dt><dd>0\u{A0}%</dd>"))  // m is not aligned
        #expect(page.contains("<dt>Ø Schlüsselergebnisse je Ziel</dt><dd>2,0</dd>"))  // (2 + 3 + 1) / 3
        #expect(page.contains("<dt>Veraltete Schlüsselergebnisse</dt><dd>1 von 6</dd>"))
        #expect(page.contains("<dt>Ø Zuversicht</dt><dd>0,7</dd>"))  // (0.6 + 0.8) / 2
        #expect(page.contains("<dt>Von den Teams gesetzt</dt><dd>33\u{A0}%</dd>"))
    }

    @Test func teamsWithoutOKRsAndUnalignedObjectives() throws {
        let page = try build().text("health/2026-Q4.html")
        #expect(
            page.contains(
                "Ohne OKRs in diesem Zeitraum: <a href=\"teams/social-media.html\">Social Media</a>, "
                    + "<a href=\"teams/sales.html\">Vertrieb</a>"))
        let unaligned = try #require(page.range(of: "Ziele ohne Ausrichtung auf ein übergeordnetes Ziel"))
        #expect(page[unaligned.upperBound...].contains("href=\"objectives/m.html\""))
    }

    @Test func keyResultsPerObjectiveAsAChartWithItsData() throws {
        let page = try build().text("health/2026-Q4.html")
        #expect(page.contains("class=\"chart kr-histogram\""))
        #expect(
            page.contains(
                "1 Schlüsselergebnisse: 1 Ziele; 2 Schlüsselergebnisse: 1 Ziele; 3 Schlüsselergebnisse: 1 Ziele"))
        #expect(page.contains("Außerhalb der Empfehlung"))
        #expect(page.contains("1 Schlüsselergebnis</span>"))
    }

    @Test func outdatedKeyResultsAreListed() throws {
        let page = try build().text("health/2026-Q4.html")
        #expect(page.contains("<a href=\"objectives/a.html#kr-kr1\">Stale leads</a>"))
        #expect(
            page.contains(
                "<td data-label=\"Letzter Check-in\">20.10.2026</td><td class=\"num\" data-label=\"Alter\">40 Tage</td>"
            ))
        #expect(!page.contains("Fresh leads</a>"))
    }

    @Test func confidenceOverTimeWithItsData() throws {
        let page = try build().text("health/2026-Q4.html")
        #expect(page.contains("class=\"chart confidence-chart\""))
        #expect(page.contains("Ø Zuversicht im Zeitverlauf"))
        // The weekly grid starts on 2026-10-01, before any check-in: the first point is 10-08 (0.4).
        #expect(page.contains("zuerst 0,4 am 08.10.2026, zuletzt 0,7 am 29.11.2026"))
    }

    @Test func originSharePerTeamAgainstHalf() throws {
        let page = try build().text("health/2026-Q4.html")
        #expect(page.contains("class=\"chart shares\""))
        #expect(
            page.contains(
                "Alle Teams: 33\u{A0}%, 1 von 3; Test GmbH: 50\u{A0}%, 1 von 2; Marketing: 0\u{A0}%, 0 von 1."))
        #expect(page.contains("Empfehlung: etwa die Hälfte"))
    }

    @Test func scoresOfClosedPeriodsByTypeAndTeam() throws {
        let page = try build().text("health/2026-Q4.html")
        #expect(page.contains("Ø Bewertung nach Art, 2026-Q3"))
        #expect(page.contains("Ø Bewertung nach Team, 2026-Q3"))
        #expect(
            page.contains(
                "<th scope=\"row\">verbindlich</th><td class=\"num\">1,0</td><td class=\"num\"><span class=\"band-green\">1,0 (1)</span></td>"
            ))
        #expect(
            page.contains(
                "<th scope=\"row\">ambitioniert</th><td class=\"num\">0,7</td><td class=\"num\"><span class=\"band-yellow\">0,5 (1)</span></td>"
            ))
        #expect(
            page.contains(
                "<a href=\"teams/marketing.html\">Marketing</a></th><td class=\"num\"><span class=\"band-yellow\">0,5 (1)</span>"
            ))
    }

    @Test func aClosedPeriodHasNoOutdatedKeyResultsButItsOwnScores() throws {
        let page = try build().text("health/2026-Q3.html")
        #expect(page.contains("Veraltet kann ein Schlüsselergebnis nur in einem laufenden Zeitraum sein."))
        #expect(page.contains("<dt>Veraltete Schlüsselergebnisse</dt><dd>–</dd>"))
        #expect(page.contains("Ø Bewertung nach Art, 2026-Q3"))
        #expect(
            page.contains(
                "<th scope=\"row\">verbindlich</th><td class=\"num\">1,0</td><td class=\"num\"><span class=\"band-green\">1,0 (1)</span>"
            ))
    }

    @Test func noClosedPeriodYet() throws {
        var files = Self.files
        files["content/objectives/q3-company.md"] = nil
        files["content/objectives/q3-marketing.md"] = nil
        let page = try build(files).text("health/2026-Q4.html")
        #expect(page.contains("Bis zu diesem Zeitraum gibt es keinen abgeschlossenen Zeitraum mit bewerteten Zielen."))
        let q3 = try build(files).text("health/2026-Q3.html")
        #expect(q3.contains("In diesem Zeitraum gibt es keine veröffentlichten Ziele."))
    }

    @Test func draftsAndConfidentialObjectivesDoNotCount() throws {
        var files = Self.files
        files["content/objectives/secret.md"] = Fixtures.objective(
            "secret", team: "sales", extra: "visibility: confidential\norigin: bottom-up\n")
        files["content/objectives/draft.md"] = Fixtures.objective(
            "draft", team: "social-media", extra: "draft: true\norigin: bottom-up\naligns_to: a\n")
        let page = try build(files).text("health/2026-Q4.html")
        #expect(page.contains("<dd>2 von 4</dd>"))
        #expect(page.contains("<dt>Von den Teams gesetzt</dt><dd>33\u{A0}%</dd>"))
        #expect(!page.contains("secret") && !page.contains("Objective draft"))
    }

    @Test func inEnglish() throws {
        var files = Self.files
        files["okrportal.yml"] = Fixtures.config.replacingOccurrences(of: "language: de", with: "language: en")
        let page = try build(files).text("health/2026-Q4.html")
        #expect(page.contains("<h1>OKR health 2026-Q4"))
        #expect(page.contains("Set by the teams"))
        #expect(page.contains("Mean score by type, 2026-Q3"))
    }
}
