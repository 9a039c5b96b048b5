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

    /// The as-of day, or exit 2 with a message.
    func resolveAsOf() throws -> Day {
        do {
            return try AsOf.resolve(option: asOf)
        } catch {
            throw ValidationError(error.message)
        }
    }
}
