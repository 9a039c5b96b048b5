import ArgumentParser
import Foundation
import OKRContent
import OKRCore

/// `okrportal import`: a site's teams and objectives from a spreadsheet.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write content/teams.yml and the objective files from a CSV file (the columns of data/okrs.csv).",
        discussion: """
            One row per key result; rows with the same objective_id make one objective. The columns are \
            those of the portal's own data/okrs.csv, found by name in any order; unknown columns are \
            ignored. Required: team, period, objective_id, objective_title, kr_id, kr_title. Excel's \
            dialects are read: ';' separator (then also decimal commas), UTF-8 with or without BOM, and \
            Windows-1252 (with a warning).

            Without okrportal.yml in SITE_DIR, one is written with the periods found (dates from \
            period_start/period_end, or from ids like 2026-Q4). Every bad cell is reported as \
            FILE.csv:LINE:COLUMN: error: COLUMN_NAME: … and nothing is written (exit 1). An existing \
            file is never overwritten without --force (exit 2).

            Example:
              okrportal import okrs.csv new-site
              okrportal import --force export.csv .
            """
    )

    @Argument(help: "The CSV file.")
    var file: String

    @Argument(help: "The site folder to write into (created when missing).")
    var siteDir: String = "."

    @Flag(help: "Overwrite files that exist.")
    var force = false

    @Option(help: "The site's title, when okrportal.yml is written.")
    var title = "OKRs"

    @Option(help: "The site's language (de or en), when okrportal.yml is written.")
    var language = "en"

    @Option(
        name: .customLong("stale-after-days"),
        help: "stale_after_days, when okrportal.yml is written: keep the old site's value so \"outdated\" matches.")
    var staleAfterDays = 14

    func validate() throws {
        guard ["de", "en"].contains(language) else { throw ValidationError("--language must be de or en") }
        guard (1...3650).contains(staleAfterDays) else { throw ValidationError("--stale-after-days must be 1…3650") }
    }

    func run() throws {
        let bytes: [UInt8]
        switch FileSystem.read(file) {
        case .success(let b): bytes = b
        case .failure(let e):
            Terminal.standardError("error: cannot read \(file): \(e.message)")
            throw ExitCode(2)
        }
        var diagnostics = Diagnostics()
        var periods: [Period]?
        var config: SiteConfig?
        let configPath = SiteReader.join(siteDir, SiteReader.configFile)
        if FileSystem.exists(configPath) {
            var configDiagnostics = Diagnostics()
            guard case .success(let configBytes) = FileSystem.read(configPath),
                let read = ConfigReader.readConfig(
                    configBytes, path: SiteReader.configFile, diagnostics: &configDiagnostics),
                !configDiagnostics.hasErrors
            else {
                for d in configDiagnostics.sorted { Terminal.standardError(Terminal.diagnostic(d)) }
                Terminal.standardError("error: \(configPath) cannot be read; 'okrportal check' tells why")
                throw ExitCode(2)
            }
            periods = Array(read.periods)
            config = read
        }
        let table = CSVTable.read(bytes, path: file, diagnostics: &diagnostics)
        let plan = table.flatMap {
            CSVImport.plan(
                $0, path: file, periods: periods, title: title, language: language, staleAfterDays: staleAfterDays,
                diagnostics: &diagnostics)
        }
        for d in diagnostics.sorted { Terminal.standardError(Terminal.diagnostic(d)) }
        guard let plan, !diagnostics.hasErrors else {
            Terminal.standardError("error: \(diagnostics.errorCount) problem(s) in \(file); nothing was written")
            throw ExitCode(1)
        }
        let problems = Self.problems(of: plan, config: config, siteDir: siteDir)
        if !problems.isEmpty {
            for d in problems { Terminal.standardError(Terminal.diagnostic(d)) }
            Terminal.standardError(
                "error: the site the import would write does not pass 'okrportal check' (\(problems.count) "
                    + "error(s) above, in the files it would write); fix the CSV; nothing was written")
            throw ExitCode(1)
        }
        let existing = Scaffold.existing(plan.files.map { ($0.path, $0.text) }, in: siteDir)
        if !existing.isEmpty, !force {
            for path in existing.prefix(10) {
                Terminal.standardError("error: \(SiteReader.join(siteDir, path)) exists; --force overwrites it")
            }
            if existing.count > 10 { Terminal.standardError("error: … and \(existing.count - 10) more files exist") }
            Terminal.standardError("error: nothing was written")
            throw ExitCode(2)
        }
        for (path, text) in plan.files {
            let full = SiteReader.join(siteDir, path)
            if case .failure(let e) = FileSystem.makeDirectories((full as NSString).deletingLastPathComponent) {
                Terminal.standardError("error: \(e.path): \(e.message)")
                throw ExitCode(2)
            }
            // A temporary file renamed into place: an interrupted import leaves no half-written file.
            let temporary = full + ".import-tmp"
            if case .failure(let e) = FileSystem.write(temporary, text) {
                Terminal.standardError("error: \(e.path): \(e.message)")
                throw ExitCode(2)
            }
            if case .failure(let e) = FileSystem.rename(temporary, full) {
                Terminal.standardError("error: \(e.path): \(e.message)")
                throw ExitCode(2)
            }
        }
        Terminal.standardOutput(
            "imported \(plan.objectiveCount) objective(s) with \(plan.keyResultCount) key result(s) into "
                + "\(siteDir) (\(plan.files.count) files); run 'okrportal check \(siteDir)' next")
    }

    /// The errors `okrportal check` would report in the files the import writes, on the site as it will
    /// be: the imported files, plus the objectives of an existing site that the import leaves alone.
    static func problems(of plan: CSVImport.Plan, config existing: SiteConfig?, siteDir: String) -> [Diagnostic] {
        var diagnostics = Diagnostics()
        let written = Set(plan.files.map(\.path))
        var site = existing.map { Site(config: $0, teams: [], objectives: []) }
        if existing != nil, let read = try? SiteReader.read(root: siteDir, diagnostics: &diagnostics) {
            site = read
            site?.objectives.removeAll { written.contains($0.path) }
        }
        diagnostics = Diagnostics()
        for (path, text) in plan.files {
            if path == SiteReader.configFile {
                guard let config = ConfigReader.readConfig(text, path: path, diagnostics: &diagnostics) else {
                    continue
                }
                site = Site(config: config, teams: site?.teams ?? [], objectives: site?.objectives ?? [])
            } else if path == SiteReader.teamsFile {
                site?.teams = ConfigReader.readTeams(text, path: path, diagnostics: &diagnostics)
            } else if let objective = ObjectiveReader.read(text, path: path, diagnostics: &diagnostics) {
                site?.objectives.append(objective)
            }
        }
        if let site {
            let asOf = (try? AsOf.resolve(option: nil)) ?? Day(unixSeconds: 0)
            _ = Resolver.resolve(site, asOf: asOf, diagnostics: &diagnostics)
        }
        return diagnostics.sorted.filter { $0.severity == .error && written.contains($0.location.path) }
    }
}
