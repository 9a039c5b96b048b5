import Testing

@testable import OKRCore

/// The rules of `history: git` without git: versions of a file in, check-ins and values out.
@Suite struct HistoryMergeTests {
    static let asOf = Day(iso: "2026-11-29")!
    static let q4Start = Day(iso: "2026-10-01")!

    /// A version committed on `date` by `author` with `kr1`'s `current:` (and `m`'s `done:`).
    static func version(
        _ date: String, current: Double?, done: Bool = false, author: String = "Aylin Demir", read: Bool = true
    ) -> FileVersion {
        FileVersion(
            revision: Revision(commit: "c-\(date)-\(current ?? -1)", day: Day(iso: date)!, author: author),
            readings: read ? ["kr1": KeyResultReading(current: current), "m": KeyResultReading(done: done)] : nil)
    }

    static func objective(checkins: [(String, Double)] = [], current: Double? = 50) -> Objective {
        Objective(
            id: "o", title: "O", team: "company", period: "2026-Q4", path: "content/objectives/o.md",
            keyResults: [
                KeyResult(
                    id: "kr1", title: "Zahl", start: 0, target: 100, current: current,
                    checkins: checkins.map { CheckIn(date: Day(iso: $0.0)!, value: $0.1, confidence: 0.7) }),
                KeyResult(id: "m", title: "Meilenstein", kind: .milestone),
            ])
    }

    static func apply(_ versions: [FileVersion], to o: Objective = objective(), asOf: Day = asOf) -> Objective {
        HistoryMerge.apply(versions, to: o, periodStart: q4Start, asOf: asOf)
    }

    func rows(_ c: [CheckIn]) -> [String] {
        c.map { "\($0.date) \($0.value.map { Resolver.format($0) } ?? "-")\($0.isDerived ? " git" : "")" }
    }

    @Test func everyCommitThatChangesCurrentIsACheckIn() {
        let o = Self.apply([
            Self.version("2026-10-05", current: 10),
            Self.version("2026-10-12", current: 10),  // the body changed, not current: no check-in
            Self.version("2026-10-19", current: 30, author: "Jan Becker"),
            Self.version("2026-10-26", current: 50),
        ])
        #expect(rows(o.keyResults[0].checkins) == ["2026-10-05 10 git", "2026-10-19 30 git", "2026-10-26 50 git"])
        let c = o.keyResults[0].checkins
        #expect(c.allSatisfy { $0.confidence == nil && $0.note == nil })
        #expect(c.map { o.revisions[$0.revisionIndex!].author } == ["Aylin Demir", "Jan Becker", "Aylin Demir"])
        #expect(o.lastRevision?.day == Day(iso: "2026-10-26"))
        #expect(o.keyResults[0].current == 50)  // nothing after the as-of date: the file as it is
    }

    @Test func severalCommitsOnOneDayGiveTheDaysLastValue() {
        let o = Self.apply([
            Self.version("2026-10-05", current: 10), Self.version("2026-10-06", current: 20),
            Self.version("2026-10-06", current: 25),
        ])
        #expect(rows(o.keyResults[0].checkins) == ["2026-10-05 10 git", "2026-10-06 25 git"])
    }

    @Test func writtenCheckInsWinOnTheirDayAndAreNotRepeated() {
        let o = Self.apply(
            [
                Self.version("2026-10-05", current: 12),  // same day as a written check-in: dropped
                Self.version("2026-10-13", current: 20),  // a day after the same value was written down
                Self.version("2026-10-20", current: 35),
            ], to: Self.objective(checkins: [("2026-10-05", 10), ("2026-10-12", 20)]))
        #expect(rows(o.keyResults[0].checkins) == ["2026-10-05 10", "2026-10-12 20", "2026-10-20 35 git"])
        // The revisions kept are the ones check-ins point to, and last the newest.
        #expect(o.revisions.map(\.day.iso) == ["2026-10-20"])
    }

    @Test func editsBeforeThePeriodAreTheBaselineOnly() {
        let o = Self.apply([
            Self.version("2026-09-20", current: 0), Self.version("2026-09-28", current: 5),
            Self.version("2026-10-05", current: 5),  // unchanged since the baseline: no check-in
            Self.version("2026-10-12", current: 15),
        ])
        #expect(rows(o.keyResults[0].checkins) == ["2026-10-12 15 git"])
    }

