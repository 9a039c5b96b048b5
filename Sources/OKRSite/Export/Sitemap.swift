/// `sitemap.xml` (sitemaps.org 0.9) listing every page, written only when `base_url` is set: a sitemap
/// needs absolute addresses. Above 50,000 pages (the protocol's limit per file) `sitemap.xml` becomes a
/// sitemap index of `sitemaps/N.xml`.
public enum Sitemap {
    /// URLs per file, the protocol's limit.
    public static let limit = 50_000

    /// The sitemap files for `pages` (paths relative to the site root), none without `base_url`.
    /// `notFound` (the 404 page) is not listed.
    public static func files(baseURL: String?, pages: [String], notFound: String, limit: Int = Sitemap.limit)
        -> [ExportFile]
    {
        guard let base = baseURL else { return [] }
        let listed = pages.filter { $0 != notFound }.sorted()
        let head = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        @Sendable func urlset(_ paths: ArraySlice<String>) -> String {
            var x = head + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
            for p in paths { x += "<url><loc>\(XML.escape(base + p))</loc></url>\n" }
            return x + "</urlset>\n"
        }
        guard listed.count > limit else { return [ExportFile(path: Routes.sitemap) { urlset(listed[...]) }] }
        var files: [ExportFile] = []
        var index = head + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for (n, start) in stride(from: 0, to: listed.count, by: limit).enumerated() {
            let part = "sitemaps/\(n + 1).xml"
            let slice = listed[start..<min(start + limit, listed.count)]
            files.append(ExportFile(path: part) { urlset(slice) })
            index += "<sitemap><loc>\(XML.escape(base + part))</loc></sitemap>\n"
        }
        let text = index + "</sitemapindex>\n"
        return [ExportFile(path: Routes.sitemap) { text }] + files
    }
}
