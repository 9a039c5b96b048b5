/// Writes HTML into one byte buffer: literal markup as it is, text escaped. For the tables Swift
/// assembles (check-ins, charts' data), where concatenating `String`s made a copy per piece.
struct HTMLWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 1024) { bytes.reserveCapacity(capacity) }

    /// Appends literal markup.
    @inline(__always) mutating func raw(_ s: StaticString) {
        bytes.appendLiteral(s)
    }

    /// Appends text, escaped.
    mutating func text(_ s: String) { HTMLBytes.appendEscaped(s, to: &bytes) }

    /// The HTML written.
    var html: String { String(decoding: bytes, as: UTF8.self) }
}
