import Foundation
import OKRCore
import OKRTestSupport
import Testing

@testable import OKRSite

/// The weekly routine on the portal: when each key result's next check-in is due (the site's, a
/// team's and a key result's `checkin_every_days`), the team's "Fällig" list and weekly page, and edit
/// links into the company's Git web editor. As of 2026-11-29 (a Sunday) in 2026-Q4.
@Suite struct CheckInRoutineTests {
    static func metric(_ id: String, lastCheckIn: String?, extra: String = "") -> String {
        let checkins = lastCheckIn.map { "    checkins:\n      - { date: \($0), value: 40 }\n" } ?? ""
        return "  - id: \(id)\n    title: KR \(id)\n    start: 0\n    target: 100\n\(extra)\(checkins)"
    }

    static let teams = Fixtures.teams.replacingOccurrences(
        of: "  lead: Jan Becker\n", with: "  lead: Jan Becker\n  checkin_every_days: 14\n")

    static func files(editURL: String? = "https://git.example.com/acme/okrs/-/edit/main/{path}") -> [String: String] {
        var config = Fixtures.config
        if let editURL { config += "edit_url: \"\(editURL)\"\n" }
        return Fixtures.site(
            [
                "social.md": Fixtures.objective(
                    "social", team: "social-media",
                    keyResults: metric("fresh", lastCheckIn: "2026-11-27") + metric("late", lastCheckIn: "2026-11-10")
                        + metric("own", lastCheckIn: "2026-11-27", extra: "    checkin_every_days: 1\n")
                        + metric("never", lastCheckIn: nil)
                        + "  - id: done\n    title: Done\n    kind: milestone\n    done: true\n"),
                "sales.md": Fixtures.objective(
                    "sales", team: "sales", keyResults: metric("weekly", lastCheckIn: "2026-11-20")),
                "q3.md": Fixtures.objective(
                    "q3", period: "2026-Q3", keyResults: metric("old", lastCheckIn: "2026-08-01")),
            ], extra: ["okrportal.yml": config, "content/teams.yml": teams])
    }

    func due(_ m: SiteModel, _ o: String, _ kr: String) throws -> CheckInDue? {
        let oi = try #require(m.org.objectiveIndex[o])
        let k = try #require(
            m.org.objectives[oi].keyResults.indices.first { m.org.objectives[oi].keyResults[$0].id == kr })
        return m.org.nextCheckIn(of: oi, keyResult: k)
    }

    @Test func theNextCheckInFollowsTheNewestByTheIntervalThatApplies() throws {
        let fixture = try SiteFixture(Self.files())
        let m = try fixture.model()
        // Social Media inherits Marketing's 14 days: 27.11. + 14.
        #expect(try due(m, "social", "fresh") == CheckInDue(due: Day(iso: "2026-12-11")!, daysLeft: 12, every: 14))
        #expect(try due(m, "social", "late")?.daysLeft == -5)
        // A key result's own setting wins: 27.11. + 1 is two days ago.
        #expect(try due(m, "social", "own")?.isOverdue == true)
        // Without a check-in the period's start counts: 1.10. + 14.
        #expect(try due(m, "social", "never")?.due == Day(iso: "2026-10-15"))
        // Done, or in a closed period: nothing is due.
        #expect(try due(m, "social", "done") == nil)
        #expect(try due(m, "q3", "old") == nil)
        // Sales has no setting anywhere up its tree: the site's 7 days.
        #expect(try due(m, "sales", "weekly")?.every == 7)
        #expect(try due(m, "sales", "weekly")?.due == Day(iso: "2026-11-27"))
    }

    @Test func keyResultRowsSayWhenTheyAreDueAndLinkToTheirLineInTheEditor() throws {
        let fixture = try SiteFixture(Self.files())
        let m = try fixture.model()
        let o = try #require(m.org.objectiveIndex["social"])
        let late = KeyResultRowView(site: m, o, KeyResultIndex(1))
        #expect(late.checkInDueLabel == "Check-in seit 5 Tagen überfällig")
        #expect(KeyResultRowView(site: m, o, KeyResultIndex(0)).checkInDueLabel == "Check-in fällig am 11.12.2026")
        // Line 14 is where `- id: late` starts in the file.
        let line = m.org.objectives[o].keyResults[KeyResultIndex(1)].mark.location(in: "").line
        #expect(
            late.text("edit_url")
                == "https://git.example.com/acme/okrs/-/edit/main/content/objectives/social.md#L\(line)")
        #expect(m.routes.edit(o) == "https://git.example.com/acme/okrs/-/edit/main/content/objectives/social.md")
    }

    @Test func aLinePlaceholderAndPathsWithSpacesWork() throws {
        var files = Self.files(editURL: "https://forge.example/{path}?line={line}")
        files["content/objectives/mit Leerzeichen.md"] = files.removeValue(forKey: "content/objectives/sales.md")
        let fixture = try SiteFixture(files)
        let m = try fixture.model()
        let o = try #require(m.org.objectiveIndex["sales"])
        #expect(
            m.routes.edit(o, keyResult: KeyResultIndex(0))?.hasPrefix(
                "https://forge.example/content/objectives/mit%20Leerzeichen.md?line=") == true)
    }

    @Test func withoutTheSettingThereIsNoEditLink() throws {
        let result = try SiteFixture(Self.files(editURL: nil)).build()
        #expect(!(try result.text("objectives/social.html")).contains("Bearbeiten"))
        let with = try SiteFixture(Self.files()).build()
        #expect(try with.text("objectives/social.html").contains("Check-in / Bearbeiten"))
    }

    @Test func aBadEditURLIsAnErrorAtItsValue() throws {
        for (url, words) in [
            ("git.example.com/{path}", "must start with http"), ("https://git.example.com/edit", "needs {path}"),
        ] {
            var files = Self.files(editURL: nil)
            files["okrportal.yml"] = Fixtures.config + "edit_url: \(url)\n"
            let report = try SiteFixture(files).check()
            let error = try #require(report.diagnostics.first { $0.severity == .error })
            #expect(error.location.path == "okrportal.yml")
            let line = files["okrportal.yml"]!.split(separator: "\n", omittingEmptySubsequences: false)
                .firstIndex { $0.hasPrefix("edit_url:") }.map { $0 + 1 }
            #expect(error.location.line == line && error.location.column == 11)
            #expect(error.message.contains(words))
        }
    }

    @Test func theTeamPageListsWhatIsDueAndTheWeeklyPageHasTheMeeting() throws {
        let result = try SiteFixture(Self.files()).build()
        let team = try result.text("teams/social-media.html")
        let dueSection = try #require(team.range(of: "id=\"due\"")).upperBound
        let list = team[dueSection...].prefix(4000)
        // Most overdue first: never (since 15.10.), late, own; fresh (due 11.12.) is beyond a week.
        let order = ["#kr-never", "#kr-late", "#kr-own"].map { list.range(of: $0)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil })
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
        #expect(!list.contains("#kr-fresh\""))
        #expect(team.contains("href=\"weekly/social-media.html\""))
        let weekly = try result.text("weekly/social-media.html")
        #expect(weekly.contains("<h1>Wochenrunde: Social Media</h1>"))
        #expect(weekly.contains("Check-in seit 5 Tagen überfällig"))
        #expect(weekly.contains("Gefährdet und nicht auf Kurs"))
    }
}
