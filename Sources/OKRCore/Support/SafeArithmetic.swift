/// Arithmetic that stays finite for every finite input and conversions that never trap.
///
/// Content may hold any finite Double, from 5e-324 to ±1.8e308. Written the obvious way, a range of
/// −1.7e308…1.7e308 overflows to infinity (`target − start`), two weights of 1.7e308 sum to infinity,
/// and `Int(x)` of a huge or non-finite value stops the process. These helpers are the one place where
/// that is handled; the rest of the code base calls them instead of dividing differences or converting
/// by hand.
extension Int {
    /// `x` rounded by `rule` and clamped to `Int.min…Int.max`; NaN becomes 0. Unlike `Int(x)` it never
    /// traps, so it is the conversion for any Double that comes, however indirectly, from content.
    public init(saturating x: Double, rounding rule: FloatingPointRoundingRule = .towardZero) {
        let r = x.rounded(rule)
        if r != r {
            self = 0
        } else if r >= 9_223_372_036_854_775_807.0 {  // 2^63, the first Double above Int.max
            self = .max
        } else if r <= -9_223_372_036_854_775_808.0 {
            self = .min
        } else {
            self = Int(r)
        }
    }

    /// `x` rounded to the nearest whole number (halves away from zero, as `x.rounded()`) and clamped:
    /// the checked form of `Int(x.rounded())`.
    public init(rounding x: Double) {
        self.init(saturating: x, rounding: .toNearestOrAwayFromZero)
    }
}

extension Progress {
    /// Where `value` lies on the way from `start` to `end`: (value − start) / (end − start); 0 when
    /// `start = end`. Never NaN for finite arguments, and finite unless the range is tiny and `value`
    /// far outside it (callers clamp). Where a difference would overflow, all three are halved first,
    /// which loses nothing at that size.
    public static func fraction(_ value: Double, from start: Double, to end: Double) -> Double {
        guard start != end else { return 0 }
        let span = end - start
        let offset = value - start
        if span.isFinite && offset.isFinite { return offset / span }
        return (value / 2 - start / 2) / (end / 2 - start / 2)
    }

    /// The value a share `t` of the way from `a` to `b`: a + (b − a)·t, without the overflow of
    /// b − a for a huge range. Finite for finite arguments and `t` in [0, 1].
    public static func interpolate(_ a: Double, _ b: Double, _ t: Double) -> Double {
        let span = b - a
        if span.isFinite { return a + span * t }
        return a * (1 - t) + b * t
    }
}
