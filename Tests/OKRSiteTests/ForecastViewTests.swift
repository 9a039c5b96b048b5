import OKRTestSupport
import Testing

@testable import OKRCore
@testable import OKRSite

// Where forecasts show: rows, the objective page, the trend chart, the health and period pages' lists
// of misses. The views are tested with hand-made forecasts, so these tests pin the words and the
// order whatever the computation gives.

extension Organisation {
    /// This organisation with its states changed by `change`: hand-made forecasts for view tests.
    func replacingStates(_ change: (inout IndexedArray<ObjectiveIndex, ObjectiveState>) -> Void) -> Organisation {
        var states = self.states
        change(&states)
        var copy = Organisation(
            config: config, asOf: asOf, includeDrafts: includeDrafts, periodIndex: periodIndex,
            currentPeriod: currentPeriod, teams: teams, objectives: objectives, objectiveIndex: objectiveIndex,
            objectiveTeam: objectiveTeam, objectivePeriod: objectivePeriod, isPublished: isPublished, graph: graph,
            states: states, predecessor: predecessor, successors: successors)
        // Set after resolving (`depends_on:`); everything else comes through the initializer.
        copy.dependencies = dependencies
        return copy
    }
}

private func day(_ iso: String) -> Day { Day(iso: iso)! }  // test literals are valid dates

/// A forecast of progress `p` with band `low`…`high`, ending 2026-12-31.
private func forecast(_ p: Double, _ low: Double, _ high: Double, line: ForecastLine? = nil) -> ForecastOutcome {
    .forecast(Forecast(value: nil, progress: p, low: low, high: high, end: day("2026-12-31"), line: line))
}

/// A running Q4 objective with a metric, a milestone and a children key result, plus a closed Q3 one.
private func forecastSite() throws -> SiteFixture {
    try SiteFixture(
        Fixtures.site([
            "goal.md": Fixtures.objective(
                "goal", extra: "type: committed\n",
                keyResults: """
                      - id: kr1
                        title: Follower gewinnen
                        start: 5000
                        target: 6000
                        unit: Follower
                        checkins:
                          - { date: 2026-10-20, value: 5200 }
                          - { date: 2026-11-20, value: 5500 }
                      - id: kr2
                        title: Webinar durchgeführt
                        kind: milestone
                      - id: kr3
                        title: Beiträge der Teams
                        kind: children

                    """),
            "a.md": Fixtures.objective("a-obj", team: "marketing", extra: "aligns_to: goal#kr3\n"),
            "b.md": Fixtures.objective("b-obj", team: "sales", extra: "aligns_to: goal#kr3\n"),
            "c.md": Fixtures.objective("c-obj", team: "social-media", extra: "aligns_to: a-obj\n"),
            "old.md": Fixtures.objective("old", period: "2026-Q3"),
        ]))
}

private func model(
    _ fixture: SiteFixture, _ change: (Organisation, inout IndexedArray<ObjectiveIndex, ObjectiveState>) -> Void
)
    throws -> SiteModel
{
    let m = try fixture.model()
    let org = m.org.replacingStates { change(m.org, &$0) }
    return SiteModel(org: org, theme: m.theme, charts: true)
}

@Suite struct ForecastRowTests {
    @Test func aRowSaysWhereItLandsWithItsBand() throws {
        let fixture = try forecastSite()
        let m = try model(fixture) { org, s in
            s[org.objectiveIndex["goal"]!].keyResults[0].forecast = forecast(0.82, 0.74, 0.9)
        }
        let o = try #require(m.org.objectiveIndex["goal"])
        let row = KeyResultRowView(site: m, o, 0)
        #expect(row.forecastText == "Bei diesem Tempo: 82\u{A0}% am 31.12. (74–90\u{A0}%)")
        #expect(row.text("forecast_pct") == "82\u{A0}%")
        #expect(row.text("forecast_band") == "74–90\u{A0}%")
        #expect(row.flag("has_forecast") == true)
    }

