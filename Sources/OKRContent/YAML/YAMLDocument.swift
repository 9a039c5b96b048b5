/// A parsed YAML document as a flat arena of nodes, the only YAML tree okrportal builds.
///
/// Nodes live in one array and scalar text in one byte buffer, linked by indices (first child,
/// next sibling): hundreds of thousands of nodes cost two allocations, not one each.
/// Scalars stay bytes until a field asks for them; their type comes from the field they fill
/// (`title: 2026` is text, `start: 2026` a number), which avoids YAML 1.1's surprises such as `no`
/// turning into `false`.
public struct YAMLDocument: Sendable {
    /// What a node is.
    public enum Kind: UInt8, Sendable {
        /// A scalar written plain (unquoted, untagged): the only form read as a number, boolean or null.
        case plainScalar
        /// A quoted, block or `!!str`-tagged scalar: always text.
        case quotedScalar
        /// A sequence; children are its items.
        case sequence
        /// A mapping; children alternate key, value.
        case mapping
    }

    /// One node.
    public struct Node: Sendable {
        /// Its kind.
        public var kind: Kind
        /// The 1-based line in the file.
        public var line: Int32
        /// The 1-based column.
        public var column: Int32
        /// A scalar's text: a range of ``YAMLDocument/text``.
        var textStart: Int32 = 0
        var textEnd: Int32 = 0
        /// The first child, or -1.
        var firstChild: Int32 = -1
        /// The next sibling, or -1.
        var nextSibling: Int32 = -1
        /// The number of children.
        public var childCount: Int32 = 0
    }

    /// All nodes; the root is node 0.
    public internal(set) var nodes: [Node] = []
    /// The scalars' bytes.
    public internal(set) var text: [UInt8] = []

    /// The root node's index (documents are never empty when returned by the parser).
    public var root: Int { 0 }

    /// The node at `i`.
    public subscript(i: Int) -> Node { nodes[i] }

    /// Whether node `i` is a scalar.
    public func isScalar(_ i: Int) -> Bool { nodes[i].kind == .plainScalar || nodes[i].kind == .quotedScalar }

    /// A scalar's text (empty for collections).
    public func string(_ i: Int) -> String {
        let n = nodes[i]
        return text.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[Int(n.textStart)..<Int(n.textEnd)]), as: UTF8.self)
        }
    }

    /// Whether scalar `i`'s text is exactly `s`, without making a String.
    public func scalar(_ i: Int, equals s: String) -> Bool {
        let n = nodes[i]
        let count = Int(n.textEnd - n.textStart)
        var s = s
        return s.withUTF8 { u in
            guard u.count == count else { return false }
            return text.withUnsafeBufferPointer { t in
                for k in 0..<count where t[Int(n.textStart) + k] != u[k] { return false }
                return true
            }
        }
    }

    /// The children of node `i` in order.
    public func children(_ i: Int) -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(Int(nodes[i].childCount))
        var c = nodes[i].firstChild
        while c >= 0 {
            result.append(Int(c))
            c = nodes[Int(c)].nextSibling
        }
        return result
    }

    /// A plain scalar that YAML reads as null: empty, `~` or `null`.
    public func isNull(_ i: Int) -> Bool {
        guard nodes[i].kind == .plainScalar else { return false }
        let n = nodes[i]
        let count = n.textEnd - n.textStart
        if count == 0 { return true }
        return scalar(i, equals: "~") || scalar(i, equals: "null") || scalar(i, equals: "Null")
            || scalar(i, equals: "NULL")
    }

    /// "text", "a list" or "a mapping", for messages.
    public func kindDescription(_ i: Int) -> String {
        switch nodes[i].kind {
        case .plainScalar, .quotedScalar: isNull(i) ? "nothing (null)" : "text"
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }

    mutating func append(_ node: Node, parent: Int, lastChild: inout Int32) -> Int32 {
        let index = Int32(nodes.count)
        nodes.append(node)
        if parent >= 0 {
            if lastChild >= 0 {
                nodes[Int(lastChild)].nextSibling = index
            } else {
                nodes[parent].firstChild = index
            }
            nodes[parent].childCount += 1
            lastChild = index
        }
        return index
    }
}
