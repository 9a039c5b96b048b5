import CYAML

/// A YAML document as a tree of byte spans, for editing a file in place: where each node starts and
/// ends in the bytes, and whether a collection is written in flow (`[…]`, `{…}`) or block style.
///
/// ``YAMLDocument`` keeps lines and columns for messages; an edit needs byte offsets. libyaml's marks
/// count characters, so they are turned into byte offsets here (a line break CR LF counts as two).
struct YAMLSpans {
    /// One node with its place in the bytes.
    struct Node {
        enum Kind { case scalar, sequence, mapping }
        var kind: Kind
        /// Whether a collection is written in flow style.
        var flow = false
        /// A scalar written plain (unquoted), which is the only form read as null.
        var plain = false
        /// The byte offset where the node starts (`[`, `{`, the scalar's first byte, a block
        /// collection's first entry).
        var start: Int
        /// The byte offset just after the node: after `]` or `}` and after a scalar (a block scalar
        /// ends at the start of the line after its text); for a block collection, after its last child.
        var end: Int
        /// For a flow collection, the offset of its closing `]` or `}`.
        var close: Int = 0
        /// A scalar's text.
        var text = ""
        /// Children; a mapping's alternate key, value.
        var children: [Node] = []

        /// The value of key `name` in a mapping, with the key.
        func field(_ name: String) -> (key: Node, value: Node)? {
            guard kind == .mapping else { return nil }
            var i = 0
            while i + 1 < children.count {
                if children[i].kind == .scalar && children[i].text == name { return (children[i], children[i + 1]) }
                i += 2
            }
            return nil
        }

        /// Whether this is a plain scalar YAML reads as null.
        var isNull: Bool { kind == .scalar && plain && ["", "~", "null", "Null", "NULL"].contains(text) }
    }

    /// The root node.
    var root: Node

    /// Parses `bytes` (one YAML document). `nil` when it does not parse or is empty; the reader reports
    /// why.
    static func parse(_ bytes: [UInt8]) -> YAMLSpans? {
        guard !bytes.isEmpty else { return nil }
        // Byte offset of each character (libyaml's mark index), and one past the end.
        var offsets: [Int] = []
        offsets.reserveCapacity(bytes.count + 1)
        var i = 0
        while i < bytes.count {
            offsets.append(i)
            let b = bytes[i]
            i += b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
        }
        offsets.append(bytes.count)
        func byte(_ mark: yaml_mark_t) -> Int { offsets[min(Int(mark.index), offsets.count - 1)] }

        return bytes.withUnsafeBufferPointer { buffer -> YAMLSpans? in
            guard let base = buffer.baseAddress else { return nil }
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, base, buffer.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            var stack: [Node] = []
            var root: Node?
            var event = yaml_event_t()
            func add(_ node: Node) {
                if stack.isEmpty { root = node } else { stack[stack.count - 1].children.append(node) }
            }
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return root.map(YAMLSpans.init(root:))
                case YAML_ALIAS_EVENT:
                    return nil
                case YAML_SCALAR_EVENT:
                    let s = event.data.scalar
                    var node = Node(kind: .scalar, start: byte(event.start_mark), end: byte(event.end_mark))
                    node.plain = s.style == YAML_PLAIN_SCALAR_STYLE
                    if let value = s.value, s.length > 0 {
                        node.text = String(
                            decoding: UnsafeBufferPointer(start: value, count: Int(s.length)), as: UTF8.self)
                    }
                    add(node)
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    guard stack.count < YAMLParser.maxDepth else { return nil }
                    let sequence = event.type == YAML_SEQUENCE_START_EVENT
                    var node = Node(
                        kind: sequence ? .sequence : .mapping, start: byte(event.start_mark),
                        end: byte(event.end_mark))
                    node.flow =
                        sequence
                        ? event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
                        : event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
                    stack.append(node)
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    guard var node = stack.popLast() else { return nil }
                    if node.flow {
                        node.close = byte(event.start_mark)
                        node.end = byte(event.end_mark)
                    } else {
                        node.end = node.children.last?.end ?? node.start
                        if let first = node.children.first { node.start = first.start }
                    }
                    add(node)
                default:
                    break
                }
            }
        }
    }
}
