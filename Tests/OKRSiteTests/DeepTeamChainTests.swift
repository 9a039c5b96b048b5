import Foundation
import OKRCore
import OKRSite
import OKRTestSupport
import Testing

/// A team chain 40 deep built in full: team pages, the teams overview and the team feeds show a
/// bounded part of the chain, and every team stays reachable ([robust], issue 13).
@Suite struct DeepTeamChainTests {
    @Test func deepTeamChainsAreSummarisedOnPagesAndInFeeds() throws {
        var teams = "- id: t0\n  name: T0\n"
        for i in 1..<40 { teams += "- id: t\(i)\n  name: T\(i)\n  parent: t\(i - 1)\n" }
        var objectives: [String: String] = [:]
        for i in 0..<40 {
            objectives["o\(i).md"] =
                "---\nid: o\(i)\ntitle: O\(i)\nteam: t\(i)\nperiod: 2026-Q4\nkey_results:\n"
                + "  - {id: kr1, title: K, start: 0, target: 10, checkins: [{date: 2026-11-27, value: 3}]}\n---\n"
        }
        let fixture = try SiteFixture(Fixtures.site(objectives, extra: ["content/teams.yml": teams]))
        let build = try fixture.build()
        #expect(build.errors.isEmpty, "\(build.errors)")

        // The deepest team's breadcrumb: the top, a gap, the ten nearest.
        let page = try build.text("teams/t39.html")
        let crumb = try #require(page.range(of: "<nav class=\"breadcrumb\"").map { page[$0.lowerBound...] })
        let nav = crumb[..<crumb.range(of: "</nav>")!.upperBound]
        #expect(nav.components(separatedBy: "<li").count - 1 == 1 + 1 + 1 + 10 + 1)  // Teams, t1, …, ten, itself
        #expect(nav.contains(">T1<") && nav.contains("<li>…</li>") && nav.contains(">T29<") && !nav.contains(">T28<"))
        // A shallow team's breadcrumb is whole.
        #expect(!(try build.text("teams/t5.html")).contains("<li>…</li>"))

        // The overview nests ten levels and links the team where it stops.
        let overview = try build.text("teams/index.html")
        #expect(overview.components(separatedBy: "<ul class=\"tree\">").count - 1 == 11)
        #expect(overview.contains("<li><a href=\"teams/t10.html\">…</a></li>") && !overview.contains(">T11<"))

        // A feed holds its team's changes and those of ten levels below.
        let top = try build.text("teams/t0/feed.xml")
        #expect(top.components(separatedBy: "<entry>").count - 1 == 11)
        #expect(top.contains("O10") && !top.contains("O11<"))
        let deep = try build.text("teams/t39/feed.xml")
        #expect(deep.components(separatedBy: "<entry>").count - 1 == 1)
    }
}
