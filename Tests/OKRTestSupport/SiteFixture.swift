import Foundation
import OKRContent
import OKRCore
import OKRSite

/// A whole site written from inline text to a temporary folder, in the style of Hugo's txtar tests:
/// the test states its files next to its expectations.
public final class SiteFixture: @unchecked Sendable {
    /// The site's folder.
    public let root: String
    /// The fixture whose folder holds this one (see ``existing(_:keepAlive:)``); `nil` when this one
    /// owns its folder and removes it when done.
    private let container: SiteFixture?

    /// Writes `files` (path relative to the site root → content) to a new temporary folder.
    public init(_ files: [String: String]) throws {
        let base = FileManager.default.temporaryDirectory.path + "/okrportal-test-XXXXXX"
        var template = Array(base.utf8CString)
        guard let dir = mkdtemp(&template) else { throw FixtureError("mkdtemp failed") }
        root = String(cString: dir)
        container = nil
        for (path, content) in files { try write(path, content) }
    }

    private init(root: String, container: SiteFixture) {
        self.root = root
        self.container = container
    }

    /// A site in a folder inside another fixture's (a clone, a subfolder of a repository), which keeps
    /// that fixture and its folder alive as long as it lives.
    public static func existing(_ root: String, keepAlive container: SiteFixture) -> SiteFixture {
        SiteFixture(root: root, container: container)
    }

    /// Writes one file, creating folders.
    public func write(_ path: String, _ content: String) throws {
        try write(path, Data(content.utf8))
    }

    /// Writes one file's bytes, creating folders.
    ///
    /// Plain `open`/`write`/`close`, not `Data.write(to:)`: Foundation on Linux syncs every file it
    /// writes to disk, and a test thread waiting for 10,000 syncs (the deep-chain site) waits for
    /// seconds. A fixture lives for one test; it needs no durability.
    public func write(_ path: String, _ bytes: Data) throws {
        let full = root + "/" + path
        let url = URL(fileURLWithPath: full)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let fd = open(full, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw FixtureError("cannot write \(full): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        try bytes.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + done, buffer.count - done)
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { throw FixtureError("cannot write \(full): \(String(cString: strerror(errno)))") }
                done += n
            }
        }
    }

    /// Reads the site, resolves it and runs the methodology rules, as `okrportal check` does (`history`
    /// as `--history`).
    public func check(asOf: String = "2026-11-29", drafts: Bool = false, history: HistorySource? = nil) throws
        -> CheckResult
    {
        var diagnostics = Diagnostics()
        let pipeline = SitePipeline(siteRoot: root, asOf: Day(iso: asOf)!, includeDrafts: drafts, history: history)
        let loaded = try pipeline.run(diagnostics: &diagnostics)  // tests pass valid dates
        return CheckResult(organisation: loaded?.org, diagnostics: diagnostics.sorted)
    }

    /// The shared model of a build of this site with the default theme (or the site's own
    /// `Templates/`), as the build makes it before rendering: for tests of views in memory.
    public func model(asOf: String = "2026-11-29", drafts: Bool = false, charts: Bool = true) throws -> SiteModel {
        var diagnostics = Diagnostics()
        let pipeline = SitePipeline(siteRoot: root, asOf: Day(iso: asOf)!, includeDrafts: drafts)  // valid dates
        guard let loaded = try pipeline.run(diagnostics: &diagnostics) else {
            throw FixtureError("the site cannot be read: \(diagnostics.sorted)")
        }
        let theme = try Theme.load(
            siteRoot: root, overrideDir: nil, language: loaded.site.config.language, diagnostics: &diagnostics)
        guard !diagnostics.hasErrors else {
            throw FixtureError("\(diagnostics.sorted.filter { $0.severity == .error })")
        }
        return SiteModel(org: loaded.org, theme: theme, charts: charts)
    }

    /// Builds the site into `output` (default `ROOT/public`), as `okrportal build` does.
    public func build(
        asOf: String = "2026-11-29", drafts: Bool = false, output: String? = nil, templates: String? = nil,
        history: HistorySource? = nil
    ) throws -> BuildResult {
        var diagnostics = Diagnostics()
        let options = BuildOptions(
            siteRoot: root, output: output, templates: templates, asOf: Day(iso: asOf)!, includeDrafts: drafts,
            history: history)
        let report = try SiteBuilder.build(options, diagnostics: &diagnostics)
        return BuildResult(
            report: report, diagnostics: diagnostics.sorted, output: output ?? root + "/public", fixture: self)
    }

