import Testing

@testable import OKRCore

/// The forecast rule on tables of points, worked by hand: a 100-day period (day 0 = 2026-01-01, its end
/// day 100 = 2026-04-11) so that x at the end is 100.
@Suite struct ForecastTests {
    static let day0 = Day(iso: "2026-01-01")!
    static let period = Period(
        id: "p", start: day0, end: day0.adding(days: 100), location: SourceLocation(path: "okrportal.yml"))

    /// Check-ins from (day, value) pairs.
    static func checkins(_ points: [(Int, Double)]) -> [CheckIn] {
        points.map { CheckIn(date: day0.adding(days: $0.0), value: $0.1) }
    }

    static func forecast(
        start: Double?, target: Double?, _ points: [(Int, Double)], asOf: Int, period: Period? = period
    ) -> ForecastOutcome {
        Forecast.metric(
            start: start, target: target, period: period, checkins: checkins(points), asOf: day0.adding(days: asOf))
    }

    static func close(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
        guard let a else { return false }
        return abs(a - b) <= tolerance * max(1, abs(b))
    }

    // Points (0, 0) (start), (10, 12), (20, 18), (30, 33):
    //   x̄ = 60 / 4 = 15, ȳ = 63 / 4 = 15.75
    //   x − x̄ = −15, −5, 5, 15           Sxx = 225 + 25 + 25 + 225 = 500
    //   y − ȳ = −15.75, −3.75, 2.25, 17.25
    //   Sxy = 236.25 + 18.75 + 11.25 + 258.75 = 525
    //   slope = 525 / 500 = 1.05, intercept = 15.75 − 1.05 × 15 = 0
    //   value at day 100 = 105; progress toward 200 = 105 / 200 = 0.525
    //   fitted 0, 10.5, 21, 31.5; residuals 0, 1.5, −3, 1.5; Σr² = 13.5
    //   s = √(13.5 / (4 − 2)) = √6.75 = 2.598076211353316
    //   band half width at day 100: t(80 %, 2 df) = 1.886 × s × √(1 + 1/4 + (100 − 15)² / 500)
    //     = 1.886 × 2.598076 × √15.7 = 1.886 × 2.598076 × 3.962323 = 19.415269
    //   band: (105 ∓ 19.415269) / 200 = 0.427924 … 0.622076
    static let fitPoints: [(Int, Double)] = [(10, 12), (20, 18), (30, 33)]
    static let s = 6.75.squareRoot()
    static let half = 1.886 * 6.75.squareRoot() * 15.7.squareRoot()

    @Test func fitSlopeInterceptValueAndBand() throws {
        let f = try #require(Self.forecast(start: 0, target: 200, Self.fitPoints, asOf: 30).forecast)
        let line = try #require(f.line)
        #expect(Self.close(line.slope, 1.05))
        #expect(Self.close(line.intercept, 0))
        #expect(line.points == 4)
        #expect(line.origin == Self.day0)
        #expect(Self.close(line.residualDeviation, Self.s))
        #expect(Self.close(line.meanDay, 15) && Self.close(line.daySpread, 500) && line.multiplier == 1.886)
        #expect(Self.close(line.bandHalfWidth(at: Self.period.end), Self.half))
        #expect(abs(Self.half - 19.415269) < 1e-6)
        // Narrowest at the mean day: t · s · √(1 + 1/4).
        #expect(Self.close(line.bandHalfWidth(at: Self.day0.adding(days: 15)), 1.886 * Self.s * 1.25.squareRoot()))
        #expect(Self.close(f.value, 105))
        #expect(Self.close(line.value(at: Self.period.end), 105))
        #expect(Self.close(f.progress, 0.525))
        #expect(Self.close(f.low, (105 - Self.half) / 200))
        #expect(Self.close(f.high, (105 + Self.half) / 200))
        #expect(f.end == Self.period.end)
    }

