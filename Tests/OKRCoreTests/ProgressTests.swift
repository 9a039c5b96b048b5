import Testing

@testable import OKRCore

/// The spec's rules as tables: each row reads like the sentence it tests.
@Suite struct ProgressTests {
    @Test(arguments: [
        // start, target, current, progress
        (0.0, 100.0, 50.0, 0.5),
        (0.0, 100.0, 0.0, 0.0),
        (0.0, 100.0, 100.0, 1.0),
        (0.0, 100.0, 150.0, 1.0),  // overshoot clamps
        (0.0, 100.0, -20.0, 0.0),  // below start clamps
        (5000.0, 6000.0, 5390.0, 0.39),
        (100.0, 20.0, 60.0, 0.5),  // decreasing metric
        (100.0, 20.0, 20.0, 1.0),
        (100.0, 20.0, 0.0, 1.0),  // decreasing metric overshooting
        (100.0, 20.0, 120.0, 0.0),  // decreasing metric going the wrong way
        (-10.0, 10.0, 0.0, 0.5),
        (18.0, 30.0, 24.0, 0.5),
    ])
    func metricProgress(start: Double, target: Double, current: Double, expected: Double) {
        #expect(abs(Progress.metric(start: start, target: target, current: current) - expected) < 1e-12)
    }

    @Test func startEqualsTargetIsZeroNotNaN() {
        #expect(Progress.metric(start: 5, target: 5, current: 5) == 0)
    }

    static let q4Start = Day(iso: "2026-10-01")!
    static let q4End = Day(iso: "2026-12-31")!

    @Test(arguments: [
        ("2026-09-15", 0.0),  // as-of before start
        ("2026-10-01", 0.0),  // first day
        ("2026-12-31", 1.0),  // last day
        ("2027-01-15", 1.0),  // after the end
        ("2026-11-15", 45.0 / 91.0),
    ])
    func expectedProgress(asOf: String, expected: Double) {
        let e = Progress.expected(asOf: Day(iso: asOf)!, start: Self.q4Start, end: Self.q4End)
        #expect(abs(e - expected) < 1e-12)
    }

    @Test func oneDayPeriod() {
        let d = Day(iso: "2026-10-01")!
        #expect(Progress.expected(asOf: d.adding(days: -1), start: d, end: d) == 0)
        #expect(Progress.expected(asOf: d, start: d, end: d) == 1)
    }

    @Test(arguments: [
        // progress, expected, staleDays, status
        (1.0, 0.5, nil as Int?, Status.done),
        (1.0, 0.5, 30, Status.done),  // done beats outdated
        (0.45, 0.5, nil, Status.onTrack),
        (0.4, 0.5, nil, Status.onTrack),  // exactly expected − 0.1
        (0.39, 0.5, nil, Status.atRisk),
        (0.25, 0.5, nil, Status.atRisk),  // exactly expected − 0.25
        (0.24, 0.5, nil, Status.offTrack),
        (0.0, 0.0, nil, Status.onTrack),  // nothing expected yet
        (0.9, 1.0, nil, Status.onTrack),  // last day
        (0.74, 1.0, nil, Status.offTrack),
        (0.5, 0.5, 15, Status.outdated),  // newest check-in more than 14 days old
        (0.5, 0.5, 14, Status.onTrack),  // exactly 14 days is not "more than"
        (0.1, 0.5, 20, Status.outdated),  // outdated replaces the colour
    ])
    func metricStatus(progress: Double, expected: Double, staleDays: Int?, status: Status) {
        #expect(
            Progress.status(progress: progress, expected: expected, staleDays: staleDays, staleAfterDays: 14) == status)
    }

    @Test func milestoneStatus() {
        let due = Day(iso: "2026-11-15")!
        #expect(Progress.milestoneStatus(done: true, due: due, asOf: due.adding(days: 10)) == .done)
        #expect(Progress.milestoneStatus(done: false, due: due, asOf: due) == .onTrack)
        #expect(Progress.milestoneStatus(done: false, due: due, asOf: due.adding(days: 1)) == .offTrack)
    }

    @Test func objectiveTakesTheWeakestStatus() {
        #expect(Progress.objectiveStatus([.done, .onTrack, .atRisk]) == .atRisk)
        #expect(Progress.objectiveStatus([.done, .outdated, .onTrack]) == .outdated)
        #expect(Progress.objectiveStatus([.outdated, .atRisk]) == .atRisk)
        #expect(Progress.objectiveStatus([.offTrack, .done]) == .offTrack)
        #expect(Progress.objectiveStatus([.done, .done]) == .done)
        #expect(Status.allCases.sorted() == [.offTrack, .atRisk, .outdated, .onTrack, .done])
    }

    @Test func weightedMean() {
        #expect(Progress.weightedMean([(progress: 1.0, weight: 1.0), (progress: 0.0, weight: 1.0)]) == 0.5)
        #expect(
            abs(Progress.weightedMean([(progress: 1.0, weight: 2.0), (progress: 0.0, weight: 1.0)]) - 2.0 / 3.0) < 1e-12
        )
        #expect(Progress.weightedMean([(progress: 0.5, weight: 0.0)]) == 0)
    }

    @Test(arguments: [
        (0.35, 0.4), (0.349, 0.3), (0.25, 0.3), (0.05, 0.1), (0.04, 0.0), (0.95, 1.0), (1.0, 1.0), (0.0, 0.0),
        (0.65, 0.7), (0.45, 0.5), (0.15, 0.2), (0.55, 0.6), (0.85, 0.9), (0.749, 0.7),
    ])
    func scoreRoundsHalfUp(progress: Double, score: Double) {
        #expect(Progress.roundScore(progress) == score)
    }

    @Test func scoreIsNullUntilThePeriodIsOver() {
        let end = Day(iso: "2026-09-30")!
        #expect(Progress.score(progress: 0.66, manual: nil, periodEnd: end, asOf: end) == nil)  // last day
        #expect(Progress.score(progress: 0.66, manual: nil, periodEnd: end, asOf: end.adding(days: 1)) == 0.7)
        #expect(Progress.score(progress: 0.66, manual: 0.5, periodEnd: end, asOf: end.adding(days: 1)) == 0.5)
        #expect(Progress.score(progress: 0.66, manual: 0.5, periodEnd: end, asOf: end) == nil)
    }

    @Test(arguments: [
        (0.0, ScoreBand.red), (0.3, .red), (0.4, .yellow), (0.6, .yellow), (0.7, .green), (1.0, .green),
        (0.34, .red), (0.36, .yellow), (0.65, .green),
    ])
    func scoreBands(score: Double, band: ScoreBand) {
        #expect(ScoreBand(score: score) == band)
    }

    @Test func expectedScoreByType() {
        #expect(ObjectiveType.committed.expectedScore == 1.0)
        #expect(ObjectiveType.aspirational.expectedScore == 0.7)
    }
}
