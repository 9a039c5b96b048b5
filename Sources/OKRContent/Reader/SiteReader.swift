import OKRCore

/// A problem with the environment rather than the content: exit code 2.
public struct EnvironmentError: Error, Sendable, CustomStringConvertible {
    /// What is wrong and what to do.
    public var message: String

    /// Creates an error.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

/// Reads a whole site from disk: `okrportal.yml`, `content/teams.yml` and every objective file.
public enum SiteReader {
    /// The configuration file's name.
    public static let configFile = "okrportal.yml"
    /// The team list, relative to the site root.
    public static let teamsFile = "content/teams.yml"
    /// The folder of objective files, relative to the site root.
    public static let objectivesFolder = "content/objectives"

    /// Reads the site at `root`. Content problems go to `diagnostics`; the result is `nil` when the
    /// configuration is unusable. Throws when `root` is not a site at all.
    public static func read(root: String, diagnostics: inout Diagnostics) throws(EnvironmentError) -> Site? {
        let snapshot = try self.snapshot(root: root, previous: nil)
        diagnostics.append(contentsOf: snapshot.diagnostics)
        return snapshot.site
    }

    /// Reads the site at `root`, reusing from `previous` every file whose size, modification time and
    /// inode are unchanged (the preview server's path: one edited file is read again, not all).
    public static func snapshot(root: String, previous: SiteSnapshot?) throws(EnvironmentError) -> SiteSnapshot {
        guard FileSystem.isDirectory(root) else {
            throw EnvironmentError("\(root) is not a directory")
        }
        guard let realRoot = FileSystem.realPath(root) else {
            throw EnvironmentError("cannot resolve \(root): \(FileSystem.lastError())")
        }
        let configPath = join(root, configFile)
        guard FileSystem.exists(configPath) else {
            throw EnvironmentError(
                "\(root) is not an okrportal site: there is no \(configFile) (create one with 'okrportal init')")
        }
        var snapshot = SiteSnapshot()
        let configStamp = FileSystem.stamp(configPath)
        if let previous, previous.configStamp == configStamp, configStamp != nil {
            snapshot.config = previous.config
            snapshot.configDiagnostics = previous.configDiagnostics
        } else {
            var d = Diagnostics()
            if let bytes = readSiteFile(
                configFile, root: root, realRoot: realRoot, limit: maxConfigBytes, what: configFile, diagnostics: &d)
            {
                snapshot.config = ConfigReader.readConfig(bytes, path: configFile, diagnostics: &d)
            }
            snapshot.configDiagnostics = d.items
        }
        snapshot.configStamp = configStamp

        guard FileSystem.isDirectory(join(root, "content")) else {
            snapshot.listingDiagnostics = [
                Diagnostic(
                    .error, SourceLocation(path: "content"),
                    "the site has no content/ folder; it needs content/teams.yml and content/objectives/")
            ]
            snapshot.usable = false
            return snapshot
        }
        let teamsPath = join(root, teamsFile)
        let teamsStamp = FileSystem.stamp(teamsPath)
        if let previous, previous.teamsStamp == teamsStamp, teamsStamp != nil {
            snapshot.teams = previous.teams
            snapshot.teamsDiagnostics = previous.teamsDiagnostics
        } else {
            var d = Diagnostics()
            if !FileSystem.exists(teamsPath) {
                d.error(
                    "the team list content/teams.yml is missing; it names the company and its teams",
                    at: SourceLocation(path: teamsFile))
            } else if let bytes = readSiteFile(
                teamsFile, root: root, realRoot: realRoot, limit: maxTeamsBytes, what: teamsFile, diagnostics: &d)
            {
                snapshot.teams = ConfigReader.readTeams(bytes, path: teamsFile, diagnostics: &d)
            }
            snapshot.teamsDiagnostics = d.items
        }
        snapshot.teamsStamp = teamsStamp

        var listing = Diagnostics()
        let paths = objectiveFiles(root: root, realRoot: realRoot, diagnostics: &listing)
        snapshot.listingDiagnostics = listing.items
        var known: [String: ObjectiveFile] = [:]
        for file in previous?.files ?? [] { known[file.path] = file }
        let reused = known
        let files = Parallel.map(paths) { path -> ObjectiveFile in
            let full = join(root, path)
            let stamp = FileSystem.stamp(full)
            if let old = reused[path], stamp != nil, old.stamp == stamp { return old }
            var d = Diagnostics()
            var objective: Objective?
            if let bytes = read(
                full, rel: path, limit: ObjectiveReader.maxFileBytes, what: "an objective file", diagnostics: &d)
            {
                objective = ObjectiveReader.read(bytes, path: path, diagnostics: &d)
            }
            return ObjectiveFile(path: path, stamp: stamp, objective: objective, diagnostics: d.items)
        }
        snapshot.files = files
        return snapshot
    }

