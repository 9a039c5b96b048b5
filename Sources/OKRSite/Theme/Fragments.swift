/// Small pieces of markup from the theme's partials, for structures that Swift assembles (trees that
/// nest arbitrarily deep): each piece is rendered with its own small context, so the theme keeps the
/// markup and no template has to recurse.
public struct Fragments: Sendable {
    let theme: Theme
    let strings: [String: String]

    /// Pieces from `theme`.
    public init(theme: Theme) {
        self.theme = theme
        strings = theme.strings.table
    }

    /// Renders partial `name` with `context` (and the UI strings as `t`).
    public func render(_ name: String, _ context: [String: Any]) -> String {
        var context = context
        context["t"] = strings
        return theme.render(name, context) ?? ""
    }

    /// A partial that needs no data.
    public func constant(_ name: String) -> String { render(name, [:]) }
}
