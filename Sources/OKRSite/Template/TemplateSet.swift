import OKRCore

/// Which view a template renders: the template's name and the views on the render stack, outermost
/// first (a page renders its ``PageFrame`` with its own view inside).
public struct TemplateBinding: Sendable {
    /// The template's name (`objective`, `partials/status`).
    public let name: String
    let frames: [AnySchema]
    let types: [ObjectIdentifier]

    /// Template `name` renders a `V`.
    public static func view<V: TemplateView>(_ name: String, _: V.Type) -> TemplateBinding {
        TemplateBinding(name: name, frames: [V.schema.erased], types: [ObjectIdentifier(V.self)])
    }

    /// Template `name` renders a `V` inside an `O` (whose fields it may use too).
    public static func view<O: TemplateView, V: TemplateView>(_ name: String, _: V.Type, inside _: O.Type)
        -> TemplateBinding
    {
        TemplateBinding(
            name: name, frames: [O.schema.erased, V.schema.erased],
            types: [ObjectIdentifier(O.self), ObjectIdentifier(V.self)])
    }
}

/// The theme's templates, each compiled for the view it renders.
public struct TemplateSet: Sendable {
    struct Compiled: Sendable {
        var emits: [Emit]
        var types: [ObjectIdentifier]
    }

    private let compiled: [String: Compiled]

    /// No templates: what a theme with errors holds (nothing renders from it).
    static let empty = TemplateSet(compiled: [:])

    /// Compiles every bound template from `sources` with `strings`. Returns `nil` with the problems
    /// in `diagnostics` when a template cannot be parsed or names what its view lacks.
    static func compile(
        sources: [String: TemplateSource], strings: Strings, bindings: [TemplateBinding],
        missing location: (String) -> SourceLocation, diagnostics: inout Diagnostics
    ) -> TemplateSet? {
        var compiler = TemplateCompiler(sources: sources, strings: strings)
        var compiled: [String: Compiled] = [:]
        for binding in bindings {
            let frames = binding.frames.map { TemplateCompiler.Frame(schema: $0, isListItem: false) }
            if let emits = compiler.compile(binding.name, frames: frames, at: location(binding.name)) {
                compiled[binding.name] = Compiled(emits: emits, types: binding.types)
            }
        }
        diagnostics.append(contentsOf: compiler.diagnostics)
        return compiler.diagnostics.isEmpty ? TemplateSet(compiled: compiled) : nil
    }

    /// Whether template `name` was compiled.
    public func has(_ name: String) -> Bool { compiled[name] != nil }

    /// Renders template `name` for `view`, appending to `out`.
    public func render<V: TemplateView>(_ name: String, _ view: V, into out: inout [UInt8]) {
        guard let template = compiled[name] else { return missing(name) }
        precondition(template.types == [ObjectIdentifier(V.self)], "template \(name) is bound to another view")
        var state = RenderState(out: out)
        out = []
        withUnsafePointer(to: view) { p in
            state.push(UnsafeRawPointer(p), 0, 1)
            for e in template.emits { e(&state) }
        }
        out = state.out
    }

    /// Renders template `name` for `view` inside `outer`, appending to `out`. With `flush`, a page
    /// that grows past `flushAt` bytes hands them over between list items (``RenderState/flush``).
    public func render<O: TemplateView, V: TemplateView>(
        _ name: String, _ view: V, inside outer: O, into out: inout [UInt8],
        flush: ((inout [UInt8]) -> Void)? = nil, flushAt: Int = 1 << 20
    ) {
        guard let template = compiled[name] else { return missing(name) }
        precondition(
            template.types == [ObjectIdentifier(O.self), ObjectIdentifier(V.self)],
            "template \(name) is bound to other views")
        var state = RenderState(out: out)
        state.flush = flush
        state.flushAt = flush == nil ? Int.max : flushAt
        out = []
        withUnsafePointer(to: outer) { o in
            withUnsafePointer(to: view) { v in
                state.push(UnsafeRawPointer(o), 0, 1)
                state.push(UnsafeRawPointer(v), 0, 1)
                for e in template.emits { e(&state) }
            }
        }
        out = state.out
    }

    /// Template `name` rendered for `view`, as a string.
    public func string<V: TemplateView>(_ name: String, _ view: V) -> String {
        var out: [UInt8] = []
        render(name, view, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private func missing(_ name: String) {
        // Every template a build renders is bound, and compiling checked it exists.
        preconditionFailure("template \(name) was not compiled")
    }
}
