extension Forecast {
    /// The share of the period that must have passed for a forecast: 20 %.
    public static let minimumElapsed = 0.2
    /// The fewest points a forecast is fitted to, the start point included: 3, so that the residual
    /// standard deviation (divided by n − 2) exists.
    public static let minimumPoints = 3

    /// A metric key result's forecast at `asOf`, or why there is none: the spec's "Forecast (open
    /// periods)".
    ///
    /// The points are (period start, `start`) and every check-in of `checkins` with a value, dated on or
    /// after the period's start, on or before its end and on or before `asOf`; x is the day (days since
    /// the period's start), y the value. A `current:` without a check-in is no point. The line is the
    /// least-squares fit through them; the forecast value is the line at the period's end, its progress
    /// ``Progress/metric(start:target:current:)`` of that value (clamped to [0, 1]). The band is the
    /// value ∓ the 80 % prediction interval's half width there, t · s · √(1 + 1/n + (x − x̄)² / Σ(x − x̄)²)
    /// with s = √(Σ residual² / (n − 2)) and t Student's for n − 2 degrees of freedom
    /// (``ForecastLine/bandHalfWidth(at:)``), turned into progress and ordered so that
    /// `low ≤ progress ≤ high` (a decreasing metric swaps the ends), clamped. The back-test chose it:
    /// ± s alone held 2 of the demo's 17 final results of Q3 (docs/forecast.md).
    ///
    /// The reasons for no forecast, in the order they are checked: ``NoForecastReason/noPeriod``
    /// (`period` is `nil`), ``NoForecastReason/periodClosed`` (`asOf` after the period's end),
    /// ``NoForecastReason/notMeasurable`` (no `start` or `target`, or both equal),
    /// ``NoForecastReason/tooEarly(from:)`` (expected progress below 0.2), ``NoForecastReason/tooFewPoints(points:)``
    /// (fewer than 3 points), ``NoForecastReason/sameDay`` (every point on the period's first day) and
    /// ``NoForecastReason/outOfRange`` (a figure of the fit would not be finite).
    ///
    /// The sums are centred (on the mean day and mean value) and the values scaled by a power of two
    /// near the largest of them, `start` and `target` (exact: it moves only the exponent), so values up
    /// to ±1.8e308 neither overflow nor lose the fit's digits; nothing returned is NaN or infinite.
    ///
    /// - Parameters:
    ///   - start: the key result's `start`.
    ///   - target: its `target`.
    ///   - period: its objective's period.
    ///   - checkins: its check-ins, in any order; those that are no point are skipped.
    ///   - asOf: the day the forecast is made on.
    public static func metric(
        start: Double?, target: Double?, period: Period?, checkins: some Collection<CheckIn>, asOf: Day
    ) -> ForecastOutcome {
        guard let period else { return .none(.noPeriod) }
        if period.isClosed(asOf: asOf) { return .none(.periodClosed) }
        guard let start, let target, start.isFinite, target.isFinite, start != target else {
            return .none(.notMeasurable)
        }
        if period.expected(asOf: asOf) < minimumElapsed - Progress.epsilon {
            return .none(.tooEarly(from: firstDay(of: period)))
        }
        let last = min(period.end, asOf)
        func point(_ c: CheckIn) -> Double? {
            guard c.date >= period.start && c.date <= last, let v = c.value, v.isFinite else { return nil }
            return v
        }

        // Pass 1: how many points, their largest magnitude, the sum of their days.
        var n = 1
        var largest = max(abs(start), abs(target))
        var sumX = 0.0
        for c in checkins {
            guard let v = point(c) else { continue }
            n += 1
            largest = max(largest, abs(v))
            sumX += Double(period.start.days(to: c.date))
        }
        guard n >= minimumPoints else { return .none(.tooFewPoints(points: n)) }
        // 2^e ≤ largest < 2^(e+1): every scaled value u = y / scale lies in (−2, 2).
        let scale = Double(sign: .plus, exponent: largest.exponent, significand: 1)
        let count = Double(n)
        let meanX = sumX / count
        var sumU = start / scale
        for c in checkins { if let v = point(c) { sumU += v / scale } }
        let meanU = sumU / count

        // Pass 2: the centred sums Sxx = Σ(x − x̄)², Sxu = Σ(x − x̄)(u − ū).
        var sxx = meanX * meanX  // the start point: x = 0
        var sxu = (0 - meanX) * (start / scale - meanU)
        for c in checkins {
            guard let v = point(c) else { continue }
            let dx = Double(period.start.days(to: c.date)) - meanX
            sxx += dx * dx
            sxu += dx * (v / scale - meanU)
        }
        guard sxx > 0 else { return .none(.sameDay) }
        let slopeU = sxu / sxx

        // Pass 3: the residuals about the line u = ū + slope·(x − x̄).
        func residual(_ x: Double, _ u: Double) -> Double { u - (meanU + slopeU * (x - meanX)) }
        var squares = residual(0, start / scale) * residual(0, start / scale)
        for c in checkins {
            guard let v = point(c) else { continue }
            let r = residual(Double(period.start.days(to: c.date)), v / scale)
            squares += r * r
        }
        let deviationU = (squares / Double(n - 2)).squareRoot()
        let endX = Double(period.start.days(to: period.end))
        let endU = meanU + slopeU * (endX - meanX)
        let multiplier = studentT80(degreesOfFreedom: n - 2)
        let halfU =
            multiplier * deviationU * ForecastLine.widening(points: n, dx: endX - meanX, daySpread: sxx)

        let value = endU * scale
        let slope = slopeU * scale
        let intercept = (meanU - slopeU * meanX) * scale
        let deviation = deviationU * scale
        guard value.isFinite, slope.isFinite, intercept.isFinite, deviation.isFinite, endU.isFinite,
            (halfU * scale).isFinite
        else {
            return .none(.outOfRange)
        }
        // Progress is the same of scaled values (the scale is a power of two), and these stay finite.
        let s = start / scale
        let t = target / scale
        let progress = Progress.metric(start: s, target: t, current: endU)
        let a = Progress.metric(start: s, target: t, current: endU - halfU)
        let b = Progress.metric(start: s, target: t, current: endU + halfU)
        return .forecast(
            Forecast(
                value: value, progress: progress, low: min(a, b, progress), high: max(a, b, progress),
                end: period.end,
                line: ForecastLine(
                    origin: period.start, intercept: intercept, slope: slope, residualDeviation: deviation,
                    points: n, meanDay: meanX, daySpread: sxx, multiplier: multiplier)))
    }

