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
    var pendingDetails: IndexedArray<ObjectiveIndex, Int> = []
    /// Per period and team: the roll-up's mean progress and status distribution, as last built.
    private var rollUps: IndexedArray<PeriodIndex, IndexedArray<TeamIndex, RollUp>> = []
    /// A hash of every file written, by path: a page whose bytes hash the same is not written again.
    var pageHashes: [String: Int] = [:]
    /// Each objective's JSON for `okrs.json`, by its detail signature.
    var jsonChunks: [Int: String] = [:]

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
    public var output: String { options.outputFolder }

    /// Brings the output up to date with the site's files.
    public func build() throws(EnvironmentError) -> Outcome {
        let start = DispatchTime.now().uptimeNanoseconds
        func failed(_ diagnostics: Diagnostics) -> Outcome {
            Outcome(
                diagnostics: diagnostics.sorted, succeeded: false, full: false, rendered: 0, written: 0,
                seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, pages: 0)
        }

        let newSnapshot = try SiteReader.snapshot(root: options.siteRoot, previous: snapshot)
        var diagnostics = Diagnostics()
        diagnostics.append(contentsOf: newSnapshot.diagnostics)
        guard let read = newSnapshot.site else {
            snapshot = newSnapshot
            return failed(diagnostics)
        }
        language = read.config.language
        let loaded = try options.pipeline.resolve(read, git: history, diagnostics: &diagnostics)
        let org = loaded.org
        let templatesDir = options.templates ?? loaded.site.config.templates
        let stamps = themeFileStamps(templatesDir)
        var themeChanged = theme == nil || stamps != themeStamps
        if themeChanged {
            theme = try Theme.load(
                siteRoot: options.siteRoot, overrideDir: templatesDir, language: loaded.site.config.language,
                diagnostics: &diagnostics)
            themeStamps = stamps
        }
        guard !diagnostics.hasErrors, let theme else {
            // The previous output stays as it was; the next build tries again from the same state.
            snapshot = newSnapshot
            if diagnostics.hasErrors { self.theme = nil }
            return failed(diagnostics)
        }
        let settingsChanged = snapshot.map { !newSnapshot.sameSettings(as: $0) } ?? true
        themeChanged = themeChanged || settingsChanged
        let newStructure = Signatures.structure(org)
        let full = model == nil || themeChanged || newStructure != structure
        let newModel = SiteModel(org: org, theme: theme, charts: options.charts, previous: full ? nil : model)
        let newDetails = Parallel.map(org.objectives.indices) { o in
            Signatures.detail(
                org, o, summary: newModel.components.summarySignatures[o],
                history: newModel.history.isEmpty ? [] : newModel.history[o],
                dependencies: Signatures.dependencies(org, o, summaries: newModel.components.summarySignatures))
        }
        let newRollUps = newModel.figures.mapIndexed { f in
            IndexedArray<TeamIndex, RollUp>(
                f.rollUp.indices.map { RollUp(progress: f.rollUp[$0].progress, distribution: f.teamDistribution[$0]) })
        }
        let pages = PageKinds.pages(in: newModel)
        let selected: [Page]
        if !full, let previousModel = model {
            let wanted = affectedPages(
                newModel, previousModel: previousModel, details: newDetails, oldDetails: details,
                rollUps: newRollUps, oldRollUps: rollUps)
            selected = pages.filter { wanted($0.id) }
        } else {
            selected = pages
        }
        pendingDetails = newDetails
        // A full render may come from a change of structure, which the JSON of an unchanged objective
        // also shows (its published alignments): start the JSON cache afresh.
        if full { jsonChunks = [:] }
        let written: Int
        if pageHashes.isEmpty {
            written = try writeAll(pages: selected, model: newModel, themeDir: templatesDir)
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
            seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, pages: pages.count)
    }
}

extension IncrementalBuilder {
    /// What a team's entry shows of its roll-up: a change of either renders the team's pages again.
    struct RollUp: Equatable {
        /// Mean progress of the team's and its sub-teams' objectives.
        var progress: Double
        /// Their statuses, counted.
        var distribution: StatusDistribution
    }
}
