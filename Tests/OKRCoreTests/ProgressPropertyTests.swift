import PropertyBased
import Testing

@testable import OKRCore

/// Properties of the arithmetic over random inputs (shrunk to a minimal case on failure).
@Suite struct ProgressPropertyTests {
    static let value = Gen.double(in: -1e6...1e6)
    static let share = Gen.double(in: 0...1)

    @Test func progressIsAlwaysAShare() async {
        await propertyCheck(count: 2000, input: Self.value, Self.value, Self.value) { s, t, c in
            let p = Progress.metric(start: s, target: t, current: c)
            #expect(p >= 0 && p <= 1)
            #expect(p == p)  // never NaN, not even for start = target
        }
    }

    @Test func progressIsMonotoneInCurrent() async {
        await propertyCheck(count: 2000, input: Self.value, Self.value, Self.value, Self.value) { s, t, a, b in
            guard s != t else { return }
            let (low, high) = (min(a, b), max(a, b))
            let pl = Progress.metric(start: s, target: t, current: low)
            let ph = Progress.metric(start: s, target: t, current: high)
            if t > s {
                #expect(pl <= ph + 1e-12)  // increasing metric: more is more progress
            } else {
                #expect(pl + 1e-12 >= ph)  // decreasing metric: less is more progress
            }
        }
    }

    @Test func decreasingMetricsMirrorIncreasingOnes() async {
        await propertyCheck(count: 2000, input: Self.value, Self.value, Self.value) { s, t, c in
            guard s != t else { return }
            let direct = Progress.metric(start: s, target: t, current: c)
            let mirrored = Progress.metric(start: -s, target: -t, current: -c)
            #expect(abs(direct - mirrored) < 1e-9)
        }
    }

    @Test func rollUpsAreBoundedByTheirParts() async {
        let parts = zip(Self.share, Gen.double(in: 0.01...10)).array(of: 1...8)
        await propertyCheck(count: 1000, input: parts) { parts in
            let mean = Progress.weightedMean(parts.map { (progress: $0.0, weight: $0.1) })
            let low = parts.map(\.0).min()!  // at least one part
            let high = parts.map(\.0).max()!
            #expect(mean >= low - 1e-12 && mean <= high + 1e-12)
        }
    }

    @Test func objectiveStatusIsItsWeakestKeyResults() async {
        let statuses = Gen.int(in: 0...4).map { Status.allCases[$0] }.array(of: 1...6)
        await propertyCheck(count: 500, input: statuses) { statuses in
            let objective = Progress.objectiveStatus(statuses)
            #expect(statuses.contains(objective))
            #expect(statuses.allSatisfy { objective <= $0 })
        }
    }

    @Test func scoresAreProgressRoundedToATenth() async {
        await propertyCheck(count: 2000, input: Self.share) { p in
            let s = Progress.roundScore(p)
            #expect(abs(s - p) <= 0.05 + 1e-9)
            #expect((s * 10).rounded() == s * 10)
        }
    }

    @Test func expectationGrowsFromZeroToOneOverThePeriod() async {
        await propertyCheck(count: 1000, input: Gen.int(in: 0...400), Gen.int(in: -50...450), Gen.int(in: 0...50)) {
            length, day, step in
            let start = Day(iso: "2026-01-01")!
            let end = start.adding(days: length)
            let a = Progress.expected(asOf: start.adding(days: day), start: start, end: end)
            let b = Progress.expected(asOf: start.adding(days: day + step), start: start, end: end)
            #expect(a >= 0 && a <= 1 && a <= b)
        }
    }

    @Test func statusNeverImprovesWhenProgressFalls() async {
        await propertyCheck(count: 2000, input: Self.share, Self.share, Self.share) { a, b, expected in
            let (low, high) = (min(a, b), max(a, b))
            let sl = Progress.status(progress: low, expected: expected, staleDays: nil, staleAfterDays: 14)
            let sh = Progress.status(progress: high, expected: expected, staleDays: nil, staleAfterDays: 14)
            #expect(sl <= sh)
        }
    }
}
