import Foundation
import OKRCore
import OKRSite
import OKRTestSupport
import Testing

/// The portal's pages over a small inline organisation: what each page shows and how pages link.
@Suite struct PortalStructureTests {
    static let files = Fixtures.site([
        "company.md": Fixtures.objective(
            "company-goal",
            keyResults: """
                  - id: kr1
                    title: Bekanntheit von 18 auf 30 Prozent
                    start: 18
                    target: 30
                    unit: "%"
                    checkins:
                      - { date: 2026-10-05, value: 20, confidence: 0.6 }
                      - { date: 2026-11-23, value: 26, confidence: 0.7, note: Messe lief gut }
                  - id: kr2
                    title: Von Teams getragen
                    kind: children

                """, body: "## Warum\n\nWeil **Präzision** zählt.\n"),
        "marketing.md": Fixtures.objective(
            "marketing-goal", team: "marketing", extra: "aligns_to: company-goal#kr2\nowner: Eva Klein\n",
            keyResults: """
                  - id: kr1
                    title: Webinar durchgeführt
                    kind: milestone
                    done: true
                  - id: kr3
                    title: Reichweite über Social Media
                    kind: children

                """),
        "social.md": Fixtures.objective(
            "social-goal", team: "social-media", extra: "aligns_to: marketing-goal#kr3\ntype: committed\n",
            keyResults: """
                  - id: kr1
                    title: LinkedIn-Follower von 5000 auf 6000
                    start: 5000
                    target: 6000
                    unit: Follower
                    checkins:
                      - { date: 2026-11-16, value: 5400, confidence: 0.8 }

                """),
        "q3.md": Fixtures.objective("q3-goal", period: "2026-Q3"),
    ])

    func build() throws -> (SiteFixture, BuildResult) {
        let fixture = try SiteFixture(Self.files)
        let result = try fixture.build()
        #expect(result.errors.isEmpty, "\(result.diagnostics)")
        return (fixture, result)
    }

    @Test func writesEveryPageKind() throws {
        let (_, result) = try build()
        let paths = Set(try result.files().map(\.path))
        for expected in [
            "index.html", "404.html", "cascade/2026-Q3.html", "cascade/2026-Q4.html", "teams/index.html",
            "teams/company.html", "teams/marketing.html", "teams/social-media.html", "teams/sales.html",
            "objectives/company-goal.html", "objectives/marketing-goal.html", "objectives/social-goal.html",
            "objectives/q3-goal.html", "people/index.html", "people/petra-hoffmann.html", "people/eva-klein.html",
            "people/aylin-demir.html", "periods/index.html", "periods/2026-Q3.html", "periods/2026-Q4.html",
            "data/okrs.json",
        ] {
            #expect(paths.contains(expected), "missing \(expected)")
        }
        #expect(paths.contains { $0.hasPrefix("assets/style.") && $0.hasSuffix(".css") })
        #expect(result.report?.pages == paths.filter { $0.hasSuffix(".html") }.count)
    }

    @Test func homeShowsTheCurrentPeriodsCompanyObjectivesAndFigures() throws {
        let (_, result) = try build()
        let home = try result.text("index.html")
        #expect(home.contains("<html lang=\"de\">"))
        #expect(home.contains("<base href=\"./\">"))
        #expect(home.contains("Objective company-goal"))
        #expect(!home.contains("Objective q3-goal"))  // Q3 is not the current period
        #expect(home.contains("2026-Q4"))
        #expect(home.contains("href=\"periods/2026-Q3.html\""))  // the period switcher
        #expect(home.contains("href=\"cascade/2026-Q4.html\""))
        // 3 objectives in Q4; 2 of 2 non-company objectives aligned.
        #expect(home.contains("<dd>3</dd>"))
        #expect(home.contains("<dd>100\u{A0}%</dd>"))
    }

