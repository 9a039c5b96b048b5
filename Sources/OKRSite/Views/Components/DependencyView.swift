import OKRCore

/// One cross-team dependency (`depends_on:`) as a page shows it, from either side: on the page of the
/// objective that needs something ("Braucht von"), or on the page of the objective needed ("Hilft").
/// Only dependencies between published objectives become views.
public struct DependencyView: TemplateView {
    let site: SiteModel
    /// The dependency.
    public let dependency: Dependency
    /// Whether the page is the dependent's (the view names the target), else the target's (the view
    /// names who needs it).
    public let onDependentSide: Bool
    /// Whether the target (its key result when the dependency names one) is forecast to miss its
    /// target by the end of the period. Computed in one place, ``forecastMisses(_:target:keyResult:)``;
    /// a dependent's page then warns as it does for a target at risk.
    public let targetForecastMisses: Bool

    /// The view of `d` on the page of its source (`onDependentSide`) or of its target.
    init(site: SiteModel, _ d: Dependency, onDependentSide: Bool) {
        self.site = site
        dependency = d
        self.onDependentSide = onDependentSide
        targetForecastMisses = Self.forecastMisses(site, target: d.target, keyResult: d.targetKeyResult)
    }

    /// Whether the objective `target` (or its key result `keyResult`) is forecast to end below what
    /// its objective's type expects (0.7 aspirational, 1.0 committed), see ``Forecast/misses(_:)``.
    static func forecastMisses(_ site: SiteModel, target: ObjectiveIndex, keyResult: KeyResultIndex?) -> Bool {
        guard let f = targetForecast(site.org, target: target, keyResult: keyResult) else { return false }
        return f.misses(site.org.objectives[target].type.expectedScore)
    }

    /// The forecast of the objective `target`, or of its key result `keyResult`, if there is one.
    static func targetForecast(_ org: Organisation, target: ObjectiveIndex, keyResult: KeyResultIndex?) -> Forecast? {
        let state = org.states[target]
        return (keyResult.map { state.keyResults[$0].forecast } ?? state.forecast).forecast
    }

    private var org: Organisation { site.org }

    /// The objective on the other side: the target on the dependent's page, the dependent on the
    /// target's.
    public var other: ObjectiveIndex { onDependentSide ? dependency.target : dependency.source }

    /// The key result on the other side, if the dependency names one there.
    public var otherKeyResult: KeyResultIndex? {
        onDependentSide ? dependency.targetKeyResult : dependency.sourceKeyResult
    }

    /// The key result on this page's side, if the dependency names one here.
    public var ownKeyResult: KeyResultIndex? {
        onDependentSide ? dependency.sourceKeyResult : dependency.targetKeyResult
    }

    /// The target's status that counts: its key result's when the dependency names one, else the
    /// objective's; `nil` once graded (a closed period has a grade, no risk).
    public var targetStatus: Status? {
        let state = org.states[dependency.target]
        if let k = dependency.targetKeyResult {
            return state.keyResults[k].score == nil ? state.keyResults[k].status : nil
        }
        return state.score == nil ? state.status : nil
    }

    /// Whether the dependent must be warned: the target is at risk or off track, or forecast to miss.
    public var targetInTrouble: Bool {
        guard let s = targetStatus else { return false }
        return s == .atRisk || s == .offTrack || targetForecastMisses
    }

    /// The target's name in the warning: its key result's title, else the objective's.
    var targetName: String {
        let o = org.objectives[dependency.target]
        return dependency.targetKeyResult.map { o.keyResults[$0].title } ?? o.title
    }

