import Foundation
import OKRCore
import OKRSite
import OKRTestSupport
import Testing

/// The objective page at the end of a period and across periods: the grade with what the type expects,
/// hand-set scores, the retro, `continues:` both ways, origin, and the confidence with its date and course.
@Suite struct ObjectiveGradingTests {
    static let files = Fixtures.site([
        "old.md": Fixtures.objective(
            "old", team: "marketing", period: "2026-Q3",
            extra:
                "type: committed\nscore: 0.6\nretro: |\n  Der **Zulieferer** fiel aus.\n\n  ## Gelernt\n\n  Früher bestellen.\n",
            keyResults: """
                  - id: kr1
                    title: Leads von 0 auf 100
                    start: 0
                    target: 100
                    current: 40
                    score: 0.5
                  - id: kr2
                    title: Messestand aufgebaut
                    kind: milestone
                    done: true
                    checkins:
                      - { date: 2026-07-06, confidence: 0.8 }
                      - { date: 2026-08-03, confidence: 0.6 }
                      - { date: 2026-09-14, confidence: 0.9 }

                """),
        "new.md": Fixtures.objective(
            "new", team: "marketing",
            extra: "origin: bottom-up\ncontinues: old\nretro: Noch nicht sichtbar.\n",
            keyResults: """
                  - id: kr1
                    title: Leads von 40 auf 120
                    start: 40
                    target: 120
                    checkins:
                      - { date: 2026-11-02, value: 60, confidence: 0.6 }
                      - { date: 2026-11-23, value: 70 }

                """),
        "aspirational.md": Fixtures.objective("aspirational", period: "2026-Q3", extra: "score: 0.7\n"),
    ])

    func build() throws -> BuildResult {
        let result = try SiteFixture(Self.files).build()
        #expect(result.errors.isEmpty, "\(result.diagnostics)")
        return result
    }

    @Test func aClosedObjectiveShowsItsGradeVerdictAndRetro() throws {
        let page = try build().text("objectives/old.html")
        #expect(page.contains("Abschluss des Zeitraums"))
        #expect(page.contains("Bewertung 0,6 · gelb"))
        #expect(page.contains("Verbindliches Ziel: verfehlt; erwartet war 1,0."))
        #expect(page.contains("Von Hand bewertet; aus dem Fortschritt ergäbe sich 0,7."))  // (0.4 + 1) / 2
        #expect(page.contains("Rückblick des Teams"))
        #expect(page.contains("Der <strong>Zulieferer</strong> fiel aus."))
        #expect(page.contains("<h4>Gelernt</h4>"))  // retro headings sit below the closing section's h2
        #expect(page.contains("von Hand bewertet (berechnet 0,4)"))  // the key result's hand-set score
    }

    @Test func anAspirationalObjectiveAtItsExpectationMeetsIt() throws {
        let page = try build().text("objectives/aspirational.html")
        #expect(page.contains("Ambitioniertes Ziel: Die Erwartung von etwa 0,7 ist erreicht."))
        #expect(!page.contains("Rückblick des Teams"))
        let period = try build().text("periods/2026-Q3.html")
        #expect(period.contains("erwartet 0,7 · Erwartung erreicht"))
        #expect(period.contains("erwartet 1,0 · unter der Erwartung"))
    }

    @Test func theRetroOfARunningPeriodWaitsForItsEnd() throws {
        let page = try build().text("objectives/new.html")
        #expect(!page.contains("Noch nicht sichtbar"))
        #expect(!page.contains("Abschluss des Zeitraums"))
    }

    @Test func continuesLinksBothPages() throws {
        let result = try build()
        let new = try result.text("objectives/new.html")
        #expect(new.contains("Setzt fort aus 2026-Q3:"))
        #expect(new.contains("href=\"objectives/old.html\""))
        let old = try result.text("objectives/old.html")
        #expect(old.contains("Fortgesetzt in 2026-Q4:"))
        #expect(old.contains("href=\"objectives/new.html\""))
    }

    @Test func anUnpublishedSuccessorIsNotLinked() throws {
        var files = Self.files
        files["content/objectives/new.md"] = files["content/objectives/new.md"]!.replacingOccurrences(
            of: "origin: bottom-up\n", with: "origin: bottom-up\ndraft: true\n")
        let result = try SiteFixture(files).build()
        let old = try result.text("objectives/old.html")
        #expect(!old.contains("Fortgesetzt in"))
        #expect(!old.contains("objectives/new.html"))
        #expect(try result.text("data/okrs.json").contains("\"continued_by\":[]"))
    }

    @Test func originIsShown() throws {
        let result = try build()
        #expect(try result.text("objectives/new.html").contains("vom Team gesetzt (bottom-up)"))
        #expect(try result.text("objectives/old.html").contains("vorgegeben (top-down)"))
    }

    @Test func theLatestConfidenceCarriesItsDate() throws {
        let page = try build().text("objectives/new.html")
        // The newest check-in (23.11.) has no confidence: the table shows 0,6 from 02.11.
        #expect(
            page.contains(
                "<td class=\"num\" data-label=\"Zuversicht\">0,6<span class=\"sub\">am 02.11.2026</span></td>"))
        #expect(page.contains("<td data-label=\"Letzter Check-in\">23.11.2026</td>"))
    }

    @Test func theExportCarriesOriginLinksAndTheRetroOnceClosed() throws {
        let result = try build()
        let data = try Data(contentsOf: URL(fileURLWithPath: result.output + "/data/okrs.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let objectives = try #require(json["objectives"] as? [[String: Any]])
        let old = try #require(objectives.first { $0["id"] as? String == "old" })
        let new = try #require(objectives.first { $0["id"] as? String == "new" })
        #expect(old["origin"] as? String == "top-down")
        #expect(new["origin"] as? String == "bottom-up")
        #expect(new["continues"] as? String == "old")
        #expect(old["continues"] is NSNull)
        #expect(old["continued_by"] as? [String] == ["new"])
        #expect(old["retro"] as? String == "Der **Zulieferer** fiel aus.\n\n## Gelernt\n\nFrüher bestellen.\n")
        #expect(new["retro"] is NSNull)  // its period is still running
    }

    @Test func aMilestonesConfidenceHasAChart() throws {
        let page = try build().text("objectives/old.html")
        #expect(page.contains("class=\"chart confidence-chart\""))
        #expect(page.contains("Zuversicht: Messestand aufgebaut"))
        #expect(page.contains("zuerst 0,8 am 06.07.2026, zuletzt 0,9 am 14.09.2026"))
    }
}