    deinit {
        if container == nil { try? FileManager.default.removeItem(atPath: root) }
    }
}

/// What `check` found.
public struct CheckResult: Sendable {
    /// The resolved organisation, `nil` when the configuration was unusable.
    public var organisation: Organisation?
    /// All diagnostics, sorted.
    public var diagnostics: [Diagnostic]

    /// The errors.
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    /// The warnings.
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
    /// The content format's own problems, without the methodology rules' hints.
    public var formatDiagnostics: [Diagnostic] { diagnostics.filter { $0.rule == nil } }
    /// The methodology rules' hints.
    public var hints: [Diagnostic] { diagnostics.filter { $0.rule != nil } }

    /// The objective with `id`, with its figures.
    public func objective(_ id: String) -> (Objective, ObjectiveState)? {
        guard let org = organisation, let i = org.objectiveIndex[id] else { return nil }
        return (org.objectives[i], org.states[i])
    }
}

/// A fixture could not be set up.
public struct FixtureError: Error, CustomStringConvertible {
    public let description: String
    public init(_ d: String) { description = d }
}

/// Building blocks for fixtures: a valid configuration, a team tree and objective files.
public enum Fixtures {
    /// Two quarters: 2026-Q3 (closed at 2026-11-29) and 2026-Q4 (running).
    public static let config = """
        title: Test GmbH
        language: de
        periods:
          - id: 2026-Q3
            start: 2026-07-01
            end: 2026-09-30
          - id: 2026-Q4
            start: 2026-10-01
            end: 2026-12-31
        stale_after_days: 14

        """

    /// company → marketing → social-media; company → sales.
    public static let teams = """
        - id: company
          name: Test GmbH
          lead: Petra Hoffmann
        - id: marketing
          name: Marketing
          parent: company
          lead: Jan Becker
        - id: social-media
          name: Social Media
          parent: marketing
          lead: Aylin Demir
        - id: sales
          name: Vertrieb
          parent: company
          lead: Markus Weber

        """

    /// An objective file with one metric KR `kr1` (0 → 100, current 50) unless `keyResults` is given.
    /// `extra` lines are added to the front matter as written.
    public static func objective(
        _ id: String, team: String = "company", period: String = "2026-Q4", extra: String = "",
        keyResults: String? = nil, body: String = "Body text.\n"
    ) -> String {
        let krs =
            keyResults ?? """
                  - id: kr1
                    title: Reach 100
                    start: 0
                    target: 100
                    current: 50

                """
        return "---\nid: \(id)\ntitle: Objective \(id)\nteam: \(team)\nperiod: \(period)\n\(extra)"
            + "key_results:\n\(krs)---\n\n\(body)"
    }

    /// A site with the standard configuration and teams plus `objectives` (file name → content).
    public static func site(_ objectives: [String: String], extra: [String: String] = [:]) -> [String: String] {
        var files = ["okrportal.yml": config, "content/teams.yml": teams]
        for (name, text) in objectives { files["content/objectives/\(name)"] = text }
        for (k, v) in extra { files[k] = v }
        return files
    }
}

/// What `build` did.
public struct BuildResult: Sendable {
    /// The report, `nil` when the build failed on content errors.
    public var report: BuildReport?
    /// All diagnostics, sorted.
    public var diagnostics: [Diagnostic]
    /// The output folder.
    public var output: String
    /// Keeps the fixture's folder alive as long as the result is used.
    public let fixture: SiteFixture

    /// The errors.
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    /// Every file of the output, relative path → bytes, sorted by path.
    public func files() throws -> [(path: String, bytes: Data)] {
        try OutputTree.read(output)
    }

    /// One output file as text.
    public func text(_ path: String) throws -> String {
        try String(contentsOfFile: output + "/" + path, encoding: .utf8)
    }
}

/// Reads a whole output folder.
public enum OutputTree {
    /// Every regular file under `root` (hidden ones too), relative path → bytes, sorted by path.
    public static func read(_ root: String) throws -> [(path: String, bytes: Data)] {
        var result: [(String, Data)] = []
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        for case let rel as String in walker {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + rel, isDirectory: &isDir), !isDir.boolValue {
                result.append((rel, try Data(contentsOf: URL(fileURLWithPath: root + "/" + rel))))
            }
        }
        return result.sorted { $0.0 < $1.0 }
    }
}
