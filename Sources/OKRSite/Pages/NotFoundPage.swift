/// `404.html`: served by web servers for any missing path, so its links use `base_url` when set.
enum NotFoundPage: PageKind {
    static func pages(in model: SiteModel) -> [Page] {
        [
            Page(path: "404.html", template: "404") { m in
                var c = m.baseContext(depth: 0, title: m.t["notfound_title"], section: "")
                // Served for missing paths at any depth: with base_url the links are absolute and always
                // work; without, they work for misses in the site's top folder.
                if let base = m.org.config.baseURL { c["root"] = base }
                return c
            }
        ]
    }
}