    /// "Risiko: „120 qualifizierte Leads …“ ist gefährdet" where the target is at risk or off track,
    /// "… landet bei diesem Tempo bei 45 % (erwartet 70 %)" where it is forecast to miss, both where
    /// both hold; else empty.
    public var riskLabel: String {
        guard targetInTrouble, let s = targetStatus else { return "" }
        var parts: [String] = []
        switch s {
        case .atRisk: parts.append(site.t.format("dependency_risk_at-risk", ["target": targetName]))
        case .offTrack: parts.append(site.t.format("dependency_risk_off-track", ["target": targetName]))
        default: break
        }
        if targetForecastMisses,
            let f = Self.targetForecast(org, target: dependency.target, keyResult: dependency.targetKeyResult)
        {
            let forecast = site.format.percent(f.progress)
            let expected = site.format.percent(org.objectives[dependency.target].type.expectedScore)
            let key = parts.isEmpty ? "dependency_risk_forecast" : "dependency_risk_also_forecast"
            parts.append(site.t.format(key, ["target": targetName, "forecast": forecast, "expected": expected]))
        }
        return parts.joined(separator: "; ")
    }

    /// The status badge of the thing the other side stands for: the target (its key result when named)
    /// on the dependent's page, the dependent objective on the target's.
    public var statusHTML: String {
        if onDependentSide, let k = dependency.targetKeyResult {
            let state = org.states[dependency.target].keyResults[k]
            return state.score.map { site.components.gradeHTML($0) } ?? site.components.statusHTML(state.status)
        }
        return ObjectiveSummaryView(site: site, other).statusHTML
    }

    public static let schema = ViewSchema<DependencyView>(
        "Dependency",
        "A cross-team dependency (`depends_on:`) seen from one side: on the dependent's page it names the target "
            + "(\"Braucht von\"), on the target's page who needs it (\"Hilft\").",
        fields: [
            .view("other", "the objective on the other side (title, url, team, …)") {
                ObjectiveSummaryView(site: $0.site, $0.other)
            },
            .view("source", "the objective that needs something") {
                ObjectiveSummaryView(site: $0.site, $0.dependency.source)
            },
            .view("target", "the objective needed") { ObjectiveSummaryView(site: $0.site, $0.dependency.target) },
            .flag("has_source_kr", "whether the need is one of the source's key results") {
                $0.dependency.sourceKeyResult != nil
            },
            .text("source_kr", "the title of the source's key result that needs the target, or empty") { v in
                v.dependency.sourceKeyResult.map { v.org.objectives[v.dependency.source].keyResults[$0].title } ?? ""
            },
            .flag("has_target_kr", "whether one of the target's key results is needed") {
                $0.dependency.targetKeyResult != nil
            },
            .text("target_kr", "the title of the target's key result needed, or empty") { v in
                v.dependency.targetKeyResult.map { v.org.objectives[v.dependency.target].keyResults[$0].title } ?? ""
            },
            .flag("has_other_kr", "whether the other side names one of its key results") { $0.otherKeyResult != nil },
            .text("other_kr", "the title of the other side's key result, or empty") { v in
                v.otherKeyResult.map { v.org.objectives[v.other].keyResults[$0].title } ?? ""
            },
            .text("other_kr_url", "the other side's key result on its objective's page, or empty") { v in
                v.otherKeyResult.map { v.site.routes.keyResult(v.other, $0) } ?? ""
            },
            .flag("has_own_kr", "whether this page's side is one of its key results") { $0.ownKeyResult != nil },
            .text("own_kr", "the title of this page's key result involved, or empty") { v in
                let own = v.onDependentSide ? v.dependency.source : v.dependency.target
                return v.ownKeyResult.map { v.org.objectives[own].keyResults[$0].title } ?? ""
            },
            .html("status_html", "the other side's status badge (the target key result's when one is named)") {
                $0.statusHTML
            },
            .flag("at_risk", "on the dependent's page: whether the target is at risk, off track or forecast to miss") {
                $0.onDependentSide && $0.targetInTrouble
            },
            .text("risk_label", "\"Risiko: „…“ ist gefährdet\" where `at_risk`, else empty") {
                $0.onDependentSide ? $0.riskLabel : ""
            },
            .flag("forecast_misses", "whether the target is forecast to miss (not computed yet: always false)") {
                $0.targetForecastMisses
            },
        ])
}
