import ArgumentParser
import Foundation
import OKRContent
import OKRCore
import OKRServe
import OKRSite

/// `okrportal serve`: a preview server that rebuilds what changed and reloads open pages.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site, serve it, and rebuild and reload the browser on every change.",
        discussion: """
            Builds like 'build' into the output folder (default SITE_DIR/public) and serves it at \
            http://HOST:PORT/. Changes to okrportal.yml, content/ and the templates rebuild only the pages \
            they affect; open pages then reload by themselves (server-sent events on /_okrportal/events; \
            the small script that listens is added to pages as they are served, never written to the output). \
            While the site has errors, every page shows them as path:line:col: message until they are fixed.

            It listens on 127.0.0.1 only unless --host says otherwise: a preview is not a web server for \
            the intranet (publish the output of 'build' for that). --port 0 picks a free port. Ctrl-C stops.

            Example:
              okrportal serve . --as-of 2026-11-29
              okrportal serve ~/okrs --port 9000 --drafts
            """
    )

    @OptionGroup var site: SiteOptions

    @Option(help: "The port to listen on (0: any free port).")
    var port: Int = 8080

    @Option(
        help:
            "The IP address to listen on (localhost means 127.0.0.1); 0.0.0.0 makes the preview reachable from other machines."
    )
    var host: String = "127.0.0.1"

    @Option(help: "The output folder (default: SITE_DIR/public).")
    var output: String?

    @Option(help: "A theme folder whose templates override the default theme.")
    var templates: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0…65535, not \(port)") }
        guard ListenAddress.parse(host) != nil else {
            throw ValidationError("\(ListenAddress.hint) (or localhost), not \(host.debugDescription)")
        }
    }

    func run() async throws {
        let asOf = try site.resolveAsOf()
        let server = PreviewServer(
            options: BuildOptions(
                siteRoot: site.siteDir, output: output, templates: templates, asOf: asOf, includeDrafts: site.drafts,
                history: site.history))
        if case .environment(let error) = Self.show(server.rebuild()) {
            Terminal.standardError("error: \(error.message)")
            throw ExitCode(2)
        }
        let watcher = Thread {
            server.watch { report in _ = Self.show(report) }
        }
        watcher.start()
        do {
            try await server.serve(host: host, port: UInt16(port)) { address, port in
                let shown = address.contains(":") ? "[\(address)]" : address
                Terminal.standardOutput("serving http://\(shown):\(port)/ as of \(asOf) (Ctrl-C stops)")
            }
        } catch {
            Terminal.standardError("error: cannot serve on \(host):\(port): \(error)")
            throw ExitCode(2)
        }
    }

    /// Prints what a build did; returns the report.
    static func show(_ report: PreviewServer.Report) -> PreviewServer.Report {
        switch report {
        case .built(let outcome):
            for d in outcome.diagnostics { Terminal.standardError(Terminal.diagnostic(d)) }
            Terminal.standardOutput(
                "\(outcome.full ? "built" : "rebuilt") \(outcome.rendered) of \(outcome.pages) pages, wrote "
                    + "\(outcome.written) files in \(String(format: "%.3f", outcome.seconds)) s")
        case .failed(let outcome):
            for d in outcome.diagnostics { Terminal.standardError(Terminal.diagnostic(d)) }
            let errors = outcome.diagnostics.filter { $0.severity == .error }.count
            Terminal.standardOutput("not built: \(Terminal.plural(errors, "error")); the pages show them until fixed")
        case .environment(let error):
            Terminal.standardOutput("not built: \(error.message)")
        }
        return report
    }
}
