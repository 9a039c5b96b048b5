import Testing

@testable import OKRCore

/// The weekly mean confidence of the health page.
@Suite struct ConfidenceHistoryTests {
    @Test func weeklyMeanOfTheLatestConfidenceKnown() {
        let q4 = ResolverTests.q4
        func kr(_ id: String, _ checkins: [(String, Double?)]) -> KeyResult {
            KeyResult(
                id: id, title: id, kind: .milestone,
                checkins: checkins.map { CheckIn(date: Day(iso: $0.0)!, confidence: $0.1) })
        }
        let o = ResolverTests.objective(
            "o",
            [
                kr("a", [("2026-10-01", 0.4), ("2026-10-10", 0.8)]),
                kr("b", [("2026-10-08", 0.6), ("2026-10-09", nil)]),
                kr("c", []),
            ])
        var d = Diagnostics()
        let site = Site(config: SiteConfig(title: "T", periods: [q4]), teams: ResolverTests.teams, objectives: [o])
        let org = Resolver.resolve(site, asOf: Day(iso: "2026-10-20")!, diagnostics: &d)
        let points = ConfidenceHistory.weekly(org, period: 0, objectives: [0])
        // Grid: 10-01, 10-08, 10-15, and the as-of date 10-20.
        #expect(points.map(\.day.iso) == ["2026-10-01", "2026-10-08", "2026-10-15", "2026-10-20"])
        #expect(points.map(\.count) == [1, 2, 2, 2])
        #expect(points[0].mean == 0.4)
        #expect(abs(points[1].mean - 0.5) < 1e-12)  // a 0.4, b 0.6
        #expect(abs(points[2].mean - 0.7) < 1e-12)  // a 0.8, b still 0.6 (10-09 states none)
    }

    @Test func noConfidenceNoPoints() {
        var d = Diagnostics()
        let site = Site(
            config: SiteConfig(title: "T", periods: [ResolverTests.q4]), teams: ResolverTests.teams,
            objectives: [ResolverTests.objective("o", [ResolverTests.metric("a", 0, 10)])])
        let org = Resolver.resolve(site, asOf: Day(iso: "2026-10-20")!, diagnostics: &d)
        #expect(ConfidenceHistory.weekly(org, period: 0, objectives: [0]).isEmpty)
    }
}
