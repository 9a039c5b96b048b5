import ArgumentParser
import Foundation

/// The `okrportal` command.
@main
struct OKRPortal: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "okrportal",
        abstract: "Publish a company's OKRs as a static intranet portal.",
        discussion: """
            A site is a folder with okrportal.yml, content/teams.yml and one Markdown file per objective \
            under content/objectives/. Exit codes: 0 clean (warnings allowed), 1 content errors, \
            2 usage or environment errors.

            Example:
              okrportal check .
            """,
        version: okrportalVersion,
        subcommands: [Check.self, Build.self, Rules.self]
    )

    /// Runs the command; usage errors exit with 2 as the content format's exit codes say
    /// (swift-argument-parser's default would be 64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                Terminal.standardError(fullMessage(for: error))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// The version printed by `--version`.
let okrportalVersion = "0.1.0"