    @Test func aBandThatRoundsToOneValueIsLeftOut() throws {
        let fixture = try forecastSite()
        let m = try model(fixture) { org, s in
            s[org.objectiveIndex["goal"]!].keyResults[0].forecast = forecast(0.82, 0.818, 0.822)
        }
        let row = KeyResultRowView(site: m, try #require(m.org.objectiveIndex["goal"]), 0)
        #expect(row.forecastText == "Bei diesem Tempo: 82\u{A0}% am 31.12.")
        #expect(row.text("forecast_band") == "")
    }

    @Test func withoutAForecastARowSaysWhyInWords() throws {
        let fixture = try forecastSite()
        let cases: [(NoForecastReason, String)] = [
            (.tooEarly(from: day("2026-10-19")), "Noch keine Prognose: ab 19.10."),
            (.tooFewPoints(points: 2), "Noch keine Prognose: erst 2 von 3 Messpunkten"),
            (.sameDay, "Noch keine Prognose: alle Messpunkte am selben Tag"),
            (.supportersWithout(missing: 2, of: 5), "Noch keine Prognose: 2 von 5 beitragenden Zielen ohne Prognose"),
            (.noSupporters, "Noch keine Prognose: kein beitragendes Ziel"),
            (.notMeasurable, "Noch keine Prognose: Start oder Ziel fehlt"),
            // Milestones have no pace: their rows stay calm.
            (.milestone, ""),
        ]
        for (reason, text) in cases {
            let m = try model(fixture) { org, s in s[org.objectiveIndex["goal"]!].keyResults[0].forecast = .none(reason)
            }
            let row = KeyResultRowView(site: m, try #require(m.org.objectiveIndex["goal"]), 0)
            #expect(row.forecastText == text, "\(reason)")
            #expect(row.flag("has_forecast_text") == !text.isEmpty)
            #expect(row.flag("has_forecast") == false)
        }
    }

    @Test func aClosedPeriodShowsNoForecastEvenIfOneWereThere() throws {
        let fixture = try forecastSite()
        let line = ForecastLine(
            origin: day("2026-07-01"), intercept: 0, slope: 1, residualDeviation: 5, points: 4, meanDay: 20,
            daySpread: 800, multiplier: 1.886)
        let m = try model(fixture) { org, s in
            let o = org.objectiveIndex["old"]!
            s[o].keyResults[0].forecast = forecast(0.9, 0.8, 1, line: line)
            s[o].forecast = forecast(0.9, 0.8, 1)
        }
        let o = try #require(m.org.objectiveIndex["old"])
        let row = KeyResultRowView(site: m, o, 0)
        #expect(row.forecastText == "")
        #expect(row.forecast == nil)
        #expect(row.trend?.contains("projection") == false)
        #expect(ObjectivePageView(m, o).forecastText == "")
    }

    @Test func theObjectivePageSaysWhereTheObjectiveLandsOrWhyItCannotYet() throws {
        let fixture = try forecastSite()
        let with = try model(fixture) { org, s in s[org.objectiveIndex["goal"]!].forecast = forecast(0.64, 0.58, 0.7) }
        let o = try #require(with.org.objectiveIndex["goal"])
        #expect(ObjectivePageView(with, o).forecastText == "Bei diesem Tempo: 64\u{A0}% am 31.12. (58–70\u{A0}%)")
        let html = try #require(PageKinds.pages(in: with).first { $0.id == .objective(o) }).html()
        #expect(html.contains("<p class=\"note forecast\">Bei diesem Tempo: 64\u{A0}% am 31.12. (58–70\u{A0}%)"))
        #expect(html.contains("href=\"help.html#forecast\""))

        let without = try model(fixture) { org, s in
            s[org.objectiveIndex["goal"]!].forecast = .none(.keyResultsWithout(missing: 2, of: 3))
        }
        #expect(
            ObjectivePageView(without, o).forecastText
                == "Noch keine Prognose: 2 von 3 Schlüsselergebnissen ohne Prognose")
    }

    @Test func theRowTextIsInTheObjectivePagesTableLinkedToTheHelp() throws {
        let fixture = try forecastSite()
        let m = try model(fixture) { org, s in
            s[org.objectiveIndex["goal"]!].keyResults[0].forecast = forecast(0.82, 0.74, 0.9)
        }
        let o = try #require(m.org.objectiveIndex["goal"])
        let html = try #require(PageKinds.pages(in: m).first { $0.id == .objective(o) }).html()
        #expect(
            html.contains(
                "<a class=\"sub forecast\" href=\"help.html#forecast\">Bei diesem Tempo: 82\u{A0}% am 31.12. (74–90\u{A0}%)</a>"
            ))
        let help = try #require(PageKinds.pages(in: m).first { $0.id == .help }).html()
        #expect(help.contains("id=\"forecast\""))
        #expect(help.contains("Ausgleichsgerade"))
    }
}