    @Test func studentQuantilesFromTheTable() {
        // t(0.90; df) as printed: 1 → 3.078, 2 → 1.886, 10 → 1.372, 30 → 1.310; between rows the next
        // lower row (35 → 30's, 45 → 40's 1.303, 90 → 60's 1.296), from 120 on 1.289.
        let expected: [(Int, Double)] = [
            (0, 3.078), (1, 3.078), (2, 1.886), (10, 1.372), (30, 1.310), (35, 1.310), (40, 1.303), (45, 1.303),
            (60, 1.296), (90, 1.296), (120, 1.289), (5000, 1.289),
        ]
        for (df, t) in expected { #expect(Forecast.studentT80(degreesOfFreedom: df) == t, "df \(df)") }
        // Never increasing with more degrees of freedom.
        let all = (1...200).map { Forecast.studentT80(degreesOfFreedom: $0) }
        #expect(zip(all, all.dropFirst()).allSatisfy { $0 >= $1 })
    }

    @Test func twoPointsAreTooFewThreeAreEnough() throws {
        // Start plus one check-in: 2 points.
        #expect(Self.forecast(start: 0, target: 200, [(10, 10)], asOf: 30) == .none(.tooFewPoints(points: 2)))
        // No check-in at all (a `current:` alone is no point): 1 point.
        #expect(Self.forecast(start: 0, target: 200, [], asOf: 30) == .none(.tooFewPoints(points: 1)))
        // (0, 0), (10, 10), (20, 30): x̄ = 10, ȳ = 40/3; Sxx = 100 + 0 + 100 = 200;
        // Sxy = (−10)(−40/3) + 0 + 10 × 50/3 = 400/3 + 500/3 = 300; slope = 1.5;
        // intercept = 40/3 − 1.5 × 10 = −5/3; value at 100 = −5/3 + 150 = 148.333…; progress 0.741666…
        // fitted −5/3, 40/3, 85/3; residuals 5/3, −10/3, 5/3; Σr² = 150/9; s = √(150/9 / 1) = 4.0824829…
        let f = try #require(Self.forecast(start: 0, target: 200, [(10, 10), (20, 30)], asOf: 30).forecast)
        #expect(f.line?.points == 3)
        #expect(Self.close(f.line?.slope, 1.5))
        #expect(Self.close(f.line?.intercept, -5.0 / 3))
        #expect(Self.close(f.value, 445.0 / 3))
        #expect(Self.close(f.progress, 445.0 / 600))
        #expect(Self.close(f.line?.residualDeviation, (150.0 / 9).squareRoot()))
    }

    @Test func twentyPercentThreshold() throws {
        // 100 days: expected on day 19 is 0.19, on day 20 exactly 0.2.
        let from = Self.day0.adding(days: 20)
        #expect(Forecast.firstDay(of: Self.period) == from)
        #expect(Self.forecast(start: 0, target: 200, [(5, 6), (10, 12)], asOf: 19) == .none(.tooEarly(from: from)))
        #expect(Self.forecast(start: 0, target: 200, [(5, 6), (10, 12)], asOf: 20).forecast != nil)
        // Before the period starts: too early too.
        #expect(Self.forecast(start: 0, target: 200, [], asOf: -3) == .none(.tooEarly(from: from)))
        // 2026-Q4, 91 days: 0.2 × 91 = 18.2, so day 19 (2026-10-20; 19/91 = 0.2088) is the first, day 18
        // (18/91 = 0.1978) is not.
        let q4 = Period(
            id: "q4", start: Day(iso: "2026-10-01")!, end: Day(iso: "2026-12-31")!, location: SourceLocation(path: "y"))
        #expect(Forecast.firstDay(of: q4) == Day(iso: "2026-10-20")!)
        // 35 days: 7/35 is 0.2 in binary floating point too; day 7 counts.
        let p35 = Period(
            id: "p", start: Self.day0, end: Self.day0.adding(days: 35), location: SourceLocation(path: "y"))
        #expect(Forecast.firstDay(of: p35) == Self.day0.adding(days: 7))
        // A one-day period: from its day.
        let one = Period(id: "p", start: Self.day0, end: Self.day0, location: SourceLocation(path: "y"))
        #expect(Forecast.firstDay(of: one) == Self.day0)
    }

    @Test func clampedAboveOneAndBelowZero() throws {
        // The fit table toward 80: value 105 → 1.3125 → 1; the band 85.58…124.42 → 1…1.
        let above = try #require(Self.forecast(start: 0, target: 80, Self.fitPoints, asOf: 30).forecast)
        #expect(above.progress == 1 && above.low == 1 && above.high == 1)
        #expect(Self.close(above.value, 105))  // the value itself is not clamped
        // 50 → 100 but falling: (0, 50), (10, 40), (20, 30) is exact with slope −1: value at 100 = −50,
        // progress (−50 − 50) / 50 = −2 → 0; s = 0, so low = high = 0.
        let below = try #require(Self.forecast(start: 50, target: 100, [(10, 40), (20, 30)], asOf: 30).forecast)
        #expect(below.progress == 0 && below.low == 0 && below.high == 0)
        #expect(Self.close(below.value, -50))
        #expect(Self.close(below.line?.residualDeviation, 0, 1e-12))
    }

    @Test func decreasingMetricOrdersTheBand() throws {
        // The fit table mirrored: y' = 100 − y, start 100, target −100 (decreasing).
        // slope −1.05, intercept 100, value at 100 = −5; progress (−5 − 100) / (−200) = 0.525;
        // value + half → (−5 + half − 100) / (−200) = 0.427924…: the LOW end; value − half → 0.622076…:
        // the high end.
        let f = try #require(
            Self.forecast(start: 100, target: -100, [(10, 88), (20, 82), (30, 67)], asOf: 30).forecast)
        #expect(Self.close(f.value, -5))
        #expect(Self.close(f.line?.slope, -1.05))
        #expect(Self.close(f.progress, 0.525))
        #expect(Self.close(f.low, (105 - Self.half) / 200))
        #expect(Self.close(f.high, (105 + Self.half) / 200))
        #expect(f.low < f.progress && f.progress < f.high)
    }

