import Testing

@testable import OKRCore

/// Forecasts through the whole resolver: metrics, milestones, children, objectives, closed periods,
/// and the back-test of a closed period. 2026-Q4 runs 2026-10-01 (day 0) to 2026-12-31 (day 91);
/// the as-of date is 2026-11-15.
@Suite struct ForecastResolverTests {
    typealias R = ResolverTests

    /// The fit table of ``ForecastTests`` on Q4: (0, 0), (10, 12), (20, 18), (30, 33), slope 1.05,
    /// intercept 0, s = √6.75. Value at day 91 = 95.55; toward 200: 0.47775. Band half width at day 91:
    /// 1.886 × s × √(1 + 1/4 + (91 − 15)² / 500) = 1.886 × 2.598076 × √12.802 = 17.532041;
    /// band (95.55 ∓ 17.532041) / 200 = 0.390090 … 0.565410.
    static func fitted(_ id: String, weight: Double = 1, q: String = "10") -> KeyResult {
        let m = q == "10" ? "2026-10" : "2026-07"
        return R.metric(
            id, 0, 200, weight: weight, checkins: [("\(m)-11", 12), ("\(m)-21", 18), ("\(m)-31", 33)])
    }
    static let fittedProgress = 95.55 / 200
    static let half = 1.886 * 6.75.squareRoot() * 12.802.squareRoot()
    static let fittedLow = (95.55 - half) / 200
    static let fittedHigh = (95.55 + half) / 200

    /// Exact: (0, 0), (10, 10), (20, 20), (30, 30): value at day 91 = 91, toward 100: 0.91, s = 0.
    static func exact(_ id: String, weight: Double = 1) -> KeyResult {
        R.metric(id, 0, 100, weight: weight, checkins: [("2026-10-11", 10), ("2026-10-21", 20), ("2026-10-31", 30)])
    }

    static let milestone = KeyResult(id: "m", title: "m", kind: .milestone)
    static let children = KeyResult(id: "c", title: "c", kind: .children)

    func resolve(_ objectives: [Objective], asOf: String = "2026-11-15") -> Organisation {
        ResolverTests().resolve(objectives, asOf: asOf).0
    }

    func forecast(_ org: Organisation, _ id: String) -> ForecastOutcome { org.states[org.objectiveIndex[id]!].forecast }
    func forecast(_ org: Organisation, _ id: String, _ k: Int) -> ForecastOutcome {
        org.states[org.objectiveIndex[id]!].keyResults[KeyResultIndex(k)].forecast
    }

    static func close(_ a: Double?, _ b: Double) -> Bool { a.map { abs($0 - b) < 1e-9 } ?? false }

    @Test func metricAndMilestone() throws {
        let org = resolve([R.objective("o", [Self.fitted("a"), Self.milestone])])
        let f = try #require(forecast(org, "o", 0).forecast)
        #expect(Self.close(f.value, 95.55))
        #expect(Self.close(f.progress, Self.fittedProgress))
        #expect(Self.close(f.low, Self.fittedLow) && Self.close(f.high, Self.fittedHigh))
        #expect(f.end == R.q4.end)
        #expect(forecast(org, "o", 1) == .none(.milestone))
        // One key result without a forecast: the objective has none.
        #expect(forecast(org, "o") == .none(.keyResultsWithout(missing: 1, of: 2)))
    }

    @Test func objectiveIsTheWeightedMean() throws {
        let org = resolve([R.objective("o", [Self.exact("x", weight: 3), Self.fitted("y")])])
        // (3 × 0.91 + 0.47775) / 4 = 3.20775 / 4 = 0.8019375; low and high alike (0.91 has no spread).
        let f = try #require(forecast(org, "o").forecast)
        #expect(Self.close(f.progress, 0.8019375))
        #expect(Self.close(f.low, (3 * 0.91 + Self.fittedLow) / 4))
        #expect(Self.close(f.high, (3 * 0.91 + Self.fittedHigh) / 4))
        #expect(f.value == nil && f.line == nil && f.end == R.q4.end)
    }

    @Test func childrenMeanWhereAllSupportersHaveOne() throws {
        let org = resolve([
            R.objective("p", [Self.children]),
            R.objective("a", team: "marketing", aligns: ["p#c"], [Self.fitted("k")]),
            R.objective("b", team: "marketing", aligns: ["p#c"], [Self.exact("k")]),
        ])
        // (0.47775 + 0.91) / 2 = 0.693875.
        let f = try #require(forecast(org, "p", 0).forecast)
        #expect(Self.close(f.progress, 0.693875))
        #expect(Self.close(f.low, (Self.fittedLow + 0.91) / 2))
        #expect(Self.close(f.high, (Self.fittedHigh + 0.91) / 2))
        #expect(f.value == nil)
        // The objective of that one key result: the same.
        #expect(Self.close(forecast(org, "p").forecast?.progress, 0.693875))
    }

    @Test func childrenWithoutForecastWhenOneSupporterLacksOne() {
        let org = resolve([
            R.objective("p", [Self.children]),
            R.objective("a", team: "marketing", aligns: ["p#c"], [Self.fitted("k")]),
            R.objective(
                "b", team: "marketing", aligns: ["p#c"], [R.metric("k", 0, 100, checkins: [("2026-10-11", 10)])]),
        ])
        #expect(forecast(org, "b", 0) == .none(.tooFewPoints(points: 2)))
        #expect(forecast(org, "p", 0) == .none(.supportersWithout(missing: 1, of: 2)))
        #expect(forecast(org, "p") == .none(.keyResultsWithout(missing: 1, of: 1)))
    }

