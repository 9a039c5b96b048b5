import Foundation
import OKRCore
import OKRTestSupport
import Testing

@testable import OKRSite

/// Cross-team dependencies (`depends_on:`) on the pages, the map and in `okrs.json`: both sides show
/// the link, the dependent side warns where the target is in trouble, and neither confidential
/// objectives nor unbuilt drafts appear anywhere.
@Suite struct DependencyPageTests {
    /// Marketing's `b` has an off-track KR (leads, 30 of 100 at 29.11.) and one at risk (50 of 100).
    /// Sales' `a` needs b's leads, and its own KR needs b's second KR; Social Media's `c` needs b as a
    /// whole. A confidential `s` and a draft `d` need b too, and must never show.
    static func files(leads: Int = 30) -> [String: String] {
        Fixtures.site([
            "a.md": Fixtures.objective(
                "a", team: "sales", extra: "aligns_to: z\ndepends_on: b#kr1\n",
                keyResults: """
                      - id: kr1
                        title: Pipeline aufbauen
                        start: 0
                        target: 100
                        current: 70
                        depends_on: b#kr2

                    """),
            "b.md": Fixtures.objective(
                "b", team: "marketing", extra: "aligns_to: z\n",
                keyResults: """
                      - id: kr1
                        title: Leads gewinnen
                        start: 0
                        target: 100
                        current: \(leads)
                      - id: kr2
                        title: Sichtbarkeit erhöhen
                        start: 0
                        target: 100
                        current: 50

                    """),
            "c.md": Fixtures.objective("c", team: "social-media", extra: "aligns_to: b\ndepends_on: b\n"),
            "s.md": Fixtures.objective(
                "s", team: "sales", extra: "aligns_to: z\nvisibility: confidential\ndepends_on: b#kr1\n"),
            "d.md": Fixtures.objective("d", team: "sales", extra: "aligns_to: z\ndraft: true\ndepends_on: b\n"),
            "z.md": Fixtures.objective("z"),
        ])
    }