    @Test func cascadeNestsAChildUnderTheKeyResultItServes() throws {
        let (_, result) = try build()
        let cascade = try result.text("cascade/2026-Q4.html")
        let company = try #require(cascade.range(of: "Objective company-goal"))
        let kr2 = try #require(cascade.range(of: "Von Teams getragen"))
        let marketing = try #require(cascade.range(of: "Objective marketing-goal"))
        let kr3 = try #require(cascade.range(of: "Reichweite über Social Media"))
        let social = try #require(cascade.range(of: "Objective social-goal"))
        #expect(company.lowerBound < kr2.lowerBound)
        #expect(kr2.lowerBound < marketing.lowerBound)
        #expect(marketing.lowerBound < kr3.lowerBound)
        #expect(kr3.lowerBound < social.lowerBound)
        // Collapsible without JavaScript, and balanced: the company objective starts open, the levels
        // below it closed; the open-all buttons wait hidden for the script.
        #expect(cascade.components(separatedBy: "<details open>").count == 2)
        #expect(cascade.components(separatedBy: "<details>").count == 3)
        #expect(cascade.components(separatedBy: "</details>").count == 4)
        #expect(cascade.contains("<p class=\"tree-controls\" data-tree-for=\"cascade-tree\" hidden>"))
    }

    @Test func objectivePageHasWhyChainTableSupportersBodyAndHistory() throws {
        let (_, result) = try build()
        let page = try result.text("objectives/social-goal.html")
        #expect(page.contains("<base href=\"../\">"))
        let company = try #require(page.range(of: "Objective company-goal"))
        let marketing = try #require(page.range(of: "Objective marketing-goal"))
        #expect(company.lowerBound < marketing.lowerBound)  // why chain from the top
        #expect(page.contains("über das Schlüsselergebnis"))
        #expect(page.contains("verbindlich"))  // committed
        #expect(page.contains("5.000") && page.contains("6.000") && page.contains("5.400"))
        #expect(page.contains("40\u{A0}%"))  // (5400 − 5000) / 1000
        #expect(page.contains("0,8"))  // confidence
        #expect(page.contains("16.11.2026"))  // last check-in
        let companyPage = try result.text("objectives/company-goal.html")
        #expect(companyPage.contains("<strong>Präzision</strong>"))  // Markdown body
        #expect(companyPage.contains("<h3>Warum</h3>"))  // body headings below the section's h2
        #expect(companyPage.contains("Messe lief gut"))  // check-in note
        #expect(companyPage.contains("id=\"kr-kr2\""))
        #expect(companyPage.contains("Unterstützt von"))
        #expect(companyPage.contains("Dies ist ein Unternehmensziel."))
    }

    @Test func teamPageShowsSubTeamsContributionsAndSupporters() throws {
        let (_, result) = try build()
        let marketing = try result.text("teams/marketing.html")
        #expect(marketing.contains("href=\"teams/social-media.html\""))  // sub-team
        #expect(marketing.contains("Trägt bei zu"))
        #expect(marketing.contains("Objective company-goal"))  // upward
        #expect(marketing.contains("Unterstützt von"))
        #expect(marketing.contains("1 Ziel\u{A0}") || marketing.contains("1 Ziel<") || marketing.contains("1 Ziel "))
        let index = try result.text("teams/index.html")
        let company = try #require(index.range(of: "href=\"teams/company.html\""))
        let social = try #require(index.range(of: "href=\"teams/social-media.html\""))
        #expect(company.lowerBound < social.lowerBound)
    }

    @Test func personPageListsOwnedObjectivesWithTheirChain() throws {
        let (_, result) = try build()
        let eva = try result.text("people/eva-klein.html")
        #expect(eva.contains("Objective marketing-goal"))
        #expect(eva.contains("Objective company-goal"))  // chain up to the company
        let petra = try result.text("people/petra-hoffmann.html")
        #expect(petra.contains("href=\"teams/company.html\""))  // leads the company
        let people = try result.text("people/index.html")
        #expect(people.contains("Eva Klein") && people.contains("Markus Weber"))
    }

