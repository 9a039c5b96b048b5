import OKRCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads the git history of a site's objective files and merges it into the site as check-ins
/// (`history: git`, `--history git`; the rules are ``HistoryMerge``'s).
///
/// Git runs as a subprocess, three times per build at most:
/// 1. `git rev-parse` finds the repository, the site's folder in it, whether the clone is shallow,
///    and `HEAD`;
/// 2. one `git log --raw -M` walk over `content/objectives` lists, for every commit, the files it
///    changed with their new blob ids, renames and moves detected, so each file's versions are known
///    under its current path;
/// 3. one `git cat-file --batch` reads the blobs that the as-of date and the objectives' periods make
///    relevant (``HistoryMerge/versionsToRead(_:periodStart:asOf:)``), parsed in parallel.
///
/// An instance keeps what it read: the walk for as long as `HEAD` does not move, and the readings of
/// every blob (content-addressed, so never stale). The preview server keeps one for its lifetime;
/// a one-shot build uses a fresh one.
public final class GitHistory: @unchecked Sendable {
    /// The site folder.
    public let siteRoot: String
    /// The `git` program.
    let git: String

    private var repository: Repository?
    private var walk: Walk?
    /// What each blob read says (`nil`: its front matter could not be read).
    private var readings: [String: VersionFacts?] = [:]

    /// What reading history found out about the repository.
    struct Repository {
        /// The working tree's top folder.
        var topLevel: String
        /// The site's folder relative to the top, with a trailing `/`, or empty.
        var prefix: String
        /// The git folder (`.git`, or the worktree's folder inside it).
        var gitDir: String
        /// Whether the clone is shallow.
        var shallow: Bool
    }

    /// One walk of the history from a `HEAD`.
    struct Walk {
        /// The commit the walk started from.
        var head: String
        /// Every commit that changed an objective file, in walk order (newest first).
        var commits: [Revision]
        /// For each file at `HEAD` (path relative to the top): its versions as (commit index, blob id,
        /// path in that commit), newest first.
        var files: [String: [(commit: Int32, blob: String, path: String)]]
        /// The day of the oldest commit seen (for the shallow-clone warning).
        var oldest: Day?
    }

    /// A history reader for the site at `siteRoot`; `git` is the program to run.
    public init(siteRoot: String, git: String = "git") {
        self.siteRoot = siteRoot
        self.git = git
    }

    /// Files whose change means `HEAD` may have moved: the preview server watches them.
    public var watchedFiles: [String] {
        guard let repository else { return [] }
        return [repository.gitDir + "/HEAD", repository.gitDir + "/logs/HEAD"]
    }

    /// `site` with check-ins derived from git history for the as-of date `asOf`, when history is
    /// `requested` (`nil`: as `history:` in the configuration says).
    ///
    /// When history was requested on the command line and cannot be read (git is missing, the site
    /// is not in a repository, git fails), this throws: the user asked for something the environment
    /// cannot give. When it is only configured, the same problems are warnings and the site is
    /// returned as it is, so an export of the files without `.git` still builds. A shallow clone is a
    /// warning either way: its history is incomplete, not wrong.
    ///
    /// Only versions that were the objective as this build publishes it (same id, public, and not a
    /// draft unless `includeDrafts`) become check-ins (``VersionFacts``).
    public func apply(
        to site: Site, asOf: Day, requested: HistorySource?, includeDrafts: Bool = false,
        diagnostics: inout Diagnostics
    ) throws(EnvironmentError) -> Site {
        let source = requested ?? site.config.history
        guard source == .git else { return site }
        let configLocation = site.config.historyLocation ?? SourceLocation(path: SiteReader.configFile)
        do {
            return try merge(into: site, asOf: asOf, includeDrafts: includeDrafts, diagnostics: &diagnostics)
        } catch {
            if requested != nil { throw EnvironmentError("--history git: \(error.message)") }
            diagnostics.warning("history: git is set, but \(error.message); built without it", at: configLocation)
            return site
        }
    }