@Suite struct ForecastChartTests {
    let kr = KeyResult(id: "kr1", title: "Follower", kind: .metric, start: 0, target: 100)

    /// The German labels and the running period Q4 of the fixture.
    private func setting() throws -> (ChartLabels, Period) {
        let m = try forecastSite().model()
        return (m.labels, m.org.periods[try #require(m.org.periodIndex["2026-Q4"])])
    }

    @Test func theTrendChartProjectsTheFittedLineDashedToThePeriodsEndInsideItsBand() throws {
        let (labels, period) = try setting()
        // 0.5 a day from 0 on Oct 1: 45.5 on Dec 31 (day 91); the band's half width there is
        // line.bandHalfWidth(at:) — wider than at the as-of date.
        let line = ForecastLine(
            origin: period.start, intercept: 0, slope: 0.5, residualDeviation: 4, points: 4, meanDay: 30,
            daySpread: 1800, multiplier: 1.886)
        let fc = Forecast(
            value: 45.5, progress: 0.455, low: 0.415, high: 0.495, end: period.end, line: line)
        let checkins = [
            CheckIn(date: day("2026-10-20"), value: 10), CheckIn(date: day("2026-11-10"), value: 20),
            CheckIn(date: day("2026-11-25"), value: 28),
        ]
        let svg = try #require(
            TrendChart.svg(
                kr: kr, checkins: checkins, period: period, asOf: day("2026-11-29"), labels: labels, id: "t",
                forecast: fc))
        let scale = try #require(TrendChart.scale(kr: kr, checkins: checkins, period: period, forecast: fc))
        let end = SVG.n(scale.x(period.end))
        let from = SVG.n(scale.x(day("2026-11-29")))
        // The dashed projection from the as-of date to the period's last day, along the line.
        #expect(
            svg.contains(
                "<line class=\"projection\" x1=\"\(from)\" y1=\"\(SVG.n(scale.y(line.value(at: day("2026-11-29")))))\" x2=\"\(end)\" y2=\"\(SVG.n(scale.y(45.5)))\""
            ))
        // The band: a polygon whose right edge stands on the period's end, the line ± its half width
        // there, and which is narrower where the projection starts.
        let band = try #require(svg.range(of: "<polygon class=\"forecast-band\" points=\""))
        let points = svg[band.upperBound...].prefix { $0 != "\"" }
        let w = line.bandHalfWidth(at: period.end)
        #expect(points.contains("\(end),\(SVG.n(scale.y(45.5 + w)))"))
        #expect(points.contains("\(end),\(SVG.n(scale.y(45.5 - w)))"))
        let asOf = day("2026-11-29")
        let w0 = line.bandHalfWidth(at: asOf)
        #expect(w0 < w)
        #expect(points.contains("\(from),\(SVG.n(scale.y(line.value(at: asOf) + w0)))"))
        // The end value labelled, and the text alternative says it.
        #expect(svg.contains(">Prognose 45,5</text>"))
        #expect(
            svg.contains(
                "Gestrichelt fortgeschrieben im bisherigen Tempo: 45,5 am 31.12.2026 (46\u{A0}% Fortschritt, Spanne 42–50\u{A0}%)."
            ))
        // The axis reaches the period's end: its last point is the plot's right edge.
        #expect(scale.x(period.end) == TrendChart.plot.edges.right)
    }

    @Test func withoutAForecastThereIsNoProjection() throws {
        let (labels, period) = try setting()
        let svg = try #require(
            TrendChart.svg(
                kr: kr, checkins: [CheckIn(date: day("2026-10-20"), value: 10)], period: period,
                asOf: day("2026-11-29"), labels: labels, id: "t"))
        #expect(!svg.contains("projection"))
        #expect(!svg.contains("forecast-band"))
    }
}

