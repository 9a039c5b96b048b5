import Foundation
import OKRCore
import Testing

@testable import OKRSite

/// Charts and number formatting with the extremes of Double: nothing traps (a KR from 0 to 1.7e308
/// stopped the build in `Ticks`), every coordinate written is a finite number, axes are ordered and
/// cover the data ([robust], issue 13).
@Suite struct ExtremeNumberChartTests {
    /// The edges of Double and every power of ten it holds, both signs.
    static let extremes: [Double] = {
        var values: [Double] = [
            0, .leastNonzeroMagnitude, .leastNormalMagnitude, .greatestFiniteMagnitude, 1.7e308,
            .greatestFiniteMagnitude.nextDown, 9e15, 9_007_199_254_740_992, 1e20 + 16384, 0.1, 1, 2.5,
        ]
        values += stride(from: -324, through: 308, by: 1).map { Double("1e\($0)")! }
        return values + values.map { -$0 }
    }()

    /// A smaller set for the combinations of three.
    static let corners: [Double] = [
        0, .leastNonzeroMagnitude, -.leastNonzeroMagnitude, 1, -1, 1e15, 1e20 + 16384, 1e300, 1.7e308, -1.7e308,
        .greatestFiniteMagnitude,
        -.greatestFiniteMagnitude,
    ]

    @Test func ticksCoverAnyRangeWithOrderedFiniteValues() {
        for low in Self.extremes.shuffled().prefix(40) {
            for high in Self.extremes {
                let axis = Ticks.numbers(low: low, high: high)
                #expect(axis.low.isFinite && axis.high.isFinite && axis.low < axis.high, "\(low)…\(high): \(axis)")
                #expect(axis.low <= min(low, high) && axis.high >= max(low, high), "\(low)…\(high): \(axis)")
                #expect(!axis.ticks.isEmpty && axis.ticks.count <= 50, "\(low)…\(high): \(axis.ticks)")
                let finite = axis.ticks.allSatisfy { $0.isFinite }
                let ascending = zip(axis.ticks, axis.ticks.dropFirst()).allSatisfy { $0.0 < $0.1 }
                #expect(finite && ascending, "\(low)…\(high): \(axis.ticks)")
            }
        }
    }

    @Test func everydayAxesAreUnchanged() {
        let axis = Ticks.numbers(low: 5000, high: 6000)
        #expect(axis.low == 5000 && axis.high == 6000 && axis.ticks == [5000, 5250, 5500, 5750, 6000])
        #expect(Ticks.numbers(low: 3, high: 3).ticks == [2, 2.5, 3, 3.5, 4])
    }

    @Test func trendChartsOfExtremeNumbersDrawOnlyFiniteCoordinates() throws {
        let q4 = ChartTests.q4
        for start in Self.corners {
            for target in Self.corners where target != start {
                for value in Self.corners {
                    let kr = KeyResult(id: "kr1", title: "K", start: start, target: target, unit: "€")
                    let checkins = [
                        CheckIn(date: Day(iso: "2026-10-05")!, value: value, confidence: 0.5),
                        CheckIn(date: Day(iso: "2026-11-20")!, value: target, confidence: 1),
                    ]
                    let svg = try #require(
                        TrendChart.svg(
                            kr: kr, checkins: checkins, period: q4, asOf: Day(iso: "2026-11-29")!,
                            labels: ChartTests.labels, id: "t"))
                    let scale = try #require(TrendChart.scale(kr: kr, checkins: checkins, period: q4))
                    for v in [start, target, value] {
                        let y = scale.y(v)
                        // Inside the plot: the axis covers the data, whatever its size.
                        #expect(y.isFinite && y >= 24 - 1e-6 && y <= 160 + 1e-6, "\(start)→\(target), \(v): y \(y)")
                    }
                    Self.expectOnlyFiniteNumbers(svg, "\(start)→\(target), \(value)")
                }
            }
        }
    }

    @Test func progressChartsTakeAnyProgress() {
        for p in Self.extremes + [.nan, .infinity, -.infinity] {
            Self.expectOnlyFiniteNumbers(
                ProgressBar.svg(progress: p, expected: p, status: .onTrack, labels: ChartTests.labels), "bar \(p)")
            Self.expectOnlyFiniteNumbers(
                StatusRing.svg(progress: p, status: .atRisk, labels: ChartTests.labels), "ring \(p)")
        }
    }

    @Test func numbersOfAnySizeAreWrittenInWords() {
        let en = ChartTests.labels.format
        let de = Formatter(language: "de", monthNames: (1...12).map { "M\($0)" })
        for x in Self.extremes + [.nan, .infinity] {
            for f in [en, de] {
                let text = f.number(x)
                #expect(!text.isEmpty && !text.contains("inf") && !text.contains("nan"), "\(x): \(text)")
                _ = f.decimal1(x)
                _ = f.percent(x)
                _ = f.value(x, unit: "%")
            }
            let n = SVG.n(x)
            #expect(Double(n)?.isFinite == true, "\(x): \(n)")
        }
        #expect(en.number(1.7e308) == "1.7e308" && de.number(-1.7e308) == "−1,7e308")
        #expect(en.number(9.999999999999998e307) == "1e308" && en.number(1e16) == "1e16")
        #expect(en.number(5e-324) == "0" && en.number(12_345_678_901_234) == "12,345,678,901,234")
    }

    /// Every number in the SVG's attributes parses as a finite number.
    static func expectOnlyFiniteNumbers(_ svg: String, _ what: String) {
        #expect(!svg.contains("nan") && !svg.contains("inf"), "\(what): \(svg.prefix(300))")
        for name in ["x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "width", "height"] {
            var rest = Substring(svg)
            while let r = rest.range(of: " \(name)=\"") {
                let value = rest[r.upperBound...].prefix { $0 != "\"" }
                #expect(Double(value)?.isFinite == true, "\(what): \(name)=\"\(value)\"")
                rest = rest[r.upperBound...]
            }
        }
    }
}
