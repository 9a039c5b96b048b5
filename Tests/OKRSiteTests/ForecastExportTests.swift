import Foundation
import OKRTestSupport
import Testing

@testable import OKRSite

/// `okrs.json` carries each forecast: value, progress and band for key results, progress and band for
/// objectives, null where there is none.
@Suite struct ForecastExportTests {
    /// 0 → 200 with check-ins on days 10, 20, 30 of 2026-Q4 (12, 18, 33): slope 1.05, intercept 0,
    /// value at day 91 (12-31) = 95.55, progress 0.47775, band (95.55 ∓ 1.886 × √6.75 × √12.802) / 200
    /// = (95.55 ∓ 17.532041) / 200 = 0.390090…0.565410.
    static let fitted = """
          - id: fit
            title: Fitted
            start: 0
            target: 200
            checkins:
              - { date: 2026-10-11, value: 12 }
              - { date: 2026-10-21, value: 18 }
              - { date: 2026-10-31, value: 33 }

        """

    static let files = Fixtures.site([
        "f.md": Fixtures.objective("f", team: "marketing", extra: "aligns_to: p#c\n", keyResults: fitted),
        "g.md": Fixtures.objective(
            "g", keyResults: fitted + "  - id: ms\n    title: Ship\n    kind: milestone\n\n"),
        "p.md": Fixtures.objective(
            "p", keyResults: "  - id: c\n    title: Children\n    kind: children\n\n"),
        "old.md": Fixtures.objective("old", period: "2026-Q3"),
    ])

    @Test func okrsJSONCarriesForecasts() throws {
        let result = try SiteFixture(Self.files).build()
        #expect(result.errors.isEmpty, "\(result.errors)")
        let data = Data(try result.text("data/okrs.json").utf8)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let objectives = try #require(json["objectives"] as? [[String: Any]])
        func objective(_ id: String) throws -> [String: Any] {
            try #require(objectives.first { $0["id"] as? String == id })
        }
        func kr(_ id: String, _ k: Int = 0) throws -> [String: Any] {
            try #require((try objective(id)["key_results"] as? [[String: Any]])?[k])
        }
        func number(_ v: Any?) -> Double? { (v as? NSNumber)?.doubleValue }
        func near(_ v: Any?, _ x: Double) -> Bool { number(v).map { abs($0 - x) <= 0.00005 + 1e-12 } ?? false }

        let fit = try kr("f")
        #expect(number(fit["forecast_value"]) == 95.55)  // 95.55000000000001 and the like, to 10 digits
        #expect(near(fit["forecast_progress"], 0.4778))
        #expect(near(fit["forecast_low"], 0.3901))
        #expect(near(fit["forecast_high"], 0.5654))
        #expect(near(try objective("f")["forecast_progress"], 0.4778))
        #expect(near(try objective("f")["forecast_low"], 0.3901))

        // A milestone has none, so neither has its objective.
        let ms = try kr("g", 1)
        for key in ["forecast_value", "forecast_progress", "forecast_low", "forecast_high"] {
            #expect(ms[key] is NSNull, "\(key)")
        }
        #expect(try objective("g")["forecast_progress"] is NSNull)
        #expect(try objective("g")["forecast_high"] is NSNull)

        // A children key result: its supporter's progress, no value.
        let children = try kr("p")
        #expect(children["forecast_value"] is NSNull)
        #expect(near(children["forecast_progress"], 0.4778))
        #expect(near(try objective("p")["forecast_progress"], 0.4778))

        // A closed period: null, key results and objective alike.
        #expect(try kr("old")["forecast_progress"] is NSNull)
        #expect(try kr("old")["forecast_value"] is NSNull)
        #expect(try objective("old")["forecast_progress"] is NSNull)
        // Objectives carry no forecast_value.
        #expect(try objective("f")["forecast_value"] == nil)
    }

    @Test func significantDigits() {
        #expect(OKRsJSON.significant(95.55000000000001) == 95.55)
        #expect(OKRsJSON.significant(0) == 0)
        #expect(OKRsJSON.significant(1.7976931348623157e308) == 1.7976931348623157e308)
        #expect(OKRsJSON.significant(5e-324) == 5e-324)
        #expect(OKRsJSON.significant(-1234.5678901234) == -1234.56789)
    }
}