    @Test func closedPeriodIsGraded() throws {
        let (_, result) = try build()
        let q3 = try result.text("periods/2026-Q3.html")
        #expect(q3.contains("Bewertung des Zeitraums"))
        #expect(q3.contains("band-yellow\">0,5</strong>"))  // 50 % → 0.5
        let q4 = try result.text("periods/2026-Q4.html")
        #expect(!q4.contains("Bewertung des Zeitraums"))
        let archive = try result.text("periods/index.html")
        #expect(archive.contains("abgeschlossen") && archive.contains("läuft"))
    }

    @Test func exportsOKRsJSONInTheSpecsShape() throws {
        let (_, result) = try build()
        let data = try Data(contentsOf: URL(fileURLWithPath: result.output + "/data/okrs.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["as_of"] as? String == "2026-11-29")
        let periods = try #require(json["periods"] as? [[String: Any]])
        #expect(periods.map { $0["id"] as? String } == ["2026-Q3", "2026-Q4"])
        let teams = try #require(json["teams"] as? [[String: Any]])
        #expect(teams.first?["parent"] is NSNull)
        let objectives = try #require(json["objectives"] as? [[String: Any]])
        let social = try #require(objectives.first { $0["id"] as? String == "social-goal" })
        #expect(social["aligns_to"] as? [String] == ["marketing-goal#kr3"])
        #expect(social["type"] as? String == "committed")
        #expect(social["url"] as? String == "objectives/social-goal.html")
        #expect(social["score"] is NSNull)
        #expect((social["progress"] as? Double).map { abs($0 - 0.4) < 1e-9 } == true)
        let kr = try #require((social["key_results"] as? [[String: Any]])?.first)
        #expect(kr["start"] as? Int == 5000)
        #expect(kr["current"] as? Int == 5400)
        #expect(kr["unit"] as? String == "Follower")
        #expect((kr["checkins"] as? [[String: Any]])?.first?["confidence"] as? Double == 0.8)
        let q3 = try #require(objectives.first { $0["id"] as? String == "q3-goal" })
        #expect(q3["score"] as? Double == 0.5)
    }

    @Test func englishSite() throws {
        var files = Self.files
        files["okrportal.yml"] = Fixtures.config.replacingOccurrences(of: "language: de", with: "language: en")
        let fixture = try SiteFixture(files)
        let result = try fixture.build()
        let page = try result.text("objectives/social-goal.html")
        #expect(page.contains("<html lang=\"en\">"))
        #expect(page.contains("5,000") && page.contains("40%"))
        #expect(page.contains("Nov 16, 2026"))
        #expect(page.contains("Key results"))
        #expect(!page.contains("Schlüsselergebnis"))
    }
}

@Suite struct LargeCascadeTests {
    @Test func aLargePartOfTheTreeGetsItsOwnCascadePage() throws {
        // c ← m1…m5 (marketing), each ← 100 social-media objectives: 506 objectives, more than a page.
        var objectives = ["c.md": Fixtures.objective("c")]
        for d in 1...5 {
            objectives["m\(d).md"] = Fixtures.objective("m\(d)", team: "marketing", extra: "aligns_to: c#kr1\n")
            for i in 0..<100 {
                objectives["s\(d)-\(i).md"] = Fixtures.objective(
                    "s\(d)-\(i)", team: "social-media", extra: "aligns_to: m\(d)#kr1\n")
            }
        }
        let result = try SiteFixture(Fixtures.site(objectives)).build()
        #expect(result.errors.isEmpty)
        let top = try result.text("cascade/2026-Q4.html")
        #expect(top.contains("Objective m1<") && top.contains("Objective s1-7<"))
        #expect(top.contains("href=\"cascade/2026-Q4/m5.html\""))
        #expect(!top.contains("Objective s5-7<"))
        let part = try result.text("cascade/2026-Q4/m5.html")
        #expect(part.contains("<base href=\"../../\">"))
        #expect(part.contains("Objective s5-7<") && part.contains("Objective s5-99<"))
        #expect(part.contains("href=\"cascade/2026-Q4.html\""))  // back to the whole cascade
        #expect(part.contains("href=\"objectives/c.html\""))  // the way up
    }
}
