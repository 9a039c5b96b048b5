/// A file written next to the pages, rendered only when it is written and handed to the file in
/// pieces: a 100,000-objective site's CSV (100 MB) and search index (64 MB) held whole, twice over
/// while being turned into a string, made the build's peak.
public struct ExportFile: Sendable {
    /// The output path relative to the site root.
    public var path: String
    /// Writes the file's text to the sink, in pieces.
    public var write: @Sendable ((String) -> Void) -> Void

    /// A file whose text is made at once (feeds, sitemaps: small).
    public init(path: String, render: @escaping @Sendable () -> String) {
        self.path = path
        write = { sink in sink(render()) }
    }

    /// A file whose text is written in pieces.
    public init(path: String, stream: @escaping @Sendable ((String) -> Void) -> Void) {
        self.path = path
        write = stream
    }

    /// The whole text (tests, and the incremental builder, which compares it with what it wrote).
    public func render() -> String {
        var text = ""
        write { text += $0 }
        return text
    }
}

/// Every file written next to the pages besides `data/okrs.json` (which is streamed): the CSV, the Atom
/// feeds, the sitemap and the search index. To add an export, write its type in `Export/` and add its files here.
public enum Exports {
    /// The export files of a build whose pages are `pages` (paths relative to the site root).
    public static func files(_ m: SiteModel, pages: [String]) -> [ExportFile] {
        [
            ExportFile(path: Routes.okrsCSV, stream: { OKRsCSV.write(m, to: $0) }),
            ExportFile(path: Routes.searchData, stream: { SearchIndex.write(m, to: $0) }),
        ] + AtomFeed.files(m)
            + Sitemap.files(baseURL: m.org.config.baseURL, pages: pages, notFound: m.routes.path(.notFound))
    }
}