    @Test func theDependentPageListsWhatItNeedsAndWarnsInWords() throws {
        let build = try SiteFixture(Self.files()).build()
        #expect(build.errors.isEmpty, "\(build.diagnostics)")
        let html = try build.text("objectives/a.html")
        #expect(html.contains("<h2 id=\"deps-h\">Abhängigkeiten zwischen Teams</h2>"))
        #expect(html.contains("<h3>Braucht von</h3>"))
        // The target linked, its team, the key result named, and the warning in words.
        #expect(html.contains("<a href=\"objectives/b.html\">Objective b</a> <span class=\"meta\">Marketing</span>"))
        #expect(html.contains("Schlüsselergebnis „<a href=\"objectives/b.html#kr-kr1\">Leads gewinnen</a>“"))
        #expect(html.contains("Risiko: „Leads gewinnen“ ist nicht auf Kurs"))
        // The key result's own dependency: in the section (for which KR) and briefly in its row.
        #expect(html.contains("für das Schlüsselergebnis „Pipeline aufbauen“:"))
        #expect(html.contains("Risiko: „Sichtbarkeit erhöhen“ ist gefährdet"))
        #expect(
            html.contains(
                "<span class=\"sub deps\">braucht: <a href=\"objectives/b.html\">Objective b</a> „Sichtbarkeit erhöhen“"
            ))
        // No "helps" on a page nobody depends on.
        #expect(!html.contains("<h3>Hilft</h3>"))
    }

    @Test func theTargetPageListsWhoItHelpsPublishedOnly() throws {
        let build = try SiteFixture(Self.files()).build()
        let html = try build.text("objectives/b.html")
        #expect(html.contains("<h3>Hilft</h3>"))
        #expect(!html.contains("<h3>Braucht von</h3>"))
        #expect(html.contains("<a href=\"objectives/a.html\">Objective a</a> <span class=\"meta\">Vertrieb</span>"))
        #expect(html.contains("<a href=\"objectives/c.html\">Objective c</a> <span class=\"meta\">Social Media</span>"))
        // Which of b's key results a needs, and for which of its own.
        #expect(html.contains("braucht das Schlüsselergebnis „Leads gewinnen“"))
        #expect(html.contains("für das Schlüsselergebnis „<a href=\"objectives/a.html#kr-kr1\">Pipeline aufbauen</a>“"))
        // The target's own page does not warn about itself.
        #expect(!html.contains("Risiko:"))
        // Neither the confidential objective nor the unbuilt draft.
        #expect(!html.contains("Objective s") && !html.contains("Objective d"))
    }

    @Test func aTargetOnTrackRaisesNoWarning() throws {
        let build = try SiteFixture(Self.files(leads: 80)).build()
        let html = try build.text("objectives/a.html")
        #expect(!html.contains("Risiko: „Leads gewinnen“"))
        // Its key result's target is still at risk, and says so.
        #expect(html.contains("Risiko: „Sichtbarkeit erhöhen“ ist gefährdet"))
    }

    @Test func theViewHasOneHookForForecasts() throws {
        let model = try SiteFixture(Self.files()).model()
        let page = ObjectivePageView(model, try #require(model.org.objectiveIndex["a"]))
        let needs = page.needs
        #expect(needs.map { model.org.targetReference($0.dependency) } == ["b#kr1", "b#kr2"])
        #expect(needs.allSatisfy { !$0.targetForecastMisses })
        #expect(needs.map(\.targetStatus) == [.offTrack, .atRisk])
        #expect(needs[0].riskLabel == "Risiko: „Leads gewinnen“ ist nicht auf Kurs")
    }

    /// b committed, its leads KR on track (58 of 100 on day 58 of 91, expected 0.648 at 29.11.) on an
    /// exact line y = day: forecast 91 at 31.12., 91 % against the 100 % a committed objective expects.
    static func committedOnTrackButForecastToMiss() -> [String: String] {
        var files = files()
        files["content/objectives/b.md"] = Fixtures.objective(
            "b", team: "marketing", extra: "aligns_to: z\ntype: committed\n",
            keyResults: """
                  - id: kr1
                    title: Leads gewinnen
                    start: 0
                    target: 100
                    checkins:
                      - { date: 2026-10-11, value: 10 }
                      - { date: 2026-10-21, value: 20 }
                      - { date: 2026-10-31, value: 30 }
                      - { date: 2026-11-10, value: 40 }
                      - { date: 2026-11-20, value: 50 }
                      - { date: 2026-11-28, value: 58 }
                  - id: kr2
                    title: Sichtbarkeit erhöhen
                    start: 0
                    target: 100
                    current: 90

                """)
        return files
    }

    @Test func aTargetForecastToMissWarnsTheDependentSide() throws {
        let model = try SiteFixture(Self.committedOnTrackButForecastToMiss()).model()
        let page = ObjectivePageView(model, try #require(model.org.objectiveIndex["a"]))
        let needs = page.needs
        #expect(needs.map { model.org.targetReference($0.dependency) } == ["b#kr1", "b#kr2"])
        // b#kr1: on track today, but 91 % at the end where 100 % is expected.
        #expect(needs[0].targetStatus == .onTrack)
        #expect(needs[0].targetForecastMisses && needs[0].targetInTrouble)
        #expect(
            needs[0].riskLabel == "Risiko: „Leads gewinnen“ landet bei diesem Tempo bei 91\u{A0}% (erwartet 100\u{A0}%)"
        )
        // b#kr2 has no check-ins, so no forecast: no forecast warning, and it is on track.
        #expect(!needs[1].targetForecastMisses && !needs[1].targetInTrouble && needs[1].riskLabel.isEmpty)
        let html = try SiteFixture(Self.committedOnTrackButForecastToMiss()).build().text("objectives/a.html")
        #expect(html.contains("landet bei diesem Tempo bei 91\u{A0}% (erwartet 100\u{A0}%)"))
    }

    @Test func theMapDrawsDependenciesDashedWithALegendAndAList() throws {
        let build = try SiteFixture(Self.files()).build()
        let html = try build.text("map/2026-Q4.html")
        // Arrows of their own class, with an arrowhead, besides the alignment edges.
        #expect(html.contains("<path class=\"dependency\""))
        #expect(html.contains("marker-end=\"url(#map-dep-arrow)\""))
        #expect(html.components(separatedBy: "<path class=\"dependency\"").count - 1 == 3)  // a→b#kr1, a→b#kr2, c→b
        #expect(html.contains("3 Abhängigkeiten als farbig gestrichelte Pfeile"))
        // The legend and the text equivalent: every dependency in words.
        #expect(html.contains("farbig gestrichelter Pfeil: braucht von"))
        #expect(html.contains("<h2 id=\"map-deps-h\">Abhängigkeiten zwischen Teams</h2>"))
        #expect(
            html.contains(
                "<a href=\"objectives/a.html\">Objective a</a> <span class=\"meta\">Vertrieb</span> "
                    + "<span class=\"dep-word\">braucht von</span> <a href=\"objectives/b.html\">Objective b</a>"))
        #expect(html.contains("(für das Schlüsselergebnis „Pipeline aufbauen“)"))
        #expect(!html.contains("Objective s") && !html.contains("Objective d"))
        // The style sheet draws them dashed, in their own colour.
        let sheet = try #require(try build.files().first { $0.path.hasPrefix("assets/style.") }?.path)
        let css = try build.text(sheet)
        #expect(css.contains("svg.chart .dependency { fill: none; stroke: var(--dependency)"))
        #expect(css.contains("stroke-dasharray"))
    }

    @Test func aMapArrowEndsAtThePortOfTheKeyResultNeeded() throws {
        let org = try #require(try SiteFixture(Self.files()).check().organisation)
        let p = try #require(org.periodIndex["2026-Q4"])
        let shown = org.publishedObjectives(inPeriod: p)
        let layout = AlignmentMap.layout(
            org, period: p, objectives: shown, rollUp: [], distribution: [], teamURL: { "t\($0.raw)" },
            objectiveURL: { "o\($0.raw)" })
        let node = { (id: String) in shown.firstIndex(of: org.objectiveIndex[id]!)! }
        // a needs b#kr1 (its objective) and b#kr2 (its key result): two arrows; c needs b as a whole.
        #expect(
            Set(layout.dependencies.map { "\($0.from)>\($0.to):\($0.port.map { String($0.raw) } ?? "-")" })
                == ["\(node("a"))>\(node("b")):0", "\(node("a"))>\(node("b")):1", "\(node("c"))>\(node("b")):-"])
        let svg = try #require(AlignmentMap.svg(layout, labels: ChartTests.labels, id: "map"))
        // b has two key results: kr1's port is a quarter of the way along its box.
        let (bx, _) = AlignmentMap.origin(layout, node("b"))
        let ends = svg.components(separatedBy: "<path class=\"dependency\" d=\"").dropFirst().map {
            $0.prefix { $0 != "\"" }.split(separator: " ").last.map(String.init) ?? ""
        }
        #expect(ends.contains { $0.hasPrefix(SVG.n(bx + 140 * 0.25) + ",") }, "\(ends)")
        #expect(ends.contains { $0.hasPrefix(SVG.n(bx + 140 * 0.75) + ",") }, "\(ends)")
    }

    @Test func okrsJSONHasBothDirectionsPublishedOnly() throws {
        let build = try SiteFixture(Self.files()).build()
        let data = Data(try build.text("data/okrs.json").utf8)
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let objectives = try #require(root["objectives"] as? [[String: Any]])
        func objective(_ id: String) throws -> [String: Any] {
            try #require(objectives.first { $0["id"] as? String == id })
        }
        func krs(_ o: [String: Any]) throws -> [[String: Any]] { try #require(o["key_results"] as? [[String: Any]]) }
        let a = try objective("a")
        let b = try objective("b")
        #expect(a["depends_on"] as? [String] == ["b#kr1"])
        #expect(a["needed_by"] as? [String] == [])
        #expect(try krs(a)[0]["depends_on"] as? [String] == ["b#kr2"])
        #expect(try krs(a)[0]["needed_by"] as? [String] == [])
        #expect(b["depends_on"] as? [String] == [])
        // c needs b as a whole; a needs kr1 (from its objective) and kr2 (from its key result).
        #expect(b["needed_by"] as? [String] == ["c"])
        #expect(try krs(b)[0]["needed_by"] as? [String] == ["a"])
        #expect(try krs(b)[1]["needed_by"] as? [String] == ["a#kr1"])
        // The confidential s and the draft d appear nowhere, not even in needed_by.
        #expect(objectives.allSatisfy { $0["id"] as? String != "s" && $0["id"] as? String != "d" })
        let text = try build.text("data/okrs.json")
        #expect(!text.contains("\"s\"") && !text.contains("\"s#") && !text.contains("\"d\""))
    }

    @Test func withDraftsTheDraftsDependencyShows() throws {
        let build = try SiteFixture(Self.files()).build(drafts: true)
        let html = try build.text("objectives/b.html")
        #expect(html.contains("<a href=\"objectives/d.html\">Objective d</a>"))
        #expect(!html.contains("Objective s"))
    }

    @Test func aChangedTargetRendersItsDependentsPageAgain() throws {
        let fixture = try SiteFixture(Self.files())
        let builder = IncrementalBuilder(options: BuildOptions(siteRoot: fixture.root, asOf: Day(iso: "2026-11-29")!))
        let out = builder.output
        #expect(try builder.build().succeeded)
        // b's key result gets a new title and reaches its target: a's page shows both, c's page shows b's
        // status. Nothing about a or c changed, and b is no child of a.
        let b = try String(contentsOfFile: fixture.root + "/content/objectives/b.md", encoding: .utf8)
        try fixture.write(
            "content/objectives/b.md",
            b.replacingOccurrences(of: "title: Leads gewinnen", with: "title: Mehr Leads gewinnen")
                .replacingOccurrences(of: "current: 30", with: "current: 100"))
        let edit = try builder.build()
        #expect(edit.succeeded && !edit.full)
        let a = try String(contentsOfFile: out + "/objectives/a.html", encoding: .utf8)
        #expect(a.contains("Mehr Leads gewinnen"))
        #expect(!a.contains("ist nicht auf Kurs"))
        let fresh = try fixture.build(output: fixture.root + "/fresh")
        let x = try OutputTree.read(out)
        let y = try fresh.files()
        #expect(x.map(\.path) == y.map(\.path))
        for (p, q) in zip(x, y) where p.bytes != q.bytes { Issue.record("\(p.path) differs from a full build") }
    }

    @Test func changingADependencyRendersEverythingItTouches() throws {
        let fixture = try SiteFixture(Self.files())
        let builder = IncrementalBuilder(options: BuildOptions(siteRoot: fixture.root, asOf: Day(iso: "2026-11-29")!))
        #expect(try builder.build().succeeded)
        let c = try String(contentsOfFile: fixture.root + "/content/objectives/c.md", encoding: .utf8)
        try fixture.write("content/objectives/c.md", c.replacingOccurrences(of: "depends_on: b\n", with: ""))
        let edit = try builder.build()
        // Both pages and the map change: the structure's signature sees it.
        #expect(edit.succeeded && edit.full)
        let bPage = try String(contentsOfFile: builder.output + "/objectives/b.html", encoding: .utf8)
        #expect(
            !bPage.contains("<a href=\"objectives/c.html\">Objective c</a> <span class=\"meta\">Social Media</span>"))
    }
}
