/// What a view's field holds, read by name as a template would read it.
public enum FieldValue: Equatable, Sendable {
    /// A text (escaped when placed).
    case text(String)
    /// Markup (placed as it is).
    case html(String)
    /// A whole number.
    case number(Int)
    /// A flag.
    case flag(Bool)
    /// A view, a view that may be absent, or a list: how many items a section over it renders.
    case items(Int)
}

extension TemplateView {
    /// The field `name` of this view, as its template sees it; `nil` when the view has no such field.
    /// For tests and tools: pages render through compiled templates, not through this.
    public func field(_ name: String) -> FieldValue? {
        guard let field = Self.schema.erased.byName[name] else { return nil }
        return withUnsafePointer(to: self) { p in
            let p = UnsafeRawPointer(p)
            switch field.kind {
            case .text(let get): return .text(get(p))
            case .html(let get): return .html(get(p))
            case .number(let get): return .number(get(p))
            case .flag(let get): return .flag(get(p))
            case .child(_, _, let each):
                var n = 0
                each(p) { _, _, _ in n += 1 }
                return .items(n)
            }
        }
    }

    /// The text of field `name` (text or HTML), `nil` when it is neither.
    public func text(_ name: String) -> String? {
        switch field(name) {
        case .text(let s), .html(let s): return s
        default: return nil
        }
    }

    /// The flag `name`, `nil` when it is not a flag.
    public func flag(_ name: String) -> Bool? {
        if case .flag(let b) = field(name) { return b }
        return nil
    }
}
