/// Where a key result or objective lands at the end of its period at the pace so far: the spec's
/// "Forecast (open periods)".
///
/// A metric's forecast comes from a least-squares straight line through (period start, `start`) and
/// every check-in known at the as-of date inside the period, x = day, y = value (see ``ForecastLine``).
/// The band is the line's 80 % prediction interval at the period's end (see ``ForecastLine``).
/// A `children` key result's forecast is the mean of its supporters'; an objective's is the weighted
/// mean of its key results'. Both carry no value (``value`` is `nil`), only progress.
public struct Forecast: Sendable, Hashable {
    /// A metric's forecast value at the period's end (the line's value there), `nil` for children
    /// key results and objectives.
    public var value: Double?
    /// The forecast progress at the period's end, clamped to [0, 1].
    public var progress: Double
    /// The lower end of the band as progress, clamped to [0, 1]; `low ≤ progress ≤ high`.
    public var low: Double
    /// The upper end of the band as progress, clamped to [0, 1].
    public var high: Double
    /// The last day of the period the forecast is for.
    public var end: Day
    /// A metric's fitted line (for charts), `nil` for children key results and objectives.
    public var line: ForecastLine?

    /// Creates a forecast.
    public init(
        value: Double? = nil, progress: Double, low: Double, high: Double, end: Day, line: ForecastLine? = nil
    ) {
        self.value = value
        self.progress = progress
        self.low = low
        self.high = high
        self.end = end
        self.line = line
    }

    /// How far the forecast stays below `threshold` (an objective type's expected score: 0.7 or 1.0);
    /// 0 or less when it reaches it.
    public func gap(to threshold: Double) -> Double { threshold - progress }

    /// Whether the forecast ends below `threshold` (beyond ``Progress/epsilon``).
    public func misses(_ threshold: Double) -> Bool { progress < threshold - Progress.epsilon }
}

/// The least-squares line of a metric's forecast: value = intercept + slope × (day − origin), and
/// its band: an 80 % prediction interval that widens the further the line runs past its points.
public struct ForecastLine: Sendable, Hashable {
    /// Day 0 of the fit: the period's first day.
    public var origin: Day
    /// The fitted value at `origin`.
    public var intercept: Double
    /// The fitted change per day.
    public var slope: Double
    /// The residual standard deviation s = √(Σ residual² / (n − 2)), in the metric's unit.
    public var residualDeviation: Double
    /// How many points the line was fitted to (the start point included).
    public var points: Int
    /// The mean day of the points (days since `origin`).
    public var meanDay: Double
    /// Σ (day − mean day)² over the points, > 0.
    public var daySpread: Double
    /// The two-sided 80 % quantile of Student's t with n − 2 degrees of freedom (see
    /// ``Forecast/studentT80(degreesOfFreedom:)``).
    public var multiplier: Double

    /// Creates a line.
    public init(
        origin: Day, intercept: Double, slope: Double, residualDeviation: Double, points: Int, meanDay: Double,
        daySpread: Double, multiplier: Double
    ) {
        self.origin = origin
        self.intercept = intercept
        self.slope = slope
        self.residualDeviation = residualDeviation
        self.points = points
        self.meanDay = meanDay
        self.daySpread = daySpread
        self.multiplier = multiplier
    }

    /// The line's value on `day`.
    public func value(at day: Day) -> Double { intercept + slope * Double(origin.days(to: day)) }

    /// The band's half width on `day`, in the metric's unit: the 80 % prediction interval of one new
    /// reading there, t · s · √(1 + 1/n + (x − x̄)² / Σ(x − x̄)²). Narrowest at the points' mean day,
    /// wider the further the line is carried beyond them.
    public func bandHalfWidth(at day: Day) -> Double {
        let dx = Double(origin.days(to: day)) - meanDay
        return multiplier * residualDeviation * Self.widening(points: points, dx: dx, daySpread: daySpread)
    }

    /// √(1 + 1/n + dx² / Σ(x − x̄)²): how much wider than t · s the band is `dx` days from the mean day.
    static func widening(points: Int, dx: Double, daySpread: Double) -> Double {
        (1 + 1 / Double(points) + dx * dx / daySpread).squareRoot()
    }
}

/// Why there is no forecast: what pages say after "no forecast yet".
public enum NoForecastReason: Sendable, Hashable {
    /// Milestones are done or not; they have no pace.
    case milestone
    /// The period is over at the as-of date: it has grades, not forecasts.
    case periodClosed
    /// The objective's period is unknown (an error reported elsewhere).
    case noPeriod
    /// A metric without `start` or `target` (only drafts; rule OKR003 reports it).
    case notMeasurable
    /// Less than 20 % of the period has passed; there is a forecast from `from` on.
    case tooEarly(from: Day)
    /// Fewer than 3 points: `points` counts the start point and the check-ins known inside the period.
    case tooFewPoints(points: Int)
    /// Every point lies on one day, so no line can be fitted.
    case sameDay
    /// The fitted line leaves the range of numbers (values near ±1.8e308): its value at the period's
    /// end, its slope or its band would not be finite.
    case outOfRange
    /// A `children` key result: `missing` of its `of` supporters have no forecast.
    case supportersWithout(missing: Int, of: Int)
    /// A `children` key result no published objective supports.
    case noSupporters
    /// An objective: `missing` of its `of` key results have no forecast.
    case keyResultsWithout(missing: Int, of: Int)
}

/// A forecast, or why there is none.
public enum ForecastOutcome: Sendable, Hashable {
    /// There is a forecast.
    case forecast(Forecast)
    /// There is none, for this reason.
    case none(NoForecastReason)

    /// The forecast, if there is one.
    public var forecast: Forecast? {
        if case .forecast(let f) = self { return f }
        return nil
    }

    /// Why there is none, if there is none.
    public var reason: NoForecastReason? {
        if case .none(let r) = self { return r }
        return nil
    }
}
