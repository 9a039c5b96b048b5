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

/// Parses YAML with libyaml's event API into a ``YAMLDocument``.
///
/// Aliases are refused: an alias bomb never expands. Nesting is bounded, so hostile input cannot
/// make later stages walk an unbounded depth.
public enum YAMLParser {
    /// The deepest nesting accepted.
    public static let maxDepth = 64

    /// Parses one YAML document from UTF-8 bytes. Lines are reported with `lineOffset` added
    /// (the line of the front matter's opening `---`). Returns `nil` for an empty document.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, lineOffset: Int = 0) -> Result<
        YAMLDocument?, YAMLError
    > {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return .success(nil) }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            return .failure(YAMLError(line: 1 + lineOffset, column: 1, message: "cannot start the YAML parser"))
        }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_input_string(&parser, base, bytes.count)
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)

        var doc = YAMLDocument()
        doc.nodes.reserveCapacity(bytes.count / 12)
        doc.text.reserveCapacity(bytes.count / 2)
        // Open collections: their node index and their last child so far.
        var stack: [(node: Int, lastChild: Int32)] = []
        var documents = 0
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                return .failure(syntaxError(parser, lineOffset: lineOffset))
            }
            defer { yaml_event_delete(&event) }
            let line = Int32(Int(event.start_mark.line) + 1 + lineOffset)
            let column = Int32(event.start_mark.column + 1)
            let parent = stack.last?.node ?? -1
            var lastChild = stack.last?.lastChild ?? -1
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return .success(doc.nodes.isEmpty ? nil : doc)
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    return .failure(
                        YAMLError(
                            line: Int(line), column: Int(column),
                            message: "a second YAML document starts here; the front matter holds one"))
                }
            case YAML_ALIAS_EVENT:
                return .failure(
                    YAMLError(
                        line: Int(line), column: Int(column),
                        message: "YAML aliases (*name) are not supported; write the value out"))
            case YAML_SCALAR_EVENT:
                let s = event.data.scalar
                var plain = s.style == YAML_PLAIN_SCALAR_STYLE
                // An explicit tag decides the type: `!!str 5` is text.
                if let tag = s.tag, String(cString: tag).hasSuffix(":str") { plain = false }
                let start = Int32(doc.text.count)
                if let value = s.value, s.length > 0 {
                    doc.text.append(contentsOf: UnsafeBufferPointer(start: value, count: Int(s.length)))
                }
                var node = YAMLDocument.Node(kind: plain ? .plainScalar : .quotedScalar, line: line, column: column)
                node.textStart = start
                node.textEnd = Int32(doc.text.count)
                _ = doc.append(node, parent: parent, lastChild: &lastChild)
                if !stack.isEmpty { stack[stack.count - 1].lastChild = lastChild }
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                if stack.count >= maxDepth {
                    return .failure(
                        YAMLError(
                            line: Int(line), column: Int(column), message: "nested deeper than \(maxDepth) levels"))
                }
                let kind: YAMLDocument.Kind = event.type == YAML_SEQUENCE_START_EVENT ? .sequence : .mapping
                let index = doc.append(
                    YAMLDocument.Node(kind: kind, line: line, column: column), parent: parent, lastChild: &lastChild)
                if !stack.isEmpty { stack[stack.count - 1].lastChild = lastChild }
                stack.append((Int(index), -1))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                stack.removeLast()
            default:
                break
            }
        }
    }

    /// Parses a Swift string (tests, configuration files).
    public static func parse(_ text: String, lineOffset: Int = 0) -> Result<YAMLDocument?, YAMLError> {
        var copy = text
        return copy.withUTF8 { parse($0, lineOffset: lineOffset) }
    }

    static func syntaxError(_ parser: yaml_parser_t, lineOffset: Int) -> YAMLError {
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        let context = parser.context.map { String(cString: $0) }
        var message = "YAML syntax error: \(problem)"
        if let context { message += " (\(context))" }
        if problem.contains("tab") || problem.contains("found character that cannot start any token") {
            message +=
                "; indent with spaces (tabs are not allowed in YAML), and quote a value that starts "
                + "with @, ` or %"
        }
        let mark = parser.problem_mark
        let key = parser.context_mark
        if context == "while scanning a simple key", key.line == mark.line, mark.index - key.index > 1024 {
            // libyaml gives up on a key whose ':' is more than 1,024 characters away (YAML's limit for
            // an implicit key) and reports the place where it stopped looking.
            return YAMLError(
                line: Int(key.line) + 1 + lineOffset, column: Int(key.column) + 1,
                message: "this key is longer than 1,024 characters, the most YAML (libyaml) allows for a key; "
                    + "shorten it")
        }
        return YAMLError(line: Int(mark.line) + 1 + lineOffset, column: Int(mark.column) + 1, message: message)
    }
}