    @Test func commitsAfterTheAsOfDateAreIgnoredAndBoundTheValues() {
        let versions = [
            Self.version("2026-10-05", current: 10), Self.version("2026-10-19", current: 30, done: true),
            Self.version("2026-11-02", current: 50, done: false, author: "Jan Becker"),
        ]
        let o = Self.apply(versions, asOf: Day(iso: "2026-10-31")!)
        #expect(rows(o.keyResults[0].checkins) == ["2026-10-05 10 git", "2026-10-19 30 git"])
        #expect(o.keyResults[0].current == 30)  // as committed by the as-of date, not the file's 50
        #expect(o.keyResults[1].done)
        #expect(o.lastRevision?.author == "Aylin Demir")
        #expect(o.lastRevision?.day.iso == "2026-10-19")
        // A file created after the as-of date: its values were not known then.
        let later = Self.apply([Self.version("2026-11-02", current: 50)], asOf: Day(iso: "2026-10-31")!)
        #expect(later.keyResults[0].current == nil && later.keyResults[0].checkins.isEmpty)
        #expect(later.revisions.isEmpty)
    }

    @Test func milestonesBecomingDoneAreCheckInsWithValueOne() {
        let o = Self.apply([
            Self.version("2026-10-05", current: 10, done: false),
            Self.version("2026-10-21", current: 10, done: true, author: "Markus Weber"),
            Self.version("2026-11-03", current: 10, done: false),
        ])
        #expect(rows(o.keyResults[1].checkins) == ["2026-10-21 1 git", "2026-11-03 0 git"])
        #expect(o.revisions[o.keyResults[1].checkins[0].revisionIndex!].author == "Markus Weber")
    }

    @Test func unreadableVersionsAreSkipped() {
        let o = Self.apply([
            Self.version("2026-10-05", current: 10), Self.version("2026-10-12", current: nil, read: false),
            Self.version("2026-10-19", current: 10),
        ])
        #expect(rows(o.keyResults[0].checkins) == ["2026-10-05 10 git"])
        #expect(o.lastRevision?.day.iso == "2026-10-19")
    }

    @Test func onlyTheVersionsThatMatterAreRead() {
        let days = ["2026-09-01", "2026-09-20", "2026-10-05", "2026-10-12", "2026-12-01"].map { Day(iso: $0)! }
        #expect(HistoryMerge.versionsToRead(days, periodStart: Self.q4Start, asOf: Self.asOf) == [1, 2, 3])
        #expect(HistoryMerge.versionsToRead(days, periodStart: nil, asOf: Self.asOf) == [0, 1, 2, 3])
        #expect(HistoryMerge.versionsToRead(Array(days[0...1]), periodStart: Self.q4Start, asOf: Self.asOf) == [1])
        #expect(HistoryMerge.versionsToRead(days, periodStart: Self.q4Start, asOf: Day(iso: "2026-08-01")!) == [])
    }

    @Test func derivedCheckInsDriveStatusButNeverContradictCurrent() {
        // current: 50 committed on 10-26; the written check-in of 10-05 says 10. The newest check-in is the
        // derived one, equal to current: no "current wins" warning. Status uses its date for "outdated".
        let o = Self.apply(
            [Self.version("2026-10-26", current: 50)], to: Self.objective(checkins: [("2026-10-05", 10)]))
        var d = Diagnostics()
        let site = Site(
            config: SiteConfig(title: "T", periods: [ResolverTests.q4]), teams: ResolverTests.teams, objectives: [o])
        let org = Resolver.resolve(site, asOf: Day(iso: "2026-11-29")!, diagnostics: &d)
        #expect(!d.items.contains { $0.message.contains("current wins") })
        #expect(org.states[0].keyResults[0].latestCheckin?.date.iso == "2026-10-26")
        #expect(org.states[0].keyResults[0].status == .outdated)  // 34 days without a change
        #expect(org.states[0].keyResults[0].latestConfidence?.date.iso == "2026-10-05")
    }

    @Test func aCheckInsRevisionCostsNoMemory() {
        #expect(MemoryLayout<CheckIn>.stride == 80)
    }
}
