/// A value a template renders: a page or a component, with every field a template may name declared
/// in its ``schema``. The theme's templates are checked against the schema when the theme loads, so a
/// misspelt name is an error at the template's line, never empty text.
public protocol TemplateView: SendableMetatype {
    /// The fields templates may use.
    static var schema: ViewSchema<Self> { get }
}

/// The fields of view type `V`, with a line of documentation each (docs/theming.md is generated from
/// them).
public struct ViewSchema<V>: Sendable {
    /// The type-erased schema the template compiler works with.
    let erased: AnySchema

    /// A schema named `name` (as the docs show it), described by `summary`.
    public init(_ name: String, _ summary: String, fields: [Field<V>]) {
        erased = AnySchema(name: name, summary: summary, fields: fields.map(\.erased), selfText: nil)
    }

    init(erased: AnySchema) { self.erased = erased }
}

/// One field of view type `V`: its name in templates, what it holds, and how to get it.
///
/// The getters run only when a template reads the field, so a field no template uses costs nothing.
/// They are stored behind raw pointers so the compiled template calls them without generics or casts;
/// the compiler guarantees that a pointer handed to a getter points at a `V`.
public struct Field<V>: Sendable {
    let erased: AnyField

    /// Plain text, HTML-escaped by `{{name}}`.
    public static func text(_ name: String, _ doc: String, _ get: @escaping @Sendable (V) -> String) -> Field {
        Field(erased: AnyField(name: name, doc: doc, kind: .text { get($0.assumingMemoryBound(to: V.self).pointee) }))
    }

    /// Markup okrportal made itself (a chart, a component, rendered Markdown), placed by `{{{name}}}`.
    public static func html(_ name: String, _ doc: String, _ get: @escaping @Sendable (V) -> String) -> Field {
        Field(erased: AnyField(name: name, doc: doc, kind: .html { get($0.assumingMemoryBound(to: V.self).pointee) }))
    }

    /// A whole number, written in digits.
    public static func number(_ name: String, _ doc: String, _ get: @escaping @Sendable (V) -> Int) -> Field {
        Field(
            erased: AnyField(name: name, doc: doc, kind: .number { get($0.assumingMemoryBound(to: V.self).pointee) }))
    }

    /// A flag for `{{#name}}…{{/name}}` and `{{^name}}…{{/name}}`.
    public static func flag(_ name: String, _ doc: String, _ get: @escaping @Sendable (V) -> Bool) -> Field {
        Field(erased: AnyField(name: name, doc: doc, kind: .flag { get($0.assumingMemoryBound(to: V.self).pointee) }))
    }

    /// A view inside this one: `{{#name}}…{{/name}}` renders with it, `{{name.field}}` reads one field.
    public static func view<C: TemplateView>(_ name: String, _ doc: String, _ get: @escaping @Sendable (V) -> C)
        -> Field
    {
        Field(
            erased: AnyField(
                name: name, doc: doc,
                kind: .child(.one, { C.schema.erased }) { p, body in
                    withUnsafePointer(to: get(p.assumingMemoryBound(to: V.self).pointee)) {
                        body(UnsafeRawPointer($0), 0, 1)
                    }
                }))
    }

    /// A view that may be absent: `{{#name}}…{{/name}}` renders only when it is there, `{{^name}}` when not.
    public static func optional<C: TemplateView>(
        _ name: String, _ doc: String, _ get: @escaping @Sendable (V) -> C?
    ) -> Field {
        Field(
            erased: AnyField(
                name: name, doc: doc,
                kind: .child(.optional, { C.schema.erased }) { p, body in
                    guard let child = get(p.assumingMemoryBound(to: V.self).pointee) else { return }
                    withUnsafePointer(to: child) { body(UnsafeRawPointer($0), 0, 1) }
                }))
    }

    /// A list: `{{#name}}…{{/name}}` renders once per item, `{{^name}}…{{/name}}` when it is empty.
    public static func list<C: TemplateView>(_ name: String, _ doc: String, _ get: @escaping @Sendable (V) -> [C])
        -> Field
    {
        Field(
            erased: AnyField(
                name: name, doc: doc,
                kind: .child(.list, { C.schema.erased }) { p, body in
                    let items = get(p.assumingMemoryBound(to: V.self).pointee)
                    items.withUnsafeBufferPointer { buffer in
                        guard let base = buffer.baseAddress else { return }
                        for i in 0..<buffer.count { body(UnsafeRawPointer(base + i), i, buffer.count) }
                    }
                }))
    }
}

