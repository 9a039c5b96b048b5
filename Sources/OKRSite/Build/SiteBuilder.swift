import Foundation
import OKRContent
import OKRCore

/// What a build is asked to do.
public struct BuildOptions: Sendable {
    /// The site folder.
    public var siteRoot: String
    /// The output folder; `SITE/public` when `nil`.
    public var output: String?
    /// A theme folder overriding the default theme (else `templates:` from the configuration).
    public var templates: String?
    /// The as-of date.
    public var asOf: Day
    /// Whether drafts are built.
    public var includeDrafts: Bool
    /// Whether SVG charts are drawn.
    public var charts: Bool
    /// Check-ins from git history: `.git` or `.off` as asked on the command line (problems reading
    /// history are then environment errors), `nil` for `history:` in the configuration (problems are
    /// warnings).
    public var history: HistorySource?

    /// Creates options.
    public init(
        siteRoot: String, output: String? = nil, templates: String? = nil, asOf: Day, includeDrafts: Bool = false,
        charts: Bool = true, history: HistorySource? = nil
    ) {
        self.charts = charts
        self.history = history
        self.siteRoot = siteRoot
        self.output = output
        self.templates = templates
        self.asOf = asOf
        self.includeDrafts = includeDrafts
    }
}

/// What a build did.
public struct BuildReport: Sendable {
    /// HTML pages written.
    public var pages: Int
    /// All files written (pages, assets, exports).
    public var files: Int
    /// Where.
    public var output: String
}

extension BuildOptions {
    /// The read → history → resolve → lint pipeline these options ask for.
    public var pipeline: SitePipeline {
        SitePipeline(siteRoot: siteRoot, asOf: asOf, includeDrafts: includeDrafts, history: history)
    }

    /// The output folder, cleaned (``OutputFolder/clean(_:)``): `public//` is `public`.
    public var outputFolder: String { OutputFolder(output ?? SiteReader.join(siteRoot, "public")).path }
}