    /// The two-sided 80 % quantile of Student's t distribution (its 90th percentile) for `df` ≥ 1
    /// degrees of freedom, from the printed table: exact for 1–30, 40, 60 and 120; between those and
    /// beyond 120 the value of the next lower row (a band a little wider, never narrower).
    public static func studentT80(degreesOfFreedom df: Int) -> Double {
        let table: [Double] = [
            3.078, 1.886, 1.638, 1.533, 1.476, 1.440, 1.415, 1.397, 1.383, 1.372,
            1.363, 1.356, 1.350, 1.345, 1.341, 1.337, 1.333, 1.330, 1.328, 1.325,
            1.323, 1.321, 1.319, 1.318, 1.316, 1.315, 1.314, 1.313, 1.311, 1.310,
        ]
        if df <= 1 { return table[0] }
        if df <= 30 { return table[df - 1] }
        if df < 40 { return 1.310 }
        if df < 60 { return 1.303 }
        if df < 120 { return 1.296 }
        return 1.289
    }

    /// The first day of `period` on which at least 20 % of it has passed (``Period/expected(asOf:)`` ≥
    /// 0.2, within ``Progress/epsilon``): the day a forecast is made from.
    public static func firstDay(of period: Period) -> Day {
        func reached(_ k: Int) -> Bool {
            period.expected(asOf: period.start.adding(days: k)) >= minimumElapsed - Progress.epsilon
        }
        let length = max(0, period.start.days(to: period.end))
        var k = Int(saturating: minimumElapsed * Double(length), rounding: .up)
        while k > 0 && reached(k - 1) { k -= 1 }
        while k < length && !reached(k) { k += 1 }
        return period.start.adding(days: k)
    }

    /// The mean of `forecasts` (a `children` key result's), or the weighted mean with `weights` (an
    /// objective's, weights as for progress, see ``Progress/weightedMean(_:)``): progress, low and high
    /// each averaged; no value and no line. `nil` for no forecasts.
    public static func mean(_ forecasts: [Forecast], weights: [Double]? = nil, end: Day) -> Forecast? {
        guard !forecasts.isEmpty else { return nil }
        let w = weights ?? Array(repeating: 1, count: forecasts.count)
        func average(_ part: (Forecast) -> Double) -> Double {
            Progress.weightedMean(zip(forecasts, w).map { (progress: part($0), weight: $1) })
        }
        let progress = average(\.progress)
        return Forecast(
            progress: progress, low: min(average(\.low), progress), high: max(average(\.high), progress), end: end)
    }
}
