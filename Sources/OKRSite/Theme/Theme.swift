import OKRContent
import OKRCore

/// The templates, UI strings and assets a build renders with.
///
/// A theme is layered: the default theme compiled into the binary, then the site's own `Templates/`
/// folder if it has one, then the folder named by `--templates` or `templates:`. A file in a later
/// layer replaces the same path in an earlier one, so a company theme overrides only what it needs.
public struct Theme: Sendable {
    /// The templates, each compiled for the view it renders (see ``ThemeBindings``).
    public let templates: TemplateSet
    /// The UI strings of the site's language.
    public let strings: Strings
    /// Asset files to copy, with content-hashed output paths.
    public let assets: [Asset]
    /// Output path of each asset by its source path (`assets/style.css` → `assets/style.1a2b….css`).
    public let assetPaths: [String: String]

    /// An asset file of the theme.
    public struct Asset: Sendable {
        /// Where it is written, relative to the output root.
        public var outputPath: String
        /// Its bytes.
        public var bytes: [UInt8]
    }

    /// Loads the theme for `language`. `overrideDir` is relative to `siteRoot` unless absolute.
    public static func load(
        siteRoot: String, overrideDir: String?, language: String, diagnostics: inout Diagnostics
    ) throws(EnvironmentError) -> Theme {
        var files: [String: (bytes: [UInt8], origin: String)] = [:]
        for (path, text) in defaultThemeFiles { files[path] = (Array(text.utf8), "Templates/" + path) }
        let siteTemplates = SiteReader.join(siteRoot, "Templates")
        if FileSystem.isDirectory(siteTemplates) {
            readLayer(siteTemplates, shownAs: "Templates", into: &files, diagnostics: &diagnostics)
        }
        if let overrideDir {
            let dir = overrideDir.hasPrefix("/") ? overrideDir : SiteReader.join(siteRoot, overrideDir)
            try checkThemeFolder(dir, shownAs: overrideDir)
            readLayer(dir, shownAs: overrideDir, into: &files, diagnostics: &diagnostics)
        }

        var sources: [String: TemplateSource] = [:]
        var assets: [Asset] = []
        var assetPaths: [String: String] = [:]
        var english: [String: String] = [:]
        var chosen: [String: String] = [:]
        for path in files.keys.sorted() {
            let (bytes, origin) = files[path]!  // iterating the dictionary's own keys
            if path.hasSuffix(".mustache") {
                sources[String(path.dropLast(".mustache".count))] = TemplateSource(path: origin, bytes: bytes)
            } else if path == "i18n/en.yml" {
                english = ConfigReader.readStringTable(bytes, path: origin, diagnostics: &diagnostics)
            } else if path == "i18n/\(language).yml" {
                chosen = ConfigReader.readStringTable(bytes, path: origin, diagnostics: &diagnostics)
            } else if path.hasPrefix("assets/") {
                let out = hashedName(path, bytes)
                assets.append(Asset(outputPath: out, bytes: bytes))
                assetPaths[path] = out
            }
        }
        var table = english
        for (k, v) in chosen { table[k] = v }
        let strings = Strings(table)
        let templates = TemplateSet.compile(
            sources: sources, strings: strings, bindings: ThemeBindings.all,
            missing: { SourceLocation(path: (files[$0 + ".mustache"]?.origin ?? "Templates/\($0).mustache")) },
            diagnostics: &diagnostics)
        return Theme(
            templates: templates ?? TemplateSet.empty, strings: strings, assets: assets, assetPaths: assetPaths)
    }

    /// `assets/style.css` → `assets/style.<hash>.css`.
    static func hashedName(_ path: String, _ bytes: [UInt8]) -> String {
        let hash = String(ContentHash.hex(bytes).prefix(12))
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return path + "." + hash }
        return String(path[..<dot]) + "." + hash + String(path[dot...])
    }

    static func readLayer(
        _ dir: String, shownAs: String, into files: inout [String: (bytes: [UInt8], origin: String)],
        diagnostics: inout Diagnostics
    ) {
        var stack = [""]
        while let rel = stack.popLast() {
            guard case .success(let names) = FileSystem.list(SiteReader.join(dir, rel)) else { continue }
            for name in names where !name.hasPrefix(".") {
                let path = rel.isEmpty ? name : rel + "/" + name
                let full = SiteReader.join(dir, path)
                if FileSystem.isDirectory(full) {
                    stack.append(path)
                    continue
                }
                switch FileSystem.read(full) {
                case .success(let bytes): files[path] = (bytes, shownAs + "/" + path)
                case .failure(let e):
                    diagnostics.error(
                        "cannot read the file: \(e.message)", at: SourceLocation(path: shownAs + "/" + path))
                }
            }
        }
    }

}

/// Which view each template of the theme renders: the page kinds' templates and the components.
public enum ThemeBindings {
    /// Every bound template.
    public static var all: [TemplateBinding] { PageKinds.all.flatMap { $0.templates } + components }

    /// The components rendered once and placed by pages, and the pieces of trees assembled in Swift.
    static let components: [TemplateBinding] = [
        .view("partials/status", StatusView.self),
        .view("partials/grade", GradeView.self),
        .view("partials/person-link", PersonLinkView.self),
        .view("partials/nav", NavView.self),
        .view("partials/site-search", EmptyView.self),
        .view("partials/objective-line", ObjectiveLineView.self),
        .view("partials/objective-card", ObjectiveCardView.self),
        .view("partials/cascade/node-open", CascadeNodeView.self),
        .view("partials/cascade/node-link", CascadeLinkView.self),
        .view("partials/cascade/node-close", EmptyView.self),
        .view("partials/cascade/krs-open", EmptyView.self),
        .view("partials/cascade/krs-close", EmptyView.self),
        .view("partials/cascade/kr-open", CascadeKeyResultView.self),
        .view("partials/cascade/kr-close", TreeCloseView.self),
        .view("partials/cascade/whole-open", CascadeWholeView.self),
        .view("partials/cascade/whole-close", EmptyView.self),
        .view("partials/cascade/group", CascadeGroupView.self),
        .view("partials/team-tree/open", TeamEntryView.self),
        .view("partials/team-tree/close", TreeCloseView.self),
    ]
}
