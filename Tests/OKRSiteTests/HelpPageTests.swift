import Foundation
import OKRCore
import OKRSite
import OKRTestSupport
import Testing

/// `help.html` and the links to it, and the list filters' statuses (issue 14: help, filters).
@Suite struct HelpPageTests {
    func build(_ config: String = Fixtures.config) throws -> BuildResult {
        var files = HealthPageTests.files
        files["okrportal.yml"] = config
        let result = try SiteFixture(files).build()
        #expect(result.errors.isEmpty, "\(result.diagnostics)")
        return result
    }

    @Test func theHelpPageExplainsEveryStatusUnderItsAnchor() throws {
        let page = try build().text("help.html")
        #expect(page.contains("<h1>So liest du dieses Portal</h1>"))
        for anchor in ["progress", "expected", "status", "owner-call", "confidence", "types", "score", "distribution"] {
            #expect(page.contains("id=\"\(anchor)\""), "\(anchor)")
        }
        for status in Status.allCases {
            #expect(page.contains("<div id=\"status-\(status.rawValue)\">"), "\(status)")
        }
        // The outdated entry names the site's limit (stale_after_days, 14 by default).
        #expect(page.contains("älter als 14 Tage"))
        // The example bar draws the marker like every other bar.
        #expect(page.contains("class=\"expected\""))
    }

    @Test func theHelpPageIsInEnglishForAnEnglishSite() throws {
        let config = Fixtures.config.replacingOccurrences(of: "language: de", with: "language: en")
        let page = try build(config).text("help.html")
        #expect(page.contains("<h1>How to read this portal</h1>"))
        #expect(page.contains("older than 14 days"))
        #expect(page.contains(">Help</a>"))
    }

    @Test func badgesGradesTheMarkerNavAndFooterLinkToIt() throws {
        let result = try build()
        let objective = try result.text("objectives/a.html")
        #expect(objective.contains("<a class=\"status s-at-risk\" href=\"help.html#status-at-risk\">"))
        #expect(objective.contains("<a href=\"help.html#expected\">Was bedeutet die Markierung?</a>"))
        #expect(objective.contains("<a href=\"help.html\">Hilfe</a>"))
        #expect(objective.contains("<a href=\"help.html\">So liest du dieses Portal</a>"))
        let graded = try result.text("objectives/q3-company.html")
        #expect(graded.contains("<a class=\"grade band-green\" href=\"help.html#score\">"))
        // Every page loads the one script, which leaves the page usable without it.
        #expect(
            objective.range(of: #"<script src="assets/filter\.[0-9a-f]{12}\.js" defer>"#, options: .regularExpression)
                != nil)
    }

    @Test func statusFiltersAreCheckboxesAndOfferOutdatedBehindAWorseStatus() throws {
        let period = try build().text("periods/2026-Q4.html")
        // Objective a is at risk (kr2) and has an outdated key result (kr1): the item says so, and the
        // bar offers "outdated" although no objective's own status is outdated.
        #expect(period.contains("data-f-status=\"at-risk\" data-f-owner="))
        #expect(period.contains("data-f-period=\"2026-Q4\" data-f-outdated=\"true\">"))
        #expect(period.contains("<fieldset class=\"filter filter-multi\" data-key=\"status\"><legend>Status</legend>"))
        #expect(period.contains("<input type=\"checkbox\" name=\"status\" value=\"outdated\"> Veraltet</label>"))
        #expect(period.contains("<input type=\"checkbox\" name=\"status\" value=\"at-risk\"> Gefährdet</label>"))
        #expect(!period.contains("id=\"filter-status\""))
    }
}
