/// One page to write: where it goes, which template renders it, and how its context is computed.
public struct Page: Sendable {
    /// The output path relative to the site root (`objectives/x.html`).
    public var path: String
    /// The template's name (`objective`).
    public var template: String
    /// Computes the page's context; called in parallel with other pages.
    public var context: @Sendable (SiteModel) -> [String: Any]

    /// Creates a page.
    public init(path: String, template: String, context: @escaping @Sendable (SiteModel) -> [String: Any]) {
        self.path = path
        self.template = template
        self.context = context
    }

    /// How many folders deep the page is (0 for `index.html`, 1 for `teams/x.html`).
    public var depth: Int { path.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "/") ? 1 : 0) } }
}

/// A kind of page: a type that plans its pages from the shared model. To add one, write a type in
/// `Pages/` and add it to ``PageKinds/all``.
public protocol PageKind: SendableMetatype {
    /// The pages of this kind.
    static func pages(in model: SiteModel) -> [Page]
}

/// Every page kind the portal writes.
public enum PageKinds {
    /// The registry.
    public static let all: [any PageKind.Type] = [
        HomePage.self, CascadePage.self, AlignmentMapPage.self, TeamPages.self, ObjectivePages.self, PeoplePages.self,
        PeriodPages.self, HealthPage.self, ChangesPage.self, SearchPage.self, NotFoundPage.self,
    ]
}

extension Dictionary where Key == String, Value == Any {
    /// This dictionary with `other`'s entries added (other wins).
    func merging(_ other: [String: Any]) -> [String: Any] {
        merging(other) { _, new in new }
    }
}
