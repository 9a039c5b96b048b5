import OKRCore

/// Parses Mustache source into ``TemplateNode``s, following the Mustache specification
/// (github.com/mustache/spec): interpolation, sections, inverted sections, comments, partials, set
/// delimiters, template inheritance (`{{<parent}}`, `{{$block}}`) and standalone lines — a section,
/// comment, partial, delimiter or block tag alone on its line takes the line with it, and a standalone
/// partial indents every line of the partial.
///
/// Works on UTF-8 bytes; every node keeps its `path:line:col` (columns in characters) for
/// diagnostics.
struct TemplateParser {
    private let bytes: [UInt8]
    private let path: String
    /// Columns to subtract on every line: the indentation added to a standalone partial's source.
    private let indentWidth: Int
    private var lineStarts: [Int] = [0]

    private var open: [UInt8] = Array("{{".utf8)
    private var close: [UInt8] = Array("}}".utf8)

    /// Parses `source`, shown in diagnostics as `path`. `indent` is prepended to every line first (a
    /// standalone partial's indentation); locations still refer to the unindented source.
    static func parse(_ source: [UInt8], path: String, indent: [UInt8] = []) throws(TemplateSyntaxError)
        -> [TemplateNode]
    {
        var parser = TemplateParser(bytes: indented(source, indent), path: path, indentWidth: indent.count)
        return try parser.parse()
    }

    private init(bytes: [UInt8], path: String, indentWidth: Int) {
        self.bytes = bytes
        self.path = path
        self.indentWidth = indentWidth
        for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") { lineStarts.append(i + 1) }
    }

    /// `source` with `indent` before every line that has content (not after the final line break).
    static func indented(_ source: [UInt8], _ indent: [UInt8]) -> [UInt8] {
        guard !indent.isEmpty, !source.isEmpty else { return source }
        var out = indent
        out.reserveCapacity(source.count + indent.count * 8)
        for (i, b) in source.enumerated() {
            out.append(b)
            if b == UInt8(ascii: "\n") && i + 1 < source.count { out.append(contentsOf: indent) }
        }
        return out
    }

    // MARK: Tokens

    private enum Token {
        case text([UInt8])
        case tag(kind: UInt8, name: String, indent: [UInt8], SourceLocation)
    }

    /// Tag kinds that may stand alone on a line.
    private static let standaloneKinds: Set<UInt8> = Set("#^/!>=<$%".utf8)

    private mutating func tokenize() throws(TemplateSyntaxError) -> [Token] {
        var tokens: [Token] = []
        var pending: [UInt8] = []
        // Whether the current line holds only spaces and tabs so far, and where in `pending` it starts.
        var lineClean = true
        var lineStart = 0
        var pos = 0
        let n = bytes.count
        func flush() {
            if !pending.isEmpty { tokens.append(.text(pending)) }
            pending = []
            lineStart = 0
        }
        while pos < n {
            guard let start = find(open, from: pos) else {
                for b in bytes[pos...] {
                    pending.append(b)
                }
                break
            }
            for b in bytes[pos..<start] {
                pending.append(b)
                if b == UInt8(ascii: "\n") {
                    lineClean = true
                    lineStart = pending.count
                } else if b != UInt8(ascii: " ") && b != UInt8(ascii: "\t") {
                    lineClean = false
                }
            }
            let location = self.location(start)
            var contentStart = start + open.count
            var closer = close
            var kind: UInt8 = 0
            if contentStart < n, bytes[contentStart] == UInt8(ascii: "{"), open == Array("{{".utf8) {
                kind = UInt8(ascii: "{")
                contentStart += 1
                closer = [UInt8(ascii: "}")] + close
            }
            guard let end = find(closer, from: contentStart) else {
                throw TemplateSyntaxError(
                    location: location,
                    message: "the tag opened here is never closed (no \"\(String(decoding: closer, as: UTF8.self))\")")
            }
            var content = String(decoding: bytes[contentStart..<end], as: UTF8.self)
            if kind == 0, let first = content.utf8.first, "#^/!>&=<$%".utf8.contains(first) {
                kind = first
                content.removeFirst()
            }
            if kind == UInt8(ascii: "=") {
                guard content.hasSuffix("=") else {
                    throw TemplateSyntaxError(
                        location: location, message: "a delimiter tag must end with \"=\": {{=<% %>=}}")
                }
                content.removeLast()
            }
            let name = kind == UInt8(ascii: "!") ? "" : trim(content)
            var tagEnd = end + closer.count

            var indent: [UInt8] = []
            var standalone = false
            if lineClean, Self.standaloneKinds.contains(kind) {
                var j = tagEnd
                while j < n, bytes[j] == UInt8(ascii: " ") || bytes[j] == UInt8(ascii: "\t") { j += 1 }
                if j == n {
                    standalone = true
                    tagEnd = n
                } else if bytes[j] == UInt8(ascii: "\n") {
                    standalone = true
                    tagEnd = j + 1
                } else if bytes[j] == UInt8(ascii: "\r"), j + 1 < n, bytes[j + 1] == UInt8(ascii: "\n") {
                    standalone = true
                    tagEnd = j + 2
                }
            }
            if standalone {
                indent = Array(pending[lineStart...])
                pending.removeLast(pending.count - lineStart)
            }
            flush()
            lineClean = standalone
            if kind == UInt8(ascii: "=") {
                try setDelimiters(name, at: location)
            } else if kind != UInt8(ascii: "!") {
                if name.isEmpty {
                    throw TemplateSyntaxError(location: location, message: "the tag has no name")
                }
                tokens.append(.tag(kind: kind, name: name, indent: indent, location))
            }
            pos = tagEnd
        }
        flush()
        return tokens
    }

