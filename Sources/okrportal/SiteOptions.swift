import ArgumentParser
import OKRContent
import OKRCore

/// Options every command that reads a site shares.
struct SiteOptions: ParsableArguments {
    @Argument(help: "The site folder (holding okrportal.yml).")
    var siteDir: String = "."

    @Option(
        name: .customLong("as-of"),
        help: "The day figures refer to, YYYY-MM-DD (default: SOURCE_DATE_EPOCH, else today).")
    var asOf: String?

    @Flag(help: "Include draft objectives.")
    var drafts = false

    @Option(
        help: ArgumentHelp(
            "Derive check-ins from the git history of the objective files: git or none (default: history: in okrportal.yml).",
            discussion: "Asked for here, a site outside a git repository or a missing git is an error (exit 2); "
                + "configured only, it is a warning."))
    var history: HistorySource?

    /// `site` with check-ins from git history when asked for; problems reading it exit 2.
    func applyHistory(to site: Site, asOf: Day, diagnostics: inout Diagnostics) throws(EnvironmentError) -> Site {
        try GitHistory(siteRoot: siteDir).apply(to: site, asOf: asOf, requested: history, diagnostics: &diagnostics)
    }

    /// The as-of day, or exit 2 with a message.
    func resolveAsOf() throws -> Day {
        do {
            return try AsOf.resolve(option: asOf)
        } catch {
            throw ValidationError(error.message)
        }
    }
}

extension HistorySource: ExpressibleByArgument {}