    /// The objective files under `content/objectives`, relative to the site root, sorted.
    /// Hidden files are skipped; symlinks are followed only when they stay inside the site.
    static func objectiveFiles(root: String, realRoot: String, diagnostics: inout Diagnostics) -> [String] {
        let top = join(root, objectivesFolder)
        guard FileSystem.isDirectory(top) else {
            diagnostics.warning(
                "there is no content/objectives/ folder, so the site has no objectives yet",
                at: SourceLocation(path: "content"))
            return []
        }
        var files: [String] = []
        var visited = Set<String>()
        var stack = [objectivesFolder]
        while let dir = stack.popLast() {
            if let real = FileSystem.realPath(join(root, dir)), !visited.insert(real).inserted { continue }
            let names: [String]
            switch FileSystem.list(join(root, dir)) {
            case .success(let n): names = n
            case .failure(let e):
                diagnostics.error("cannot read the folder: \(e.message)", at: SourceLocation(path: dir))
                continue
            }
            for name in names where !name.hasPrefix(".") {
                let rel = dir + "/" + name
                let full = join(root, rel)
                var kind = FileSystem.kind(of: full)
                if kind == .symlink {
                    guard let target = FileSystem.realPath(full) else {
                        diagnostics.warning("broken symlink; skipped", at: SourceLocation(path: rel))
                        continue
                    }
                    guard target == realRoot || target.hasPrefix(realRoot + "/") else {
                        diagnostics.warning(
                            "symlink points outside the site (\(target)) and is not followed",
                            at: SourceLocation(path: rel))
                        continue
                    }
                    kind = FileSystem.targetKind(of: full)
                }
                switch kind {
                case .directory: stack.append(rel)
                case .file where name.hasSuffix(".md"): files.append(rel)
                case .other where name.hasSuffix(".md"):
                    // A named pipe, device or socket is never opened: it could block or never end.
                    diagnostics.error(
                        ReadFailure.notRegular(FileSystem.special(full) ?? "a special file").message,
                        at: SourceLocation(path: rel))
                default: break
                }
            }
        }
        return FileSystem.sortedBytewise(files)
    }

    /// `a/b`, without doubling the separator.
    public static func join(_ a: String, _ b: String) -> String {
        if a.isEmpty || a == "." { return b }
        return a.hasSuffix("/") ? a + b : a + "/" + b
    }
}

/// What identifies a file's version cheaply: size, modification time and inode.
public struct FileStamp: Hashable, Sendable {
    /// The size in bytes.
    public var size: Int
    var seconds: Int
    var nanoseconds: Int
    var inode: UInt64
}

/// One objective file as read: its version, the objective (if usable) and its problems.
public struct ObjectiveFile: Sendable {
    /// The path relative to the site root.
    public var path: String
    /// Its version when read.
    public var stamp: FileStamp?
    /// The objective, `nil` when the file was unusable.
    public var objective: Objective?
    /// The file's problems.
    public var diagnostics: [Diagnostic]
}

/// Everything read from a site, file by file, so that the next read can reuse unchanged files.
public struct SiteSnapshot: Sendable {
    var config: SiteConfig?
    var configStamp: FileStamp?
    var configDiagnostics: [Diagnostic] = []
    var teams: [Team] = []
    var teamsStamp: FileStamp?
    var teamsDiagnostics: [Diagnostic] = []
    var listingDiagnostics: [Diagnostic] = []
    var usable = true
    /// The objective files, sorted by path.
    public internal(set) var files: [ObjectiveFile] = []

    /// Every problem found while reading.
    public var diagnostics: [Diagnostic] {
        configDiagnostics + teamsDiagnostics + listingDiagnostics + files.flatMap(\.diagnostics)
    }

    /// The site, `nil` when the configuration is unusable or there is no content folder.
    public var site: Site? {
        guard usable, let config else { return nil }
        return Site(config: config, teams: teams, objectives: files.compactMap(\.objective))
    }

    /// Whether the configuration or the team list differ from `other`'s.
    public func sameSettings(as other: SiteSnapshot) -> Bool {
        configStamp == other.configStamp && teamsStamp == other.teamsStamp && configStamp != nil
    }

    /// The paths whose objective was read anew compared with `other` (added, changed or removed).
    public func changedPaths(since other: SiteSnapshot) -> Set<String> {
        var old: [String: FileStamp?] = [:]
        for f in other.files { old[f.path] = f.stamp }
        var changed = Set<String>()
        for f in files {
            if let stamp = old[f.path], stamp == f.stamp { continue }
            changed.insert(f.path)
        }
        let now = Set(files.map(\.path))
        for f in other.files where !now.contains(f.path) { changed.insert(f.path) }
        return changed
    }
}
