/// A line and column inside a file that is known from context, such as a key result's place in its
/// objective's file. Eight bytes instead of a full ``SourceLocation``: a large organisation has
/// millions of check-ins, and each carries its place for diagnostics.
public struct Mark: Hashable, Sendable {
    /// The 1-based line.
    public var line: Int32
    /// The 1-based column.
    public var column: Int32

    /// Creates a mark (1:1 by default).
    public init(line: Int = 1, column: Int = 1) {
        self.line = Int32(clamping: line)
        self.column = Int32(clamping: column)
    }

    /// The full location in the file at `path`.
    public func location(in path: String) -> SourceLocation {
        SourceLocation(path: path, line: Int(line), column: Int(column))
    }
}