@Suite struct ForecastMissesTests {
    /// goal (committed) 0.9 → gap 10; a-obj (aspirational) 0.5 → gap 20; b-obj 0.8 → no miss;
    /// c-obj 0.6 → gap 10 (tie with goal, ordered by title); old (Q3) has none.
    private func misses() throws -> SiteModel {
        let fixture = try forecastSite()
        return try model(fixture) { org, s in
            s[org.objectiveIndex["goal"]!].forecast = forecast(0.9, 0.85, 0.95)
            s[org.objectiveIndex["goal"]!].keyResults[0].forecast = forecast(0.7, 0.6, 0.8)
            s[org.objectiveIndex["goal"]!].keyResults[2].forecast = forecast(0.4, 0.4, 0.4)
            s[org.objectiveIndex["a-obj"]!].forecast = forecast(0.5, 0.4, 0.6)
            s[org.objectiveIndex["a-obj"]!].keyResults[0].forecast = forecast(0.5, 0.4, 0.6)
            s[org.objectiveIndex["b-obj"]!].forecast = forecast(0.8, 0.7, 0.9)
            s[org.objectiveIndex["c-obj"]!].forecast = forecast(0.6, 0.6, 0.6)
        }
    }

    @Test func theListHoldsOnlyMissesLargestGapFirstTiesByTitle() throws {
        let m = try misses()
        let p = try #require(m.org.periodIndex["2026-Q4"])
        let v = ForecastMissesView(site: m, period: p, objectives: m.figures[p].objectives)
        #expect(v.misses.map { m.org.objectives[$0.objective].id } == ["a-obj", "c-obj", "goal"])
        #expect(v.misses.map(\.gapPoints) == [20, 10, 10])
        let first = v.misses[0]
        #expect(first.text("forecast") == "50\u{A0}% (40–60\u{A0}%)")
        #expect(first.text("threshold") == "70\u{A0}%")
        #expect(first.text("gap") == "20 Pp.")
        #expect(v.misses[1].text("forecast") == "60\u{A0}%")
        // The committed goal expects 100 %; its weakest key result is the children one at 40 %.
        let goal = v.misses[2]
        #expect(goal.text("threshold") == "100\u{A0}%")
        #expect(goal.text("weakest_title") == "Beiträge der Teams")
        #expect(goal.text("weakest_pct") == "40\u{A0}%")
        #expect(goal.text("weakest_url") == "objectives/goal.html#kr-kr3")
        // Four objectives in Q4, all with a forecast here.
        #expect(v.withoutLabel == "Alle 4 Ziele des Zeitraums haben eine Prognose.")
    }

    @Test func objectivesWithoutAForecastAreCounted() throws {
        let fixture = try forecastSite()
        let m = try model(fixture) { org, s in s[org.objectiveIndex["b-obj"]!].forecast = forecast(0.8, 0.7, 0.9) }
        let p = try #require(m.org.periodIndex["2026-Q4"])
        let v = ForecastMissesView(site: m, period: p, objectives: m.figures[p].objectives)
        #expect(v.misses.isEmpty)
        #expect(v.withoutLabel == "3 von 4 Zielen des Zeitraums haben noch keine Prognose.")
    }

