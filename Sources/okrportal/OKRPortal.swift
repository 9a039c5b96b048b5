import ArgumentParser

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
        subcommands: [Check.self]
    )
}

/// The version printed by `--version`.
let okrportalVersion = "0.1.0"
