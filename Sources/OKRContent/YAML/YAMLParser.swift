import CYAML

/// A YAML syntax problem with its place.
public struct YAMLError: Error, Sendable {
    /// The 1-based line.
    public var line: Int
    /// The 1-based column.
    public var column: Int
    /// What is wrong.
    public var message: String
}

/// Parses YAML with libyaml's event API into ``YAMLNode``s.
///
/// Aliases are refused: an alias bomb never expands. Nesting is bounded, so hostile input cannot
/// make later stages walk an unbounded depth.
public enum YAMLParser {
    /// The deepest nesting accepted.
    public static let maxDepth = 64

    /// Parses one YAML document from UTF-8 bytes. Lines are reported with `lineOffset` added
    /// (the line of the front matter's opening `---`). Returns `nil` for an empty document.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, lineOffset: Int = 0) -> Result<YAMLNode?, YAMLError> {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            return .failure(YAMLError(line: 1 + lineOffset, column: 1, message: "cannot start the YAML parser"))
        }
        defer { yaml_parser_delete(&parser) }
        if let base = bytes.baseAddress {
            yaml_parser_set_input_string(&parser, base, bytes.count)
        } else {
            return .success(nil)
        }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)

        // Open collections: their start place and the children collected so far.
        enum Open {
            case sequence(line: Int, column: Int, items: [YAMLNode])
            case mapping(line: Int, column: Int, items: [(key: YAMLNode, value: YAMLNode)], pendingKey: YAMLNode?)
        }
        var stack: [Open] = []
        var root: YAMLNode?
        var documents = 0

        func place(_ mark: yaml_mark_t) -> (Int, Int) { (Int(mark.line) + 1 + lineOffset, Int(mark.column) + 1) }

        func add(_ node: YAMLNode) {
            guard var top = stack.popLast() else {
                root = node
                return
            }
            switch top {
            case .sequence(let l, let c, var items):
                items.append(node)
                top = .sequence(line: l, column: c, items: items)
            case .mapping(let l, let c, var items, let key):
                if let key {
                    items.append((key, node))
                    top = .mapping(line: l, column: c, items: items, pendingKey: nil)
                } else {
                    top = .mapping(line: l, column: c, items: items, pendingKey: node)
                }
            }
            stack.append(top)
        }

        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                return .failure(syntaxError(parser, lineOffset: lineOffset))
            }
            defer { yaml_event_delete(&event) }
            let (line, column) = place(event.start_mark)
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return .success(root)
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    return .failure(
                        YAMLError(
                            line: line, column: column,
                            message: "a second YAML document starts here; the front matter holds one"))
                }
            case YAML_ALIAS_EVENT:
                return .failure(
                    YAMLError(
                        line: line, column: column,
                        message: "YAML aliases (*name) are not supported; write the value out"))
            case YAML_SCALAR_EVENT:
                let s = event.data.scalar
                let text = String(
                    decoding: UnsafeBufferPointer(start: s.value, count: Int(s.length)), as: UTF8.self)
                var plain = s.style == YAML_PLAIN_SCALAR_STYLE
                if let tag = s.tag {
                    // An explicit tag decides the type: `!!str 5` is text.
                    let t = String(cString: tag)
                    if t.hasSuffix(":str") { plain = false }
                }
                add(YAMLNode(.scalar(text, plain: plain), line: line, column: column))
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                if stack.count >= maxDepth {
                    return .failure(
                        YAMLError(line: line, column: column, message: "nested deeper than \(maxDepth) levels"))
                }
                stack.append(
                    event.type == YAML_SEQUENCE_START_EVENT
                        ? .sequence(line: line, column: column, items: [])
                        : .mapping(line: line, column: column, items: [], pendingKey: nil))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let top = stack.popLast() else { break }
                switch top {
                case .sequence(let l, let c, let items):
                    add(YAMLNode(.sequence(items), line: l, column: c))
                case .mapping(let l, let c, let items, _):
                    add(YAMLNode(.mapping(items), line: l, column: c))
                }
            default:
                break
            }
        }
    }

    /// Parses a Swift string (tests, configuration files).
    public static func parse(_ text: String, lineOffset: Int = 0) -> Result<YAMLNode?, YAMLError> {
        var copy = text
        return copy.withUTF8 { parse($0, lineOffset: lineOffset) }
    }

    static func syntaxError(_ parser: yaml_parser_t, lineOffset: Int) -> YAMLError {
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        let context = parser.context.map { String(cString: $0) }
        var message = "YAML syntax error: \(problem)"
        if let context { message += " (\(context))" }
        if problem.contains("tab") || problem.contains("found character that cannot start any token") {
            message += " (indent with spaces; tabs are not allowed in YAML, and a value starting with "
                + "@, ` or % must be quoted)"
        }
        let mark = parser.problem_mark
        return YAMLError(line: Int(mark.line) + 1 + lineOffset, column: Int(mark.column) + 1, message: message)
    }
}
