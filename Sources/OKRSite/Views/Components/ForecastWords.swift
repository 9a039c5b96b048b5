import OKRCore

/// A forecast in words, for the site's language: "Bei diesem Tempo: 82 % am 31.12. (74–90 %)", or why
/// there is none yet. Shared by the key-result rows, the objective page and the lists of misses.
struct ForecastWords {
    let t: Strings
    let f: Formatter

    init(site: SiteModel) {
        t = site.t
        f = site.format
    }

    init(t: Strings, f: Formatter) {
        self.t = t
        self.f = f
    }

    /// The band as progress, "74–90 %"; `nil` when both ends round to the same percentage.
    func band(_ forecast: Forecast) -> String? {
        let low = Int(rounding: Progress.clamp(forecast.low) * 100)
        let high = Int(rounding: Progress.clamp(forecast.high) * 100)
        guard low != high else { return nil }
        return String(low) + "–" + f.percent(forecast.high)
    }

    /// "82 % (74–90 %)", or "82 %" without a band.
    func progressWithBand(_ forecast: Forecast) -> String {
        let pct = f.percent(forecast.progress)
        return band(forecast).map { t.format("forecast_with_band", ["progress": pct, "band": $0]) } ?? pct
    }

    /// "Bei diesem Tempo: 82 % am 31.12. (74–90 %)".
    func line(_ forecast: Forecast) -> String {
        let date = f.shortDate(forecast.end)
        let pct = f.percent(forecast.progress)
        if let band = band(forecast) {
            return t.format("forecast_line_band", ["progress": pct, "date": date, "band": band])
        }
        return t.format("forecast_line", ["progress": pct, "date": date])
    }

    /// Why there is no forecast, after "Noch keine Prognose:"; `nil` where a row should say nothing
    /// (milestones have no pace; closed periods have grades; a missing period is reported elsewhere).
    func reason(_ r: NoForecastReason) -> String? {
        switch r {
        case .milestone, .periodClosed, .noPeriod: return nil
        case .notMeasurable: return t["forecast_reason_not_measurable"]
        case .tooEarly(let from): return t.format("forecast_reason_too_early", ["date": f.shortDate(from)])
        case .tooFewPoints(let points):
            return t.format(
                "forecast_reason_too_few", ["points": f.integer(points), "needed": f.integer(Forecast.minimumPoints)])
        case .sameDay: return t["forecast_reason_same_day"]
        case .outOfRange: return t["forecast_reason_out_of_range"]
        case .supportersWithout(let missing, let of):
            return t.format("forecast_reason_supporters", ["missing": f.integer(missing), "total": f.integer(of)])
        case .noSupporters: return t["forecast_reason_no_supporters"]
        case .keyResultsWithout(let missing, let of):
            return t.format("forecast_reason_krs", ["missing": f.integer(missing), "total": f.integer(of)])
        }
    }

    /// "Noch keine Prognose: ab 18.10.", or `nil` where nothing is said.
    func none(_ r: NoForecastReason) -> String? {
        reason(r).map { t.format("forecast_none", ["reason": $0]) }
    }

    /// What a row or page says about `outcome` in a period that is open (`open`), else nothing:
    /// the forecast line, or why there is none, or `nil`.
    func text(_ outcome: ForecastOutcome, open: Bool) -> String? {
        guard open else { return nil }
        switch outcome {
        case .forecast(let forecast): return line(forecast)
        case .none(let r): return none(r)
        }
    }
}
