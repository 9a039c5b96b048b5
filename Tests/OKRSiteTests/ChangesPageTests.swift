import Foundation
import OKRCore
import OKRSite
import OKRTestSupport
import Testing

/// `changes.html` and ``Changes`` over ``WeekFixture``: a week of dated check-ins as of 2026-11-29.
@Suite struct ChangesPageTests {
    @Test func changesListTheWeeksCheckInsStatusMovesAndNewObjectives() throws {
        let fixture = try SiteFixture(WeekFixture.files())
        defer { withExtendedLifetime(fixture) {} }
        let org = try #require(try fixture.check().organisation)
        let changes = Changes.compute(org)
        func id(_ o: ObjectiveIndex) -> String { org.objectives[o].id }
        #expect(changes.since.iso == "2026-11-22")
        // Newest first; the check-in of 2026-11-20 is before the window, the confidential and draft
        // objectives' check-ins are not published.
        #expect(
            changes.checkins.map { "\(id($0.objective)) \($0.checkin.date.iso)" } == [
                "growth 2026-11-25", "fresh 2026-11-24",
            ])
        #expect(changes.checkins.map(\.previous) == [40, 0])
        #expect(changes.checkins.map(\.checkin.value) == [60, 70])
        #expect(
            changes.objectiveMoves.map { "\(id($0.objective)) \($0.from.rawValue)→\($0.to.rawValue)" } == [
                "fresh off-track→on-track", "slipping on-track→at-risk",
            ])
        #expect(
            changes.keyResultMoves.map {
                "\(id($0.objective))#\($0.keyResult?.raw ?? -1) \($0.from.rawValue)→\($0.to.rawValue)"
            }
                == ["fresh#0 off-track→on-track", "growth#0 at-risk→on-track", "slipping#0 on-track→at-risk"])
        #expect(changes.newObjectives.map(id) == ["fresh"])
        // "slipping" had no check-in this week: time passing alone moved it; "fresh" and "growth" were
        // checked in.
        #expect(changes.objectiveMoves.map(\.timeOnly) == [false, true])
        #expect(changes.keyResultMoves.map(\.timeOnly) == [false, false, true])
    }

    @Test func theStatusAWeekAgoUsesTheCheckInsKnownThen() throws {
        let fixture = try SiteFixture(WeekFixture.files())
        defer { withExtendedLifetime(fixture) {} }
        let org = try #require(try fixture.check().organisation)
        let before = org.states(asOf: Day(iso: "2026-11-22")!)
        let growth = try #require(org.objectiveIndex["growth"])
        // 40 of 100 then (the check-in of the 25th is not known yet), 60 now.
        #expect(before[growth].keyResults[0].current == 40)
        #expect(org.states[growth].keyResults[0].current == 60)
        // `current: -2` with no later check-in counts as written a week ago as well.
        #expect(before[growth].keyResults[1].current == -2)
        let fresh = try #require(org.objectiveIndex["fresh"])
        #expect(before[fresh].keyResults[0].current == 0)
    }

    @Test func thePageShowsTheWeekInGerman() throws {
        let result = try WeekFixture.build()
        let page = try result.text("changes.html")
        #expect(page.contains("<h1>Was ist neu</h1>"))
        #expect(page.contains("Check-ins und Statuswechsel vom 23.11.2026 bis 29.11.2026."))
        #expect(page.contains("<td data-label=\"Änderung\">40\u{A0}Leads → 60\u{A0}Leads</td>"))
        #expect(page.contains("<td data-label=\"Datum\">25.11.2026</td>"))
        #expect(page.contains("Messe &lt;Hannover&gt; &amp; Co"))
        #expect(page.contains("href=\"objectives/growth.html#kr-leads\""))
        #expect(page.contains("Ziele mit neuem Status"))
        #expect(page.contains("<span class=\"cause by-time\">durch Zeitablauf: kein Check-in in diesen sieben Tagen"))
        #expect(page.contains("<span class=\"cause\">nach einem Check-in dieser Woche</span>"))
        #expect(page.contains("<a href=\"objectives/slipping.html\">Objective slipping</a>"))
        #expect(page.contains("Neue Ziele"))
        #expect(page.contains("href=\"feed.xml\""))
        #expect(!page.contains("Geheim") && !page.contains("Entwurf"))
        let home = try result.text("index.html")
        #expect(home.contains("<a href=\"changes.html\">Was ist neu</a>"))
        #expect(home.contains("<a href=\"changes.html\">Was sich diese Woche geändert hat</a>"))
        #expect(try result.text("teams/sales.html").contains("<a href=\"changes.html\">Was ist neu</a>"))
    }

    @Test func thePageShowsTheWeekInEnglish() throws {
        let config = Fixtures.config.replacingOccurrences(of: "language: de", with: "language: en")
        let result = try WeekFixture.build(config: config)
        let page = try result.text("changes.html")
        #expect(page.contains("<h1>What changed</h1>"))
        #expect(page.contains("Check-ins and status changes from Nov 23, 2026 to Nov 29, 2026."))
        #expect(page.contains("<td data-label=\"Change\">40\u{A0}Leads → 60\u{A0}Leads</td>"))
        #expect(page.contains("Objectives whose status changed"))
        #expect(page.contains("New objectives"))
        #expect(try result.text("feed.xml").contains("<title>Objective slipping: On track → At risk</title>"))
    }

    @Test func aQuietWeekSaysSo() throws {
        let files = Fixtures.site([
            "a.md": Fixtures.objective(
                "a", keyResults: "  - id: kr1\n    title: K\n    start: 0\n    target: 100\n    current: 90\n")
        ])
        let result = try SiteFixture(files).build()
        #expect(result.errors.isEmpty)
        let page = try result.text("changes.html")
        #expect(page.contains("In diesen sieben Tagen hat sich nichts geändert."))
        #expect(!page.contains("<table"))
        #expect(try AtomEntries.parse(try result.text("feed.xml")).entries.isEmpty)
    }
}
