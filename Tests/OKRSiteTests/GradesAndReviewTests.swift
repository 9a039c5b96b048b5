import Foundation
import OKRCore
import OKRTestSupport
import Testing

@testable import OKRSite

/// One status story on every page: a closed period shows grades, not live statuses (rings, the map,
/// search), and an open period lists what is at risk or off track for the review.
@Suite struct GradesAndReviewTests {
    func build() throws -> (SiteFixture, BuildResult) {
        let fixture = try SiteFixture(PortalStructureTests.files)
        let result = try fixture.build()
        #expect(result.errors.isEmpty, "\(result.diagnostics)")
        return (fixture, result)
    }

    @Test func searchResultsOfAClosedPeriodCarryTheirGradeNotAStatus() throws {
        let (fixture, result) = try build()
        defer { withExtendedLifetime(fixture) {} }
        let index = try result.text("search/data.js")
        let q3 = try #require(index.range(of: "\"u\":\"objectives/q3-goal.html\""))
        let q3Entry = index[q3.lowerBound...].prefix { $0 != "}" }
        #expect(q3Entry.contains("\"g\":\"0,5\""))
        #expect(q3Entry.contains("\"b\":\"yellow\""))
        #expect(!q3Entry.contains("\"s\":"))
        let q4 = try #require(index.range(of: "\"u\":\"objectives/social-goal.html\""))
        #expect(index[q4.lowerBound...].prefix { $0 != "}" }.contains("\"s\":\""))
        #expect(index.contains("\"grade\":{\"label\":\"Bewertung\""))
    }

    @Test func ringsAndTheMapOfAClosedPeriodShowTheBand() throws {
        let (fixture, result) = try build()
        defer { withExtendedLifetime(fixture) {} }
        let cascade = try result.text("cascade/2026-Q3.html")
        #expect(cascade.contains("Fortschritt 50\u{A0}%, Bewertung: gelb."))
        #expect(!cascade.contains("ring s-"))
        let map = try result.text("map/2026-Q3.html")
        #expect(map.contains("Bewertung 0,5 · gelb"))
        #expect(!map.contains("fill s-"))
        // The open period keeps its live statuses.
        #expect(try result.text("map/2026-Q4.html").contains("fill s-"))
    }

    @Test func anOpenPeriodListsWhatIsAtRiskOrOffTrackByTeam() throws {
        let (fixture, result) = try build()
        defer { withExtendedLifetime(fixture) {} }
        let org = try #require(try fixture.check().organisation)
        let weak = org.objectives.indices.filter {
            org.isPublished[$0] && org.objectivePeriod[$0] == org.periodIndex["2026-Q4"]
                && org.states[$0].status <= .atRisk
        }
        let page = try result.text("periods/2026-Q4.html")
        #expect(page.contains("<h2 id=\"atrisk-h\">Gefährdet und nicht auf Kurs</h2>"))
        let section = try #require(page.range(of: "id=\"at-risk\"")).upperBound
        let end = try #require(page.range(of: "id=\"byteam\"")).lowerBound
        let list = page[section..<end]
        #expect(!weak.isEmpty)
        for o in weak { #expect(list.contains("objectives/\(org.objectives[o].id).html")) }
        for o in org.objectives.indices where org.objectivePeriod[o] == org.periodIndex["2026-Q4"] && !weak.contains(o)
        {
            #expect(!list.contains("objectives/\(org.objectives[o].id).html\""))
        }
        // A closed period has grades instead.
        #expect(!(try result.text("periods/2026-Q3.html")).contains("id=\"at-risk\""))
    }

    @Test func statusCountsLinkToTheFilteredListAndAClosedPeriodCountsGrades() throws {
        let (fixture, result) = try build()
        defer { withExtendedLifetime(fixture) {} }
        let home = try result.text("index.html")
        #expect(home.contains("<a class=\"count\" href=\"periods/2026-Q4.html?status=at-risk#byteam\">"))
        #expect(home.contains("href=\"periods/2026-Q4.html?status=at-risk,off-track#byteam\""))
        let health = try result.text("health/2026-Q4.html")
        #expect(health.contains("<a class=\"count\" href=\"periods/2026-Q4.html?status=at-risk#byteam\">"))
        // A count of 0 links nowhere.
        #expect(!health.contains("status=off-track#byteam"))
        // Q3 is over: its pages count grades (q3-goal scored 0,5: yellow), no live statuses.
        let closed = try result.text("health/2026-Q3.html")
        #expect(closed.contains("<h2 id=\"status-h\">Verteilung der Bewertungen</h2>"))
        #expect(
            closed.contains(
                "<span class=\"grade band-yellow\">gelb <span class=\"sub-inline\">0,4–0,6</span></span> <strong>1</strong>"
            ))
        #expect(!closed.contains("class=\"count\""))
        let period = try result.text("periods/2026-Q3.html")
        #expect(period.contains("Verteilung der Bewertungen"))
        #expect(!period.contains("status=at-risk"))
    }

    @Test func subTeamsWithTheMostToTalkAboutComeFirst() throws {
        // Marketing (tree order first) is on track; Vertrieb is off track: the review starts there.
        let fixture = try SiteFixture(
            Fixtures.site([
                "m.md": Fixtures.objective("m", team: "marketing"),
                "s.md": Fixtures.objective(
                    "s", team: "sales",
                    keyResults: """
                          - id: kr1
                            title: Leads
                            start: 0
                            target: 100
                            current: 5

                        """),
            ]))
        let m = try fixture.model()
        let page = TeamPageView(m, try #require(m.org.teams.index["company"]))
        guard case .items(let n) = page.field("subteams") else { Issue.record("no subteams"); return }
        #expect(n == 2)
        let html = try fixture.build().text("teams/company.html")
        let sales = try #require(html.range(of: "href=\"teams/sales.html\">Vertrieb</a> <span"))
        let marketing = try #require(html.range(of: "href=\"teams/marketing.html\">Marketing</a> <span"))
        #expect(sales.lowerBound < marketing.lowerBound)
    }

    @Test func aTeamPageCountsItsOwnObjectivesAndLinksToItsFilteredList() throws {
        let (fixture, result) = try build()
        defer { withExtendedLifetime(fixture) {} }
        let page = try result.text("teams/social-media.html")
        #expect(page.contains("eigene Ziele im aktuellen Zeitraum"))
        #expect(
            page.contains(
                "<a class=\"count\" href=\"teams/social-media.html?status=at-risk&amp;period=2026-Q4#team-objectives\">"
            ))
    }
}