extension Field {
    /// Every field of the view stored in `V` at `keyPath`, as fields of `V`: a view that extends
    /// another (a card is an objective's summary with its key results) declares that once. The
    /// getters reach the stored view through its offset, without copying it.
    /// Fields named in `except` are left out (a component must not offer its own rendering).
    public static func embed<C: TemplateView>(_ keyPath: KeyPath<V, C>, except: Set<String> = []) -> [Field] {
        // A key path to a stored property always has an offset; a computed one is a mistake here.
        guard let offset = MemoryLayout<V>.offset(of: keyPath) else {
            preconditionFailure("Field.embed needs a stored property of \(V.self)")
        }
        let schema = C.schema.erased
        return schema.fields.filter { !except.contains($0.name) }.map {
            Field(erased: $0.shifted(by: offset, from: schema))
        }
    }
}

/// A schema without its type, as the compiler and the docs see it.
final class AnySchema: Sendable {
    let name: String
    let summary: String
    let fields: [AnyField]
    let byName: [String: AnyField]
    /// What `{{.}}` writes for a value of this type (texts in a list), `nil` where it means nothing.
    let selfText: (@Sendable (UnsafeRawPointer) -> String)?

    init(name: String, summary: String, fields: [AnyField], selfText: (@Sendable (UnsafeRawPointer) -> String)?) {
        self.name = name
        self.summary = summary
        self.fields = fields
        var byName: [String: AnyField] = [:]
        for f in fields where byName[f.name] == nil { byName[f.name] = f }
        self.byName = byName
        self.selfText = selfText
    }
}

/// A field without its view's type.
final class AnyField: Sendable {
    /// Whether a child field holds exactly one view, maybe none, or a list.
    enum Shape: Sendable {
        case one, optional, list
    }

    /// A child's items, each handed to `body` with its index and the number of items; the pointer is
    /// valid only during the call.
    typealias Each = @Sendable (UnsafeRawPointer, (UnsafeRawPointer, Int, Int) -> Void) -> Void

    enum Kind: Sendable {
        case text(@Sendable (UnsafeRawPointer) -> String)
        case html(@Sendable (UnsafeRawPointer) -> String)
        case number(@Sendable (UnsafeRawPointer) -> Int)
        case flag(@Sendable (UnsafeRawPointer) -> Bool)
        case child(Shape, @Sendable () -> AnySchema, Each)
    }

    let name: String
    let doc: String
    let kind: Kind
    /// The view this field was embedded from (``Field/embed(_:except:)``), for the docs.
    let embeddedFrom: AnySchema?

    init(name: String, doc: String, kind: Kind, embeddedFrom: AnySchema? = nil) {
        self.name = name
        self.doc = doc
        self.kind = kind
        self.embeddedFrom = embeddedFrom
    }

    /// This field of a view stored `offset` bytes into another view.
    func shifted(by offset: Int, from view: AnySchema) -> AnyField {
        let moved: Kind
        switch kind {
        case .text(let get): moved = .text { get($0 + offset) }
        case .html(let get): moved = .html { get($0 + offset) }
        case .number(let get): moved = .number { get($0 + offset) }
        case .flag(let get): moved = .flag { get($0 + offset) }
        case .child(let shape, let schema, let each):
            moved = .child(shape, schema) { p, body in each(p + offset, body) }
        }
        return AnyField(name: name, doc: doc, kind: moved, embeddedFrom: embeddedFrom ?? view)
    }

    /// What the field holds, in the words of docs/theming.md.
    var kindDescription: String {
        switch kind {
        case .text: return "text"
        case .html: return "HTML"
        case .number: return "number"
        case .flag: return "flag"
        case .child(.one, let schema, _): return schema().name
        case .child(.optional, let schema, _): return schema().name + " or nothing"
        case .child(.list, let schema, _): return "list of " + schema().name
        }
    }
}

/// Texts in a list (`{{#tags}}{{.}}{{/tags}}`): `{{.}}` is the text.
extension String: TemplateView {
    public static let schema = ViewSchema<String>(
        erased: AnySchema(
            name: "Text", summary: "A text in a list; `{{.}}` writes it.", fields: [],
            selfText: { $0.assumingMemoryBound(to: String.self).pointee }))
}
