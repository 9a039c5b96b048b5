/// `404.html`: served by web servers for any missing path, so its links use `base_url` when set.
enum NotFoundPage: PageKind {
    static func pages(in model: SiteModel) -> [Page] {
        [
            Page(path: "404.html", template: "404") { m in
                var c = m.baseContext(depth: 0, title: m.t["notfound_title"], section: "")
                // Served at arbitrary depths: relative links only work from the root, absolute ones always.
                if let base = m.org.config.baseURL { c["root"] = base }
                return c
            }
        ]
    }
}
