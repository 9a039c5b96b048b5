import Foundation
import OKRCore
import OKRSite
import OKRTestSupport
import Testing

/// `search/data.js`, the search page, the header's search box and the list filters. What they do in a
/// browser is tested in Tests/Browser/test_browser.py.
@Suite struct SearchIndexTests {
    static let files = Fixtures.site([
        "company.md": Fixtures.objective(
            "company-goal", extra: "owner: Petra Hoffmann\n",
            keyResults: """
                  - id: kr1
                    title: Bekanntheit von 18 auf 30 Prozent
                    start: 18
                    target: 30
                    current: 20
                  - id: kr2
                    title: Von Teams getragen
                    kind: children

                """),
        "marketing.md": Fixtures.objective(
            "marketing-goal", team: "marketing", extra: "aligns_to: company-goal#kr2\nowner: Eva Klein\n"),
        "q3.md": Fixtures.objective("q3-goal", team: "marketing", period: "2026-Q3", extra: "owner: Eva Klein\n"),
        "secret.md": Fixtures.objective(
            "secret-merger-qq4", team: "sales", extra: "visibility: confidential\nowner: Verena Verdeckt\n",
            keyResults: """
                  - id: kr1
                    title: Geheime Absichtserklaerung ZK3
                    kind: milestone
                    done: false

                """
        ).replacingOccurrences(of: "title: Objective secret-merger-qq4", with: "title: Fusion mit Firma Geheim"),
        "draft.md": Fixtures.objective("draft-plan-dd5", team: "sales", extra: "draft: true\nowner: Dora Draft\n")
            .replacingOccurrences(of: "title: Objective draft-plan-dd5", with: "title: Entwurf eines Plans"),
    ])

    /// The index's object, parsed from the script (`window.OKRPORTAL_SEARCH={…};`).
    static func index(_ result: BuildResult) throws -> [String: Any] {
        let script = try result.text("search/data.js")
        let prefix = "window.OKRPORTAL_SEARCH="
        let start = try #require(script.range(of: prefix)).upperBound
        let json = script[start...].trimmingCharacters(in: .whitespacesAndNewlines).dropLast()  // the ";"
        return try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    @Test func indexHoldsObjectivesKeyResultsTeamsAndPeople() throws {
        let fixture = try SiteFixture(Self.files)
        let result = try fixture.build()
        #expect(result.errors.isEmpty, "\(result.diagnostics)")
        let index = try Self.index(result)
        let entries = try #require(index["e"] as? [[String: Any]])
        let objective = try #require(entries.first { $0["u"] as? String == "objectives/company-goal.html" })
        #expect(objective["k"] as? String == "o")
        #expect(objective["t"] as? String == "Objective company-goal")
        #expect(objective["m"] as? String == "Test GmbH")
        #expect(objective["o"] as? String == "Petra Hoffmann")
        #expect(objective["p"] as? String == "2026-Q4")
        #expect(objective["s"] as? String != nil)
        // Key results point at their objective's entry and name the row's anchor.
        let kr = try #require(entries.first { $0["t"] as? String == "Bekanntheit von 18 auf 30 Prozent" })
        #expect(kr["k"] as? String == "k")
        #expect(kr["a"] as? String == "kr-kr1")
        let parent = try #require(kr["i"] as? Int)
        #expect(entries[parent]["u"] as? String == "objectives/company-goal.html")
        #expect(entries.contains { $0["k"] as? String == "t" && $0["u"] as? String == "teams/marketing.html" })
        #expect(entries.contains { $0["k"] as? String == "p" && $0["t"] as? String == "Eva Klein" })
        #expect(entries.filter { $0["k"] as? String == "o" }.count == 3)
        // Labels in the site's language (German here) for kinds and statuses.
        #expect((index["kinds"] as? [String: String])?["k"] == "Schlüsselergebnis")
        #expect((index["status"] as? [String: String])?["on-track"] == "Auf Kurs")
    }

    @Test func gradedEntriesCarryTheirScoreAndBand() throws {
        let result = try SiteFixture(Self.files).build()
        let index = try Self.index(result)
        let entries = try #require(index["e"] as? [[String: Any]])
        // Q3 is closed on 2026-11-29: graded (progress 0.5 → 0.5, yellow); Q4 runs: no grade.
        let q3 = try #require(entries.first { $0["u"] as? String == "objectives/q3-goal.html" })
        // The grade replaces the live status: formatted as pages show it, no `s`.
        #expect(q3["g"] as? String == "0,5" && q3["b"] as? String == "yellow" && q3["s"] == nil)
        let q3kr = try #require(
            entries.first { ($0["i"] as? Int).map { entries[$0]["u"] as? String } == "objectives/q3-goal.html" })
        #expect(q3kr["g"] as? String == "0,5" && q3kr["b"] as? String == "yellow" && q3kr["s"] == nil)
        let q4 = try #require(entries.first { $0["u"] as? String == "objectives/company-goal.html" })
        #expect(q4["g"] == nil && q4["b"] == nil && q4["s"] as? String != nil)
        let grade = try #require(index["grade"] as? [String: String])
        #expect(grade["label"] == "Bewertung" && grade["green"] == "grün" && grade.count == 4)
    }

