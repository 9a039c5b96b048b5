/// The two parts of an objective file: YAML front matter between `---` lines, and the Markdown body.
struct FrontMatter {
    /// Byte range of the YAML text (without the delimiter lines).
    var yaml: Range<Int>
    /// The 1-based line of the opening `---` (the YAML's first line is the next one).
    var openingLine: Int
    /// Byte range of the body.
    var body: Range<Int>
    /// The 1-based line where the body starts.
    var bodyLine: Int

    /// Why a file could not be split.
    enum Problem: Error {
        /// The first line is not `---`.
        case missing
        /// No closing `---` line.
        case unclosed
        /// A `...` line (YAML's document end) on this 1-based line, before the closing `---`. The
        /// front matter ends only with `---`: a `...` would silently turn the fields after it, such as
        /// `visibility: confidential`, into public body text.
        case documentEnd(line: Int)
    }

    /// Splits `bytes` (after an optional byte-order mark). Lines may end in LF or CRLF; a delimiter
    /// line may carry trailing spaces.
    static func split(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<FrontMatter, Problem> {
        var i = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { i = 3 }
        guard let firstEnd = lineEnd(bytes, from: i), isDelimiter(bytes, i..<firstEnd) else {
            return .failure(.missing)
        }
        let yamlStart = next(bytes, after: firstEnd)
        var line = 2
        var start = yamlStart
        while start < bytes.count {
            let end = lineEnd(bytes, from: start) ?? bytes.count
            if isDocumentEnd(bytes, start..<end) { return .failure(.documentEnd(line: line)) }
            if isDelimiter(bytes, start..<end) {
                let bodyStart = next(bytes, after: end)
                return .success(
                    FrontMatter(
                        yaml: yamlStart..<start, openingLine: 1, body: bodyStart..<bytes.count,
                        bodyLine: line + 1))
            }
            start = next(bytes, after: end)
            line += 1
        }
        return .failure(.unclosed)
    }

    /// The index of the `\n` ending the line at `from`, or the end of the bytes if there is a line.
    private static func lineEnd(_ b: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard from < b.count else { return nil }
        var j = from
        while j < b.count && b[j] != 10 { j += 1 }
        return j
    }

    private static func next(_ b: UnsafeBufferPointer<UInt8>, after end: Int) -> Int { min(b.count, end + 1) }

    private static func trimmed(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Range<Int> {
        var e = r.upperBound
        while e > r.lowerBound && (b[e - 1] == 13 || b[e - 1] == 32 || b[e - 1] == 9) { e -= 1 }
        return r.lowerBound..<e
    }

    private static func isDelimiter(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        let t = trimmed(b, r)
        return t.count == 3 && b[t.lowerBound] == 45 && b[t.lowerBound + 1] == 45 && b[t.lowerBound + 2] == 45
    }

    private static func isDocumentEnd(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        let t = trimmed(b, r)
        return t.count == 3 && b[t.lowerBound] == 46 && b[t.lowerBound + 1] == 46 && b[t.lowerBound + 2] == 46
    }
}
