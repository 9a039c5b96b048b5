import ArgumentParser
import Foundation
import OKRContent
import OKRCore
import OKRSite

/// `okrportal build`: render the site into a folder, all or nothing.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the static portal.",
        discussion: """
            Reads and checks the site like 'check'; with no errors, renders every page into the output \
            folder (default SITE_DIR/public). The new output replaces the old one only when complete: a \
            failed build leaves the previous output exactly as it was. The output folder is replaced as a \
            whole, so it must be missing, empty, or an earlier output (it holds .okrportal-output); the \
            site, content/, a theme folder, a file or another folder is refused with exit 2.

            With --history git (or history: git in okrportal.yml), every commit that changed a key result's \
            current: or done: becomes a check-in dated by its author date (see docs/history.md).

            Example:
              okrportal build . --as-of 2026-11-29 --output /srv/www/okr --history git
            """
    )

    @OptionGroup var site: SiteOptions

    @Option(help: "The output folder (default: SITE_DIR/public).")
    var output: String?

    @Option(help: "A theme folder whose templates override the default theme.")
    var templates: String?

    @Flag(help: "Draw no SVG charts (text and tables only).")
    var noCharts = false

    @Flag(help: "Show progress and details even when not on a terminal.")
    var verbose = false

    @Flag(help: "Keep running and rebuild what changed whenever a file of the site changes.")
    var watch = false

    func run() throws {
        if watch { return try runWatching() }
        let start = DispatchTime.now()
        let asOf = try site.resolveAsOf()
        var diagnostics = Diagnostics()
        let showProgress = verbose || (isatty(2) == 1 && ProcessInfo.processInfo.environment["CI"] == nil)
        let options = BuildOptions(
            siteRoot: site.siteDir, output: output, templates: templates, asOf: asOf, includeDrafts: site.drafts,
            charts: !noCharts, history: site.history)
        var onProgress: (@Sendable (Int, Int) -> Void)?
        if showProgress {
            onProgress = { (done: Int, total: Int) in
                Terminal.progress("rendering \(done)/\(total) pages", final: done == total)
            }
        }
        let result = Result { () throws(EnvironmentError) -> BuildReport? in
            try SiteBuilder.build(options, diagnostics: &diagnostics, progress: onProgress)
        }
        let report: BuildReport?
        switch result {
        case .success(let r): report = r
        case .failure(let error):
            for d in diagnostics.sorted { Terminal.standardError(Terminal.diagnostic(d)) }
            Terminal.standardError("error: \(error.message)")
            throw ExitCode(2)
        }
        for d in diagnostics.sorted { Terminal.standardError(Terminal.diagnostic(d)) }
        guard let report else {
            Terminal.standardError(
                "build failed: \(Terminal.plural(diagnostics.errorCount, "error")); the previous output is unchanged")
            throw ExitCode(1)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        Terminal.standardOutput(
            "wrote \(report.pages) pages (\(report.files) files) to \(report.output) in "
                + String(format: "%.2f", seconds) + " s, as of \(asOf)"
                + (diagnostics.warningCount > 0 ? "; \(Terminal.plural(diagnostics.warningCount, "warning"))" : ""))
    }

    /// `--watch`: an incremental build after every change, until interrupted.
    func runWatching() throws {
        let asOf = try site.resolveAsOf()
        let builder = IncrementalBuilder(
            options: BuildOptions(
                siteRoot: site.siteDir, output: output, templates: templates, asOf: asOf, includeDrafts: site.drafts,
                charts: !noCharts, history: site.history))
        var lastStamps = Watcher.stamps(site.siteDir, extra: builder.watchedFiles)
        while true {
            let outcome: IncrementalBuilder.Outcome
            do {
                outcome = try builder.build()
            } catch {
                Terminal.standardError("error: \(error.message)")
                throw ExitCode(2)
            }
            for d in outcome.diagnostics { Terminal.standardError(Terminal.diagnostic(d)) }
            if outcome.succeeded {
                Terminal.standardOutput(
                    "\(outcome.full ? "built" : "rebuilt") \(outcome.rendered) of \(outcome.pages) pages, wrote "
                        + "\(outcome.written) files in \(String(format: "%.3f", outcome.seconds)) s")
            } else {
                Terminal.standardOutput(
                    "not built: \(Terminal.plural(outcome.diagnostics.filter { $0.severity == .error }.count, "error")); "
                        + "the previous output is unchanged")
            }
            // Git's files are known once history was read: from then on they count as seen.
            for path in builder.watchedFiles where lastStamps[path] == nil {
                lastStamps[path] = FileSystem.stamp(path)
            }
            // Poll for changes: stat calls are cheap, and they work on every file system.
            while true {
                usleep(100_000)
                let stamps = Watcher.stamps(site.siteDir, extra: builder.watchedFiles)
                if stamps != lastStamps {
                    lastStamps = stamps
                    break
                }
            }
        }
    }
}
