/// Every file written next to the pages besides `data/okrs.json` (which is streamed): the CSV, the Atom
/// feeds and the sitemap. To add an export, write its type in `Export/` and add its files here.
public enum Exports {
    /// The export files of a build whose pages are `pages` (paths relative to the site root).
    public static func files(_ m: SiteModel, pages: [String]) -> [(path: String, text: String)] {
        [(OKRsCSV.path, OKRsCSV.render(m))] + AtomFeed.files(m)
            + Sitemap.files(baseURL: m.org.config.baseURL, pages: pages)
    }
}
