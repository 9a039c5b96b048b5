import OKRCore

/// A closed period's "Wie gut waren die Prognosen?": each metric key result's forecast made on the
/// period's middle day (only the check-ins known then) against its final progress — the mean absolute
/// error, how many ended inside their band, how many had no forecast then, and the table.
public struct ForecastBackTestView: TemplateView {
    let site: SiteModel
    /// The back-test (see ``ForecastBackTest``).
    public let backTest: ForecastBackTest

    private var f: Formatter { site.format }
    private var t: Strings { site.t }

    /// The mean absolute error in percentage points, one decimal: `6,2`; `nil` without forecasts.
    public var meanAbsoluteErrorPoints: String? {
        backTest.meanAbsoluteError.map { f.number($0 * 100, maxDecimals: 1) }
    }

    /// "Ziele: mittlerer Fehler 7 Pp., 2 von 5 in ihrer Spanne, 3 ohne Prognose zur Mitte."
    public var objectivesLine: String {
        let b = backTest
        let mae = b.objectiveMeanAbsoluteError.map {
            t.format("backtest_points", ["points": f.number($0 * 100, maxDecimals: 1)])
        }
        return t.format(
            "backtest_objectives",
            [
                "mae": mae ?? "–", "inside": f.integer(b.objectivesInsideBand),
                "total": f.integer(b.objectiveRows.count),
                "without": f.integer(b.objectivesWithout),
            ])
    }

    /// The rows, in the back-test's order (objective by path, then key result in file order).
    public var rows: [ForecastBackTestRowView] { backTest.rows.map { ForecastBackTestRowView(site: site, row: $0) } }

    public static let schema = ViewSchema<ForecastBackTestView>(
        "ForecastBackTest", "A closed period's forecasts from its middle day against what happened.",
        fields: [
            .text("middle", "the day the forecasts were made on: `15.08.2026`") { $0.f.date($0.backTest.middle) },
            .text("intro", "what was compared, in one sentence") {
                $0.t.format("backtest_intro", ["date": $0.f.date($0.backTest.middle)])
            },
            .flag("has_rows", "whether any key result had a forecast on the middle day") {
                !$0.backTest.rows.isEmpty
            },
            .number("forecast_count", "how many metric key results had a forecast") { $0.backTest.forecastCount },
            .number("missing_count", "how many had none") { $0.backTest.missingCount },
            .number("inside_count", "how many ended inside their band") { $0.backTest.insideBand },
            .text("mae", "the mean absolute error in percentage points: `6,2 Pp.`; `–` without forecasts") { v in
                v.meanAbsoluteErrorPoints.map { v.t.format("backtest_points", ["points": $0]) } ?? "–"
            },
            .text("mae_hint", "what the error means") { $0.t["backtest_mae_hint"] },
            .text("inside_label", "\"5 von 8\"") {
                $0.t.format(
                    "backtest_of",
                    ["count": $0.f.integer($0.backTest.insideBand), "total": $0.f.integer($0.backTest.forecastCount)])
            },
            .text("inside_hint", "what inside the band means") { $0.t["backtest_inside_hint"] },
            .text("missing_label", "how many metric key results had no forecast on the middle day: `3`") {
                $0.f.integer($0.backTest.missingCount)
            },
            .text("missing_hint", "why they can lack one") { $0.t["backtest_missing_hint"] },
            .list("rows", "the key results with a forecast, by objective") { $0.rows },
            .flag("has_objectives", "whether the period has published objectives to test") {
                !$0.backTest.objectiveRows.isEmpty || $0.backTest.objectivesWithout > 0
            },
            .text(
                "objectives_line",
                "the objectives' figures in one sentence: mean error, inside their band, without a forecast"
            ) { $0.objectivesLine },
        ])
}

/// A key result's forecast from the middle of its closed period against its final progress.
public struct ForecastBackTestRowView: TemplateView {
    let site: SiteModel
    /// The row.
    public let row: ForecastBackTest.Row

    public static let schema = ViewSchema<ForecastBackTestRowView>(
        "ForecastBackTestRow", "A key result's mid-period forecast against its final progress.",
        fields: [
            .text("objective_title", "the objective's title") { $0.site.org.objectives[$0.row.objective].title },
            .text("objective_url", "the objective's page") { $0.site.routes.objective($0.row.objective) },
            .text("title", "the key result's title") {
                $0.site.org.objectives[$0.row.objective].keyResults[$0.row.keyResult].title
            },
            .text("url", "its row on the objective's page") {
                $0.site.routes.keyResult($0.row.objective, $0.row.keyResult)
            },
            .text("forecast", "the forecast progress with its band: `62 % (55–70 %)`") {
                ForecastWords(site: $0.site).progressWithBand($0.row.forecast)
            },
            .text("final", "the final progress: `70 %`") { $0.site.format.percent($0.row.final) },
            .text("error", "|forecast − final| in percentage points: `8 Pp.`") {
                $0.site.t.format(
                    "backtest_points", ["points": $0.site.format.integer(Int(rounding: $0.row.error * 100))])
            },
            .flag("inside", "whether the final progress lies inside the band") { $0.row.isInsideBand },
            .text("inside_label", "\"in der Spanne\" or \"außerhalb\"") {
                $0.site.t[$0.row.isInsideBand ? "backtest_inside" : "backtest_outside"]
            },
        ])
}
