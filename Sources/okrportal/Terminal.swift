#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Output to the terminal or a CI log.
enum Terminal {
    /// Writes a line to standard output.
    static func standardOutput(_ line: String) {
        write(line + "\n", to: 1)
    }

    /// Writes a line to standard error.
    static func standardError(_ line: String) {
        write(line + "\n", to: 2)
    }

    private static func write(_ text: String, to fd: Int32) {
        var text = text
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)  // non-empty
                if n <= 0 { return }
                offset += n
            }
        }
    }

    /// Rewrites the current line of standard error on a terminal; a plain line elsewhere.
    static func progress(_ text: String, final: Bool) {
        if isatty(2) == 1 {
            write("\r\u{1B}[K" + text + (final ? "\n" : ""), to: 2)
        } else {
            write(text + "\n", to: 2)
        }
    }

    /// "1 error", "2 errors".
    static func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
}
