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
        var config: SiteConfig?
        switch FileSystem.read(configPath) {
        case .success(let bytes):
            config = ConfigReader.readConfig(bytes, path: configFile, diagnostics: &diagnostics)
        case .failure(let e):
            diagnostics.error("cannot read the file: \(e.message)", at: SourceLocation(path: configFile))
        }

        var teams: [Team] = []
        if !FileSystem.isDirectory(join(root, "content")) {
            diagnostics.error(
                "the site has no content/ folder; it needs content/teams.yml and content/objectives/",
                at: SourceLocation(path: "content"))
            return nil
        }
        switch FileSystem.read(join(root, teamsFile)) {
        case .success(let bytes):
            teams = ConfigReader.readTeams(bytes, path: teamsFile, diagnostics: &diagnostics)
        case .failure(let e):
            diagnostics.error(
                FileSystem.exists(join(root, teamsFile))
                    ? "cannot read the file: \(e.message)"
                    : "the team list content/teams.yml is missing; it names the company and its teams",
                at: SourceLocation(path: teamsFile))
        }

        let files = objectiveFiles(root: root, realRoot: realRoot, diagnostics: &diagnostics)
        let results = Parallel.map(files) { path -> (Objective?, Diagnostics) in
            var d = Diagnostics()
            switch FileSystem.read(join(root, path)) {
            case .success(let bytes):
                return (ObjectiveReader.read(bytes, path: path, diagnostics: &d), d)
            case .failure(let e):
                d.error("cannot read the file: \(e.message)", at: SourceLocation(path: path))
                return (nil, d)
            }
        }
        var objectives: [Objective] = []
        objectives.reserveCapacity(results.count)
        for (objective, d) in results {
            diagnostics.append(contentsOf: d)
            if let objective { objectives.append(objective) }
        }
        guard let config else { return nil }
        return Site(config: config, teams: teams, objectives: objectives)
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
