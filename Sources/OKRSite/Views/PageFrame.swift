import OKRCore

/// What the layout (`base.mustache`) shows on every page: the head, the header with navigation and
/// search, the footer. Every page template renders inside one, so its fields are visible everywhere.
public struct PageFrame: TemplateView {
    let site: SiteModel
    /// The page's path, relative to the site root.
    public let path: String
    /// The page's title.
    public let title: String
    /// The navigation section the page belongs to (`home`, `cascade`, `teams`, …), or `""`.
    public let section: String
    /// A team whose feed the page announces besides the site's.
    public var teamFeed: TeamIndex?
    /// Where the site root is, when not `../` per folder (the 404 page uses `base_url`).
    public var root: String?

    /// The frame of page `id`, titled `title`, in navigation section `section`.
    init(_ site: SiteModel, _ id: PageID, title: String, section: String) {
        self.site = site
        path = site.routes.path(id)
        self.title = title
        self.section = section
    }

    /// The link to the site root for `<base href>`: `./` at the top, `../` per folder.
    public var rootPath: String {
        if let root { return root }
        let depth = path.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "/") ? 1 : 0) }
        return depth == 0 ? "./" : String(repeating: "../", count: depth)
    }

    public static let schema = ViewSchema<PageFrame>(
        "Page",
        "The layout's view, around every page's own view: its fields can be used in every page template.",
        fields: [
            .text("root", "the site root for `<base href>`: `./`, `../`, or `base_url` on the 404 page") {
                $0.rootPath
            },
            .text("lang", "the site's language: `de` or `en`") { $0.site.org.config.language },
            .text("site_title", "the site's title") { $0.site.org.config.title },
            .text("page_title", "the page's title") { $0.title },
            .text("page_path", "the page's path from the site root") { $0.path },
            .text("section", "the navigation section the page belongs to") { $0.section },
            .text("css", "the stylesheet's path") { $0.site.theme.assetPaths["assets/style.css"] ?? "" },
            .text("site_js", "the script of every page (`assets/filter.js`: list filters, the cascade's controls)") {
                $0.site.theme.assetPaths["assets/filter.js"] ?? ""
            },
            .text("help_url", "the help page (`help.html`); its entries are anchors: `#status`, `#expected`, …") {
                $0.site.routes.path(.help)
            },
            .html("nav_html", "`partials/nav` rendered for the page's section") {
                $0.site.components.navHTML($0.section)
            },
            .html("search_html", "`partials/site-search` rendered (empty on the search page itself)") {
                $0.section == "search" ? "" : $0.site.components.searchBox
            },
            .text("as_of", "the as-of date") { $0.site.format.date($0.site.org.asOf) },
            .text("footer", "\"Stand: 29.11.2026\"") {
                $0.site.t.format("footer_as_of", ["date": $0.site.format.date($0.site.org.asOf)])
            },
            .text("feed_title", "the title of the site's Atom feed") {
                $0.site.t.format("feed_title", ["site": $0.site.org.config.title])
            },
            .optional("team_feed", "a team page's own Atom feed") { f in
                f.teamFeed.map { FeedLinkView(site: f.site, team: $0) }
            },
        ])
}

/// A team's Atom feed, announced in its page's head.
public struct FeedLinkView: TemplateView {
    let site: SiteModel
    /// The team.
    public let team: TeamIndex

    public static let schema = ViewSchema<FeedLinkView>(
        "FeedLink", "A team's Atom feed.",
        fields: [
            .text("url", "the feed's path") { $0.site.routes.feed(team: $0.team) },
            .text("title", "the feed's title") {
                $0.site.t.format(
                    "feed_team_title",
                    ["team": $0.site.org.teams.teams[$0.team].name, "site": $0.site.org.config.title])
            },
        ])
}

/// A page's own view: what its template shows, inside the layout's ``PageFrame``.
public protocol PageView: TemplateView {
    /// The layout's view for this page.
    var frame: PageFrame { get }
}

/// One page to write: what it shows, where it goes, which template renders it, and its view.
public struct Page: Sendable {
    /// What the page shows.
    public let id: PageID
    /// Where it goes, relative to the site root.
    public let path: String
    /// The template's name (`objective`).
    public let template: String
    /// Builds the page's view and renders it into the buffer; called in parallel with other pages. A
    /// flush function, if given, takes the bytes of a page that grows large (see ``RenderState/flush``).
    let render: @Sendable (inout [UInt8], ((inout [UInt8]) -> Void)?) -> Void

    /// The page `id`, rendered by `template` from the view `view` makes.
    init<V: PageView>(_ m: SiteModel, _ id: PageID, template: String, view: @escaping @Sendable () -> V) {
        self.id = id
        path = m.routes.path(id)
        self.template = template
        render = { out, flush in
            let v = view()
            m.theme.templates.render(template, v, inside: v.frame, into: &out, flush: flush)
        }
    }

    /// The page's HTML.
    public func html() -> String {
        var out: [UInt8] = []
        render(&out, nil)
        return String(decoding: out, as: UTF8.self)
    }
}
