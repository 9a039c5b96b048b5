import OKRCore

/// A running period's published objectives forecast to end below what their type expects (0.7 for
/// aspirational, 1.0 for committed), largest gap first, and how many have no forecast yet: the health
/// and period pages' "Voraussichtlich unter Ziel".
public struct ForecastMissesView: TemplateView {
    let site: SiteModel
    /// The period.
    public let period: PeriodIndex
    /// The misses, largest gap first; equal gaps by title, then id.
    public let misses: [ForecastMissView]
    /// How many of the period's published objectives have no forecast.
    public let without: Int
    /// How many published objectives the period has.
    public let total: Int

    /// The misses among `objectives` (the period's published objectives, as the page lists them).
    init(site: SiteModel, period: PeriodIndex, objectives: [ObjectiveIndex]) {
        self.site = site
        self.period = period
        let org = site.org
        misses = Self.misses(org, objectives).map { ForecastMissView(site: site, objective: $0.0, forecast: $0.1) }
        without = objectives.reduce(0) { $0 + (org.states[$1].forecast.forecast == nil ? 1 : 0) }
        total = objectives.count
    }

    /// The objectives of `objectives` whose forecast misses their type's expected score, with it, largest
    /// gap first; equal gaps by title, then id (ids are unique, so the order is total).
    static func misses(_ org: Organisation, _ objectives: [ObjectiveIndex]) -> [(ObjectiveIndex, Forecast)] {
        objectives.compactMap { o -> (ObjectiveIndex, Forecast, Double)? in
            guard let f = org.states[o].forecast.forecast else { return nil }
            let threshold = org.objectives[o].type.expectedScore
            return f.misses(threshold) ? (o, f, f.gap(to: threshold)) : nil
        }
        .sorted { a, b in
            if a.2 != b.2 { return a.2 > b.2 }
            let (x, y) = (org.objectives[a.0], org.objectives[b.0])
            return x.title != y.title ? x.title < y.title : x.id < y.id
        }
        .map { ($0.0, $0.1) }
    }

    /// "2 von 12 Zielen des Zeitraums haben noch keine Prognose." / "Alle 12 Ziele … haben eine Prognose."
    public var withoutLabel: String {
        let f = site.format
        if without == 0 { return site.t.format("forecast_without_none", ["total": f.integer(total)]) }
        return site.t.format(
            without == 1 ? "forecast_without_one" : "forecast_without_other",
            ["count": f.integer(without), "total": f.integer(total)])
    }

    public static let schema = ViewSchema<ForecastMissesView>(
        "ForecastMisses", "A running period's objectives forecast to end below what their type expects.",
        fields: [
            .list("misses", "the objectives forecast to miss, largest gap first (ties by title, then id)") {
                $0.misses
            },
            .flag("has_misses", "whether any objective is forecast to miss") { !$0.misses.isEmpty },
            .number("without_count", "how many of the period's objectives have no forecast") { $0.without },
            .flag("has_without", "whether some have no forecast") { $0.without > 0 },
            .text("without_label", "\"2 von 12 Zielen des Zeitraums haben noch keine Prognose.\"") {
                $0.withoutLabel
            },
        ])
}

/// An objective forecast to end below what its type expects.
public struct ForecastMissView: TemplateView {
    let site: SiteModel
    /// The objective.
    public let objective: ObjectiveIndex
    /// Its forecast.
    public let forecast: Forecast

    /// What its type expects: 0.7 or 1.0.
    public var threshold: Double { site.org.objectives[objective].type.expectedScore }

    /// How far below, in whole percentage points.
    public var gapPoints: Int { Int(rounding: forecast.gap(to: threshold) * 100) }

    /// Its key result with the lowest forecast progress (the first of equals), if any has one.
    public var weakest: KeyResultIndex? {
        let states = site.org.states[objective].keyResults
        var best: (KeyResultIndex, Double)?
        for (k, s) in states.indexed() {
            guard let p = s.forecast.forecast?.progress else { continue }
            if best.map({ p < $0.1 }) ?? true { best = (k, p) }
        }
        return best?.0
    }

    private var words: ForecastWords { ForecastWords(site: site) }

    public static let schema = ViewSchema<ForecastMissView>(
        "ForecastMiss", "An objective forecast to end below what its type expects.",
        fields: [
            .view("objective", "the objective (title, url, team, …)") {
                ObjectiveSummaryView(site: $0.site, $0.objective)
            },
            .text("forecast", "its forecast with the band: `64 % (58–70 %)`") {
                $0.words.progressWithBand($0.forecast)
            },
            .text("forecast_pct", "its forecast progress: `64 %`") { $0.site.format.percent($0.forecast.progress) },
            .text("forecast_band", "the band, `58–70 %`; empty when it is one value") {
                $0.words.band($0.forecast) ?? ""
            },
            .text("threshold", "what its type expects: `70 %` or `100 %`") { $0.site.format.percent($0.threshold) },
            .number("gap_points", "how far below, in percentage points") { $0.gapPoints },
            .text("gap", "the gap in words: `6 Pp.`") {
                $0.site.t.format("forecast_gap", ["points": $0.site.format.integer($0.gapPoints)])
            },
            .text("gap_long", "\"6 Prozentpunkte unter 70 %\"") {
                $0.site.t.format(
                    "forecast_gap_long",
                    ["points": $0.site.format.integer($0.gapPoints), "threshold": $0.site.format.percent($0.threshold)])
            },
            .flag("has_weakest", "whether a key result has a forecast") { $0.weakest != nil },
            .text("weakest_title", "the key result with the weakest forecast") { v in
                v.weakest.map { v.site.org.objectives[v.objective].keyResults[$0].title } ?? ""
            },
            .text("weakest_url", "its row on the objective's page") { v in
                v.weakest.map { v.site.routes.keyResult(v.objective, $0) } ?? ""
            },
            .text("weakest_pct", "its forecast progress: `40 %`") { v in
                v.weakest.flatMap { v.site.org.states[v.objective].keyResults[$0].forecast.forecast }
                    .map { v.site.format.percent($0.progress) } ?? ""
            },
        ])
}