    @Test func checkinsAfterTheAsOfDateAreIgnored() throws {
        // Day 40 is after the as-of day 30: the same forecast as the fit table.
        let f = try #require(
            Self.forecast(start: 0, target: 200, Self.fitPoints + [(40, 1000)], asOf: 30).forecast)
        #expect(f.line?.points == 4)
        #expect(Self.close(f.value, 105))
        // At day 25 the check-in of day 30 is not known yet: 3 points.
        #expect(Self.forecast(start: 0, target: 200, Self.fitPoints, asOf: 25).forecast?.line?.points == 3)
        // Known check-ins up to day 24: start and day 10 only.
        #expect(
            Self.forecast(start: 0, target: 200, [(10, 12), (25, 18), (30, 33)], asOf: 24)
                == .none(.tooFewPoints(points: 2)))
    }

    @Test func checkinsOutsideThePeriodAndWithoutValueAreIgnored() throws {
        var points = Self.checkins(Self.fitPoints)
        points.append(CheckIn(date: Self.day0.adding(days: -5), value: 999))  // before the start
        points.append(CheckIn(date: Self.day0.adding(days: 12), confidence: 0.5))  // no value
        let f = try #require(
            Forecast.metric(
                start: 0, target: 200, period: Self.period, checkins: points, asOf: Self.day0.adding(days: 30)
            ).forecast)
        #expect(f.line?.points == 4)
        #expect(Self.close(f.value, 105))
        // The order of the check-ins does not matter.
        let reversed = Forecast.metric(
            start: 0, target: 200, period: Self.period, checkins: points.reversed(), asOf: Self.day0.adding(days: 30))
        #expect(Self.close(reversed.forecast?.value, 105))
    }

    @Test func samePointsOnOneDay() {
        // Start (0, 0) and two check-ins on day 0: three points, one x.
        #expect(Self.forecast(start: 0, target: 200, [(0, 5), (0, 7)], asOf: 30) == .none(.sameDay))
        // Two check-ins on the same later day do make a line: (0, 0), (10, 10), (10, 20): slope 1.5.
        #expect(
            Self.close(Self.forecast(start: 0, target: 200, [(10, 10), (10, 20)], asOf: 30).forecast?.line?.slope, 1.5))
    }

    @Test func reasonsInOrder() {
        #expect(Self.forecast(start: 0, target: 200, Self.fitPoints, asOf: 30, period: nil) == .none(.noPeriod))
        #expect(Self.forecast(start: 0, target: 200, Self.fitPoints, asOf: 101) == .none(.periodClosed))
        #expect(Self.forecast(start: 0, target: 200, Self.fitPoints, asOf: 100).forecast != nil)  // last day
        #expect(Self.forecast(start: nil, target: 200, Self.fitPoints, asOf: 30) == .none(.notMeasurable))
        #expect(Self.forecast(start: 0, target: nil, Self.fitPoints, asOf: 30) == .none(.notMeasurable))
        #expect(Self.forecast(start: 5, target: 5, Self.fitPoints, asOf: 30) == .none(.notMeasurable))
    }

    @Test func hugeAndTinyNumbers() throws {
        // An exact line from −1.7e308 (day 0) through −0.85e308 (day 25) and 0 (day 50): 1.7e308 on day 100,
        // progress 1 toward 1.7e308. The plain sums would overflow.
        let f = try #require(
            Self.forecast(start: -1.7e308, target: 1.7e308, [(25, -0.85e308), (50, 0)], asOf: 50).forecast)
        #expect(Self.close(f.value, 1.7e308))
        #expect(Self.close(f.progress, 1))
        #expect(f.line.map { $0.slope.isFinite && $0.intercept.isFinite && $0.residualDeviation.isFinite } == true)
        // 0 → 1e308 in 10 days goes past the largest number by day 100: no forecast rather than infinity.
        #expect(
            Self.forecast(start: 0, target: 1.7e308, [(10, 1e308), (20, 1.7e308)], asOf: 20) == .none(.outOfRange))
        // Tiny: (0, 0), (10, 1e-301), (20, 2e-301) is exact with slope 1e-302: 1e-300 at day 100, half of 2e-300.
        let tiny = try #require(
            Self.forecast(start: 0, target: 2e-300, [(10, 1e-301), (20, 2e-301)], asOf: 20).forecast)
        #expect(Self.close(tiny.progress, 0.5))
        #expect(Self.close(tiny.value.map { $0 / 1e-300 }, 1))
    }

    @Test func extremeNumbersGiveFiniteFiguresOrNone() {
        let values: [Double] = [
            -1.7976931348623157e308, -1e300, -1, 0, 5e-324, 2.2250738585072014e-308, 1, 1e300, 1.7976931348623157e308,
        ]
        var forecasts = 0
        for start in values {
            for target in values {
                for a in values {
                    for b in values {
                        let outcome = Self.forecast(
                            start: start, target: target, [(10, a), (20, b), (20, a)], asOf: 30)
                        guard let f = outcome.forecast, let line = f.line else { continue }
                        forecasts += 1
                        let figures = [
                            f.value ?? .nan, f.progress, f.low, f.high, line.slope, line.intercept,
                            line.residualDeviation,
                        ]
                        #expect(figures.allSatisfy { $0.isFinite }, "\(start) \(target) \(a) \(b)")
                        #expect(0 <= f.low && f.low <= f.progress && f.progress <= f.high && f.high <= 1)
                    }
                }
            }
        }
        #expect(forecasts > 100)
    }

    @Test func meanOfForecasts() throws {
        let end = Self.period.end
        let a = Forecast(value: 1, progress: 0.2, low: 0.1, high: 0.3, end: end)
        let b = Forecast(value: 2, progress: 0.6, low: 0.5, high: 0.9, end: end)
        // Plain mean: (0.2 + 0.6) / 2 = 0.4, low (0.1 + 0.5) / 2 = 0.3, high (0.3 + 0.9) / 2 = 0.6.
        let m = try #require(Forecast.mean([a, b], end: end))
        #expect(Self.close(m.progress, 0.4) && Self.close(m.low, 0.3) && Self.close(m.high, 0.6))
        #expect(m.value == nil && m.line == nil)
        // Weights 3 and 1: (3 × 0.2 + 0.6) / 4 = 0.3, low (0.3 + 0.5) / 4 = 0.2, high (0.9 + 0.9) / 4 = 0.45.
        let w = try #require(Forecast.mean([a, b], weights: [3, 1], end: end))
        #expect(Self.close(w.progress, 0.3) && Self.close(w.low, 0.2) && Self.close(w.high, 0.45))
        #expect(Forecast.mean([], end: end) == nil)
    }
}
