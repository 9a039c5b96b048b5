import Testing

@testable import OKRCore

/// Figures computed over in-memory sites: roll-ups, nesting, visibility and time.
@Suite struct ResolverTests {
    static let q4 = Period(
        id: "2026-Q4", start: Day(iso: "2026-10-01")!, end: Day(iso: "2026-12-31")!,
        location: SourceLocation(path: "okrportal.yml"))
    static let q3 = Period(
        id: "2026-Q3", start: Day(iso: "2026-07-01")!, end: Day(iso: "2026-09-30")!,
        location: SourceLocation(path: "okrportal.yml"))

    static func at(_ path: String) -> SourceLocation { SourceLocation(path: path) }

    static let teams = [
        Team(id: "company", name: "Company", lead: "Boss", location: at("t")),
        Team(id: "marketing", name: "Marketing", parent: "company", lead: "Jan", location: at("t")),
        Team(id: "social", name: "Social", parent: "marketing", location: at("t")),
    ]

    static func metric(
        _ id: String, _ start: Double, _ target: Double, current: Double? = nil, weight: Double = 1,
        checkins: [(String, Double)] = []
    ) -> KeyResult {
        KeyResult(
            id: id, title: id, start: start, target: target, current: current, weight: weight,
            checkins: checkins.map { CheckIn(date: Day(iso: $0.0)!, value: $0.1) })
    }

    static func objective(
        _ id: String, team: String = "company", period: String = "2026-Q4", aligns: [String] = [],
        visibility: Visibility = .public, draft: Bool = false, _ krs: [KeyResult]
    ) -> Objective {
        Objective(
            id: id, title: id, team: team, period: period, path: "content/objectives/\(id).md",
            alignsTo: aligns.map { AlignmentRef(parsing: $0, location: at("a")) }, visibility: visibility,
            draft: draft, keyResults: krs)
    }

    func resolve(_ objectives: [Objective], asOf: String = "2026-11-15", drafts: Bool = false) -> (
        Organisation, Diagnostics
    ) {
        var d = Diagnostics()
        let site = Site(
            config: SiteConfig(title: "T", periods: [Self.q3, Self.q4]), teams: Self.teams, objectives: objectives)
        let org = Resolver.resolve(site, asOf: Day(iso: asOf)!, includeDrafts: drafts, diagnostics: &d)
        return (org, d)
    }

    func state(_ org: Organisation, _ id: String) -> ObjectiveState { org.states[org.objectiveIndex[id]!] }

    @Test func weightedObjectiveProgress() {
        let (org, d) = resolve([
            Self.objective(
                "o", [Self.metric("a", 0, 100, current: 100, weight: 3), Self.metric("b", 0, 100, current: 0)])
        ])
        #expect(d.errorCount == 0)
        #expect(state(org, "o").progress == 0.75)
    }

    @Test func currentComesFromTheNewestCheckinKnownAtAsOf() {
        let kr = Self.metric(
            "a", 0, 100, checkins: [("2026-10-10", 20), ("2026-11-10", 40), ("2026-11-10", 45), ("2026-12-01", 90)])
        let (org, _) = resolve([Self.objective("o", [kr])])
        let s = state(org, "o").keyResults[0]
        #expect(s.current == 45)  // same day: the later one in the file; 2026-12-01 is after the as-of date
        #expect(s.checkins.count == 3)
        #expect(s.progress == 0.45)
    }

    @Test func checkinsOutOfOrderAreSorted() {
        let kr = Self.metric("a", 0, 100, checkins: [("2026-11-10", 40), ("2026-10-10", 20)])
        let (org, _) = resolve([Self.objective("o", [kr])])
        #expect(state(org, "o").keyResults[0].current == 40)
    }

    @Test func explicitCurrentWinsWithAWarning() {
        let kr = Self.metric("a", 0, 100, current: 60, checkins: [("2026-11-10", 40)])
        let (org, d) = resolve([Self.objective("o", [kr])])
        #expect(state(org, "o").keyResults[0].current == 60)
        #expect(d.items.contains { $0.severity == .warning && $0.message.contains("current wins") })
    }

    @Test func noCheckinsAndNoCurrentMeansStart() {
        let (org, _) = resolve([Self.objective("o", [Self.metric("a", 10, 20)])])
        #expect(state(org, "o").keyResults[0].current == 10)
        #expect(state(org, "o").progress == 0)
    }

