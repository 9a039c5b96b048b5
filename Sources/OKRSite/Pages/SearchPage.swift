/// `search/index.html`: searches objectives, key results, teams and people in the browser, over the
/// index in `search/data.js` (``SearchIndex``). The header's search box on every page leads here with
/// `?q=`. Without JavaScript the page says so and links to the browsable indexes.
enum SearchPage: PageKind {
    /// The page's path.
    static let path = "search/index.html"

    static func pages(in model: SiteModel) -> [Page] {
        [
            Page(path: path, template: "search") { m in
                var c = m.baseContext(depth: 1, title: m.t["search_title"], section: "search")
                c["data_js"] = SearchIndex.path
                c["search_js"] = m.theme.assetPaths["assets/search.js"] ?? ""
                return c
            }
        ]
    }
}
