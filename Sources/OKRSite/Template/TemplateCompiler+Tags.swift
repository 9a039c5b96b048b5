import OKRCore

// MARK: Variables and sections

extension TemplateCompiler {
    mutating func variable(_ name: TagName, escaped: Bool, frames: [Frame], at location: SourceLocation)
        -> Op?
    {
        guard let target = resolve(name, frames: frames, at: location) else { return nil }
        let tag = escaped ? "{{\(name)}}" : "{{{\(name)}}}"
        switch target {
        case .string(let text):
            var bytes: [UInt8] = []
            if escaped { HTMLBytes.appendEscaped(text, to: &bytes) } else { HTMLBytes.appendRaw(text, to: &bytes) }
            return .bytes(bytes)
        case .current(let depth, let get):
            guard escaped else {
                diagnostics.append(
                    Diagnostic(.error, location, "\(tag) would place text unescaped; write {{.}}"))
                return nil
            }
            return .emit { st in HTMLBytes.appendEscaped(get(st.stack[depth]), to: &st.out) }
        case .position:
            diagnostics.append(
                Diagnostic(.error, location, "\(tag): \(name) is a flag; use it as a section {{#\(name)}}…{{/\(name)}}")
            )
            return nil
        case .field(let depth, let path, let field):
            let write: (@Sendable (UnsafeRawPointer, inout [UInt8]) -> Void)
            switch field.kind {
            case .text(let get):
                guard escaped else {
                    diagnostics.append(
                        Diagnostic(
                            .error, location,
                            "\(tag): \"\(field.name)\" is text, which {{{…}}} would place unescaped; write {{\(name)}}")
                    )
                    return nil
                }
                write = { p, out in HTMLBytes.appendEscaped(get(p), to: &out) }
            case .html(let get):
                guard !escaped else {
                    diagnostics.append(
                        Diagnostic(
                            .error, location,
                            "\(tag): \"\(field.name)\" is HTML, which {{…}} would show as code; write {{{\(name)}}}"))
                    return nil
                }
                write = { p, out in HTMLBytes.appendRaw(get(p), to: &out) }
            case .number(let get):
                write = { p, out in HTMLBytes.appendNumber(get(p), to: &out) }
            case .flag:
                diagnostics.append(
                    Diagnostic(
                        .error, location,
                        "\(tag): \"\(field.name)\" is a flag; use it as a section {{#\(name)}}…{{/\(name)}}"))
                return nil
            case .child:
                diagnostics.append(
                    Diagnostic(
                        .error, location,
                        "\(tag): \"\(field.name)\" is \(article(field.kindDescription)); "
                            + "render its fields in a section {{#\(name)}}…{{/\(name)}}"))
                return nil
            }
            let reach = Self.reach(path)
            return .emit { st in reach(st.stack[depth]) { p in write(p, &st.out) } }
        }
    }

    /// Follows the child fields of a dotted name from a view to the last one's owner; calls `body`
    /// only when every step is there.
    private static func reach(_ path: [AnyField]) -> @Sendable (UnsafeRawPointer, (UnsafeRawPointer) -> Void) -> Void {
        var step: @Sendable (UnsafeRawPointer, (UnsafeRawPointer) -> Void) -> Void = { p, body in body(p) }
        for field in path.reversed() {
            guard case .child(_, _, let each) = field.kind else { continue }
            let next = step
            step = { p, body in each(p) { child, _, _ in next(child, body) } }
        }
        return step
    }

    mutating func section(
        _ name: TagName, inverted: Bool, body: [TemplateNode], frames: [Frame], blocks: Blocks,
        at location: SourceLocation
    ) -> [Op] {
        guard let target = resolve(name, frames: frames, at: location) else { return [] }
        switch target {
        case .string(let text):
            return text.isEmpty != inverted ? [] : compile(body, frames: frames, blocks: blocks)
        case .position(let depth, let last):
            let inner = Self.emits(compile(body, frames: frames, blocks: blocks))
            return [
                .emit { st in
                    let at = last ? st.index[depth] == st.count[depth] - 1 : st.index[depth] == 0
                    if at != inverted { for e in inner { e(&st) } }
                }
            ]
        case .current(let depth, let get):
            let inner = Self.emits(compile(body, frames: frames, blocks: blocks))
            return [.emit { st in if get(st.stack[depth]).isEmpty == inverted { for e in inner { e(&st) } } }]
        case .field(let depth, let path, let field):
            let reach = Self.reach(path)
            let test: @Sendable (UnsafeRawPointer) -> Bool
            switch field.kind {
            case .text(let get) where !inverted:
                // A text that is there renders the section once, with `{{.}}` as the text.
                let inner = Self.emits(
                    compile(
                        body, frames: frames + [Frame(schema: String.schema.erased, isListItem: false)], blocks: blocks)
                )
                return [
                    .emit { st in
                        reach(st.stack[depth]) { p in
                            let text = get(p)
                            guard !text.isEmpty else { return }
                            withUnsafePointer(to: text) { t in
                                st.push(UnsafeRawPointer(t), 0, 1)
                                for e in inner { e(&st) }
                                st.pop()
                            }
                        }
                    }
                ]
            case .text(let get), .html(let get): test = { !get($0).isEmpty }
            case .number(let get): test = { get($0) != 0 }
            case .flag(let get): test = get
            case .child(let shape, let schema, let each):
                if inverted {
                    let outside = Self.emits(compile(body, frames: frames, blocks: blocks))
                    return [
                        .emit { st in
                            var any = false
                            reach(st.stack[depth]) { p in each(p) { _, _, _ in any = true } }
                            if !any { for e in outside { e(&st) } }
                        }
                    ]
                }
                let inner = Self.emits(
                    compile(
                        body, frames: frames + [Frame(schema: schema(), isListItem: shape == .list)],
                        blocks: blocks))
                return [
                    .emit { st in
                        reach(st.stack[depth]) { p in
                            each(p) { item, i, n in
                                st.push(item, i, n)
                                for e in inner { e(&st) }
                                st.pop()
                                st.flushIfLarge()
                            }
                        }
                    }
                ]
            }
            let inner = Self.emits(compile(body, frames: frames, blocks: blocks))
            return [
                .emit { st in
                    var on = false
                    reach(st.stack[depth]) { p in on = test(p) }
                    if on != inverted { for e in inner { e(&st) } }
                }
            ]
        }
    }

    /// Joins neighbouring constant bytes into one append.
    static func emits(_ ops: [Op]) -> [Emit] {
        var result: [Emit] = []
        var pending: [UInt8] = []
        func flush() {
            guard !pending.isEmpty else { return }
            let bytes = pending
            result.append { st in st.out.append(contentsOf: bytes) }
            pending = []
        }
        for op in ops {
            switch op {
            case .bytes(let b): pending += b
            case .emit(let e):
                flush()
                result.append(e)
            }
        }
        flush()
        return result
    }
}
