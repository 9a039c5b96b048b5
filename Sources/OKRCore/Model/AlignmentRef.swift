/// One entry of `aligns_to`: an objective id, optionally with `#kr-id` for a specific key result.
public struct AlignmentRef: Sendable, Hashable, CustomStringConvertible {
    /// The parent objective's id.
    public var objective: String
    /// The parent key result's id, when the objective serves one KR.
    public var keyResult: String?
    /// Where it is written.
    public var location: SourceLocation

    /// Creates a reference.
    public init(objective: String, keyResult: String? = nil, location: SourceLocation) {
        self.objective = objective
        self.keyResult = keyResult
        self.location = location
    }

    /// Parses `objective` or `objective#kr`.
    public init(parsing text: String, location: SourceLocation) {
        if let hash = text.firstIndex(of: "#") {
            objective = String(text[..<hash])
            keyResult = String(text[text.index(after: hash)...])
        } else {
            objective = text
            keyResult = nil
        }
        self.location = location
    }

    /// `objective` or `objective#kr`, as written.
    public var description: String { keyResult.map { "\(objective)#\($0)" } ?? objective }
}