    @Test func healthAndPeriodPagesListTheMissesOnlyWhileThePeriodRuns() throws {
        let m = try misses()
        let q4 = try #require(m.org.periodIndex["2026-Q4"])
        let q3 = try #require(m.org.periodIndex["2026-Q3"])
        let pages = PageKinds.pages(in: m)
        for id in [PageID.health(q4), .period(q4)] {
            let html = try #require(pages.first { $0.id == id }).html()
            #expect(html.contains("<h2 id=\"forecast-misses-h\">Voraussichtlich unter Ziel</h2>"), "\(id)")
            let a = try #require(html.range(of: "Objective a-obj</a></th>"))
            let c = try #require(html.range(of: "Objective c-obj</a></th>"))
            let goal = try #require(html.range(of: "Objective goal</a></th>"))
            #expect(a.lowerBound < c.lowerBound && c.lowerBound < goal.lowerBound)
            #expect(!html.contains("Objective b-obj</a></th><td data-label=\"Team\">"))
        }
        for id in [PageID.health(q3), .period(q3)] {
            let html = try #require(pages.first { $0.id == id }).html()
            #expect(!html.contains("forecast-misses"), "\(id)")
        }
        #expect(HealthPageView(m, q4).field("forecast_misses") == .items(1))
        #expect(HealthPageView(m, q3).field("forecast_misses") == .items(0))
    }
}

/// A closed Q3 with a metric growing 1 a day until its middle (2026-08-15), then ending at 80, and a
/// metric with only one check-in before the middle.
private let backTestFiles = Fixtures.site([
    "q3.md": Fixtures.objective(
        "q3", period: "2026-Q3",
        keyResults: """
              - id: kr1
                title: Linear bis zur Mitte
                start: 0
                target: 100
                checkins:
                  - { date: 2026-07-21, value: 20 }
                  - { date: 2026-08-10, value: 40 }
                  - { date: 2026-09-20, value: 80 }
              - id: kr2
                title: Zu spät gemessen
                start: 0
                target: 10
                checkins:
                  - { date: 2026-07-10, value: 1 }
                  - { date: 2026-09-01, value: 5 }
              - id: kr3
                title: Meilenstein
                kind: milestone
                done: true

            """),
    "q4.md": Fixtures.objective("q4"),
])

@Suite struct ForecastBackTestViewTests {
    @Test func aClosedPeriodComparesItsMidPeriodForecastsWithTheirFinalProgress() throws {
        let fixture = try SiteFixture(backTestFiles)
        let m = try fixture.model()
        let q3 = try #require(m.org.periodIndex["2026-Q3"])
        let v = try #require(m.org.backTest(period: q3).map { ForecastBackTestView(site: m, backTest: $0) })
        // The line through (Jul 1, 0), (Jul 21, 20), (Aug 10, 40) reaches 91 on Sep 30: 91 %, no band;
        // it ended at 80 % (the check-in after the middle is not seen by the forecast).
        #expect(v.text("middle") == "15.08.2026")
        #expect(v.text("mae") == "11 Pp.")
        #expect(v.text("inside_label") == "0 von 1")
        #expect(v.text("missing_label") == "1")
        #expect(v.rows.count == 1)
        let row = try #require(v.rows.first)
        #expect(row.text("title") == "Linear bis zur Mitte")
        #expect(row.text("forecast") == "91\u{A0}%")
        #expect(row.text("final") == "80\u{A0}%")
        #expect(row.text("error") == "11 Pp.")
        #expect(row.flag("inside") == false)
        #expect(row.text("url") == "objectives/q3.html#kr-kr1")
        // The objective has a milestone and a key result without a forecast at the middle: none either.
        #expect(v.objectivesLine == "Ziele: mittlerer Fehler –, 0 von 0 in ihrer Spanne, 1 ohne Prognose zur Mitte.")

        let pages = PageKinds.pages(in: m)
        let closed = try #require(pages.first { $0.id == .period(q3) }).html()
        #expect(closed.contains("<h2 id=\"backtest-h\">Wie gut waren die Prognosen?</h2>"))
        #expect(closed.contains("<dd>11 Pp.</dd>"))
        #expect(closed.contains(">91\u{A0}%</td>"))
        let q4 = try #require(m.org.periodIndex["2026-Q4"])
        let open = try #require(pages.first { $0.id == .period(q4) }).html()
        #expect(!open.contains("backtest"))
    }
}

