import OKRCore

/// Axis ticks at steps people read easily: 1, 2, 2.5 or 5 times a power of ten for numbers; weeks,
/// months or quarters for dates.
public enum Ticks {
    /// A range that covers `low…high` with round ends, and ticks inside it (3–7 of them).
    public static func numbers(low: Double, high: Double, target count: Int = 5) -> (
        low: Double, high: Double, ticks: [Double]
    ) {
        var lo = min(low, high)
        var hi = max(low, high)
        if hi - lo < 1e-9 {
            let pad = max(abs(hi) * 0.1, 1)
            lo -= pad
            hi += pad
        }
        let rough = (hi - lo) / Double(max(count - 1, 1))
        let magnitude = pow10(floor(log10(rough)))
        let step = [1.0, 2.0, 2.5, 5.0, 10.0].map { $0 * magnitude }.first { $0 >= rough * 0.999 } ?? 10 * magnitude
        let first = (lo / step).rounded(.down) * step
        let last = (hi / step).rounded(.up) * step
        var ticks: [Double] = []
        var v = first
        while v <= last + step * 1e-6 && ticks.count < 50 {
            ticks.append(abs(v) < step * 1e-9 ? 0 : v)
            v += step
        }
        return (first, last, ticks)
    }

    /// Date ticks between `start` and `end`: weekly (Mondays) for up to ~10 weeks, else the first of
    /// every month, else the first of every quarter.
    public static func dates(start: Day, end: Day) -> [Day] {
        let span = start.days(to: end)
        guard span > 0 else { return [start] }
        if span <= 70 {
            var d = start
            while d.weekday != 1 { d = d.adding(days: 1) }
            var result: [Day] = []
            let stride = span <= 35 ? 7 : 14
            while d <= end {
                result.append(d)
                d = d.adding(days: stride)
            }
            return result
        }
        let months = span <= 400 ? 1 : 3
        var (y, m, _) = start.components
        var result: [Day] = []
        if start.components.day != 1 { (y, m) = m == 12 ? (y + 1, 1) : (y, m + 1) }
        while let d = Day(year: y, month: m, day: 1), d <= end {
            if months == 1 || (m - 1) % 3 == 0 { result.append(d) }
            (y, m) = m == 12 ? (y + 1, 1) : (y, m + 1)
        }
        return result
    }

    static func pow10(_ e: Double) -> Double {
        var r = 1.0
        if e >= 0 { for _ in 0..<Int(e) { r *= 10 } } else { for _ in 0..<Int(-e) { r /= 10 } }
        return r
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
