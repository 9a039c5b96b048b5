/// A file written next to the pages, rendered only when it is written (a 10,000-objective site's
/// exports held at once took as much memory as the rest of the build).
public struct ExportFile: Sendable {
    /// The output path relative to the site root.
    public var path: String
    /// Renders the file's text.
    public var render: @Sendable () -> String

    /// Creates an export file.
    public init(path: String, render: @escaping @Sendable () -> String) {
        self.path = path
        self.render = render
    }
}

/// Every file written next to the pages besides `data/okrs.json` (which is streamed): the CSV, the Atom
/// feeds, the sitemap and the search index. To add an export, write its type in `Export/` and add its files here.
public enum Exports {
    /// The export files of a build whose pages are `pages` (paths relative to the site root).
    public static func files(_ m: SiteModel, pages: [String]) -> [ExportFile] {
        [
            ExportFile(path: Routes.okrsCSV) { OKRsCSV.render(m) },
            ExportFile(path: Routes.searchData) { SearchIndex.render(m) },
        ] + AtomFeed.files(m)
            + Sitemap.files(baseURL: m.org.config.baseURL, pages: pages, notFound: m.routes.path(.notFound))
    }
}