    /// Why history cannot be read.
    struct Unavailable: Error {
        var message: String
    }

    private func merge(into site: Site, asOf: Day, includeDrafts: Bool, diagnostics: inout Diagnostics)
        throws(Unavailable) -> Site
    {
        var clock = Stopwatch()
        defer { clock.report() }
        let repository: Repository
        if let known = self.repository {
            repository = known
        } else {
            repository = try discover()
            self.repository = repository
        }
        guard let head = try currentHead(repository) else { return site }  // no commit yet: no history
        let walk: Walk
        if let old = self.walk, old.head == head {
            walk = old
        } else {
            walk = try readLog(repository, head: head)
            self.walk = walk
        }
        clock.lap("history: rev-parse and log (\(walk.commits.count) commits)")
        if repository.shallow {
            let since = walk.oldest.map { " before \($0)" } ?? ""
            diagnostics.warning(
                "the repository is a shallow clone, so its history\(since) is missing and check-ins derived "
                    + "from it are incomplete; fetch the whole history (git fetch --unshallow; in CI, a full "
                    + "clone such as actions/checkout with fetch-depth: 0)",
                at: SourceLocation(path: SiteReader.objectivesFolder))
        }

        // Which versions of which files matter for this as-of date, and which blobs are not read yet.
        let periodStarts = Dictionary(site.config.periods.map { ($0.id, $0.start) }, uniquingKeysWith: { a, _ in a })
        var plans: [(versions: [(commit: Int32, blob: String, path: String)], needed: [Int])] = []
        var missing = Set<String>()
        for objective in site.objectives {
            let versions = Array((walk.files[repository.prefix + objective.path] ?? []).reversed())
            let days = versions.map { walk.commits[Int($0.commit)].day }
            let needed = HistoryMerge.versionsToRead(days, periodStart: periodStarts[objective.period], asOf: asOf)
            for i in needed where readings[versions[i].blob] == nil { missing.insert(versions[i].blob) }
            plans.append((versions, needed))
        }
        let plan = plans
        if !missing.isEmpty { try readBlobs(FileSystem.sortedBytewise(Array(missing)), repository) }
        clock.lap("history: cat-file and parse (\(missing.count) versions)")

        let known = readings
        let commits = walk.commits
        let objectives = site.objectives
        let merged = Parallel.map(Array(objectives.indices)) { o -> Objective in
            let (refs, needed) = plan[o]
            guard !refs.isEmpty else { return objectives[o] }
            let versions = Self.publishedVersions(
                of: objectives[o], refs: refs, needed: needed, commits: commits, facts: known, asOf: asOf,
                includeDrafts: includeDrafts)
            return HistoryMerge.apply(
                versions, to: objectives[o], periodStart: periodStarts[objectives[o].period], asOf: asOf)
        }
        clock.lap("history: merge")
        var result = site
        result.objectives = merged
        return result
    }

    // MARK: git

    /// Runs git in `folder` (`-C`) and returns its exit status (0 or 1) and standard output.
    private func run(_ arguments: [String], in folder: String) throws(Unavailable) -> (status: Int32, output: String) {
        let result: (ChildProcess.Outcome, String)
        do {
            result = try ChildProcess.capture([git, "-C", folder] + arguments)
        } catch {
            throw Unavailable(message: spawnMessage(error))
        }
        let (outcome, output) = result
        guard outcome.status == 0 || outcome.status == 1 else {
            throw Unavailable(message: gitMessage(outcome.standardError, status: outcome.status))
        }
        return (outcome.status, output)
    }

    private func spawnMessage(_ error: ChildProcessError) -> String {
        error.code == ENOENT
            ? "git is not installed (no \(git) on PATH)" : "cannot run \(git): \(error.message)"
    }

    private func gitMessage(_ standardError: String, status: Int32) -> String {
        let lines = standardError.split(separator: "\n").map { $0.trimmingPrefix("fatal: ") }
        if lines.contains(where: { $0.hasPrefix("not a git repository") }) {
            return "\(siteRoot) is not in a git repository"
        }
        let first = lines.first.map(String.init) ?? "exit status \(status)"
        return "git failed: \(first)"
    }

