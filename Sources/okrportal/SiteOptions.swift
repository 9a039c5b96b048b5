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
