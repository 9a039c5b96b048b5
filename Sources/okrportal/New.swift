import ArgumentParser
import OKRContent
import OKRCore

/// `okrportal new`: files for a site that exists.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Add a file to a site (for now: an objective).",
        discussion: """
            Example:
              okrportal new objective --team sales --period 2026-Q4 "Win back the customers we lost"
            """,
        subcommands: [NewObjective.self]
    )
}

/// `okrportal new objective`: a well-formed objective file with the next free id.
struct NewObjective: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "objective",
        abstract: "Write a new objective file with two key results to fill in.",
        discussion: """
            The id is made from the title and the period (\"Win back lost customers\" in 2026-Q4 → \
            win-back-lost-customers-2026-q4), with -2, -3 … when that id is taken; the file is \
            content/objectives/<period>/<id>.md. Its key results are placeholders marked TODO that pass \
            'okrportal check' as they are, so the site keeps building while you fill them in. An unknown \
            team or period is an error that lists the valid ones; an existing file is never overwritten.

            Example:
              okrportal new objective --team sales --period 2026-Q4 "Win back the customers we lost"
              okrportal new objective --team web --period 2026-Q4 "Make the website our best salesperson" ~/okrs
            """
    )

    @Option(help: "The team's id from content/teams.yml.")
    var team: String

    @Option(help: "The period's id from okrportal.yml.")
    var period: String

    @Option(
        help:
            "The objective or key result it drives: objective-id or objective-id#kr-id (a path to its file is taken as its id)."
    )
    var alignsTo: String?

    @Argument(help: "The objective's title: qualitative, inspiring, without numbers.")
    var title: String

    @Argument(help: "The site folder (holding okrportal.yml).")
    var siteDir: String = "."

    func run() throws {
        let trimmed = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw ValidationError("the title is empty") }
        var diagnostics = Diagnostics()
        let site: Site?
        do { site = try SiteReader.read(root: siteDir, diagnostics: &diagnostics) } catch {
            Terminal.standardError("error: \(error.message)")
            throw ExitCode(2)
        }
        guard let site else {
            for d in diagnostics.sorted where d.severity == .error { Terminal.standardError(Terminal.diagnostic(d)) }
            Terminal.standardError("error: \(siteDir) has no usable okrportal.yml; 'okrportal check' tells why")
            throw ExitCode(2)
        }
        let teams = site.teams.map(\.id)
        guard teams.contains(team) else {
            Terminal.standardError(
                "error: no team \"\(team)\"\(Suggest.hint(for: team, in: teams)); the teams are: "
                    + (teams.isEmpty ? "(none in content/teams.yml)" : teams.joined(separator: ", ")))
            throw ExitCode(2)
        }
        let periods = site.config.periods.map(\.id)
        guard periods.contains(period) else {
            Terminal.standardError(
                "error: no period \"\(period)\"\(Suggest.hint(for: period, in: periods)); the periods are: "
                    + periods.joined(separator: ", "))
            throw ExitCode(2)
        }
        let folder = SiteReader.objectivesFolder + "/" + Slug.make(from: period)
        let id = Self.freeID(
            title: trimmed, period: period, taken: Set(site.objectives.map(\.id)),
            fileExists: { FileSystem.exists(SiteReader.join(siteDir, folder + "/" + $0 + ".md")) })
        let path = folder + "/" + id + ".md"
        var parent: String?
        do {
            parent = try alignsTo.map { (given) throws(Scaffold.Failure) in
                try Self.alignment(given, site: site, siteDir: siteDir)
            }
        } catch {
            Terminal.standardError("error: \(error.message); nothing was written")
            throw ExitCode(2)
        }
        let text = Self.text(title: trimmed, team: team, period: period, alignsTo: parent)
        let problems = Self.problems(of: text, path: path, in: site)
        guard problems.isEmpty else {
            for d in problems {
                Terminal.standardError(
                    "error: the new objective would not pass 'okrportal check' (line \(d.location.line) of the file "
                        + "it would be): \(d.message); nothing was written")
            }
            throw ExitCode(2)
        }
        let file = [(path, text)]
        if let clash = Scaffold.existing(file, in: siteDir).first {
            Terminal.standardError("error: \(clash) exists; new overwrites no file")
            throw ExitCode(2)
        }
        do { try Scaffold.write(file, in: siteDir) } catch {
            Terminal.standardError("error: \(error.message)")
            throw ExitCode(2)
        }
        Terminal.standardOutput("created \(SiteReader.join(siteDir, path)) (id \(id))")
    }

    /// The id for `title` in `period`: the title's first words as a slug and the period, with -2, -3 …
    /// when an objective or a file has it already.
    static func freeID(title: String, period: String, taken: Set<String>, fileExists: (String) -> Bool) -> String {
        let words = Slug.make(from: title).split(separator: "-").prefix(6)
        var stem = words.joined(separator: "-")
        let suffix = "-" + Slug.make(from: period)
        if stem.isEmpty { stem = "objective" }
        stem = String(stem.prefix(Slug.maxLength - suffix.count - 4))
        while stem.hasSuffix("-") { stem.removeLast() }
        let base = stem + suffix
        var id = base
        var n = 2
        while taken.contains(id) || fileExists(id) {
            id = "\(base)-\(n)"
            n += 1
        }
        return id
    }

    /// The file: front matter with TODO placeholders that validate, and a body that says what goes where.
    static func text(title: String, team: String, period: String, alignsTo: String?) -> String {
        let align =
            alignsTo.map { "aligns_to: \(Scaffold.quoted($0))" }
            ?? "# aligns_to: objective-id#kr1      # TODO: the objective (and key result) this one drives"
        return """
            ---
            title: \(Scaffold.quoted(title))
            team: \(team)
            period: \(period)
            \(align)
            type: aspirational                   # or committed: 1.0 expected
            key_results:
              # TODO: replace both with 2–5 outcomes you can measure (start → target), or milestones.
              - id: kr1
                title: "TODO: first key result – an outcome, from where you are to where you want to be"
                start: 0
                target: 100
                unit: "%"
              - id: kr2
                title: "TODO: second key result"
                start: 0
                target: 10
            ---

            TODO: why this objective matters and how the team goes about it (Markdown).

            """
    }
}
