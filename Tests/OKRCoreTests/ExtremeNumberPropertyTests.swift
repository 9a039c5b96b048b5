import PropertyBased
import Testing

@testable import OKRCore

/// The arithmetic over the whole range of Double: subnormals, ±1.8e308, ranges wider than the largest
/// Double, weights from 5e-324 to 1.7e308. Every result is finite and within its bounds, and nothing
/// traps ([robust], issue 13).
@Suite struct ExtremeNumberPropertyTests {
    /// Numbers at the edges of Double that random bit patterns rarely hit exactly.
    static let edges: [Double] = [
        0, -0.0, .leastNonzeroMagnitude, -.leastNonzeroMagnitude, .leastNormalMagnitude, -.leastNormalMagnitude,
        .greatestFiniteMagnitude, -.greatestFiniteMagnitude, 1.7e308, -1.7e308, 1e308, 9e15, 1e15, 1, -1, 0.5,
        1e-300, 2.2e-308,
    ]

    /// Any finite Double: a random bit pattern (every exponent equally likely, subnormals included),
    /// an edge, or an everyday number.
    static let anyFinite = Gen.oneOf(
        Gen.uint64().map { bits -> Double in
            let x = Double(bitPattern: bits)
            return x.isFinite ? x : .greatestFiniteMagnitude
        },
        Gen<Double?>.element(of: edges).map { $0 ?? 0 },
        Gen.double(in: -1e6...1e6))

    /// Any positive finite Double, as a weight.
    static let anyWeight = anyFinite.map { x -> Double in
        let w = abs(x)
        return w > 0 ? w : .leastNonzeroMagnitude
    }

    @Test func progressIsAShareForAnyFiniteNumbers() async {
        await propertyCheck(count: 5000, input: Self.anyFinite, Self.anyFinite, Self.anyFinite) { s, t, c in
            let p = Progress.metric(start: s, target: t, current: c)
            #expect(p >= 0 && p <= 1, "start \(s), target \(t), current \(c): \(p)")
            guard s != t else { return }
            #expect(Progress.metric(start: s, target: t, current: t) == 1, "start \(s), target \(t)")
            #expect(Progress.metric(start: s, target: t, current: s) == 0, "start \(s), target \(t)")
        }
    }

    @Test func progressIsMonotoneOverTheWholeRange() async {
        await propertyCheck(count: 5000, input: Self.anyFinite, Self.anyFinite, Self.anyFinite, Self.anyFinite) {
            s, t, a, b in
            guard s != t else { return }
            let (low, high) = (min(a, b), max(a, b))
            let pl = Progress.metric(start: s, target: t, current: low)
            let ph = Progress.metric(start: s, target: t, current: high)
            #expect(t > s ? pl <= ph : pl >= ph, "start \(s), target \(t), \(low) → \(pl), \(high) → \(ph)")
        }
    }

    @Test(arguments: [
        (-1.7e308, 1.7e308, 1.7e308, 1.0), (-1.7e308, 1.7e308, 0, 0.5), (0, 1.7e308, 8.5e307, 0.5),
        (1.7e308, -1.7e308, -1.7e308, 1.0), (0, 5e-324, 5e-324, 1.0), (5e-324, 1.5e-323, 1e-323, 0.5),
        (-Double.greatestFiniteMagnitude, .greatestFiniteMagnitude, 0, 0.5),
    ])
    func extremeRangesGiveTheirShare(_ c: (start: Double, target: Double, current: Double, progress: Double)) {
        #expect(Progress.metric(start: c.start, target: c.target, current: c.current) == c.progress)
    }

    @Test func weightedMeanStaysWithinItsPartsForAnyWeights() async {
        let parts = zip(Gen.double(in: 0...1), Self.anyWeight).array(of: 1...8)
        await propertyCheck(count: 3000, input: parts) { parts in
            let mean = Progress.weightedMean(parts.map { (progress: $0.0, weight: $0.1) })
            let low = parts.map(\.0).min()!  // at least one part
            let high = parts.map(\.0).max()!
            #expect(mean >= low - 1e-12 && mean <= high + 1e-12, "\(parts) → \(mean)")
        }
    }

    @Test func equalWeightsOfAnySizeGiveThePlainMean() async {
        let shares = Gen.double(in: 0...1).array(of: 1...8)
        await propertyCheck(count: 2000, input: shares, Self.anyWeight) { shares, weight in
            let mean = Progress.weightedMean(shares.map { (progress: $0, weight: weight) })
            let plain = shares.reduce(0, +) / Double(shares.count)
            #expect(abs(mean - plain) < 1e-12, "weight \(weight): \(mean) ≠ \(plain)")
        }
    }

    @Test(arguments: [1.7e308, .greatestFiniteMagnitude, 5e-324, 1e-320, 1])
    func theIssuesWeightsGive35Percent(weight: Double) {
        #expect(abs(Progress.weightedMean([(0.2, weight), (0.5, weight)]) - 0.35) < 1e-12)
    }

    @Test func scoresOfAnyProgressAreTenthsInRange() async {
        await propertyCheck(count: 3000, input: Self.anyFinite, Self.anyFinite, Self.anyFinite) { s, t, c in
            let p = Progress.metric(start: s, target: t, current: c)
            let score = Progress.roundScore(p)
            #expect(score >= 0 && score <= 1 && (score * 10).rounded() == score * 10)
            _ = ScoreBand(score: score)
        }
    }

    @Test func fractionIsNeverNaN() async {
        await propertyCheck(count: 5000, input: Self.anyFinite, Self.anyFinite, Self.anyFinite) { v, a, b in
            let f = Progress.fraction(v, from: a, to: b)
            #expect(f == f, "\(v) from \(a) to \(b)")
            if a != b, min(a, b) <= v, v <= max(a, b) { #expect(f >= 0 && f <= 1) }
        }
    }

    @Test func interpolationStaysBetweenItsEnds() async {
        await propertyCheck(count: 5000, input: Self.anyFinite, Self.anyFinite, Gen.double(in: 0...1)) { a, b, t in
            let x = Progress.interpolate(a, b, t)
            #expect(x.isFinite, "\(a) to \(b) at \(t)")
            #expect(x >= min(a, b) && x <= max(a, b), "\(a) to \(b) at \(t): \(x)")
        }
    }

    @Test func checkedConversionNeverTrapsAndAgreesWhereIntCan() async {
        let any = Gen.uint64().map { Double(bitPattern: $0) }
        await propertyCheck(count: 5000, input: any) { x in
            let n = Int(saturating: x)
            let r = Int(rounding: x)
            if x != x {
                #expect(n == 0 && r == 0)
            } else if abs(x) < 9_223_372_036_854_775_808.0 {
                // Below 2^63 every Double is a whole Int (above 2^53 all of them are integers): exact.
                #expect(n == Int(x.rounded(.towardZero)) && r == Int(x.rounded()))
            } else {
                #expect(n == (x > 0 ? .max : .min) && r == n)
            }
        }
        #expect(Int(saturating: .infinity) == .max && Int(saturating: -.infinity) == .min)
        #expect(Int(saturating: 9_223_372_036_854_775_807.0) == .max)
        #expect(Int(saturating: -9_223_372_036_854_775_808.0) == .min)
    }
}