    private mutating func setDelimiters(_ spec: String, at location: SourceLocation) throws(TemplateSyntaxError) {
        let parts = spec.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
            throw TemplateSyntaxError(
                location: location,
                message: "a delimiter tag names two delimiters without spaces or \"=\" in them: {{=<% %>=}}")
        }
        open = Array(parts[0].utf8)
        close = Array(parts[1].utf8)
    }

    // MARK: Tree

    private struct Open {
        var kind: UInt8
        var name: String
        var indent: [UInt8]
        var location: SourceLocation
        var children: [TemplateNode] = []
    }

    private mutating func parse() throws(TemplateSyntaxError) -> [TemplateNode] {
        var stack = [Open(kind: 0, name: "", indent: [], location: location(0))]
        func add(_ node: TemplateNode) { stack[stack.count - 1].children.append(node) }
        for token in try tokenize() {
            switch token {
            case .text(let t): add(.text(t))
            case .tag(let kind, let name, let indent, let location):
                switch kind {
                case UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "<"), UInt8(ascii: "$"):
                    // The tree is freed recursively: thousands of levels would overflow the stack.
                    guard stack.count <= TemplateCompiler.maxDepth else {
                        throw TemplateSyntaxError(
                            location: location,
                            message: "sections nest more than \(TemplateCompiler.maxDepth) levels deep here")
                    }
                    stack.append(Open(kind: kind, name: name, indent: indent, location: location))
                case UInt8(ascii: "/"):
                    guard stack.count > 1, let top = stack.last else {
                        throw TemplateSyntaxError(
                            location: location, message: "{{/\(name)}} closes a section that was never opened")
                    }
                    guard top.name == name else {
                        throw TemplateSyntaxError(
                            location: location,
                            message: "{{/\(name)}} does not close {{\(Character(Unicode.Scalar(top.kind)))\(top.name)}}"
                                + " opened at line \(top.location.line), column \(top.location.column)")
                    }
                    stack.removeLast()
                    add(node(closing: top))
                case UInt8(ascii: ">"): add(.partial(name, indent: indent, location))
                case UInt8(ascii: "%"):
                    // `{{% CONTENT_TYPE: … }}` from themes written for swift-mustache: escaping is always HTML's.
                    guard name.hasPrefix("CONTENT_TYPE") else {
                        throw TemplateSyntaxError(location: location, message: "unknown pragma {{%\(name)}}")
                    }
                case UInt8(ascii: "&"), UInt8(ascii: "{"): add(.variable(TagName(name), escaped: false, location))
                default: add(.variable(TagName(name), escaped: true, location))
                }
            }
        }
        if stack.count > 1, let open = stack.last {
            throw TemplateSyntaxError(
                location: open.location,
                message:
                    "{{\(Character(Unicode.Scalar(open.kind)))\(open.name)}} is never closed (no {{/\(open.name)}})")
        }
        return stack[0].children
    }

    private func node(closing open: Open) -> TemplateNode {
        switch open.kind {
        case UInt8(ascii: "<"):
            var blocks: [String: [TemplateNode]] = [:]
            for child in open.children {
                if case .block(let name, let body, _) = child { blocks[name] = body }
            }
            return .parent(open.name, indent: open.indent, blocks: blocks, open.location)
        case UInt8(ascii: "$"): return .block(open.name, open.children, open.location)
        default:
            return .section(TagName(open.name), inverted: open.kind == UInt8(ascii: "^"), open.children, open.location)
        }
    }

    // MARK: Helpers

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, needle.count <= bytes.count else { return nil }
        var i = start
        let last = bytes.count - needle.count
        while i <= last {
            if bytes[i] == first {
                var k = 1
                while k < needle.count && bytes[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }

    /// The place of byte `offset`: 1-based line and column in characters, without the added indent.
    private func location(_ offset: Int) -> SourceLocation {
        var lo = 0
        var hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        var column = 1
        for b in bytes[lineStarts[lo]..<offset] where b & 0xC0 != 0x80 { column += 1 }
        return SourceLocation(path: path, line: lo + 1, column: max(1, column - indentWidth))
    }

    private func trim(_ s: String) -> String {
        var sub = Substring(s)
        while let f = sub.first, f == " " || f == "\t" || f == "\n" || f == "\r" { sub.removeFirst() }
        while let l = sub.last, l == " " || l == "\t" || l == "\n" || l == "\r" { sub.removeLast() }
        return String(sub)
    }
}
