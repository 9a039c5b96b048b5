/// Names the portal's own pages keep in the folders where ids become file names.
///
/// Teams, people and periods each have a folder (`teams/`, `people/`, `periods/`) whose overview is
/// `index.html` — the page a web server shows for the folder's URL. A team or period with the id
/// `index` would be written to the same file, and which of the two pages a build kept would depend on
/// thread timing. So `index` is no team or period id (an error at the id), and a person whose name
/// makes the slug `index` gets `p-index` (as `con` gets `p-con`). `Routes` (OKRSite) builds the
/// overview paths from ``overview``, so the rule and the paths cannot drift apart.
public enum PageNames {
    /// The file name (without `.html`) of a folder's overview page.
    public static let overview = "index"

    /// Why `id` cannot name a team or period page, or `nil`. Case is ignored: `Index.html` and
    /// `index.html` are one file on case-insensitive file systems.
    public static func problem(with id: String, folder: String) -> String? {
        guard id.lowercased() == overview else { return nil }
        return "is reserved: \(folder)/\(overview).html is the overview page of all \(folder); choose another id"
    }

    /// `slug`, or `p-slug` when it would take an overview page's name.
    public static func personSlug(_ slug: String) -> String {
        slug == overview ? "p-" + slug : slug
    }
}
