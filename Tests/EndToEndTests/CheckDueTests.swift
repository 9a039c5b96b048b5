import Foundation
import OKRTestSupport
import Testing

/// `okrportal check --due`: overdue check-ins per owner, for a CI job that reminds them.
@Suite struct CheckDueTests {
    @Test func listsOverdueCheckInsPerOwnerWithTheirLocation() async throws {
        let fixture = try SiteFixture(
            Fixtures.site([
                "late.md": Fixtures.objective(
                    "late", team: "sales",
                    keyResults: """
                          - id: kr1
                            title: Leads
                            start: 0
                            target: 100
                            checkins:
                              - { date: 2026-11-10, value: 40 }

                        """)
            ]))
        defer { withExtendedLifetime(fixture) {} }
        let run = try await Binary.run(["check", fixture.root, "--as-of", "2026-11-29", "--due"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("overdue check-ins as of 2026-11-29:"))
        #expect(run.stdout.contains("Markus Weber: 1 overdue check-in"))
        #expect(
            run.stdout.contains(
                "  content/objectives/late.md:7:5: late#kr1 \"Leads\" was due 2026-11-17, 12 days overdue (every 7 days)"
            ))
        let quiet = try await Binary.run(["check", fixture.root, "--as-of", "2026-11-12", "--due"])
        #expect(quiet.stdout.contains("overdue check-ins as of 2026-11-12: none"))
    }
}
