/// A YAML node with the place it starts at; the only YAML tree okrportal builds.
///
/// Scalars stay text: their type comes from the field they fill (`title: 2026` is text, `start: 2026`
/// a number), which avoids YAML 1.1's surprises such as `no` turning into `false`.
public struct YAMLNode: Sendable {
    /// The content of a node.
    public enum Value: Sendable {
        /// A scalar: its text and whether it was written plain (unquoted, untagged), the only form
        /// that may be read as a number, boolean or null.
        case scalar(String, plain: Bool)
        /// A sequence of nodes.
        case sequence([YAMLNode])
        /// A mapping, keys in file order (duplicates kept, reported by the reader).
        case mapping([(key: YAMLNode, value: YAMLNode)])
    }

    /// The content.
    public var value: Value
    /// The 1-based line in the file.
    public var line: Int
    /// The 1-based column.
    public var column: Int

    /// Creates a node.
    public init(_ value: Value, line: Int, column: Int) {
        self.value = value
        self.line = line
        self.column = column
    }

    /// A plain scalar that YAML reads as null: empty, `~` or `null`.
    public var isNull: Bool {
        if case .scalar(let s, let plain) = value, plain {
            return s.isEmpty || s == "~" || s == "null" || s == "Null" || s == "NULL"
        }
        return false
    }

    /// The scalar's text, `nil` for collections.
    public var scalarText: String? {
        if case .scalar(let s, _) = value { return s }
        return nil
    }

    /// "text", "a list" or "a mapping", for messages.
    public var kindDescription: String {
        switch value {
        case .scalar: isNull ? "nothing (null)" : "text"
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }
}