/// The build: read → resolve → plan pages → render and write in parallel → swap the output in.
public enum SiteBuilder {
    /// Builds the site. Content and theme problems go to `diagnostics` and return `nil` (nothing is
    /// written); environment problems throw. `progress` is called with (done, total) while writing.
    public static func build(
        _ options: BuildOptions, diagnostics: inout Diagnostics,
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws(EnvironmentError) -> BuildReport? {
        let timing = Timing()
        var phase = DispatchTime.now().uptimeNanoseconds
        func lap(_ name: String) {
            let now = DispatchTime.now().uptimeNanoseconds
            timing.add("phase " + name + " (then \(Timing.residentMegabytes()) MB resident)", nanoseconds: now - phase)
            phase = now
        }
        guard let loaded = try options.pipeline.run(diagnostics: &diagnostics), !diagnostics.hasErrors else {
            return nil
        }
        let themeDir = options.templates ?? loaded.site.config.templates
        let theme = try Theme.load(
            siteRoot: options.siteRoot, overrideDir: themeDir,
            language: loaded.site.config.language, diagnostics: &diagnostics)
        guard !diagnostics.hasErrors else { return nil }
        lap("1 read, resolve, lint, theme")
        let model = SiteModel(org: loaded.org, theme: theme, charts: options.charts)
        let pages = PageKinds.pages(in: model)
        lap("2 model and components")

        let staging = try Staging(
            output: options.outputFolder, inputs: OutputFolder.Inputs(siteRoot: options.siteRoot, themeDir: themeDir))
        let output = staging.output
        let exports = Exports.files(model, pages: pages.map(\.path))
        let extraFiles = theme.assets.map(\.outputPath) + [Routes.okrsJSON] + exports.map(\.path)
        // Ids that would take an overview's name are refused when read (PageNames); this keeps any
        // other collision from making the output depend on which worker wrote last.
        if let path = Routes.firstCollision(pages.map(\.path) + extraFiles) {
            staging.abort()
            throw EnvironmentError("two files of the site would both be written to \(path); please report this")
        }
        let counter = Counter(total: pages.count, report: progress)
        lap("3 staging folders")
        let failures = Parallel.map(pages) { page -> String? in
            defer { counter.increment() }
            let t0 = DispatchTime.now().uptimeNanoseconds
            var html: [UInt8] = []
            html.reserveCapacity(32_768)
            // A page that grows past a megabyte goes to its file in pieces.
            var file: Result<Staging.StagedFile, FileError>?
            page.render(&html) { bytes in
                if file == nil { file = staging.open(page.path) }
                if case .success(let f) = file { f.write(bytes) }
                bytes.removeAll(keepingCapacity: true)
            }
            timing.add(page.template, nanoseconds: DispatchTime.now().uptimeNanoseconds - t0)
            switch file {
            case nil: return staging.write(page.path, bytes: html).map(\.description)
            case .failure(let e): return e.description
            case .success(let f):
                f.write(html)
                return staging.finish(f).map(\.description)
            }
        }
        lap("4 pages")
        var errors = failures.compactMap { $0 }
        for asset in theme.assets {
            if let e = staging.write(asset.outputPath, bytes: asset.bytes) { errors.append(e.description) }
        }
        // After the pages, each rendered and written by one worker: only as many exports' texts are in
        // memory as there are workers. okrs.json, the longest, is streamed by the first worker while the
        // others write the rest.
        let jobs: [ExportFile?] = [nil] + exports.map { $0 }
        errors += Parallel.map(jobs) { job -> String? in
            let t0 = DispatchTime.now().uptimeNanoseconds
            defer {
                let kind =
                    job.map { $0.path.hasSuffix(".csv") ? "csv" : $0.path.hasSuffix("feed.xml") ? "feeds" : "other" }
                    ?? "okrs.json"
                timing.add("export \(kind)", nanoseconds: DispatchTime.now().uptimeNanoseconds - t0)
            }
            guard let file = job else {
                return staging.stream(Routes.okrsJSON) { emit in OKRsJSON.render(model, emit: emit) }.map(\.description)
            }
            return staging.stream(file.path, file.write).map(\.description)
        }.compactMap { $0 }
        lap("5 exports and okrs.json")
        guard errors.isEmpty else {
            staging.abort()
            throw EnvironmentError("cannot write the site: \(errors[0])")
        }
        try staging.commit()
        lap("7 swap")
        if ProcessInfo.processInfo.environment["OKRPORTAL_TIMING"] != nil { timing.print() }
        return BuildReport(pages: pages.count, files: pages.count + extraFiles.count, output: output)
    }
}

/// Counts finished pages for the progress line.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private let total: Int
    private let report: (@Sendable (Int, Int) -> Void)?

    init(total: Int, report: (@Sendable (Int, Int) -> Void)?) {
        self.total = total
        self.report = report
    }

    func increment() {
        guard let report else { return }
        lock.lock()
        done += 1
        let d = done
        lock.unlock()
        if d % 250 == 0 || d == total { report(d, total) }
    }
}

/// Time spent per page kind and export, for `OKRPORTAL_TIMING=1`.
final class Timing: @unchecked Sendable {
    private let lock = NSLock()
    private var table: [String: (count: Int, nanoseconds: UInt64)] = [:]

    func add(_ name: String, nanoseconds: UInt64) {
        lock.lock()
        var e = table[name] ?? (0, 0)
        e.count += 1
        e.nanoseconds += nanoseconds
        table[name] = e
        lock.unlock()
    }

    /// The process's resident memory now and at its highest so far, in MB, from /proc/self/status.
    static func residentMegabytes() -> String {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return "?" }
        func field(_ name: String) -> Int {
            guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix(name) }) else { return 0 }
            return (Int(line.split(separator: " ").dropFirst().first { !$0.isEmpty } ?? "") ?? 0) / 1000
        }
        return "\(field("VmRSS:")), peak \(field("VmHWM:"))"
    }

    func print() {
        for (k, v) in table.sorted(by: { $0.key < $1.key }) {
            Swift.print(k, v.count, "seconds", Double(v.nanoseconds) / 1e9)
        }
    }
}