    /// Finds the repository around the site.
    private func discover() throws(Unavailable) -> Repository {
        let (status, output) = try run(
            ["rev-parse", "--show-toplevel", "--show-prefix", "--absolute-git-dir", "--is-shallow-repository"],
            in: siteRoot)
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard status == 0, lines.count >= 4 else {
            throw Unavailable(message: "\(siteRoot) is not in a git working tree")
        }
        return Repository(topLevel: lines[0], prefix: lines[1], gitDir: lines[2], shallow: lines[3] == "true")
    }

    /// The commit `HEAD` names, `nil` before the first commit.
    private func currentHead(_ repository: Repository) throws(Unavailable) -> String? {
        let (status, output) = try run(["rev-parse", "-q", "--verify", "HEAD^{commit}"], in: repository.topLevel)
        let head = output.split(separator: "\n").first.map(String.init)
        return status == 0 ? head : nil
    }

    /// One walk over the history of the objectives folder, following renames.
    private func readLog(_ repository: Repository, head: String) throws(Unavailable) -> Walk {
        let arguments = [
            git, "-C", repository.topLevel, "--literal-pathspecs", "-c", "log.showSignature=false",
            "log", "-z", "--topo-order", "--raw", "--no-abbrev", "-M",
            "--no-color", "--format=%x01%H%x00%aI%x00%aN", head, "--", repository.prefix + SiteReader.objectivesFolder,
        ]
        var parser = LogParser()
        let outcome: ChildProcess.Outcome
        do {
            outcome = try ChildProcess.run(arguments) { parser.feed($0) }
        } catch {
            throw Unavailable(message: spawnMessage(error))
        }
        guard outcome.status == 0 else {
            throw Unavailable(message: gitMessage(outcome.standardError, status: outcome.status))
        }
        parser.finish()
        return Walk(head: head, commits: parser.commits, files: parser.files, oldest: parser.oldest)
    }

    /// Reads and parses `blobs` with one `git cat-file --batch`, in parallel batches.
    private func readBlobs(_ blobs: [String], _ repository: Repository) throws(Unavailable) {
        let list = temporaryFile(contents: blobs.joined(separator: "\n") + "\n")
        guard let list else { throw Unavailable(message: "cannot write a temporary file: \(FileSystem.lastError())") }
        defer { unlink(list) }
        var batch = BlobBatch()
        var parsed: [(String, VersionFacts?)] = []
        func flush() {
            let items = batch.take()
            parsed += Parallel.map(items) { item in
                (item.id, item.bytes.withUnsafeBufferPointer { KeyResultReadings.facts($0) })
            }
        }
        let outcome: ChildProcess.Outcome
        do {
            outcome = try ChildProcess.run(
                [git, "-C", repository.topLevel, "cat-file", "--batch"], input: list
            ) { chunk in
                batch.feed(chunk)
                if batch.size >= 4 << 20 { flush() }
            }
        } catch {
            throw Unavailable(message: spawnMessage(error))
        }
        guard outcome.status == 0 else {
            throw Unavailable(message: gitMessage(outcome.standardError, status: outcome.status))
        }
        flush()
        for (id, r) in parsed { readings[id] = .some(r) }
        // Blobs git could not give (missing in a broken or partial clone) read as unreadable versions.
        for id in blobs where readings[id] == nil { readings[id] = .some(nil) }
    }

    /// A new temporary file with `contents`, or `nil`.
    private func temporaryFile(contents: String) -> String? {
        let base = (getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp") + "/okrportal-blobs-XXXXXX"
        var template = Array(base.utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }  // non-empty array
        guard fd >= 0 else { return nil }
        close(fd)
        let path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }  // non-empty array
        var text = contents
        let written = text.withUTF8 { FileSystem.write(path, UnsafeRawBufferPointer($0)) }
        guard case .success = written else {
            unlink(path)
            return nil
        }
        return path
    }
}
