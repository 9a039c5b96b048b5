import OKRCore

/// A name in a tag: `title`, `team.name`, `.` (the current item), `first()`.
struct TagName: Sendable, Hashable, CustomStringConvertible {
    /// The dotted parts; empty for `.`.
    var parts: [String]

    /// Parses a tag's trimmed content.
    init(_ text: String) {
        parts = text == "." ? [] : text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }

    /// Whether this is `.`, the implicit iterator.
    var isImplicit: Bool { parts.isEmpty }

    var description: String { parts.isEmpty ? "." : parts.joined(separator: ".") }
}

/// A parsed template: what the Mustache source says, before it is bound to a view.
indirect enum TemplateNode: Sendable {
    /// Text copied as it is.
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (as it is).
    case variable(TagName, escaped: Bool, SourceLocation)
    /// `{{#name}}…{{/name}}` or, inverted, `{{^name}}…{{/name}}`.
    case section(TagName, inverted: Bool, [TemplateNode], SourceLocation)
    /// `{{> name}}`, with the indentation of a standalone tag.
    case partial(String, indent: [UInt8], SourceLocation)
    /// `{{< name}}…{{/name}}`: the template `name` with the blocks defined inside replaced.
    case parent(String, indent: [UInt8], blocks: [String: [TemplateNode]], SourceLocation)
    /// `{{$ name}}default{{/name}}`: a block a child template may replace.
    case block(String, [TemplateNode], SourceLocation)
}

extension TemplateNode {
    /// Where the node's tag is; `nil` for text.
    var location: SourceLocation? {
        switch self {
        case .text: return nil
        case .variable(_, _, let at), .section(_, _, _, let at), .partial(_, _, let at), .parent(_, _, _, let at),
            .block(_, _, let at):
            return at
        }
    }
}

/// A template that cannot be parsed, at its place.
struct TemplateSyntaxError: Error, Sendable {
    var location: SourceLocation
    var message: String
}

/// A template file of the theme: its bytes and the path diagnostics show (`Templates/objective.mustache`,
/// or the path in a company theme's folder).
struct TemplateSource: Sendable {
    var path: String
    var bytes: [UInt8]
}
