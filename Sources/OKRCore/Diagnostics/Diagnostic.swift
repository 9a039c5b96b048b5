/// How bad a problem is: errors fail `check` and `build`, warnings are shown and tolerated.
public enum Severity: String, Sendable, Hashable, Comparable {
    case error
    case warning

    public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
}

/// One problem found in a site, with the place it was found.
///
/// Diagnostics are values: every stage appends to a ``Diagnostics`` list and never prints or exits;
/// only the command line decides how to show them and which exit code follows.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    /// Error or warning.
    public var severity: Severity
    /// Where the problem is.
    public var location: SourceLocation
    /// What is wrong, in words an OKR owner understands, ideally with the fix.
    public var message: String
    /// A rule id (such as `OKR003`) for checks that can be silenced; `nil` for the format's own rules.
    public var rule: String?

    /// Creates a diagnostic.
    public init(_ severity: Severity, _ location: SourceLocation, _ message: String, rule: String? = nil) {
        self.severity = severity
        self.location = location
        self.message = message
        self.rule = rule
    }

    /// `path:line:col: error|warning: message`, the form of the spec.
    public var description: String {
        let tag = rule.map { " [\($0)]" } ?? ""
        return "\(location): \(severity.rawValue): \(message)\(tag)"
    }
}

/// The problems of one run, collected from every stage.
public struct Diagnostics: Sendable {
    /// All problems in the order they were found.
    public private(set) var items: [Diagnostic] = []

    /// An empty list.
    public init() {}

    /// Appends an error.
    public mutating func error(_ message: String, at location: SourceLocation) {
        items.append(Diagnostic(.error, location, message))
    }

    /// Appends a warning.
    public mutating func warning(_ message: String, at location: SourceLocation, rule: String? = nil) {
        items.append(Diagnostic(.warning, location, message, rule: rule))
    }

    /// Appends one diagnostic.
    public mutating func append(_ diagnostic: Diagnostic) {
        items.append(diagnostic)
    }

    /// Appends all diagnostics of another list.
    public mutating func append(contentsOf other: Diagnostics) {
        items.append(contentsOf: other.items)
    }

    /// Appends diagnostics.
    public mutating func append(contentsOf other: [Diagnostic]) {
        items.append(contentsOf: other)
    }

    /// Whether any error was found.
    public var hasErrors: Bool { items.contains { $0.severity == .error } }

    /// The number of errors.
    public var errorCount: Int { items.reduce(0) { $0 + ($1.severity == .error ? 1 : 0) } }

    /// The number of warnings.
    public var warningCount: Int { items.count - errorCount }

    /// The diagnostics sorted by path, line and column (then severity and message), without repeats.
    public var sorted: [Diagnostic] {
        var seen = Set<Diagnostic>()
        return items.filter { seen.insert($0).inserted }.sorted { a, b in
            if a.location != b.location { return a.location < b.location }
            if a.severity != b.severity { return a.severity < b.severity }
            return a.message < b.message
        }
    }
}
