import ArgumentParser
import Foundation
import OKRContent
import OKRCore

/// `okrportal check`: read, resolve and report, without writing anything.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a site's OKRs and report every problem.",
        discussion: """
            Prints one line per problem as path:line:col: error|warning: message, sorted by path and line, \
            then a summary. Exits 0 when there are no errors, 1 when there are, 2 when SITE_DIR is not a site \
            (or, with --history git, not in a git repository).

            Besides the content format's rules, check gives methodology hints, each tagged with its rule id \
            ([OKR003]); 'okrportal rules' explains them, 'lint: { ignore: [OKR003] }' in a file or in \
            okrportal.yml silences them, and --strict turns them into errors (for CI).

            With --format json, prints one JSON document instead: {"diagnostics": [{"path", "line", \
            "column", "severity", "message", "rule"}], "summary": {"objectives", "keyResults", "teams", \
            "periods", "errors", "warnings"}} (rule only where the problem has one; the counts of the site \
            are null when okrportal.yml is unusable). The exit codes stay the same.

            Example:
              okrportal check . --as-of 2026-11-29 --strict
              okrportal check . --format json > problems.json
              okrportal check . --as-of 2026-11-29 --history git
              okrportal check . --due
            """
    )

    @OptionGroup var site: SiteOptions

    @Flag(help: "Treat methodology hints ([OKR…]) as errors: exit 1 when any rule fires.")
    var strict = false

    @Option(help: "text (default: one line per problem) or json (one document, for editors and bots).")
    var format: CheckFormat = .text

    @Flag(
        help: """
            Also list overdue check-ins per owner (path:line:col of each key result), for a CI job that \
            reminds them in chat. Does not change the exit code.
            """)
    var due = false

    func run() throws {
        let asOf = try site.resolveAsOf()
        var diagnostics = Diagnostics()
        let t0 = DispatchTime.now().uptimeNanoseconds
        let pipeline = SitePipeline(
            siteRoot: site.siteDir, asOf: asOf, includeDrafts: site.drafts, history: site.history)
        let result: SitePipeline.Result?
        do {
            result = try pipeline.run(diagnostics: &diagnostics)
        } catch {
            Terminal.standardError("error: \(error.message)")
            throw ExitCode(2)
        }
        if strict { diagnostics = Lint.strict(diagnostics) }
        if ProcessInfo.processInfo.environment["OKRPORTAL_TIMING"] != nil {
            Terminal.standardError("read and resolve \(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9) s")
        }
        var summary = "no usable okrportal.yml"
        var counts: CheckReport.Summary?
        if let org = result?.org {
            counts = CheckReport.Summary(
                objectives: org.objectives.count, keyResults: org.keyResultCount, teams: org.teams.teams.count,
                periods: org.periods.count, errors: 0, warnings: 0)
            summary =
                Terminal.plural(org.objectives.count, "objective") + ", "
                + Terminal.plural(org.keyResultCount, "key result") + ", "
                + Terminal.plural(org.teams.teams.count, "team") + ", "
                + Terminal.plural(org.periods.count, "period")
        }
        if format == .json {
            Terminal.standardOutput(CheckReport(diagnostics: diagnostics, counts: counts).json)
            Foundation.exit(diagnostics.hasErrors ? 1 : 0)
        }
        for d in diagnostics.sorted { Terminal.standardOutput(Terminal.diagnostic(d, fd: 1)) }
        if due, let org = result?.org { Terminal.standardOutput(Check.overdueReport(org)) }
        Terminal.standardOutput(
            "\(summary): \(Terminal.plural(diagnostics.errorCount, "error")), "
                + "\(Terminal.plural(diagnostics.warningCount, "warning"))")
        // Exit here rather than unwinding: freeing a large organisation object by object takes a
        // noticeable share of a check's time, and the process ends anyway.
        Foundation.exit(diagnostics.hasErrors ? 1 : 0)
    }
}

extension Check {
    /// The overdue check-ins per owner, in lines a chat message can carry:
    /// `Lena Hartmann: 2 overdue check-ins` followed by one indented `path:line:col: …` line each.
    static func overdueReport(_ org: Organisation) -> String {
        let groups = org.overdueCheckIns()
        guard !groups.isEmpty else { return "overdue check-ins as of \(org.asOf.iso): none" }
        var lines = ["overdue check-ins as of \(org.asOf.iso):"]
        for group in groups {
            let name = group.owner.isEmpty ? "(no owner)" : group.owner
            lines.append("\(name): \(Terminal.plural(group.items.count, "overdue check-in"))")
            for (o, k, due) in group.items {
                let objective = org.objectives[o]
                let kr = objective.keyResults[k]
                let at = kr.mark.location(in: objective.path)
                lines.append(
                    "  \(at.path):\(at.line):\(at.column): \(objective.id)#\(kr.id) \"\(kr.title)\" was due "
                        + "\(due.due.iso), \(Terminal.plural(-due.daysLeft, "day")) overdue (every \(due.every) days)")
            }
        }
        return lines.joined(separator: "\n")
    }
}
