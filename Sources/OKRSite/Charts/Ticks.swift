import OKRCore

/// Axis ticks at steps people read easily: 1, 2, 2.5 or 5 times a power of ten for numbers; weeks,
/// months or quarters for dates.
public enum Ticks {
    /// A range that covers `low…high` with round ends, and ticks inside it (3–7 of them).
    ///
    /// Any finite numbers work: where a round end would lie beyond ±1.8e308 the axis ends at the
    /// largest finite Double instead, and a range wider than that is measured in halves (see
    /// ``Progress/fraction(_:from:to:)``). Ticks are distinct and ascending.
    public static func numbers(low: Double, high: Double, target count: Int = 5) -> (
        low: Double, high: Double, ticks: [Double]
    ) {
        let largest = Double.greatestFiniteMagnitude
        var lo = finite(min(low, high))
        var hi = finite(max(low, high))
        if hi - lo < 1e-9 {
            let pad = max(abs(hi) * 0.1, 1)
            lo = max(lo - pad, -largest)
            hi = min(hi + pad, largest)
        }
        let parts = Double(max(count - 1, 1))
        // hi − lo overflows for a range wider than 1.8e308; the quotients do not.
        let rough = finite((hi - lo).isFinite ? (hi - lo) / parts : hi / parts - lo / parts)
        let magnitude = pow10(floor(log10(rough)))
        let step = finite(
            [1.0, 2.0, 2.5, 5.0, 10.0].map { $0 * magnitude }.first { $0 >= rough * 0.999 } ?? 10 * magnitude)
        var below = (lo / step).rounded(.down)
        var above = (hi / step).rounded(.up)
        // A quotient that underflows (1e-144 / 2.5e297) rounds to 0, short of the value.
        if below * step > lo { below -= 1 }
        if above * step < hi { above += 1 }
        // A round end beyond the largest Double: the axis ends there, the ticks at the last round
        // number inside.
        let first = max(below * step, -largest)
        let last = min(above * step, largest)
        var ticks: [Double] = []
        var v = (below * step).isFinite ? below * step : (below + 1) * step
        for _ in 0..<50 {
            guard v.isFinite, v <= last + step * 1e-6 else { break }
            let tick = abs(v) < step * 1e-9 ? 0 : v
            // A step below the numbers' spacing (1e20 + 5,000) gives the same value again.
            if ticks.last.map({ tick > $0 }) ?? true { ticks.append(tick) }
            v += step
        }
        return (first, last, ticks)
    }

    /// `x`, with infinities as the largest finite numbers and NaN as 0 (content holds finite numbers;
    /// this keeps a drawing finite whatever it is given).
    static func finite(_ x: Double) -> Double {
        guard x == x else { return 0 }
        return min(max(x, -Double.greatestFiniteMagnitude), Double.greatestFiniteMagnitude)
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

    /// 10^e for a whole `e`, by repeated multiplication (exact where `pow` is not); ±330 at most, the
    /// exponents a finite Double has.
    static func pow10(_ e: Double) -> Double {
        let n = Swift.min(Swift.max(Int(saturating: e), -330), 330)
        var r = 1.0
        if n >= 0 { for _ in 0..<n { r *= 10 } } else { for _ in 0..<(-n) { r /= 10 } }
        return r
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
