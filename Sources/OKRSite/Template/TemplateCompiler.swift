import OKRCore

/// A compiled piece of a template: appends its output for the views on the stack.
typealias Emit = @Sendable (inout RenderState) -> Void

/// Binds parsed templates to view schemas: every name in every tag is looked up once, here, and
/// becomes a direct call of the field's getter at a known depth of the render stack. What cannot be
/// bound — a field the view does not have, a partial that does not exist, text placed as markup — is
/// a diagnostic at the tag's `path:line:col`.
struct TemplateCompiler {
    /// Parsed templates by name (`objective`, `partials/status`), with the path diagnostics show.
    let sources: [String: TemplateSource]
    /// The UI strings: `{{t.key}}` is looked up when compiling and becomes constant text.
    let strings: Strings
    /// Problems found so far.
    var diagnostics: [Diagnostic] = []
    /// Templates parsed so far, by name and indentation (`nil`: the template has a syntax error).
    private var cache: [String: [TemplateNode]?] = [:]
    /// The partials and parents being inlined, innermost last (a template that includes itself would
    /// never end).
    private var including: [String] = []
    /// Where each of `including` was included (the first: where the template was asked for).
    private var includedAt: [SourceLocation] = []
    /// How deep sections, partials, parents and blocks nest at the node being compiled.
    private var depth = 0
    /// Nodes compiled for the current template, partials inlined: a partial included twice by a
    /// partial included twice … doubles with every level.
    private var expanded = 0
    /// Whether a limit was reported for the current template (once is enough).
    private var overLimit = false

    /// Deeper nesting is an error: real themes nest a dozen levels, and every level is a frame of the
    /// compiler's and the renderer's stacks.
    static let maxDepth = 100
    /// More nodes for one template, partials inlined, is an error: the default theme's largest page
    /// template compiles to a few thousand.
    static let maxExpanded = 1_000_000

    init(sources: [String: TemplateSource], strings: Strings) {
        self.sources = sources
        self.strings = strings
    }

    /// One frame of the render stack as the compiler sees it: the view's schema, and whether the
    /// frame is an item of a list (`first()` and `last()` refer to the nearest such frame).
    struct Frame {
        var schema: AnySchema
        var isListItem: Bool
    }

    /// Compiles template `name` for a render stack of `frames` (outermost first). `nil` when it has
    /// problems, which are in ``diagnostics``.
    mutating func compile(_ name: String, frames: [Frame], at location: SourceLocation) -> [Emit]? {
        let before = diagnostics.count
        guard let source = sources[name] else {
            diagnostics.append(Diagnostic(.error, location, "the theme has no template \"\(name).mustache\""))
            return nil
        }
        guard let nodes = parsed(name, source, indent: []) else { return nil }
        including = [name]
        includedAt = [location]
        (depth, expanded, overLimit) = (0, 0, false)
        let ops = compile(nodes, frames: frames, blocks: [:])
        including = []
        includedAt = []
        return diagnostics.count == before ? Self.emits(ops) : nil
    }

    // MARK: Nodes

    /// Output known when compiling (text, UI strings) or produced when rendering.
    enum Op {
        case bytes([UInt8])
        case emit(Emit)
    }

    /// A block's replacement and the frames it was written for.
    typealias Blocks = [String: [TemplateNode]]

    mutating func compile(_ nodes: [TemplateNode], frames: [Frame], blocks: Blocks) -> [Op] {
        depth += 1
        expanded += nodes.count
        defer { depth -= 1 }
        if depth > Self.maxDepth || expanded > Self.maxExpanded {
            if !overLimit, let at = nodes.lazy.compactMap(\.location).first ?? includedAt.last {
                overLimit = true
                let problem =
                    depth > Self.maxDepth
                    ? "sections, partials and blocks nest more than \(Self.maxDepth) levels deep here"
                    : "\"\(including.first ?? "")\" expands to more than a million pieces with its "
                        + "partials inlined (partials that include other partials several times each)"
                diagnostics.append(Diagnostic(.error, at, problem + "; the theme cannot be compiled"))
            }
            return []
        }
        var ops: [Op] = []
        for node in nodes {
            switch node {
            case .text(let bytes):
                ops.append(.bytes(bytes))
            case .variable(let name, let escaped, let location):
                if let op = variable(name, escaped: escaped, frames: frames, at: location) { ops.append(op) }
            case .section(let name, let inverted, let body, let location):
                ops += section(name, inverted: inverted, body: body, frames: frames, blocks: blocks, at: location)
            case .partial(let name, let indent, let location):
                ops += include(name, indent: indent, frames: frames, blocks: [:], at: location)
            case .parent(let name, let indent, let own, let location):
                // Blocks given further out win: the outermost child is the most specific.
                let merged = own.merging(blocks) { _, outer in outer }
                ops += include(name, indent: indent, frames: frames, blocks: merged, at: location)
            case .block(let name, let defaults, _):
                // A replacement is compiled without itself: a block of the same name inside it (or inside
                // a parent it names) takes its default, instead of replacing itself for ever.
                if let replacement = blocks[name] {
                    var outer = blocks
                    outer[name] = nil
                    ops += compile(replacement, frames: frames, blocks: outer)
                } else {
                    ops += compile(defaults, frames: frames, blocks: blocks)
                }
            }
        }
        return ops
    }

