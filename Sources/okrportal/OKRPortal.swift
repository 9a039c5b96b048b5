import ArgumentParser
import Foundation

/// The `okrportal` command.
@main
struct OKRPortal: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "okrportal",
        abstract: "Publish a company's OKRs as a static intranet portal.",
        discussion: """
            A site is a folder with okrportal.yml, content/teams.yml and one Markdown file per objective \
            under content/objectives/. 'okrportal <command> --help' explains each command.

            Exit codes:
              0  no errors (warnings allowed)
              1  content errors (check, build)
              2  usage or environment errors: a wrong option, not a site, a file that exists, a port in use

            Diagnostics are coloured on a terminal and plain otherwise; NO_COLOR=1 turns colours off.

            Example:
              okrportal init okrs && cd okrs
              okrportal check .
              okrportal serve .
            """,
        version: okrportalVersion,
        subcommands: [
            Check.self, Build.self, Serve.self, Init.self, New.self, Checkin.self, Import.self, Rules.self, Views.self,
        ]
    )

    /// Runs the command; usage errors exit with 2 as the content format's exit codes say
    /// (swift-argument-parser's default would be 64).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asynchronous = command as? any AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
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
let okrportalVersion = "0.9.0"
