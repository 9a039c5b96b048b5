/// A place in a site's source files: a path relative to the site root and a 1-based line and column.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The path relative to the site root, with `/` separators.
    public var path: String
    /// The 1-based line.
    public var line: Int
    /// The 1-based column, counted in characters of the line.
    public var column: Int

    /// Creates a location; line and column are 1-based.
    public init(path: String, line: Int = 1, column: Int = 1) {
        self.path = path
        self.line = line
        self.column = column
    }

    /// `path:line:column`, the form editors and CI logs turn into links.
    public var description: String { "\(path):\(line):\(column)" }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        if a.path != b.path { return a.path < b.path }
        if a.line != b.line { return a.line < b.line }
        return a.column < b.column
    }
}
