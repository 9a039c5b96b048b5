import Foundation
import OKRContent
import OKRCore

/// Builds a site and then keeps it up to date after edits, rendering only what an edit can change:
/// the preview server's engine.
///
/// The first build is a full one, written through a staging folder like `okrportal build`. Each later
/// `build()` reads only files whose size, modification time or inode changed, resolves the whole
/// organisation again (fast), reuses the components of objectives whose summary is unchanged, and
/// renders the pages that show a changed objective — its own page, the pages of the objectives it
/// aligns to and of everything below it (their why chains show it), its team and the teams above
/// (roll-ups), the people who own any of those — plus the overview pages, and the health pages after any
/// change of figures or check-ins. Pages whose bytes did not
/// change are not written, so their files keep their modification times. A change of settings,
/// templates or structure (objectives added, removed, moved between teams or periods, aligned
/// differently) renders every page.
public final class IncrementalBuilder: @unchecked Sendable {
    /// What the builder was asked to build.
    public let options: BuildOptions

    private var snapshot: SiteSnapshot?
    /// Git history, kept between builds: the walk is read again only when `HEAD` moves, and old
    /// versions are parsed once.
    private let history: GitHistory
    private var themeStamps: [String: FileStamp]?
    private var theme: Theme?
    private var model: SiteModel?
    private var structure: Int?
    private var details: IndexedArray<ObjectiveIndex, Int> = []
    /// The detail signatures of the build in progress.
    private var pendingDetails: IndexedArray<ObjectiveIndex, Int> = []
    private var rollUps: IndexedArray<PeriodIndex, IndexedArray<TeamIndex, Double>> = []
    private var pageHashes: [String: Int] = [:]
    /// Each objective's JSON for `okrs.json`, by its detail signature.
    private var jsonChunks: [Int: String] = [:]

    /// What one build did.
    public struct Outcome: Sendable {
        /// Every problem found, sorted.
        public var diagnostics: [Diagnostic]
        /// Whether the output is up to date (no errors).
        public var succeeded: Bool
        /// Whether every page was rendered.
        public var full: Bool
        /// Pages rendered.
        public var rendered: Int
        /// Files written (changed bytes).
        public var written: Int
        /// Wall time.
        public var seconds: Double
        /// The site's pages when the build succeeded.
        public var pages: Int
    }

    /// A builder for `options`; nothing is read until ``build()``.
    public init(options: BuildOptions) {
        self.options = options
        history = GitHistory(siteRoot: options.siteRoot)
    }

    /// Files outside the site whose change can change the output (git's `HEAD` and its log, when
    /// built with history): the preview server watches them besides the site's own files.
    public var watchedFiles: [String] { history.watchedFiles }

    /// The site's UI language as of the last build that could read `okrportal.yml` (`nil` before):
    /// the preview server shows its error page in it.
    public private(set) var language: String?

    /// Where the output goes.
    public var output: String { options.output ?? SiteReader.join(options.siteRoot, "public") }

    /// Brings the output up to date with the site's files.
    public func build() throws(EnvironmentError) -> Outcome {
        let start = DispatchTime.now().uptimeNanoseconds
        func seconds() -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }

