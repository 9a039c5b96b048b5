import OKRCore
import OKRTestSupport
import Testing

@testable import OKRSite

// Views asserted in memory: what a template would read, without rendering or scraping HTML.

/// A small organisation: a company objective with a metric, a milestone and a decreasing weighted
/// key result; a marketing objective aligned to its first key result; a social-media objective aligned
/// to the marketing one; a sales objective aligned to the company as a whole.
private func viewSite() throws -> SiteFixture {
    try SiteFixture(
        Fixtures.site([
            "company.md": Fixtures.objective(
                "company-goal", extra: "owner: Petra Hoffmann\ntype: committed\n",
                keyResults: """
                      - id: kr1
                        title: Follower gewinnen
                        start: 5000
                        target: 6000
                        unit: Follower
                        checkins:
                          - { date: 2026-10-06, value: 5120, confidence: 0.7 }
                          - { date: 2026-11-20, value: 5390, confidence: 0.65, note: "Messe" }
                      - id: kr2
                        title: Webinar durchgeführt
                        kind: milestone
                        done: false
                      - id: kr3
                        title: Reklamationen senken
                        start: 40
                        target: 20
                        current: 30
                        weight: 2

                    """),
            "marketing.md": Fixtures.objective(
                "marketing-reach", team: "marketing", extra: "aligns_to: company-goal#kr1\ntags: [linkedin, messe]\n"),
            "social.md": Fixtures.objective(
                "social-posts", team: "social-media", extra: "aligns_to: marketing-reach\n"),
            "sales.md": Fixtures.objective("sales-leads", team: "sales", extra: "aligns_to: company-goal\n"),
        ]))
}

@Suite struct KeyResultRowViewTests {
    @Test func aMetricRowHasItsNumbersInTheSiteLanguage() throws {
        let fixture = try viewSite()
        let m = try fixture.model()
        let o = try #require(m.org.objectiveIndex["company-goal"])
        let row = KeyResultRowView(site: m, o, 0)
        #expect(row.text("start") == "5.000\u{A0}Follower")
        #expect(row.text("target") == "6.000\u{A0}Follower")
        #expect(row.current == "5.390\u{A0}Follower")
        #expect(row.text("current_cell") == "5.390")
        #expect(row.text("progress_pct") == "39\u{A0}%")
        #expect(row.subLabel == "Kennzahl · Follower")
        // The latest confidence exactly as written (0.65, not rounded to 0,7), with its day.
        #expect(row.confidence == "0,65")
        // Start → current / target in one line, the unit once at the end.
        #expect(row.valueLine == "5.000 → 5.390 / 6.000\u{A0}Follower")
        // The newest check-in's note is shown, not hidden in the history.
        #expect(row.latestNote == "Messe")
        #expect(row.flag("has_last_note") == true)
        #expect(row.text("confidence_as_of") == "am 20.11.2026")
        #expect(row.text("last_checkin_cell") == "20.11.2026")
        #expect(row.hasTrend)
        #expect(row.supporters.map(\.summary.title) == ["Objective marketing-reach"])
        #expect(row.flag("has_due") == false)
    }

    @Test func aMilestoneIsDueAtTheEndOfItsPeriodAndADecreasingWeightedMetricSaysSo() throws {
        let fixture = try viewSite()
        let m = try fixture.model()
        let o = try #require(m.org.objectiveIndex["company-goal"])
        let milestone = KeyResultRowView(site: m, o, 1)
        #expect(milestone.dueLabel == "fällig am 31.12.2026")
        #expect(milestone.current == "offen")
        #expect(milestone.text("current_cell") == "offen")
        #expect(milestone.subLabel == "Meilenstein · fällig am 31.12.2026")
        #expect(milestone.confidence == nil)
        #expect(milestone.text("confidence_cell") == "–")
        let decreasing = KeyResultRowView(site: m, o, 2)
        #expect(decreasing.subLabel == "Kennzahl · sinkende Kennzahl · Gewicht 2")
        #expect(decreasing.text("progress_pct") == "50\u{A0}%")
        #expect(decreasing.flag("weighted") == true)
    }
}

