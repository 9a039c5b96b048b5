import OKRCore

/// The head of an objective's page: its summary with its type and origin explained.
public struct ObjectiveHeadView: TemplateView {
    /// The objective's summary.
    public let summary: ObjectiveSummaryView

    private var objective: Objective { summary.site.org.objectives[summary.objective] }

    public static let schema = ViewSchema<ObjectiveHeadView>(
        "ObjectiveHead", "An objective's summary with its type and origin explained (the objective page's head).",
        fields: Field.embed(\.summary) + [
            .text("type_explanation", "what committed or aspirational means") {
                $0.summary.site.t["type_\($0.objective.type.rawValue)_explained"]
            },
            .text("origin_label", "bottom-up or top-down, in words") {
                $0.summary.site.t["origin_\($0.objective.origin.rawValue)"]
            },
        ])
}

/// An objective in a chain of alignments, with the key result it is aligned through.
public struct ChainStepView: TemplateView {
    /// The objective aligned to.
    public let summary: ObjectiveSummaryView
    /// The key result of it that the alignment serves, if one.
    public let keyResult: KeyResultIndex?
    /// Whether ancestors are left out before this one.
    public let afterGap: Bool

    private var keyResultTitle: String? {
        keyResult.map { summary.site.org.objectives[summary.objective].keyResults[$0].title }
    }

    public static let schema = ViewSchema<ChainStepView>(
        "ChainStep", "An objective in a chain of alignments (why chains, person pages).",
        fields: Field.embed(\.summary) + [
            .flag("has_via_kr", "whether the alignment serves one of its key results") { $0.keyResult != nil },
            .text("via_kr", "that key result's title") { $0.keyResultTitle ?? "" },
            .text("via_kr_url", "that key result's row") { v in
                v.keyResult.map { v.summary.site.routes.keyResult(v.summary.objective, $0) } ?? ""
            },
            .flag("after_gap", "whether ancestors are left out before it") { $0.afterGap },
        ])
}

/// An objective this one continues or that continues it.
public struct LineageItemView: TemplateView {
    /// The other objective.
    public let summary: ObjectiveSummaryView
    /// "Fortsetzung von 2026-Q3" / "fortgesetzt in 2027-Q1".
    public let label: String

    public static let schema = ViewSchema<LineageItemView>(
        "LineageItem", "An objective this one continues, or one that continues it.",
        fields: Field.embed(\.summary) + [.text("lineage_label", "how the two are related") { $0.label }])
}

/// The end of a closed period on an objective's page: the grade with what the type expects, whether it
/// was set by hand, and the team's closing note (`retro:`), which appears only now.
public struct ClosingView: TemplateView {
    let site: SiteModel
    /// The objective.
    public let objective: ObjectiveIndex
    /// Its score.
    public let score: Double

    private var verdict: String { ObjectiveSummary.verdict(score: score, type: site.org.objectives[objective].type) }
    private var retro: String { site.org.objectives[objective].retro ?? "" }

    public static let schema = ViewSchema<ClosingView>(
        "Closing", "The grade and closing note of an objective whose period is over.",
        fields: [
            .html("grade_html", "the grade badge") { $0.site.components.gradeHTML($0.score) },
            .text("verdict", "what the score means for its type, in words") { v in
                let type = v.site.org.objectives[v.objective].type
                return v.site.t.format(
                    "closing_\(type.rawValue)_\(v.verdict)", ["expected": v.site.format.decimal1(type.expectedScore)])
            },
            .flag("verdict_met", "whether the score meets what its type expects") { $0.verdict == "met" },
            .flag("manual", "whether the score was set by hand") { $0.site.org.objectives[$0.objective].score != nil },
            .text("manual_note", "the computed score beside the one set by hand") { v in
                v.site.t.format(
                    "score_manual_objective",
                    ["computed": v.site.format.decimal1(Progress.roundScore(v.site.org.states[v.objective].progress))])
            },
            .flag("has_retro", "whether the team wrote a closing note") { !$0.retro.allSatisfy(\.isWhitespace) },
            .html("retro", "the closing note, rendered") { $0.site.markdown.html($0.retro, headingOffset: 2) },
        ])
}