    @Test func childrenWithoutSupporters() {
        let org = resolve([R.objective("p", [Self.children])])
        #expect(forecast(org, "p", 0) == .none(.noSupporters))
    }

    @Test func closedPeriodHasNoForecasts() {
        let org = resolve([
            R.objective("q3", period: "2026-Q3", [Self.fitted("a", q: "07"), Self.milestone, Self.children])
        ])
        for k in 0..<3 { #expect(forecast(org, "q3", k) == .none(.periodClosed)) }
        #expect(forecast(org, "q3") == .none(.periodClosed))
    }

    @Test func anotherDaysStatesCarryNoForecasts() {
        let org = resolve([R.objective("o", [Self.fitted("a")])])
        #expect(forecast(org, "o").forecast != nil)
        let earlier = org.states(asOf: Day(iso: "2026-11-10")!)
        #expect(earlier[org.objectiveIndex["o"]!].forecast == .none(.noPeriod))
    }

    /// Q3 runs 2026-07-01 to 2026-09-30: 91 days from first to last, middle day 07-01 + ⌊91 / 2⌋ = 45 days
    /// = 2026-08-15. At the as-of date 2026-11-15 it is closed.
    @Test func backTestOfAClosedPeriod() throws {
        // a: the exact table (0, 0), (10, 10), (20, 20), (30, 30) toward 100 known at 08-15 → 0.91, band
        //    0.91…0.91; it ends at 70 → 0.7. Error 0.21, outside the band.
        let a = R.metric(
            "a", 0, 100,
            checkins: [("2026-07-11", 10), ("2026-07-21", 20), ("2026-07-31", 30), ("2026-09-20", 70)])
        // b: the fit table toward 200 → 0.47775, band 0.390090…0.565410; it ends at 96 → 0.48.
        //    Error 0.00225, inside the band.
        var b = Self.fitted("b", q: "07")
        b.checkins.append(CheckIn(date: Day(iso: "2026-08-16")!, value: 500))  // after the middle day: unseen
        b.checkins.append(CheckIn(date: Day(iso: "2026-09-25")!, value: 96))
        // c: start and one check-in by the middle day: no forecast (2 points).
        let c = R.metric("c", 0, 100, checkins: [("2026-07-10", 5), ("2026-09-01", 50), ("2026-09-02", 60)])
        let org = resolve([
            R.objective("o", period: "2026-Q3", [a, b, c, Self.milestone]),
            R.objective("secret", period: "2026-Q3", visibility: .confidential, [Self.fitted("s", q: "07")]),
            R.objective("now", [Self.fitted("n")]),
        ])
        let q3 = try #require(org.periodIndex["2026-Q3"])
        let test = try #require(org.backTest(period: q3))
        #expect(test.middle == Day(iso: "2026-08-15")!)
        #expect(test.rows.map(\.keyResult) == [KeyResultIndex(0), KeyResultIndex(1)])
        #expect(test.rows.allSatisfy { $0.objective == org.objectiveIndex["o"]! })
        #expect(Self.close(test.rows[0].forecast.progress, 0.91) && Self.close(test.rows[0].final, 0.7))
        #expect(Self.close(test.rows[0].error, 0.21) && !test.rows[0].isInsideBand)
        #expect(Self.close(test.rows[1].forecast.progress, 0.47775) && Self.close(test.rows[1].final, 0.48))
        #expect(Self.close(test.rows[1].error, 0.00225) && test.rows[1].isInsideBand)
        #expect(test.misses.map(\.reason) == [.tooFewPoints(points: 2)])
        #expect(test.forecastCount == 2 && test.missingCount == 1)
        // MAE = (0.21 + 0.00225) / 2 = 0.106125; 1 of 2 inside the band.
        #expect(Self.close(test.meanAbsoluteError, 0.106125))
        #expect(test.insideBand == 1)
        // Objectives: "o" has a milestone, so no forecast.
        #expect(test.objectiveRows.isEmpty && test.objectivesWithout == 1 && test.objectiveMeanAbsoluteError == nil)
        // An open period has no back-test.
        #expect(org.backTest(period: try #require(org.periodIndex["2026-Q4"])) == nil)
    }

    @Test func backTestOfObjectives() throws {
        // Two key results, weight 1: a (0.91, final 0.7) and b (0.47775 in 0.390090…0.565410, final 0.48).
        // Forecast (0.91 + 0.47775) / 2 = 0.693875, band (0.91 + 0.390090) / 2 = 0.650045 …
        // (0.91 + 0.565410) / 2 = 0.737705; final (0.7 + 0.48) / 2 = 0.59: error 0.103875, outside.
        let a = R.metric(
            "a", 0, 100,
            checkins: [("2026-07-11", 10), ("2026-07-21", 20), ("2026-07-31", 30), ("2026-09-20", 70)])
        var b = Self.fitted("b", q: "07")
        b.checkins.append(CheckIn(date: Day(iso: "2026-09-25")!, value: 96))
        let org = resolve([R.objective("two", period: "2026-Q3", [a, b])])
        let q3 = try #require(org.periodIndex["2026-Q3"])
        let test = try #require(org.backTest(period: q3))
        #expect(test.objectiveRows.count == 1 && test.objectivesWithout == 0)
        let row = try #require(test.objectiveRows.first)
        #expect(Self.close(row.forecast.progress, 0.693875) && Self.close(row.final, 0.59))
        #expect(Self.close(row.forecast.low, (0.91 + Self.fittedLow) / 2))
        #expect(Self.close(test.objectiveMeanAbsoluteError, 0.103875))
        #expect(test.objectivesInsideBand == 0)
    }
}
