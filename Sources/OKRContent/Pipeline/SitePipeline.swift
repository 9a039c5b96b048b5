import OKRCore

/// The one way a site's files become an organisation: read → check-ins from git history → resolve →
/// methodology rules. `check`, `build`, the incremental builder behind `serve` and `--watch`, and the
/// tests all go through it, so they cannot disagree about what a site means.
public struct SitePipeline: Sendable {
    /// The site folder.
    public var siteRoot: String
    /// The day every time-dependent figure refers to.
    public var asOf: Day
    /// Whether drafts are published (`--drafts`).
    public var includeDrafts: Bool
    /// Check-ins from git history: `.git` or `.off` as asked on the command line (problems reading
    /// history are then environment errors), `nil` for `history:` in the configuration (problems are
    /// warnings).
    public var history: HistorySource?

    /// A pipeline for the site at `siteRoot`.
    public init(siteRoot: String, asOf: Day, includeDrafts: Bool = false, history: HistorySource? = nil) {
        self.siteRoot = siteRoot
        self.asOf = asOf
        self.includeDrafts = includeDrafts
        self.history = history
    }

    /// What the pipeline made of a site.
    public struct Result: Sendable {
        /// The site as read, with check-ins from history merged in.
        public var site: Site
        /// The resolved organisation.
        public var org: Organisation
    }

    /// Reads every file of the site and resolves it. `nil` when the site cannot be read at all
    /// (no usable `okrportal.yml`); the problems are in `diagnostics`.
    public func run(diagnostics: inout Diagnostics, git: GitHistory? = nil) throws(EnvironmentError) -> Result? {
        guard let read = try SiteReader.read(root: siteRoot, diagnostics: &diagnostics) else { return nil }
        return try resolve(read, git: git ?? GitHistory(siteRoot: siteRoot), diagnostics: &diagnostics)
    }

    /// Resolves a site already read (the incremental builder reads only the files that changed);
    /// `git` keeps what it read of the history between builds.
    public func resolve(_ read: Site, git: GitHistory, diagnostics: inout Diagnostics) throws(EnvironmentError)
        -> Result
    {
        let site = try git.apply(
            to: read, asOf: asOf, requested: history, includeDrafts: includeDrafts, diagnostics: &diagnostics)
        let org = Resolver.resolve(site, asOf: asOf, includeDrafts: includeDrafts, diagnostics: &diagnostics)
        Lint.check(org, into: &diagnostics)
        return Result(site: site, org: org)
    }
}
