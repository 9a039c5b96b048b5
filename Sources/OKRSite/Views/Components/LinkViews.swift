import OKRCore

/// A link to a person: their page when they have one (`partials/person-link`).
public struct PersonLinkView: TemplateView {
    let site: SiteModel
    /// The name as written; `nil` or empty when nobody is named.
    public let name: String?

    /// The name, or "nobody named" in the site's language.
    public var shownName: String {
        guard let name, !name.isEmpty else { return site.t["owner_none"] }
        return name
    }
    /// The person's page, if the portal has one.
    public var url: String? { name.flatMap { $0.isEmpty ? nil : site.routes.person(named: $0) } }
    /// `partials/person-link` rendered (a link, or the escaped name).
    public var html: String {
        guard let name, !name.isEmpty else { return HTML.escape(site.t["owner_none"]) }
        return site.components.personHTML(name)
    }

    public static let schema = ViewSchema<PersonLinkView>(
        "PersonLink", "A person, linked to their page where they have one.",
        fields: [
            .text("name", "the name (or the string `owner_none`)") { $0.shownName },
            .text("url", "their page, or empty") { $0.url ?? "" },
            .flag("has_page", "whether they have a page") { $0.url != nil },
            .html("html", "`partials/person-link` rendered for this person") { $0.html },
        ])
}

/// A link to a team.
public struct TeamLinkView: TemplateView {
    let site: SiteModel
    /// The team.
    public let team: TeamIndex

    /// The team's name.
    public var name: String { site.org.teams.teams[team].name }

    public static let schema = ViewSchema<TeamLinkView>(
        "TeamLink", "A team, with its page.",
        fields: [
            .text("name", "the team's name") { $0.name },
            .text("url", "the team's page") { $0.site.routes.team($0.team) },
            .text("id", "the team's id") { $0.site.org.teams.teams[$0.team].id },
        ])
}

/// A link to a period's page.
public struct PeriodLinkView: TemplateView {
    let site: SiteModel
    /// The period.
    public let period: PeriodIndex

    public static let schema = ViewSchema<PeriodLinkView>(
        "PeriodLink", "A period, with its page.",
        fields: [
            .text("name", "the period's id") { $0.site.org.periods[$0.period].id },
            .text("url", "the period's page") { $0.site.routes.period($0.period) },
        ])
}

/// One entry of a switcher between periods (or of the navigation): a label, a link, and whether it is
/// the one shown.
public struct SwitcherItemView: TemplateView {
    /// What the link says.
    public let label: String
    /// Where it goes.
    public let url: String
    /// Whether it is the page shown.
    public let current: Bool

    public static let schema = ViewSchema<SwitcherItemView>(
        "SwitcherItem", "A link in a switcher or the navigation.",
        fields: [
            .text("label", "what the link says") { $0.label },
            .text("url", "where it goes") { $0.url },
            .flag("current", "whether it is the page shown (`aria-current`)") { $0.current },
        ])
}

/// The site's navigation, with the current section marked (`partials/nav`).
public struct NavView: TemplateView {
    let site: SiteModel
    /// The section of the page (`home`, `cascade`, `teams`, …), or `""` for none.
    public let section: String

    /// Every section a page can be in.
    static let sections = ["", "home", "cascade", "teams", "people", "periods", "changes", "search", "help"]

    /// The links, in order.
    public var items: [SwitcherItemView] {
        let targets: [(String, String)] = [
            ("home", site.routes.path(.home)),
            ("cascade", site.org.currentPeriod.map { site.routes.cascade($0) } ?? site.routes.path(.home)),
            ("teams", site.routes.path(.teams)), ("people", site.routes.path(.people)),
            ("periods", site.routes.path(.periods)), ("changes", site.routes.path(.changes)),
            ("help", site.routes.path(.help)),
        ]
        return targets.map { SwitcherItemView(label: site.t["nav_\($0.0)"], url: $0.1, current: $0.0 == section) }
    }

    public static let schema = ViewSchema<NavView>(
        "Nav", "The site's navigation (`partials/nav`), placed on every page as `{{{nav_html}}}`.",
        fields: [.list("nav", "the links, the current section marked") { $0.items }])
}
