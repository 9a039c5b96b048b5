import Testing

@testable import OKRCore

@Suite struct ProgressHistoryTests {
    let q4 = ResolverTests.q4

    @Test func weeklyGridEndsOnTheAsOfDate() {
        let grid = ProgressHistory.grid(q4, asOf: Day(iso: "2026-10-20")!)
        #expect(grid.map(\.iso) == ["2026-10-01", "2026-10-08", "2026-10-15", "2026-10-20"])
        #expect(ProgressHistory.grid(q4, asOf: Day(iso: "2026-09-01")!).isEmpty)
        #expect(ProgressHistory.grid(q4, asOf: Day(iso: "2027-02-01")!).last == q4.end)
    }

    @Test func seriesFollowsCheckinsAndEndsAtTheCurrentFigures() {
        let kr = ResolverTests.metric("a", 0, 100, checkins: [("2026-10-05", 10), ("2026-10-16", 30)])
        let milestone = KeyResult(
            id: "m", title: "m", kind: .milestone,
            checkins: [CheckIn(date: Day(iso: "2026-10-12")!)], done: true)
        var d = Diagnostics()
        let site = Site(
            config: SiteConfig(title: "T", periods: [ResolverTests.q3, q4]), teams: ResolverTests.teams,
            objectives: [ResolverTests.objective("o", [kr, milestone])])
        let org = Resolver.resolve(site, asOf: Day(iso: "2026-10-20")!, diagnostics: &d)
        let series = ProgressHistory.series(org)[0]
        // 10-01: start → 0, milestone not yet done → 0; 10-08: 10 % and 0; 10-15: 10 % and done → 0.55;
        // 10-20 (as of): the objective's figures, 30 % and done → 0.65.
        #expect(series.map(\.progress) == [0, 0.05, 0.55, 0.65])
        #expect(series.last?.progress == org.states[0].progress)
    }

    @Test func childrenKeyResultsFollowTheirContributors() {
        let parent = ResolverTests.objective("p", [KeyResult(id: "kr1", title: "c", kind: .children)])
        let child = ResolverTests.objective(
            "c", team: "marketing", aligns: ["p#kr1"], [ResolverTests.metric("a", 0, 10, checkins: [("2026-10-09", 5)])]
        )
        var d = Diagnostics()
        let site = Site(
            config: SiteConfig(title: "T", periods: [q4]), teams: ResolverTests.teams, objectives: [parent, child])
        let org = Resolver.resolve(site, asOf: Day(iso: "2026-10-15")!, diagnostics: &d)
        let series = ProgressHistory.series(org)
        #expect(series[1].map(\.progress) == [0, 0, 0.5])
        #expect(series[0].map(\.progress) == [0, 0, 0.5])
    }
}