extension IncrementalBuilderTests {
    @Test func anEarlyCheckInOfAClosedPeriodRendersItsBackTestAgain() throws {
        let fixture = try SiteFixture(backTestFiles)
        let builder = IncrementalBuilder(options: BuildOptions(siteRoot: fixture.root, asOf: Day(iso: "2026-11-29")!))
        let out = builder.output
        #expect(try builder.build().succeeded)
        // An older check-in: no line shows it, but the forecast of the middle day changes.
        let path = "content/objectives/q3.md"
        let text = try String(contentsOfFile: fixture.root + "/" + path, encoding: .utf8)
        try fixture.write(path, text.replacingOccurrences(of: "value: 40 }", with: "value: 30 }"))
        let edit = try builder.build()
        #expect(edit.succeeded && !edit.full)
        try expectSameAsFullBuild(fixture, out)
    }

    /// A middle check-in changes no line, only the fitted line: the objective's page, and the page of
    /// the objective whose children key result it supports (its forecast is the supporters' mean).
    @Test func forecastsStayInStepWithCheckIns() throws {
        let fixture = try SiteFixture(
            Fixtures.site([
                "p.md": Fixtures.objective(
                    "p",
                    keyResults: """
                          - id: kr1
                            title: Getragen
                            kind: children

                        """),
                "k.md": Fixtures.objective(
                    "k", team: "marketing", extra: "aligns_to: p#kr1\n",
                    keyResults: """
                          - id: kr1
                            title: Zahl
                            start: 0
                            target: 100
                            checkins:
                              - { date: 2026-10-20, value: 10 }
                              - { date: 2026-11-10, value: 30 }
                              - { date: 2026-11-25, value: 40 }

                        """),
            ]))
        let builder = IncrementalBuilder(options: BuildOptions(siteRoot: fixture.root, asOf: Day(iso: "2026-11-29")!))
        let out = builder.output
        #expect(try builder.build().succeeded)
        let path = "content/objectives/k.md"
        let text = try String(contentsOfFile: fixture.root + "/" + path, encoding: .utf8)
        let before = try String(contentsOfFile: out + "/objectives/p.html", encoding: .utf8)
        try fixture.write(path, text.replacingOccurrences(of: "value: 30 }", with: "value: 20 }"))
        #expect(try builder.build().succeeded)
        try expectSameAsFullBuild(fixture, out)
        #expect(try String(contentsOfFile: out + "/objectives/p.html", encoding: .utf8) != before)
    }
}

@Suite struct ForecastEnglishTests {
    @Test func anEnglishSiteSaysItInEnglish() throws {
        var files = Fixtures.site([
            "goal.md": Fixtures.objective("goal")
        ])
        files["okrportal.yml"] = Fixtures.config.replacingOccurrences(of: "language: de", with: "language: en")
        let fixture = try SiteFixture(files)
        let m = try model(fixture) { org, s in
            s[org.objectiveIndex["goal"]!].keyResults[0].forecast = forecast(0.82, 0.74, 0.9)
            s[org.objectiveIndex["goal"]!].forecast = .none(.tooEarly(from: day("2026-10-19")))
        }
        let o = try #require(m.org.objectiveIndex["goal"])
        #expect(KeyResultRowView(site: m, o, 0).forecastText == "At this pace: 82% on Dec 31 (74–90%)")
        #expect(ObjectivePageView(m, o).forecastText == "No forecast yet: from Oct 19")
    }
}