        let newSnapshot = try SiteReader.snapshot(root: options.siteRoot, previous: snapshot)
        var diagnostics = Diagnostics()
        diagnostics.append(contentsOf: newSnapshot.diagnostics)
        guard let read = newSnapshot.site else {
            snapshot = newSnapshot
            return Outcome(
                diagnostics: diagnostics.sorted, succeeded: false, full: false, rendered: 0, written: 0,
                seconds: seconds(), pages: 0)
        }
        language = read.config.language
        let site = try history.apply(
            to: read, asOf: options.asOf, requested: options.history, diagnostics: &diagnostics)
        let org = Resolver.resolve(
            site, asOf: options.asOf, includeDrafts: options.includeDrafts, diagnostics: &diagnostics)
        Lint.check(org, into: &diagnostics)
        let templatesDir = options.templates ?? site.config.templates
        let stamps = themeFileStamps(templatesDir)
        var themeChanged = theme == nil || stamps != themeStamps
        if themeChanged {
            theme = try Theme.load(
                siteRoot: options.siteRoot, overrideDir: templatesDir, language: site.config.language,
                diagnostics: &diagnostics)
            themeStamps = stamps
        }
        guard !diagnostics.hasErrors, let theme else {
            // The previous output stays as it was; the next build tries again from the same state.
            snapshot = newSnapshot
            if diagnostics.hasErrors { self.theme = nil }
            return Outcome(
                diagnostics: diagnostics.sorted, succeeded: false, full: false, rendered: 0, written: 0,
                seconds: seconds(), pages: 0)
        }
        let settingsChanged = snapshot.map { !newSnapshot.sameSettings(as: $0) } ?? true
        themeChanged = themeChanged || settingsChanged
        let newStructure = Signatures.structure(org)
        let full = model == nil || themeChanged || newStructure != structure
        let newModel = SiteModel(org: org, theme: theme, charts: options.charts, previous: full ? nil : model)
        let newDetails = Parallel.map(org.objectives.indices) { o in
            Signatures.detail(
                org, o, summary: newModel.summarySignatures[o],
                history: newModel.history.isEmpty ? [] : newModel.history[o])
        }
        let newRollUps = newModel.figures.mapIndexed { $0.rollUp.mapIndexed(\.progress) }
        let pages = PageKinds.all.flatMap { $0.pages(in: newModel) }
        let selected: [Page]
        if !full, let previousModel = model {
            let wanted = affectedPages(newModel, previousModel: previousModel, details: newDetails, rollUps: newRollUps)
            selected = pages.filter { wanted($0.path) }
        } else {
            selected = pages
        }
        pendingDetails = newDetails
        // A full render may come from a change of structure, which the JSON of an unchanged objective
        // also shows (its published alignments): start the JSON cache afresh.
        if full { jsonChunks = [:] }
        let written: Int
        if pageHashes.isEmpty {
            written = try writeAll(pages: selected, model: newModel)
        } else {
            written = try writeChanged(
                pages: selected, allPaths: Set(pages.map(\.path)), model: newModel, assets: themeChanged)
        }
        snapshot = newSnapshot
        model = newModel
        structure = newStructure
        details = newDetails
        rollUps = newRollUps
        return Outcome(
            diagnostics: diagnostics.sorted, succeeded: true, full: full, rendered: selected.count, written: written,
            seconds: seconds(), pages: pages.count)
    }

    /// The pages an edit can have changed.
    private func affectedPages(
        _ m: SiteModel, previousModel old: SiteModel, details newDetails: IndexedArray<ObjectiveIndex, Int>,
        rollUps newRollUps: IndexedArray<PeriodIndex, IndexedArray<TeamIndex, Double>>
    ) -> (String) -> Bool {
        let org = m.org
        let summaryChanged = Set(org.objectives.indices.filter { m.summarySignatures[$0] != old.summarySignatures[$0] })
        let detailChanged = Set(org.objectives.indices.filter { newDetails[$0] != details[$0] })
        var objectives = detailChanged
        var below = Set<ObjectiveIndex>()
        var stack = Array(summaryChanged)
        while let o = stack.popLast() {
            for e in org.graph.children[o] where below.insert(e.child).inserted { stack.append(e.child) }
        }
        objectives.formUnion(below)
        for o in summaryChanged {
            for e in org.graph.parents[o] { objectives.insert(e.parent) }
        }
        var teams = Set<TeamIndex>()
        for o in summaryChanged.union(below) {
            if let t = org.objectiveTeam[o] { teams.formUnion(org.teams.ancestry(of: t)) }
        }
        var rollUpChanged = false
        for (p, values) in newRollUps.indexed() where rollUps.indices.contains(p) {
            for (t, v) in values.indexed() where rollUps[p].indices.contains(t) && rollUps[p][t] != v {
                teams.formUnion(org.teams.ancestry(of: t))
                rollUpChanged = true
            }
        }
        var people = Set<String>()
        for o in summaryChanged.union(below) { if let owner = org.owner(of: o) { people.insert(owner) } }
        for t in teams { if let lead = org.teams.teams[t].lead { people.insert(lead) } }
        var paths = Set(objectives.filter { org.isPublished[$0] }.map { m.url(objective: $0) })
        paths.formUnion(teams.map { m.url(team: $0) })
        paths.formUnion(people.compactMap { m.people.url(of: $0) })
        // Overviews show every objective's line and figures; the team index shows roll-ups; the people
        // index and the 404 page show only what a change of structure changes.
        let linesChanged = !summaryChanged.isEmpty
        // Health pages also read every check-in's confidence and every hand-set score.
        let healthChanged = linesChanged || !detailChanged.isEmpty
        return { path in
            if paths.contains(path) { return true }
            if path.hasPrefix("health/") || path == ChangesPage.path { return healthChanged }
            if path == "teams/index.html" { return rollUpChanged || linesChanged }
            if path.hasPrefix("objectives/") || path.hasPrefix("teams/") || path.hasPrefix("people/")
                || path == "404.html"
            {
                return false
            }
            return linesChanged
        }
    }

    /// The first build: everything through a staging folder, swapped in whole.
    private func writeAll(pages: [Page], model: SiteModel) throws(EnvironmentError) -> Int {
        let staging = try Staging(output: output)
        let theme = model.theme
        let exports = Exports.files(model, pages: pages.map(\.path))
        try staging.makeDirectories(
            for: pages.map(\.path) + theme.assets.map(\.outputPath) + [OKRsJSON.path] + exports.map(\.path))
        let results = Parallel.map(pages) { page -> (String, Int, String?) in
            let html = SiteBuilder.render(page, model)
            return (page.path, html.hashValue, staging.write(page.path, html).map(\.description))
        }
        var hashes: [String: Int] = [:]
        for (path, hash, error) in results {
            if let error {
                staging.abort()
                throw EnvironmentError("cannot write the site: \(error)")
            }
            hashes[path] = hash
        }
        for asset in theme.assets {
            if let e = staging.write(asset.outputPath, bytes: asset.bytes) {
                staging.abort()
                throw EnvironmentError("cannot write the site: \(e)")
            }
        }
        for file in exports {
            let text = file.render()
            hashes[file.path] = text.hashValue
            if let e = staging.write(file.path, text) {
                staging.abort()
                throw EnvironmentError("cannot write the site: \(e)")
            }
        }
        let json = exportJSON(model)
        hashes[OKRsJSON.path] = json.hashValue
        if let e = staging.write(OKRsJSON.path, json) {
            staging.abort()
            throw EnvironmentError("cannot write the site: \(e)")
        }
        try staging.commit()
        pageHashes = hashes
        return pages.count + theme.assets.count + 1 + exports.count
    }

    /// A later build: render the selected pages, write those whose bytes changed (each atomically:
    /// a temporary file renamed over the old one), remove pages that no longer exist.
    private func writeChanged(pages: [Page], allPaths: Set<String>, model: SiteModel, assets: Bool)
        throws(EnvironmentError) -> Int
    {
        let out = output
        let lock = try OutputLock(output: out)
        defer { withExtendedLifetime(lock) {} }
        let old = pageHashes
        let rendered = Parallel.map(pages) { page -> (String, Int, String) in
            let html = SiteBuilder.render(page, model)
            return (page.path, html.hashValue, html)
        }
        var written = 0
        var dirs = Set<String>()
        for (path, hash, html) in rendered where old[path] != hash {
            let parent = Staging.split(SiteReader.join(out, path)).parent
            if dirs.insert(parent).inserted, case .failure(let e) = FileSystem.makeDirectories(parent) {
                throw EnvironmentError("cannot write \(path): \(e.message)")
            }
            try Self.replace(SiteReader.join(out, path), html)
            pageHashes[path] = hash
            written += 1
        }
        let exports = Exports.files(model, pages: Array(allPaths))
        for file in exports {
            let text = file.render()
            guard old[file.path] != text.hashValue else { continue }
            let parent = Staging.split(SiteReader.join(out, file.path)).parent
            if dirs.insert(parent).inserted, case .failure(let e) = FileSystem.makeDirectories(parent) {
                throw EnvironmentError("cannot write \(file.path): \(e.message)")
            }
            try Self.replace(SiteReader.join(out, file.path), text)
            pageHashes[file.path] = text.hashValue
            written += 1
        }
        let exportPaths = Set(exports.map(\.path))
        let json = exportJSON(model)
        if old[OKRsJSON.path] != json.hashValue {
            try Self.replace(SiteReader.join(out, OKRsJSON.path), json)
            pageHashes[OKRsJSON.path] = json.hashValue
            written += 1
        }
        if assets {
            for asset in model.theme.assets where !FileSystem.exists(SiteReader.join(out, asset.outputPath)) {
                let result = asset.bytes.withUnsafeBytes {
                    FileSystem.write(SiteReader.join(out, asset.outputPath), $0)
                }
                if case .failure(let e) = result {
                    throw EnvironmentError("cannot write \(asset.outputPath): \(e.message)")
                }
                written += 1
            }
        }
        for path in old.keys where path != OKRsJSON.path && !allPaths.contains(path) && !exportPaths.contains(path) {
            _ = FileSystem.removeTree(SiteReader.join(out, path))
            pageHashes[path] = nil
        }
        return written
    }

    /// `okrs.json`, reusing the JSON of objectives whose details did not change.
    private func exportJSON(_ model: SiteModel) -> String {
        var chunks: [Int: String] = [:]
        var out = ""
        OKRsJSON.render(model, emit: { out += $0 }) { o in
            let key = self.pendingDetails.indices.contains(o) ? self.pendingDetails[o] : 0
            let chunk = self.jsonChunks[key] ?? OKRsJSON.objective(model, o)
            chunks[key] = chunk
            return chunk
        }
        jsonChunks = chunks
        return out
    }

    /// Writes `text` to a temporary file next to `path` and renames it over `path`.
    static func replace(_ path: String, _ text: String) throws(EnvironmentError) {
        let temporary = path + ".okrportal-tmp"
        if case .failure(let e) = FileSystem.write(temporary, text) {
            throw EnvironmentError("cannot write \(path): \(e.message)")
        }
        if case .failure(let e) = FileSystem.rename(temporary, path) {
            throw EnvironmentError("cannot write \(path): \(e.message)")
        }
    }

    /// The versions of every file of the theme layers on disk.
    private func themeFileStamps(_ overrideDir: String?) -> [String: FileStamp] {
        var stamps: [String: FileStamp] = [:]
        var dirs = [SiteReader.join(options.siteRoot, "Templates")]
        if let overrideDir {
            dirs.append(overrideDir.hasPrefix("/") ? overrideDir : SiteReader.join(options.siteRoot, overrideDir))
        }
        for dir in dirs where FileSystem.isDirectory(dir) {
            var stack = [dir]
            while let d = stack.popLast() {
                guard case .success(let names) = FileSystem.list(d) else { continue }
                for name in names {
                    let full = d + "/" + name
                    if FileSystem.isDirectory(full) {
                        stack.append(full)
                    } else if let s = FileSystem.stamp(full) {
                        stamps[full] = s
                    }
                }
            }
        }
        return stamps
    }
}
