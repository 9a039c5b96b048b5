import OKRCore

/// Checks that a file's bytes are text okrportal can read: UTF-8 without NUL bytes.
enum SourceText {
    /// The problem with `bytes` as a message and 1-based line and column, or `nil` when they are fine.
    /// A leading byte-order mark is allowed (editors on Windows write one).
    static func problem(in bytes: UnsafeBufferPointer<UInt8>) -> (message: String, line: Int, column: Int)? {
        // Fast path: ASCII without NUL, eight bytes at a time; only a file that fails it is walked
        // byte by byte with line and column.
        if isValidText(bytes) { return nil }
        return locateProblem(in: bytes)
    }

    /// Whether the bytes are well-formed UTF-8 without NUL: ASCII runs eight bytes at a time,
    /// multi-byte sequences one by one.
    static func isValidText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = bytes.count
        guard let base = UnsafeRawPointer(bytes.baseAddress) else { return true }
        var i = 0
        let high: UInt64 = 0x8080_8080_8080_8080
        let ones: UInt64 = 0x0101_0101_0101_0101
        while i < n {
            if i + 8 <= n {
                let w = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                // No high bit (all ASCII) and no zero byte ((w - ones) & ~w & high).
                if w & high == 0 && (w &- ones) & ~w & high == 0 {
                    i += 8
                    continue
                }
            }
            let b = bytes[i]
            if b < 0x80 {
                if b == 0 { return false }
                i += 1
                continue
            }
            let length = sequenceLength(bytes, at: i)
            if length == 0 { return false }
            i += length
        }
        return true
    }

    /// The full check with line and column, for files that are not plain ASCII.
    static func locateProblem(in bytes: UnsafeBufferPointer<UInt8>) -> (message: String, line: Int, column: Int)? {
        if let encoding = wideEncoding(bytes) {
            return ("the file is \(encoding), not UTF-8; save it as UTF-8", 1, 1)
        }
        var line = 1
        var column = 1
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                if b == 0 {
                    return ("the file contains a NUL byte; is it a binary file?", line, column)
                }
                if b == 10 {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                i += 1
                continue
            }
            let length = sequenceLength(bytes, at: i)
            guard length > 0 else {
                return (
                    "the file is not valid UTF-8 (byte 0x\(String(b, radix: 16, uppercase: true))); save it as UTF-8 "
                        + "(it may be Latin-1 or Windows-1252)", line, column
                )
            }
            i += length
            column += 1
        }
        return nil
    }

    /// The length of a well-formed UTF-8 sequence at `i`, or 0 (RFC 3629: no overlongs, no surrogates).
    static func sequenceLength(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let n = b.count
        let c0 = b[i]
        func cont(_ k: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool { i + k < n && range.contains(b[i + k]) }
        switch c0 {
        case 0xC2...0xDF: return cont(1) ? 2 : 0
        case 0xE0: return cont(1, 0xA0...0xBF) && cont(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF: return cont(1) && cont(2) ? 3 : 0
        case 0xED: return cont(1, 0x80...0x9F) && cont(2) ? 3 : 0
        case 0xF0: return cont(1, 0x90...0xBF) && cont(2) && cont(3) ? 4 : 0
        case 0xF1...0xF3: return cont(1) && cont(2) && cont(3) ? 4 : 0
        case 0xF4: return cont(1, 0x80...0x8F) && cont(2) && cont(3) ? 4 : 0
        default: return 0
        }
    }

    /// `UTF-16 (little-endian)` and the like when `bytes` are text in UTF-16 or UTF-32: by the byte-order
    /// mark, else by the NUL bytes such text has in every second (or third and fourth) place. Editors on
    /// Windows save "Unicode" text this way; walked as UTF-8 it would look like Latin-1 with NUL bytes.
    static func wideEncoding(_ b: UnsafeBufferPointer<UInt8>) -> String? {
        let n = b.count
        func starts(_ prefix: [UInt8]) -> Bool { n >= prefix.count && zip(b, prefix).allSatisfy { $0 == $1 } }
        if starts([0xFF, 0xFE, 0, 0]) { return "UTF-32 (little-endian)" }
        if starts([0, 0, 0xFE, 0xFF]) { return "UTF-32 (big-endian)" }
        if starts([0xFF, 0xFE]) { return "UTF-16 (little-endian)" }
        if starts([0xFE, 0xFF]) { return "UTF-16 (big-endian)" }
        // Without a mark: count the NUL bytes at each place modulo 4 in the first 512 bytes. Mostly
        // ASCII text has them in all high bytes; one stray NUL in UTF-8 text is no such pattern.
        let quads = min(n, 512) / 4
        guard quads > 0 else { return nil }
        var zeros = [0, 0, 0, 0]
        for i in 0..<quads * 4 where b[i] == 0 { zeros[i % 4] += 1 }
        let most = (quads + 1) / 2
        if zeros[2] == quads && zeros[3] == quads && zeros[0] < quads { return "UTF-32 (little-endian)" }
        if zeros[0] == quads && zeros[1] == quads && zeros[3] < quads { return "UTF-32 (big-endian)" }
        if zeros[1] + zeros[3] >= 2 * most && zeros[0] + zeros[2] == 0 { return "UTF-16 (little-endian)" }
        if zeros[0] + zeros[2] >= 2 * most && zeros[1] + zeros[3] == 0 { return "UTF-16 (big-endian)" }
        return nil
    }
}
