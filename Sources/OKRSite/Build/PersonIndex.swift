import OKRCore

/// A person's position in ``People/all``.
public struct PersonIndex: TypedIndex {
    /// The position.
    public let raw: Int

    /// The index at position `raw`.
    public init(_ raw: Int) { self.raw = raw }
}
