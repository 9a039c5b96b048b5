import OKRContent

/// The folder a build writes, and the rule that keeps a build from destroying anything else.
///
/// A build replaces its output folder as a whole (see ``Staging``). That is only safe for a folder an
/// earlier build wrote, so every output holds a marker file (``marker``), and a build refuses, with
/// exit 2 and nothing touched:
/// - an output folder that is the site, lies inside `content/` or a theme folder, or contains the site
///   or a theme folder;
/// - a file, or a symbolic link, where the folder should be;
/// - a folder with entries but without the marker — unless every entry is a top-level dot-file (the
///   server's `.htaccess`, a `.gitkeep`: a build carries those over) or the folder is the output of
///   an okrportal version before the marker (its lock file lies next to it, and it holds `index.html`
///   and `data/`): that one gets the marker on this build.
public struct OutputFolder: Sendable {
    /// The path as given, cleaned: no doubled or trailing slashes, no `.` components, `..` resolved
    /// against the components before it.
    public let path: String
    /// The folder that holds the output: its lock file and staging folder go there.
    let parent: String
    /// The output folder's own name.
    let base: String

    /// The file every output holds: what a build may replace.
    public static let marker = ".okrportal-output"
    /// The marker's text, for a person who finds it.
    static let markerText =
        "This folder is the output of 'okrportal build': each build replaces all of it.\n"
        + "okrportal replaces no folder without this file (see docs/security.md).\n"

    /// The folders a build reads, which the output must neither be, lie in, nor contain.
    public struct Inputs: Sendable {
        /// The site folder.
        public var siteRoot: String
        /// The theme folder of `--templates` or `templates:` (relative to the site unless absolute).
        public var themeDir: String?

        /// The inputs of a build of `siteRoot` with the theme folder `themeDir`.
        public init(siteRoot: String, themeDir: String?) {
            self.siteRoot = siteRoot
            self.themeDir = themeDir
        }
    }

    /// The output folder `given`, cleaned, without any check (the lock and the incremental builder).
    public init(_ given: String) {
        var cleaned = Self.clean(given)
        // `.`, `..` and `/` have no name of their own to put a staging folder beside.
        if cleaned == "." || cleaned == ".." || cleaned.hasSuffix("/..") || cleaned == "/" {
            cleaned = FileSystem.realPath(cleaned) ?? cleaned
        }
        path = cleaned
        (parent, base) = Staging.split(cleaned)
    }

    /// The output folder `given`, cleaned and checked against `inputs` and what lies there now.
    public init(_ given: String, inputs: Inputs) throws(EnvironmentError) {
        self.init(given)
        try checkPlace(inputs)
        try checkReplaceable()
    }

    /// `path` without doubled or trailing slashes and `.` components; `a/../b` is `b`.
    public static func clean(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/") where part != "." {
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else if part != ".." || !absolute {
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        return absolute ? "/" + joined : joined.isEmpty ? "." : joined
    }

    /// The absolute path with symbolic links resolved in the part that exists.
    static func canonical(_ path: String) -> String {
        var head = path
        var tail: [String] = []
        while true {
            if let real = FileSystem.realPath(head) {
                return clean(([real] + tail.reversed()).joined(separator: "/"))
            }
            let (parent, base) = Staging.split(head)
            if parent == head || base.isEmpty { return clean(path) }
            tail.append(base)
            head = parent
        }
    }

    /// Whether `inner` is `outer` or lies inside it (both canonical).
    static func within(_ inner: String, _ outer: String) -> Bool {
        inner == outer || inner.hasPrefix(outer == "/" ? "/" : outer + "/")
    }

    /// Refuses a place where replacing the output would replace the site or its theme.
    func checkPlace(_ inputs: Inputs) throws(EnvironmentError) {
        let out = Self.clean(Self.canonical(parent) + "/" + base)
        let site = Self.canonical(inputs.siteRoot)
        let advice =
            "a build replaces its output folder as a whole; choose a folder of its own "
            + "(the default is \(SiteReader.join(inputs.siteRoot, "public")))"
        if base.isEmpty || out == "/" {
            throw EnvironmentError("the output folder \(path) is the root folder: \(advice)")
        }
        if out == site { throw EnvironmentError("the output folder \(path) is the site folder: \(advice)") }
        if Self.within(out, Self.canonical(SiteReader.join(inputs.siteRoot, "content"))) {
            throw EnvironmentError("the output folder \(path) lies inside the site's content/ folder: \(advice)")
        }
        if Self.within(site, out) {
            throw EnvironmentError("the output folder \(path) contains the site \(inputs.siteRoot): \(advice)")
        }
        var themes = [SiteReader.join(inputs.siteRoot, "Templates")]
        if let dir = inputs.themeDir { themes.append(dir.hasPrefix("/") ? dir : SiteReader.join(inputs.siteRoot, dir)) }
        for theme in themes.map(Self.canonical) {
            if Self.within(out, theme) {
                throw EnvironmentError("the output folder \(path) lies inside the theme folder \(theme): \(advice)")
            }
            if Self.within(theme, out) {
                throw EnvironmentError("the output folder \(path) contains the theme folder \(theme): \(advice)")
            }
        }
    }

    /// Refuses to replace anything but an earlier output (see the type's rule).
    func checkReplaceable() throws(EnvironmentError) {
        switch FileSystem.kind(of: path) {
        case .missing: return
        case .directory: break
        case .symlink:
            let target = FileSystem.realPath(path).map { " to \($0)" } ?? ""
            throw EnvironmentError(
                "the output folder \(path) is a symbolic link\(target); a build would replace the link with a "
                    + "folder: give the folder it points to as --output, or remove the link")
        case .file, .other:
            throw EnvironmentError(
                "the output \(path) is a file, not a folder; okrportal leaves it alone: move it away or choose "
                    + "another --output")
        }
        guard case .success(let names) = FileSystem.list(path) else {
            throw EnvironmentError("cannot read the output folder \(path): \(FileSystem.lastError())")
        }
        if names.contains(Self.marker) { return }
        let lost = names.filter { !$0.hasPrefix(".") || FileSystem.kind(of: SiteReader.join(path, $0)) != .file }
        if lost.isEmpty || isEarlierOutput(names) { return }
        let shown = FileSystem.sortedBytewise(lost).prefix(3).joined(separator: ", ")
        throw EnvironmentError(
            "the output folder \(path) holds files okrportal did not write (\(shown)\(lost.count > 3 ? ", …" : "")) "
                + "and no \(Self.marker): a build replaces the whole folder and would delete them; "
                + "empty or remove the folder, or choose another --output")
    }

    /// An output of okrportal before outputs were marked: the lock file beside it, `index.html` and
    /// `data/` in it.
    private func isEarlierOutput(_ names: [String]) -> Bool {
        FileSystem.kind(of: SiteReader.join(parent, ".\(base).okrportal.lock")) == .file
            && names.contains("index.html") && FileSystem.kind(of: SiteReader.join(path, "data")) == .directory
    }
}
