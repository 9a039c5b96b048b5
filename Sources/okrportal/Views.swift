import ArgumentParser
import OKRSite

/// `okrportal views`: the theme contract, for people writing a theme.
struct Views: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print every template's view and its fields (the theme contract, in Markdown).",
        discussion: """
            A theme's templates may use exactly these names: the build checks every tag against the view \
            its template renders and stops with path:line:col and the view's fields when a name is not \
            there. docs/theming.md holds the same text.

            Example:
              okrportal views > theme-contract.md
            """
    )

    func run() throws {
        Terminal.standardOutput(String(ThemeContract.markdown().dropLast()))
    }
}
