/// A methodology rule named in a `lint: { ignore: [...] }` list, with where it is written.
public struct RuleReference: Sendable, Hashable {
    /// The rule's id as written (`OKR003`).
    public var id: String
    /// Where it is written.
    public var location: SourceLocation

    /// Creates a reference.
    public init(id: String, location: SourceLocation) {
        self.id = id
        self.location = location
    }
}
