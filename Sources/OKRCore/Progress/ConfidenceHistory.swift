/// The mean confidence of a set of key results over time, for the health page: how sure teams are,
/// week by week.
///
/// Sampled on the same weekly grid as ``ProgressHistory`` (the period's first day, every seventh day
/// after it, and the as-of date or the period's last day). On each day a key result counts with the
/// confidence of its newest check-in on or before that day that states one; key results without one
/// yet do not count, so the mean is over the key results that have said something.
public enum ConfidenceHistory {
    /// One day of the series.
    public struct Point: Sendable, Hashable {
        /// The day.
        public var day: Day
        /// The mean confidence 0…1 of the key results counted.
        public var mean: Double
        /// How many key results the mean covers.
        public var count: Int
    }

    /// The series over the key results of `objectives` (all in period `p`); days on which no key result
    /// has a confidence yet are left out.
    public static func weekly(_ org: Organisation, period p: PeriodIndex, objectives: [ObjectiveIndex]) -> [Point] {
        let days = ProgressHistory.grid(org.periods[p], asOf: org.asOf)
        guard !days.isEmpty else { return [] }
        var sums = [Double](repeating: 0, count: days.count)
        var counts = [Int](repeating: 0, count: days.count)
        for o in objectives {
            for ks in org.states[o].keyResults {
                // Check-ins are sorted by date: walk them once alongside the grid.
                var latest: Double?
                var next = 0
                let checkins = ks.checkins
                for (i, day) in days.enumerated() {
                    while next < checkins.count && checkins[next].date <= day {
                        if let c = checkins[next].confidence { latest = Progress.clamp(c) }
                        next += 1
                    }
                    if let latest {
                        sums[i] += latest
                        counts[i] += 1
                    }
                }
            }
        }
        return days.indices.compactMap { i in
            counts[i] > 0 ? Point(day: days[i], mean: sums[i] / Double(counts[i]), count: counts[i]) : nil
        }
    }
}
