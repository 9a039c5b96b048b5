import Foundation
import OKRCore
import OKRSite
import OKRTestSupport
import Testing

/// The numbers through a whole build: the figures `check` computes are the ones the pages and
/// `okrs.json` show, with charts, and they are right ([robust], issue 13).
@Suite struct ExtremeNumberSiteTests {
    static func site(weight: String) -> [String: String] {
        let krs = """
              - {id: kr1, title: A, start: 0, target: 10, current: 2, weight: \(weight)}
              - {id: kr2, title: B, start: 0, target: 10, current: 5, weight: \(weight)}
              - id: huge
                title: C
                start: 0
                target: 1.7e308
                weight: \(weight)
                checkins:
                  - { date: 2026-11-20, value: 8.5e307, confidence: 0.5 }
              - {id: wide, title: D, start: -1.7e308, target: 1.7e308, current: 1.7e308, weight: \(weight)}
              - {id: tiny, title: E, start: 5e-324, target: 1.5e-323, current: 1e-323, weight: \(weight)}

            """
        return Fixtures.site(["a.md": Fixtures.objective("a", keyResults: krs)])
    }

    @Test(arguments: ["1", "1.7e308", "1.7976931348623157e308", "5e-324"])
    func extremeNumbersGiveTheRightFiguresInCheckAndBuild(weight: String) throws {
        let fixture = try SiteFixture(Self.site(weight: weight))
        let check = try fixture.check()
        #expect(check.errors.isEmpty, "\(check.errors)")
        let (_, state) = try #require(check.objective("a"))
        #expect(state.keyResults.map(\.progress) == [0.2, 0.5, 0.5, 1, 0.5])
        // (0.2 + 0.5 + 0.5 + 1 + 0.5) / 5 whatever the (equal) weights.
        #expect(abs(state.progress - 0.54) < 1e-12, "\(state.progress)")

        let build = try fixture.build()
        #expect(!build.diagnostics.contains { $0.severity == .error }, "\(build.diagnostics)")
        let json = try JSONSerialization.jsonObject(with: Data(try build.text("data/okrs.json").utf8))
        let objectives = try #require((json as? [String: Any])?["objectives"] as? [[String: Any]])
        let a = try #require(objectives.first { $0["id"] as? String == "a" })
        #expect(abs((a["progress"] as? Double ?? -1) - 0.54) < 1e-12)
        let page = try build.text("objectives/a.html")
        #expect(page.contains("54"))
        #expect(page.contains("1.7e308") || page.contains("1,7e308"))
        #expect(!page.contains("nan") && !page.contains("inf\""))
    }
}
