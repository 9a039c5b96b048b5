/// A day and a progress value, one point of a burn-up.
public struct ProgressPoint: Sendable, Hashable {
    /// The day.
    public var day: Day
    /// Progress 0…1 on that day.
    public var progress: Double

    /// Creates a point.
    public init(day: Day, progress: Double) {
        self.day = day
        self.progress = progress
    }
}

/// Objective progress over time, derived from key results' check-ins, for burn-up charts.
///
/// Every objective of a period is sampled on the same weekly grid — the period's first day and every
/// seventh day after it, up to the as-of date — plus a last point on the as-of date (or the period's
/// last day) that equals the objective's current figures. On a grid day a metric counts with the newest
/// check-in on or before that day (its start before the first); a done milestone counts from its newest
/// check-in (or only at the last point if it has none), or as its newest check-in derived from git
/// history on or before that day says (1 done, 0 open); a `children` key result is the mean of its
/// contributors' progress on that day, computed contributors first.
public enum ProgressHistory {
    /// The weekly grid of a period up to `asOf` (empty when the period has not started).
    public static func grid(_ period: Period, asOf: Day) -> [Day] {
        let last = min(asOf, period.end)
        guard last >= period.start else { return [] }
        var days: [Day] = []
        var d = period.start
        while d < last {
            days.append(d)
            d = d.adding(days: 7)
        }
        days.append(last)
        return days
    }

    /// The burn-up of every objective (empty for objectives without a known period).
    public static func series(_ org: Organisation) -> IndexedArray<ObjectiveIndex, [ProgressPoint]> {
        var result = IndexedArray<ObjectiveIndex, [ProgressPoint]>(repeating: [], count: org.objectives.count)
        let grids = org.periods.mapIndexed { grid($0, asOf: org.asOf) }
        for o in org.graph.contributorsFirst() {
            guard let p = org.objectivePeriod[o] else { continue }
            let days = grids[p]
            guard !days.isEmpty else { continue }
            let objective = org.objectives[o]
            let state = org.states[o]
            var points: [ProgressPoint] = []
            points.reserveCapacity(days.count)
            for (i, day) in days.enumerated() {
                if i == days.count - 1 {
                    points.append(ProgressPoint(day: day, progress: state.progress))
                    continue
                }
                var parts: [(progress: Double, weight: Double)] = []
                for (k, kr) in objective.keyResults.indexed() {
                    let ks = state.keyResults[k]
                    let value: Double
                    switch kr.kind {
                    case .metric:
                        let v = ks.checkins.last { $0.date <= day && $0.value != nil }?.value ?? kr.start
                        if let s = kr.start, let t = kr.target, let v {
                            value = Progress.metric(start: s, target: t, current: v)
                        } else {
                            value = 0
                        }
                    case .milestone:
                        if let derived = ks.checkins.last(where: { $0.date <= day && $0.value != nil }),
                            let v = derived.value
                        {
                            // From git history: the milestone's state as committed by that day.
                            value = v
                        } else {
                            let doneFrom = ks.checkins.last?.date
                            value = kr.done && doneFrom.map { $0 <= day } == true ? 1 : 0
                        }
                    case .children:
                        let values = ks.contributors.compactMap { c in
                            result[c].indices.contains(i) ? result[c][i].progress : nil
                        }
                        value = values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
                    }
                    parts.append((value, kr.weight))
                }
                points.append(ProgressPoint(day: day, progress: Progress.weightedMean(parts)))
            }
            result[o] = points
        }
        return result
    }
}
