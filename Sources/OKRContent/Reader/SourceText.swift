import OKRCore

/// Checks that a file's bytes are text okrportal can read: UTF-8 without NUL bytes.
enum SourceText {
    /// The problem with `bytes` as a message and 1-based line and column, or `nil` when they are fine.
    /// A leading byte-order mark is allowed (editors on Windows write one).
    static func problem(in bytes: UnsafeBufferPointer<UInt8>) -> (message: String, line: Int, column: Int)? {
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
}