    @Test func confidentialObjectivesAndDraftsAreNotInTheIndex() throws {
        let fixture = try SiteFixture(Self.files)
        let result = try fixture.build()
        let script = try result.text("search/data.js")
        for secret in [
            "secret-merger-qq4", "Fusion mit Firma Geheim", "ZK3", "Verena Verdeckt", "draft-plan-dd5",
            "Entwurf eines Plans", "Dora Draft",
        ] {
            #expect(!script.contains(secret), "the index reveals \(secret)")
        }
        // With --drafts the draft is searchable; the confidential objective still is not.
        let drafts = try fixture.build(drafts: true, output: fixture.root + "/with-drafts")
        let withDrafts = try drafts.text("search/data.js")
        #expect(withDrafts.contains("Entwurf eines Plans"))
        #expect(withDrafts.contains("Dora Draft"))
        #expect(!withDrafts.contains("Fusion mit Firma Geheim"))
        #expect(!withDrafts.contains("Verena Verdeckt"))
    }

    @Test func searchPageLoadsTheIndexAndWorksAsLinksWithoutJavaScript() throws {
        let fixture = try SiteFixture(Self.files)
        let result = try fixture.build()
        let page = try result.text("search/index.html")
        #expect(page.contains("<base href=\"../\">"))
        #expect(page.contains("<script src=\"search/data.js\" defer></script>"))
        #expect(
            page.range(
                of: #"<script src="assets/search\.[0-9a-f]{12}\.js" defer></script>"#, options: .regularExpression)
                != nil)
        // The form shows once the script runs; the note and the indexes show without it.
        #expect(page.contains("<form id=\"search-form\" class=\"search-form\" role=\"search\""))
        #expect(page.contains(" hidden>"))
        #expect(page.contains("<div id=\"search-nojs\" class=\"search-nojs\">"))
        for index in ["teams/index.html", "people/index.html", "periods/index.html"] {
            #expect(page.contains("<a href=\"\(index)\">"), "no link to \(index)")
        }
        #expect(page.contains("<label for=\"search-q\">"))
        #expect(page.contains("role=\"status\" aria-live=\"polite\""))
        #expect(!page.contains("onclick") && !page.contains("oninput"))
        // The header's box leads here from every other page, but not twice on the search page.
        #expect(!page.contains("site-search-q"))
        let home = try result.text("index.html")
        #expect(
            home.contains("<form class=\"site-search\" role=\"search\" action=\"search/index.html\" method=\"get\">"))
        #expect(home.contains("<label class=\"visually-hidden\" for=\"site-search-q\">"))
        #expect(!home.contains("search/data.js"))  // the index loads on the search page only
    }

    @Test func periodAndTeamListsCarryFilterAttributesAndAHiddenFilterBar() throws {
        let fixture = try SiteFixture(Self.files)
        let result = try fixture.build()
        let period = try result.text("periods/2026-Q4.html")
        #expect(period.contains("<form class=\"filters\" data-filter-for=\"byteam\""))
        #expect(period.contains("<section aria-labelledby=\"byteam-h\" id=\"byteam\">"))
        let item =
            #"<li data-f-team="marketing" data-f-status="[a-z-]+" data-f-owner="Eva Klein" data-f-period="2026-Q4">"#
        #expect(period.range(of: item, options: .regularExpression) != nil)
        #expect(period.contains("<option value=\"marketing\">Marketing</option>"))
        #expect(period.contains("<option value=\"Eva Klein\">Eva Klein</option>"))
        #expect(period.contains("<option value=\"Petra Hoffmann\">Petra Hoffmann</option>"))
        // No select for a key with one value only: both objectives are in this period.
        #expect(!period.contains("id=\"filter-period\""))
        #expect(
            period.range(of: #"<script src="assets/filter\.[0-9a-f]{12}\.js" defer>"#, options: .regularExpression)
                != nil)
        // The team page filters by period: marketing has objectives in two.
        let team = try result.text("teams/marketing.html")
        #expect(team.contains("data-filter-for=\"team-objectives\""))
        #expect(team.contains("<option value=\"2026-Q4\">2026-Q4</option><option value=\"2026-Q3\">2026-Q3</option>"))
        #expect(team.contains("<div class=\"f-item\" data-f-team=\"marketing\""))
        // A list with one objective gets no bar (the script, on every page, finds nothing to do).
        let q3 = try result.text("periods/2026-Q3.html")
        #expect(!q3.contains("class=\"filters\""))
        #expect(q3.contains("data-f-period=\"2026-Q3\""))
    }

    @Test func taskListCheckboxesGetAnAccessibleName() throws {
        let markdown = Markdown(taskLabel: "Aufgabe \"x\"")
        let html = markdown.html("- [x] erledigt\n- [ ] offen\n")
        #expect(
            html.contains("<input type=\"checkbox\" aria-label=\"Aufgabe &quot;x&quot;\" checked=\"\" disabled=\"\" />")
        )
        #expect(html.contains("<input type=\"checkbox\" aria-label=\"Aufgabe &quot;x&quot;\" disabled=\"\" />"))
        #expect(Markdown().html("- [x] a\n").contains("<input type=\"checkbox\" checked"))
    }
}