    @Test func outdatedNeedsAnOpenPeriodAndCheckins() {
        // As of 2026-11-15 the newest check-in of 2026-10-20 is 26 days old.
        let stale = Self.metric("a", 0, 100, checkins: [("2026-10-20", 60)])
        let (org, _) = resolve([Self.objective("o", [stale]), Self.objective("q3", period: "2026-Q3", [stale])])
        #expect(state(org, "o").keyResults[0].status == .outdated)
        #expect(state(org, "q3").keyResults[0].status != .outdated)  // closed period
        let noCheckins = Self.metric("a", 0, 100, current: 60)
        let (org2, _) = resolve([Self.objective("o", [noCheckins])])
        #expect(state(org2, "o").keyResults[0].status == .onTrack)
    }

    @Test func childrenKeyResultsNestAndCountOnlyPublished() {
        let company = Self.objective("c", [KeyResult(id: "kr1", title: "t", kind: .children)])
        let marketing = Self.objective(
            "m", team: "marketing", aligns: ["c#kr1"],
            [KeyResult(id: "kr1", title: "t", kind: .children)])
        let social1 = Self.objective("s1", team: "social", aligns: ["m#kr1"], [Self.metric("a", 0, 10, current: 10)])
        let social2 = Self.objective("s2", team: "social", aligns: ["m#kr1"], [Self.metric("a", 0, 10, current: 0)])
        let secret = Self.objective(
            "s3", team: "social", aligns: ["m#kr1"], visibility: .confidential, [Self.metric("a", 0, 10, current: 0)])
        let draft = Self.objective(
            "s4", team: "social", aligns: ["m#kr1"], draft: true, [Self.metric("a", 0, 10, current: 0)])
        let (org, d) = resolve([company, marketing, social1, social2, secret, draft])
        #expect(d.errorCount == 0)
        #expect(state(org, "m").progress == 0.5)  // s1 and s2 only
        #expect(state(org, "c").progress == 0.5)  // nested: c#kr1 ← m
        #expect(state(org, "m").keyResults[0].contributors.count == 2)
        let (withDrafts, _) = resolve([company, marketing, social1, social2, secret, draft], drafts: true)
        #expect(abs(state(withDrafts, "m").progress - 1.0 / 3.0) < 1e-12)
    }

    @Test func childrenKeyResultWithNothingAlignedWarns() {
        let (org, d) = resolve([
            Self.objective("c", [KeyResult(id: "kr1", title: "t", kind: .children)])
        ])
        #expect(state(org, "c").progress == 0)
        #expect(d.items.contains { $0.severity == .warning && $0.message.contains("no published objective aligns") })
    }

    @Test func objectiveProgressIgnoresChildrenUnlessAKeyResultSaysSo() {
        let parent = Self.objective("c", [Self.metric("a", 0, 100, current: 10)])
        let child = Self.objective("m", team: "marketing", aligns: ["c"], [Self.metric("a", 0, 100, current: 90)])
        let (org, _) = resolve([parent, child])
        #expect(state(org, "c").progress == 0.1)
    }

    @Test func scoresOnlyAfterThePeriod() {
        let (org, _) = resolve([
            Self.objective("q3", period: "2026-Q3", [Self.metric("a", 0, 100, current: 66)]),
            Self.objective("q4", [Self.metric("a", 0, 100, current: 66)]),
        ])
        #expect(state(org, "q3").score == 0.7)
        #expect(state(org, "q3").keyResults[0].score == 0.7)
        #expect(state(org, "q4").score == nil)
    }

    @Test func currentPeriod() {
        #expect(Resolver.currentPeriod(of: [Self.q3, Self.q4], asOf: Day(iso: "2026-11-15")!) == 1)
        #expect(Resolver.currentPeriod(of: [Self.q3, Self.q4], asOf: Day(iso: "2026-08-15")!) == 0)
        #expect(Resolver.currentPeriod(of: [Self.q3, Self.q4], asOf: Day(iso: "2027-03-01")!) == 1)  // latest
        #expect(Resolver.currentPeriod(of: [Self.q4, Self.q3], asOf: Day(iso: "2026-01-01")!) == 0)  // latest by end
    }

    @Test func whyChainSkipsUnpublished() {
        let c = Self.objective("c", [Self.metric("a", 0, 1)])
        let m = Self.objective(
            "m", team: "marketing", aligns: ["c"], visibility: .confidential, [Self.metric("a", 0, 1)])
        let s = Self.objective("s", team: "social", aligns: ["m"], visibility: .confidential, [Self.metric("a", 0, 1)])
        let (org, _) = resolve([c, m, s])
        #expect(org.whyChain(of: org.objectiveIndex["m"]!).map(\.parent) == [org.objectiveIndex["c"]!])
        #expect(org.whyChain(of: org.objectiveIndex["s"]!).isEmpty)
    }
}
