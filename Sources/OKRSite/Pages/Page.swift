/// A kind of page: a type that plans its pages from the shared model and names the templates they use.
/// To add one, write a type in `Pages/` and its view in `Views/Pages/`, and add the type to
/// ``PageKinds/all``.
public protocol PageKind: SendableMetatype {
    /// The pages of this kind.
    static func pages(in model: SiteModel) -> [Page]
    /// The templates its pages render, each with its view (checked when the theme loads).
    static var templates: [TemplateBinding] { get }
}

/// Every page kind the portal writes.
public enum PageKinds {
    /// The registry.
    public static let all: [any PageKind.Type] = [
        HomePage.self, CascadePage.self, AlignmentMapPage.self, TeamPages.self, ObjectivePages.self, PeoplePages.self,
        PeriodPages.self, HealthPage.self, ChangesPage.self, SearchPage.self, HelpPage.self, NotFoundPage.self,
    ]

    /// Every page of the site.
    public static func pages(in model: SiteModel) -> [Page] { all.flatMap { $0.pages(in: model) } }
}

/// `index.html`: the current period's company objectives, its key figures, and the way into the portal.
enum HomePage: PageKind {
    static func pages(in m: SiteModel) -> [Page] { [Page(m, .home, template: "home") { HomePageView(m) }] }
    static var templates: [TemplateBinding] { [.view("home", HomePageView.self, inside: PageFrame.self)] }
}

/// `map/PERIOD.html`: the period's alignment graph drawn in layers.
enum AlignmentMapPage: PageKind {
    static func pages(in m: SiteModel) -> [Page] {
        m.org.periods.indices.map { p in Page(m, .map(p), template: "map") { MapPageView(m, p) } }
    }
    static var templates: [TemplateBinding] { [.view("map", MapPageView.self, inside: PageFrame.self)] }
}

/// `teams/index.html` (the team tree with each team's roll-up), `teams/ID.html`, and each team's
/// printable weekly page `weekly/ID.html`.
enum TeamPages: PageKind {
    static func pages(in m: SiteModel) -> [Page] {
        let tree = m.org.teams
        // A team whose id repeats an earlier one's has no page: the first one owns the path.
        return [Page(m, .teams, template: "teams") { TeamsPageView(m) }]
            + tree.preorder.filter { tree.index[tree.teams[$0].id] == $0 }.flatMap { t in
                [
                    Page(m, .team(t), template: "team") { TeamPageView(m, t) },
                    Page(m, .weekly(t), template: "weekly") { WeeklyPageView(m, t) },
                ]
            }
    }
    static var templates: [TemplateBinding] {
        [
            .view("teams", TeamsPageView.self, inside: PageFrame.self),
            .view("team", TeamPageView.self, inside: PageFrame.self),
            .view("weekly", WeeklyPageView.self, inside: PageFrame.self),
        ]
    }
}

/// `objectives/ID.html`, one per published objective.
enum ObjectivePages: PageKind {
    static func pages(in m: SiteModel) -> [Page] {
        m.org.objectives.indices.filter { m.org.isPublished[$0] }.map { o in
            Page(m, .objective(o), template: "objective") { ObjectivePageView(m, o) }
        }
    }
    static var templates: [TemplateBinding] { [.view("objective", ObjectivePageView.self, inside: PageFrame.self)] }
}

/// `people/index.html` and `people/SLUG.html`.
enum PeoplePages: PageKind {
    static func pages(in m: SiteModel) -> [Page] {
        [Page(m, .people, template: "people") { PeoplePageView(m) }]
            + m.people.all.indices.map { i in Page(m, .person(i), template: "person") { PersonPageView(m, i) } }
    }
    static var templates: [TemplateBinding] {
        [
            .view("people", PeoplePageView.self, inside: PageFrame.self),
            .view("person", PersonPageView.self, inside: PageFrame.self),
        ]
    }
}

/// `periods/index.html` (the archive) and `periods/ID.html`.
enum PeriodPages: PageKind {
    static func pages(in m: SiteModel) -> [Page] {
        [Page(m, .periods, template: "periods") { PeriodsPageView(m) }]
            + m.org.periods.indices.map { p in Page(m, .period(p), template: "period") { PeriodPageView(m, p) } }
    }
    static var templates: [TemplateBinding] {
        [
            .view("periods", PeriodsPageView.self, inside: PageFrame.self),
            .view("period", PeriodPageView.self, inside: PageFrame.self),
        ]
    }
}

/// `health/PERIOD.html`, one per period.
enum HealthPage: PageKind {
    static func pages(in m: SiteModel) -> [Page] {
        m.org.periods.indices.map { p in Page(m, .health(p), template: "health") { HealthPageView(m, p) } }
    }
    static var templates: [TemplateBinding] { [.view("health", HealthPageView.self, inside: PageFrame.self)] }
}

/// `changes.html`: what changed in the seven days up to the as-of date.
enum ChangesPage: PageKind {
    static func pages(in m: SiteModel) -> [Page] { [Page(m, .changes, template: "changes") { ChangesPageView(m) }] }
    static var templates: [TemplateBinding] { [.view("changes", ChangesPageView.self, inside: PageFrame.self)] }
}

/// `search/index.html`.
enum SearchPage: PageKind {
    static func pages(in m: SiteModel) -> [Page] { [Page(m, .search, template: "search") { SearchPageView(m) }] }
    static var templates: [TemplateBinding] { [.view("search", SearchPageView.self, inside: PageFrame.self)] }
}

/// `help.html`: how to read the portal (``HelpPageView``).
enum HelpPage: PageKind {
    static func pages(in m: SiteModel) -> [Page] { [Page(m, .help, template: "help") { HelpPageView(m) }] }
    static var templates: [TemplateBinding] { [.view("help", HelpPageView.self, inside: PageFrame.self)] }
}

/// `404.html`.
enum NotFoundPage: PageKind {
    static func pages(in m: SiteModel) -> [Page] { [Page(m, .notFound, template: "404") { NotFoundPageView(m) }] }
    static var templates: [TemplateBinding] { [.view("404", NotFoundPageView.self, inside: PageFrame.self)] }
}
