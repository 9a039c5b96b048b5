import OKRCore
import OKRTestSupport
import Testing

@testable import OKRSite

/// Every status explains itself: the reasons next to statuses, in words, asserted on views in memory.
/// As of 2026-11-29, 65 % of 2026-Q4 has passed; `stale_after_days` is 14.
@Suite struct StatusReasonViewTests {
    static let files = Fixtures.site([
        "goal.md": Fixtures.objective(
            "goal",
            keyResults: """
                  - id: pace
                    title: Leads
                    start: 0
                    target: 100
                    current: 50
                  - id: webinar
                    title: Webinar
                    kind: milestone
                    due: 2026-12-12
                  - id: call
                    title: Anfragen
                    start: 0
                    target: 100
                    checkins:
                      - { date: 2026-11-25, value: 60, status: at-risk, note: Messe abgesagt }
                  - id: old
                    title: Follower
                    start: 0
                    target: 100
                    checkins:
                      - { date: 2026-11-01, value: 90, status: on-track }

                """),
        "late.md": Fixtures.objective(
            "late",
            keyResults: """
                  - id: launch
                    title: Launch
                    kind: milestone
                    due: 2026-11-20

                """),
    ])

    func row(_ m: SiteModel, _ o: String, _ k: Int) throws -> KeyResultRowView {
        KeyResultRowView(site: m, try #require(m.org.objectiveIndex[o]), KeyResultIndex(k))
    }

    @Test func aMetricSaysHowFarItIsAgainstToday() throws {
        let fixture = try SiteFixture(Self.files)
        let m = try fixture.model()
        #expect(try row(m, "goal", 0).statusReason == "50\u{A0}% erreicht, heute 65\u{A0}% erwartet → Gefährdet")
    }

    @Test func milestonesShowTheirDueDate() throws {
        let fixture = try SiteFixture(Self.files)
        let m = try fixture.model()
        #expect(try row(m, "goal", 1).statusReason == "fällig am 12.12.2026, noch nicht fällig")
        #expect(try row(m, "late", 0).statusReason == "war fällig am 20.11.2026, seit 9 Tagen überfällig")
    }

    @Test func anOwnersCallShowsBothStatusesAndWhy() throws {
        let fixture = try SiteFixture(Self.files)
        let m = try fixture.model()
        let call = try row(m, "goal", 2)
        #expect(call.statusView.status == .atRisk)
        #expect(call.flag("owner_call") == true)
        #expect(call.text("computed_status_html")?.contains("Auf Kurs") == true)
        #expect(
            call.statusReason
                == "Einschätzung der Verantwortlichen vom 25.11.2026: Gefährdet; berechnet: Auf Kurs "
                + "(60\u{A0}% erreicht, heute 65\u{A0}% erwartet → Auf Kurs)")
        #expect(call.latestNote == "Messe abgesagt")
        #expect(call.checkinTable.contains("<span class=\"call\">Einschätzung: Gefährdet.</span> Messe abgesagt"))
    }

    @Test func anOutdatedCheckInHiddenByACallIsStillSaid() throws {
        let fixture = try SiteFixture(Self.files)
        let m = try fixture.model()
        let old = try row(m, "goal", 3)
        #expect(old.statusView.status == .onTrack)
        #expect(old.hiddenStaleNote == "seit 28 Tagen kein Check-in")
        // Shown as outdated, a key result needs no second note.
        #expect(try row(m, "goal", 0).hiddenStaleNote == "")
    }

    @Test func anObjectiveNamesItsWeakestKeyResult() throws {
        let fixture = try SiteFixture(Self.files)
        let m = try fixture.model()
        let summary = ObjectiveSummaryView(site: m, try #require(m.org.objectiveIndex["goal"]))
        #expect(
            summary.statusReason
                == "schwächstes Schlüsselergebnis: „Leads“ – 50\u{A0}% erreicht, heute 65\u{A0}% erwartet → Gefährdet")
        // The objective counts as having an outdated key result although its status is at risk.
        #expect(m.org.states[summary.objective].hasStaleKeyResult)
    }
}
