import Foundation
import OKRCore
import OKRSite
import OKRTestSupport
import Testing

@Suite struct AlignmentMapTests {
    @Test func childSitsBelowItsParentAndItsEdgeEndsAtTheKeyResultItServes() throws {
        let fixture = try SiteFixture(
            Fixtures.site([
                "c.md": Fixtures.objective(
                    "c",
                    keyResults: """
                          - id: kr1
                            title: One
                            kind: milestone
                          - id: kr2
                            title: Two
                            kind: milestone

                        """),
                "m.md": Fixtures.objective("m", team: "marketing", extra: "aligns_to: c#kr2\n"),
            ]))
        let result = try fixture.check()
        let org = try #require(result.organisation)
        let c = try #require(org.objectiveIndex["c"])
        let m = try #require(org.objectiveIndex["m"])
        let layout = AlignmentMap.layout(
            org, period: try #require(org.objectivePeriod[c]), objectives: [c, m], rollUp: [],
            distribution: [], teamURL: { "t\($0.raw)" }, objectiveURL: { "o\($0.raw)" })
        #expect(!layout.teams)
        // Nodes are numbered in the order the objectives are given.
        let (cNode, mNode) = (0, 1)
        #expect(layout.layer[cNode] == 0 && layout.layer[mNode] == 1)
        #expect(layout.edges.count == 1 && layout.edges[0].port == KeyResultIndex(1))
        let svg = try #require(AlignmentMap.svg(layout, labels: ChartTests.labels, id: "map"))
        // The edge ends at the second of two ports on the parent's bottom edge.
        let (px, py) = AlignmentMap.origin(layout, cNode)
        let end = "\(SVG.n(px + 140 * 1.5 / 2)),\(SVG.n(py + 78))"
        #expect(svg.contains(end + "\""))
        #expect(svg.contains("<a href=\"o\(c.raw)\">") && svg.contains("<a href=\"o\(m.raw)\">"))
    }

    @Test func beyondTheLimitTheMapShowsTeams() throws {
        var objectives: [String: String] = ["c.md": Fixtures.objective("c")]
        for i in 0..<AlignmentMap.objectiveLimit {
            objectives["m\(i).md"] = Fixtures.objective(
                "m\(i)", team: i % 2 == 0 ? "marketing" : "social-media", extra: "aligns_to: c\n")
        }
        let result = try SiteFixture(Fixtures.site(objectives)).build()
        let map = try result.text("map/2026-Q4.html")
        #expect(map.contains("Teams mit Zielen"))
        #expect(map.contains("<a href=\"teams/marketing.html\">"))
        #expect(!map.contains("<a href=\"objectives/m1.html\">"))
        let small = try SiteFixture(Fixtures.site(["c.md": Fixtures.objective("c")])).build()
        #expect(try small.text("map/2026-Q4.html").contains("<a href=\"objectives/c.html\">"))
    }
}