    /// Template `name` parsed (once per indentation); a syntax error is reported once.
    private mutating func parsed(_ name: String, _ source: TemplateSource, indent: [UInt8]) -> [TemplateNode]? {
        let key = name + "\u{0}" + String(decoding: indent, as: UTF8.self)
        if let cached = cache[key] { return cached }
        let nodes: [TemplateNode]?
        do {
            nodes = try TemplateParser.parse(source.bytes, path: source.path, indent: indent)
        } catch {
            if !diagnostics.contains(where: { $0.location == error.location && $0.message == error.message }) {
                diagnostics.append(Diagnostic(.error, error.location, error.message))
            }
            nodes = nil
        }
        cache[key] = nodes
        return nodes
    }

    private mutating func include(
        _ name: String, indent: [UInt8], frames: [Frame], blocks: Blocks, at location: SourceLocation
    ) -> [Op] {
        if including.contains(name) {
            let cycle = (including + [name]).map { "\"\($0)\"" }.joined(separator: " → ")
            diagnostics.append(
                Diagnostic(.error, location, "\"\(name)\" includes itself (\(cycle)); partials cannot recurse"))
            return []
        }
        guard let source = sources[name] else {
            let hint = Suggest.hint(for: name, in: sources.keys)
            diagnostics.append(Diagnostic(.error, location, "the theme has no template \"\(name).mustache\"\(hint)"))
            return []
        }
        guard let nodes = parsed(name, source, indent: indent) else { return [] }
        including.append(name)
        includedAt.append(location)
        defer {
            including.removeLast()
            includedAt.removeLast()
        }
        return compile(nodes, frames: frames, blocks: blocks)
    }

    // MARK: Names

    /// What a tag's name refers to.
    enum Target {
        /// A field of the view at `depth`, reached through `path` (the child fields of a dotted name).
        case field(depth: Int, path: [AnyField], AnyField)
        /// `{{.}}`: the view at `depth` as text.
        case current(depth: Int, @Sendable (UnsafeRawPointer) -> String)
        /// `{{t.key}}`: a UI string.
        case string(String)
        /// `first()` / `last()` of the list item at `depth`.
        case position(depth: Int, last: Bool)
    }

    mutating func resolve(_ name: TagName, frames: [Frame], at location: SourceLocation) -> Target? {
        guard let first = name.parts.first else {
            guard let top = frames.indices.last, let text = frames[top].schema.selfText else {
                let what = frames.last.map { "a \($0.schema.name)" } ?? "nothing"
                diagnostics.append(
                    Diagnostic(.error, location, "{{.}} writes the current item of a list of texts; here it is \(what)")
                )
                return nil
            }
            return .current(depth: top, text)
        }
        if name.parts.count == 1, first == "first()" || first == "last()" {
            guard let depth = frames.lastIndex(where: \.isListItem) else {
                diagnostics.append(Diagnostic(.error, location, "\(first) works only inside a section over a list"))
                return nil
            }
            return .position(depth: depth, last: first == "last()")
        }
        guard let depth = frames.lastIndex(where: { $0.schema.byName[first] != nil }),
            var field = frames[depth].schema.byName[first]
        else {
            if first == "t" { return string(name, at: location) }
            diagnostics.append(Diagnostic(.error, location, unknown(first, in: frames, tag: name)))
            return nil
        }
        var path: [AnyField] = []
        for part in name.parts.dropFirst() {
            guard case .child(let shape, let schema, _) = field.kind, shape != .list else {
                diagnostics.append(
                    Diagnostic(
                        .error, location,
                        "{{\(name)}}: \"\(field.name)\" is \(article(field.kindDescription)), not a view with fields"))
                return nil
            }
            let child = schema()
            guard let next = child.byName[part] else {
                diagnostics.append(
                    Diagnostic(
                        .error, location,
                        "{{\(name)}}: \(child.name) has no field \"\(part)\"\(Suggest.hint(for: part, in: child.byName.keys)); "
                            + "its fields: \(child.fields.map(\.name).joined(separator: ", "))"))
                return nil
            }
            path.append(field)
            field = next
        }
        return .field(depth: depth, path: path, field)
    }

    private mutating func string(_ name: TagName, at location: SourceLocation) -> Target? {
        guard name.parts.count == 2 else {
            diagnostics.append(Diagnostic(.error, location, "{{\(name)}}: UI strings are named {{t.key}}"))
            return nil
        }
        let key = name.parts[1]
        guard let text = strings.table[key] else {
            diagnostics.append(
                Diagnostic(
                    .error, location,
                    "{{\(name)}}: there is no UI string \"\(key)\" in i18n/\(Suggest.hint(for: key, in: strings.table.keys))"
                ))
            return nil
        }
        return .string(text)
    }

    /// "ObjectivePage has no field "titel" (did you mean "title"?); its fields: …".
    private func unknown(_ name: String, in frames: [Frame], tag: TagName) -> String {
        let visible = frames.flatMap { $0.schema.fields.map(\.name) } + ["t"]
        guard let inner = frames.last else { return "{{\(tag)}}: nothing to look \"\(name)\" up in" }
        var text = "{{\(tag)}}: \(inner.schema.name) has no field \"\(name)\"\(Suggest.hint(for: name, in: visible)); "
        text += "its fields: \(inner.schema.fields.map(\.name).joined(separator: ", "))"
        let outer = frames.dropLast().reversed().map(\.schema.name)
        if !outer.isEmpty { text += "; also visible: the fields of \(outer.joined(separator: ", "))" }
        return text
    }

    func article(_ kind: String) -> String {
        kind.hasPrefix("list") || kind.hasPrefix("text") || kind.hasPrefix("number") || kind.hasPrefix("flag")
            ? (kind.hasPrefix("list") ? "a " + kind : kind) : "a " + kind
    }
}
