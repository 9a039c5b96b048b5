/// The methodology checks of `okrportal check`: every rule over the resolved organisation, minus what
/// the site or a file silences. A stage of its own after resolving — hints, not the content format's
/// rules, so a site with hints still builds; `check --strict` turns them into errors.
public enum Lint {
    /// The registry, in id order.
    public static let rules: [any LintRule.Type] = [
        OKR001ObjectivesPerTeam.self, OKR002KeyResultsPerObjective.self, OKR003MeasurableKeyResult.self,
        OKR004NumberInObjectiveTitle.self, OKR005ActivityKeyResult.self, OKR006NotAligned.self,
        OKR007HighConfidence.self, OKR008OutdatedKeyResult.self, OKR009CommittedMissed.self,
    ]

    /// The rule with `id`, if there is one.
    public static func rule(_ id: String) -> (any LintRule.Type)? { rules.first { $0.id == id } }

    /// Every finding as a warning tagged with its rule id, and a warning for each ignore entry that names
    /// no rule. A finding is dropped when `okrportal.yml` ignores its rule, or when the file of any
    /// objective it is about does.
    public static func run(_ org: Organisation) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let ids = rules.map { $0.id }
        let known = Set(ids)
        func validate(_ refs: [RuleReference]) -> Set<String> {
            var result = Set<String>()
            for r in refs {
                if known.contains(r.id) {
                    result.insert(r.id)
                } else {
                    out.append(
                        Diagnostic(
                            .warning, r.location,
                            "lint.ignore names \"\(r.id)\", which is no rule\(Suggest.hint(for: r.id, in: ids)); "
                                + "the rules are OKR001…\(ids.last ?? "")"))
                }
            }
            return result
        }
        let siteIgnored = validate(org.config.lintIgnore)
        var fileIgnored: [ObjectiveIndex: Set<String>] = [:]
        for (o, objective) in org.objectives.indexed() where !objective.lintIgnore.isEmpty {
            fileIgnored[o] = validate(objective.lintIgnore)
        }
        let context = LintContext(org)
        for rule in rules where !siteIgnored.contains(rule.id) {
            for f in rule.check(context) {
                if f.objectives.contains(where: { fileIgnored[$0]?.contains(rule.id) == true }) { continue }
                out.append(Diagnostic(.warning, f.location, f.message, rule: rule.id))
            }
        }
        return out
    }

    /// Appends ``run(_:)``'s diagnostics to `diagnostics` — only when they hold no error yet. Rules count
    /// and average over the whole organisation; with errors those figures would be wrong (a file that
    /// cannot be read is missing from its team's count, an invalid confidence skews an average), so
    /// `check` reports the errors first and the hints once they are fixed.
    public static func check(_ org: Organisation, into diagnostics: inout Diagnostics) {
        guard !diagnostics.hasErrors else { return }
        diagnostics.append(contentsOf: run(org))
    }

    /// `check --strict`: the same diagnostics with every rule's warning turned into an error.
    public static func strict(_ diagnostics: Diagnostics) -> Diagnostics {
        var result = Diagnostics()
        for var d in diagnostics.items {
            if d.rule != nil { d.severity = .error }
            result.append(d)
        }
        return result
    }
}
