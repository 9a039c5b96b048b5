import ArgumentParser
import OKRCore

/// `okrportal rules`: what each methodology rule asks for, why, and where the why comes from.
struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explain the methodology rules that 'check' reports as [OKR…].",
        discussion: """
            Lists every rule with its id, what it asks for, why, and the source of the why; with an id, \
            only that rule. Silence a rule for one objective with 'lint: { ignore: [OKR003] }' in its front \
            matter, or for the whole site with the same setting in okrportal.yml.

            Example:
              okrportal rules OKR005
            """
    )

    @Argument(help: "A rule id such as OKR003 (default: all rules).")
    var id: String?

    func run() throws {
        let selected: [any LintRule.Type]
        if let id {
            guard let rule = Lint.rule(id) else {
                Terminal.standardError(
                    "error: no rule \"\(id)\"\(Suggest.hint(for: id, in: Lint.rules.map { $0.id })); "
                        + "'okrportal rules' lists them all")
                throw ExitCode(2)
            }
            selected = [rule]
        } else {
            selected = Lint.rules
        }
        for (i, rule) in selected.enumerated() {
            if i > 0 { Terminal.standardOutput("") }
            Terminal.standardOutput("\(rule.id)  \(rule.title)")
            Terminal.standardOutput("        \(rule.why)")
            Terminal.standardOutput("        Source: \(rule.source)")
        }
    }
}
