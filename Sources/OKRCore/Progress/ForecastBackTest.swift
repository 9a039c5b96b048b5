/// How well forecasts made at the middle of a closed period met what happened: every metric key result
/// of the period's published objectives, forecast with the as-of date set to the middle day (only
/// check-ins up to it known), against its final progress (its progress at the organisation's as-of
/// date). See ``Organisation/backTest(period:)``.
public struct ForecastBackTest: Sendable, Hashable {
    /// A key result that had a forecast at the middle day.
    public struct Row: Sendable, Hashable {
        /// The objective.
        public var objective: ObjectiveIndex
        /// The key result within it.
        public var keyResult: KeyResultIndex
        /// The forecast made on the middle day.
        public var forecast: Forecast
        /// The key result's progress at the organisation's as-of date, after the period's end.
        public var final: Double

        /// Creates a row.
        public init(objective: ObjectiveIndex, keyResult: KeyResultIndex, forecast: Forecast, final: Double) {
            self.objective = objective
            self.keyResult = keyResult
            self.forecast = forecast
            self.final = final
        }

        /// |forecast progress − final progress|, in progress (0…1).
        public var error: Double { abs(forecast.progress - final) }

        /// Whether the final progress lies in the band: low − ε ≤ final ≤ high + ε
        /// (ε = ``Progress/epsilon``).
        public var isInsideBand: Bool {
            forecast.low - Progress.epsilon <= final && final <= forecast.high + Progress.epsilon
        }
    }

    /// A key result that had no forecast at the middle day, and why.
    public struct Miss: Sendable, Hashable {
        /// The objective.
        public var objective: ObjectiveIndex
        /// The key result within it.
        public var keyResult: KeyResultIndex
        /// Why there was no forecast on the middle day.
        public var reason: NoForecastReason
    }

    /// An objective that had a forecast at the middle day (all its key results had one).
    public struct ObjectiveRow: Sendable, Hashable {
        /// The objective.
        public var objective: ObjectiveIndex
        /// Its forecast made on the middle day (the weighted mean of its key results').
        public var forecast: Forecast
        /// Its progress at the organisation's as-of date.
        public var final: Double

        /// |forecast progress − final progress|.
        public var error: Double { abs(forecast.progress - final) }

        /// Whether the final progress lies in the band (within ``Progress/epsilon``).
        public var isInsideBand: Bool {
            forecast.low - Progress.epsilon <= final && final <= forecast.high + Progress.epsilon
        }
    }

    /// The published objectives of the period with a forecast on the middle day, in path order.
    public var objectiveRows: [ObjectiveRow] = []
    /// How many published objectives of the period had none (a milestone among their key results, …).
    public var objectivesWithout = 0

    /// The objectives' mean absolute error; `nil` without objective forecasts.
    public var objectiveMeanAbsoluteError: Double? {
        guard !objectiveRows.isEmpty else { return nil }
        return objectiveRows.reduce(0.0) { $0 + $1.error } / Double(objectiveRows.count)
    }

    /// How many objectives ended inside their band.
    public var objectivesInsideBand: Int { objectiveRows.reduce(0) { $0 + ($1.isInsideBand ? 1 : 0) } }

    /// The period tested.
    public var period: PeriodIndex
    /// The day the forecasts were made on: the period's start + ⌊length / 2⌋ days, length being the
    /// days from its first to its last day.
    public var middle: Day
    /// The key results with a forecast, by objective (path order), then key result (file order).
    public var rows: [Row]
    /// The metric key results without a forecast on the middle day, in the same order.
    public var misses: [Miss]

    /// How many metric key results had a forecast at the middle day.
    public var forecastCount: Int { rows.count }

    /// How many metric key results had none.
    public var missingCount: Int { misses.count }

    /// The mean absolute error of the forecast progress against the final progress (0…1); `nil`
    /// without forecasts.
    public var meanAbsoluteError: Double? {
        guard !rows.isEmpty else { return nil }
        return rows.reduce(0.0) { $0 + $1.error } / Double(rows.count)
    }

    /// How many key results ended inside their band (``Row/isInsideBand``).
    public var insideBand: Int { rows.reduce(0) { $0 + ($1.isInsideBand ? 1 : 0) } }
}

extension Organisation {
    /// The middle day of `period` for a back-test: start + ⌊(days from start to end) / 2⌋.
    public func middleDay(of period: PeriodIndex) -> Day {
        let p = periods[period]
        return p.start.adding(days: max(0, p.start.days(to: p.end)) / 2)
    }

    /// The back-test of a period that is closed at the as-of date (see ``ForecastBackTest``); `nil`
    /// while it is open or yet to come. Only published objectives count, and only their metric key
    /// results; the forecast on the middle day sees only check-ins dated up to that day.
    public func backTest(period: PeriodIndex) -> ForecastBackTest? {
        let p = periods[period]
        guard p.isClosed(asOf: asOf) else { return nil }
        let middle = middleDay(of: period)
        // Every figure as known on the middle day, with forecasts: the metric key results' (from the
        // check-ins up to that day) and the objectives' (children key results included).
        let then = states(asOf: middle, forecasts: true)
        var test = ForecastBackTest(period: period, middle: middle, rows: [], misses: [])
        for o in publishedObjectives(inPeriod: period) {
            for (k, kr) in objectives[o].keyResults.indexed() where kr.kind == .metric {
                switch then[o].keyResults[k].forecast {
                case .forecast(let f):
                    test.rows.append(
                        .init(objective: o, keyResult: k, forecast: f, final: states[o].keyResults[k].progress))
                case .none(let reason):
                    test.misses.append(.init(objective: o, keyResult: k, reason: reason))
                }
            }
            if let f = then[o].forecast.forecast {
                test.objectiveRows.append(.init(objective: o, forecast: f, final: states[o].progress))
            } else {
                test.objectivesWithout += 1
            }
        }
        return test
    }
}
