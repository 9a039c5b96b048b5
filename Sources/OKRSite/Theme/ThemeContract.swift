/// The theme's contract in Markdown, generated from the code: every template with the view it renders,
/// and every view with its fields. docs/theming.md holds it between `<!-- views -->` markers, and a test
/// fails when the two disagree; `okrportal views` prints it.
public enum ThemeContract {
    /// The contract of the default bindings.
    public static func markdown() -> String { markdown(ThemeBindings.all) }

    static func markdown(_ bindings: [TemplateBinding]) -> String {
        var out = "### Templates\n\n| template | renders |\n|---|---|\n"
        var order: [AnySchema] = []
        var seen = Set<String>()
        func visit(_ schema: AnySchema) {
            guard seen.insert(schema.name).inserted else { return }
            order.append(schema)
        }
        // The layout's view first, then each template's own view, then what their fields lead to.
        for binding in bindings { binding.frames.dropLast().forEach(visit) }
        for binding in bindings {
            let view = binding.frames[binding.frames.count - 1]
            let inside = binding.frames.dropLast().map { " inside \(link($0.name))" }.joined()
            out += "| `\(binding.name).mustache` | \(link(view.name))\(inside) |\n"
            visit(view)
        }
        var i = 0
        while i < order.count {
            for field in order[i].fields {
                if case .child(_, let schema, _) = field.kind { visit(schema()) }
                if let from = field.embeddedFrom { visit(from) }
            }
            i += 1
        }
        out += "\n### Views\n"
        for schema in order { out += "\n" + section(schema) }
        return out
    }

    private static func section(_ schema: AnySchema) -> String {
        var out = "#### \(schema.name)\n\n\(schema.summary)\n"
        let own = schema.fields.filter { $0.embeddedFrom == nil }
        if !own.isEmpty {
            out += "\n| field | holds | what |\n|---|---|---|\n"
            for f in own {
                out += "| `\(f.name)` | \(kind(f)) | \(f.doc.replacingOccurrences(of: "|", with: "\\|")) |\n"
            }
        }
        var groups: [(AnySchema, [String])] = []
        for f in schema.fields {
            guard let from = f.embeddedFrom else { continue }
            if let last = groups.last, last.0 === from {
                groups[groups.count - 1].1.append(f.name)
            } else {
                groups.append((from, [f.name]))
            }
        }
        for (from, names) in groups {
            let left = from.fields.map(\.name).filter { !names.contains($0) }
            let except = left.isEmpty ? "" : " except " + left.map { "`\($0)`" }.joined(separator: ", ")
            out += "\nAnd every field of \(link(from.name))\(except).\n"
        }
        if schema.selfText != nil { out += "\n`{{.}}` writes the text.\n" }
        if own.isEmpty && groups.isEmpty && schema.selfText == nil { out += "\nNo fields.\n" }
        return out
    }

    private static func kind(_ field: AnyField) -> String {
        switch field.kind {
        case .text: return "text"
        case .html: return "HTML"
        case .number: return "number"
        case .flag: return "flag"
        case .child(.one, let schema, _): return link(schema().name)
        case .child(.optional, let schema, _): return link(schema().name) + " or none"
        case .child(.list, let schema, _): return "list of " + link(schema().name)
        }
    }

    private static func link(_ name: String) -> String { "[\(name)](#\(name.lowercased()))" }
}