@Suite struct ObjectivePageViewTests {
    @Test func theWhyChainRunsFromTheCompanyDownThroughTheKeyResultServed() throws {
        let fixture = try viewSite()
        let m = try fixture.model()
        let page = ObjectivePageView(m, try #require(m.org.objectiveIndex["social-posts"]))
        #expect(page.whyChain.map(\.summary.summary.title) == ["Objective company-goal", "Objective marketing-reach"])
        #expect(page.whyChain[0].keyResult == 0)
        #expect(page.whyChain[0].text("via_kr") == "Follower gewinnen")
        #expect(page.whyChain[0].text("via_kr_url") == "objectives/company-goal.html#kr-kr1")
        #expect(page.whyChain[1].flag("has_via_kr") == false)
        #expect(!page.chainGap)
        #expect(page.flag("not_aligned") == false)
        #expect(page.frame.rootPath == "../")
        #expect(page.frame.path == "objectives/social-posts.html")
    }

    @Test func theCompanyObjectiveShowsItsSupportersAndItsFacts() throws {
        let fixture = try viewSite()
        let m = try fixture.model()
        let o = try #require(m.org.objectiveIndex["company-goal"])
        let page = ObjectivePageView(m, o)
        #expect(page.flag("is_company") == true)
        #expect(page.whyChain.isEmpty)
        #expect(page.supportedWhole.map(\.summary.title) == ["Objective sales-leads"])
        #expect(page.keyResults.count == 3)
        #expect(page.head.text("type_label") == "verbindlich")
        #expect(page.head.text("expected_score_label") == "erwartet 1,0")
        #expect(page.head.summary.owner.html.contains("people/petra-hoffmann.html"))
        #expect(page.text("expected_label") == "Erwartet bis heute: 65\u{A0}%")
        #expect(page.closing == nil)
        let marketing = ObjectivePageView(m, try #require(m.org.objectiveIndex["marketing-reach"]))
        #expect(marketing.field("tags") == .items(2))
    }
}

@Suite struct TeamAndPersonViewTests {
    @Test func aTeamContributesWithEveryObjectiveThatAlignsUpwardEvenToTheSameParent() throws {
        // Two social-media objectives align to the same marketing key result: both show as "via".
        let fixture = try SiteFixture(
            Fixtures.site([
                "company.md": Fixtures.objective("company-goal"),
                "marketing.md": Fixtures.objective(
                    "marketing-reach", team: "marketing", extra: "aligns_to: company-goal#kr1\n"),
                "social-a.md": Fixtures.objective(
                    "social-a", team: "social-media", extra: "aligns_to: marketing-reach#kr1\n"),
                "social-b.md": Fixtures.objective(
                    "social-b", team: "social-media", extra: "aligns_to: marketing-reach#kr1\n"),
            ]))
        let m = try fixture.model()
        let page = TeamPageView(m, try #require(m.org.teams.index["social-media"]))
        #expect(page.contributes.map(\.summary.summary.title) == ["Objective marketing-reach"])
        #expect(page.contributes[0].via.map(\.summary.title) == ["Objective social-a", "Objective social-b"])
    }

    @Test func aTeamPageListsWhatItContributesToAndWhoSupportsIt() throws {
        let fixture = try viewSite()
        let m = try fixture.model()
        let marketing = try #require(m.org.teams.index["marketing"])
        let page = TeamPageView(m, marketing)
        #expect(page.contributes.map(\.summary.summary.title) == ["Objective company-goal"])
        #expect(page.contributes[0].via.map(\.summary.title) == ["Objective marketing-reach"])
        #expect(page.supporters.map(\.link.name) == ["Social Media"])
        #expect(page.supporters[0].text("count_label") == "1 Ziel")
        #expect(page.periods.map(\.header.period) == [try #require(m.org.periodIndex["2026-Q4"])])
        #expect(page.frame.teamFeed == marketing)
        let entry = TeamEntryView(site: m, team: marketing)
        // Marketing's own objective and social media's below it, both at 50 %.
        #expect(entry.text("rollup_label") == "2 Ziele einschließlich Unterteams")
        #expect(entry.text("rollup_pct") == "50\u{A0}%")
    }

    @Test func aPersonPageShowsEachObjectiveWithItsChainToTheCompany() throws {
        let fixture = try viewSite()
        let m = try fixture.model()
        let aylin = try #require(m.people.index["Aylin Demir"])
        let page = PersonPageView(m, aylin)
        let objectives = page.periods.flatMap(\.objectives)
        #expect(objectives.map(\.summary.summary.title) == ["Objective social-posts"])
        #expect(
            objectives[0].chain.map(\.summary.summary.title) == ["Objective marketing-reach", "Objective company-goal"])
        #expect(page.frame.path == "people/aylin-demir.html")
    }
}

@Suite struct PageFrameAndOverviewTests {
    @Test func theHomePageHasTheCurrentPeriodsFiguresAndTheNavigationMarksItsSection() throws {
        let fixture = try viewSite()
        let m = try fixture.model()
        let home = HomePageView(m)
        #expect(home.frame.rootPath == "./")
        #expect(home.frame.text("footer") == "Stand: 29.11.2026")
        // Mean progress: the company objective (0.39 + 0 + 2 × 0.5) / 4 ≈ 0.35 and three at 0.5 → 46 %.
        #expect(home.overview.keyFigures.map(\.value) == ["4", "4 von 4", "100\u{A0}%", "46\u{A0}%"])
        #expect(home.overview.period.map { m.org.periods[$0].id } == "2026-Q4")
        let nav = NavView(site: m, section: "teams").items
        #expect(nav.filter(\.current).map(\.url) == ["teams/index.html"])
        #expect(nav.map(\.url).contains("cascade/2026-Q4.html"))
    }

    @Test func routesOwnEveryPath() throws {
        let fixture = try viewSite()
        let m = try fixture.model()
        let o = try #require(m.org.objectiveIndex["marketing-reach"])
        let p = try #require(m.org.periodIndex["2026-Q4"])
        #expect(m.routes.path(.objective(o)) == "objectives/marketing-reach.html")
        #expect(m.routes.keyResult(o, 0) == "objectives/marketing-reach.html#kr-kr1")
        #expect(m.routes.path(.cascadePart(o)) == "cascade/2026-Q4/marketing-reach.html")
        #expect(m.routes.path(.health(p)) == "health/2026-Q4.html")
        #expect(m.routes.person(named: "Jan Becker") == "people/jan-becker.html")
        #expect(m.routes.person(named: "Nobody") == nil)
        #expect(Set(PageKinds.pages(in: m).map(\.path)).count == PageKinds.pages(in: m).count)
    }
}
