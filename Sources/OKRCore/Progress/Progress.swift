/// The spec's arithmetic: progress, expected progress, status and score, as pure functions.
///
/// Comparisons allow a tolerance of `epsilon` so that values that are equal on paper (0.5 − 0.1 and 0.4)
/// are equal here too; without it binary floating point would move a KR across a status border.
public enum Progress {
    /// The tolerance for comparisons of progress values.
    public static let epsilon = 1e-9

    /// Clamps to [0, 1]; NaN becomes 0.
    public static func clamp(_ x: Double) -> Double {
        guard x == x else { return 0 }
        return min(1, max(0, x))
    }

    /// (current − start) / (target − start), clamped to [0, 1]. Works for decreasing metrics
    /// (target < start) unchanged. Returns 0 when start = target, which is an error reported elsewhere.
    /// Any finite numbers work, −1.7e308…1.7e308 included (see ``fraction(_:from:to:)``).
    public static func metric(start: Double, target: Double, current: Double) -> Double {
        clamp(fraction(current, from: start, to: target))
    }

    /// The share of a period passed at `asOf`, in days: 0 on the first day, 1 on the last, clamped.
    /// A one-day period is 0 before and 1 on or after its day.
    public static func expected(asOf: Day, start: Day, end: Day) -> Double {
        let length = start.days(to: end)
        guard length > 0 else { return asOf >= end ? 1 : 0 }
        return clamp(Double(start.days(to: asOf)) / Double(length))
    }

    /// The status of a `metric` or `children` key result.
    ///
    /// - Parameters:
    ///   - progress: the KR's progress.
    ///   - expected: the period's expected progress at the as-of date.
    ///   - staleDays: for a metric whose period is open at the as-of date and that has check-ins:
    ///     the days from its newest check-in to the as-of date; `nil` otherwise.
    ///   - staleAfterDays: the site's `stale_after_days`.
    public static func status(progress: Double, expected: Double, staleDays: Int?, staleAfterDays: Int) -> Status {
        if progress >= 1 - epsilon { return .done }
        if let staleDays, staleDays > staleAfterDays { return .outdated }
        if progress >= expected - 0.1 - epsilon { return .onTrack }
        if progress >= expected - 0.25 - epsilon { return .atRisk }
        return .offTrack
    }

    /// Whether a metric is outdated by the spec's condition, whatever status a worse reading or an
    /// owner's call shows: not done (progress < 1), and its newest check-in more than `staleAfterDays`
    /// before the as-of date (`staleDays` as for ``status(progress:expected:staleDays:staleAfterDays:)``:
    /// `nil` outside an open period or without check-ins).
    public static func isStale(progress: Double, staleDays: Int?, staleAfterDays: Int) -> Bool {
        guard let staleDays else { return false }
        return progress < 1 - epsilon && staleDays > staleAfterDays
    }

    /// The status of a milestone: done when done; else off-track once `asOf` is past `due`, on-track before.
    public static func milestoneStatus(done: Bool, due: Day, asOf: Day) -> Status {
        if done { return .done }
        return asOf > due ? .offTrack : .onTrack
    }

    /// An objective's status: its weakest key result's.
    public static func objectiveStatus(_ keyResults: some Sequence<Status>) -> Status {
        keyResults.min() ?? .offTrack
    }

    /// The weighted mean of `(progress, weight)` pairs; 0 when no weight is positive.
    ///
    /// The weights are scaled by the largest first, so any positive finite weights work: two of
    /// 1.7e308 would sum to infinity, and weights of 5e-324 lose their digits in a product. Only the
    /// ratios count.
    public static func weightedMean(_ parts: some Collection<(progress: Double, weight: Double)>) -> Double {
        var largest = 0.0
        for (_, w) in parts where w > largest && w.isFinite { largest = w }
        guard largest > 0 else { return 0 }
        var sum = 0.0
        var weights = 0.0
        for (p, w) in parts where w > 0 && w.isFinite {
            let scaled = w / largest
            sum += clamp(p) * scaled
            weights += scaled
        }
        return clamp(sum / weights)
    }

    /// Rounds half-up to one decimal: 0.35 → 0.4, 0.349 → 0.3.
    public static func roundScore(_ x: Double) -> Double {
        (x * 10 + 0.5 + epsilon).rounded(.down) / 10
    }

    /// The score at `asOf`: `nil` until the period is over, then the hand-set score or the rounded progress.
    public static func score(progress: Double, manual: Double?, periodEnd: Day?, asOf: Day) -> Double? {
        guard let end = periodEnd, asOf > end else { return nil }
        return manual ?? roundScore(progress)
    }
}

/// The traffic-light band of a score: 0.0–0.3 red, 0.4–0.6 yellow, 0.7–1.0 green.
public enum ScoreBand: String, Sendable, Hashable, CaseIterable {
    /// 0.0–0.3: missed.
    case red
    /// 0.4–0.6: progress, not success.
    case yellow
    /// 0.7–1.0: delivered.
    case green

    /// The band of a score (hand-set scores between the steps are rounded to one decimal first).
    public init(score: Double) {
        let s = Progress.roundScore(score)
        if s < 0.4 - Progress.epsilon {
            self = .red
        } else if s < 0.7 - Progress.epsilon {
            self = .yellow
        } else {
            self = .green
        }
    }
}
