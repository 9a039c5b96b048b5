import Foundation
import OKRCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Output to the terminal or a CI log: the one place where okrportal writes lines, and where control
/// characters from content (ESC, BEL, CR, DEL, C1) are shown escaped (`\u{1B}`) instead of reaching the
/// terminal. Only ``Line``s built here, with okrportal's own colour escapes around escaped content, are
/// written as they are.
enum Terminal {
    /// Text made safe for the terminal, with okrportal's own ANSI colours where it has any.
    struct Line {
        fileprivate var text: String
    }

    /// Writes a line to standard output, control characters escaped (line feeds kept).
    static func standardOutput(_ line: String) {
        write(line.escapingControlCharacters(keepingLineFeeds: true) + "\n", to: 1)
    }

    /// Writes a line to standard error, control characters escaped (line feeds kept).
    static func standardError(_ line: String) {
        write(line.escapingControlCharacters(keepingLineFeeds: true) + "\n", to: 2)
    }

    /// Writes a safe line (a diagnostic) to standard output.
    static func standardOutput(_ line: Line) {
        write(line.text + "\n", to: 1)
    }

    /// Writes a safe line (a diagnostic) to standard error.
    static func standardError(_ line: Line) {
        write(line.text + "\n", to: 2)
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
            write("\r\u{1B}[K" + text.escapingControlCharacters() + (final ? "\n" : ""), to: 2)
        } else {
            write(text.escapingControlCharacters() + "\n", to: 2)
        }
    }

    /// Whether output gets colours: only on a terminal, never when `NO_COLOR` is set to anything but the
    /// empty string (https://no-color.org) or `TERM` is `dumb`.
    static func coloured(isTerminal: Bool, environment: [String: String]) -> Bool {
        guard isTerminal else { return false }
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        return environment["TERM"] != "dumb"
    }

    /// Whether what goes to the file descriptor `fd` gets colours.
    static func coloured(_ fd: Int32) -> Bool {
        coloured(isTerminal: isatty(fd) == 1, environment: ProcessInfo.processInfo.environment)
    }

    /// A diagnostic as `path:line:col: error|warning: message [rule]`; on a terminal (`fd`) the place in
    /// bold, `error` red, `warning` yellow and the rule dim — the same characters either way.
    static func diagnostic(_ d: Diagnostic, fd: Int32 = 2) -> Line {
        diagnostic(d, colour: coloured(fd))
    }

    /// A diagnostic, coloured with ANSI escapes or plain; its path, message and rule come from content,
    /// so their control characters (line feeds included: a diagnostic is one line) are escaped.
    static func diagnostic(_ d: Diagnostic, colour: Bool) -> Line {
        var d = d
        d.location.path = d.location.path.escapingControlCharacters()
        d.message = d.message.escapingControlCharacters()
        d.rule = d.rule?.escapingControlCharacters()
        guard colour else { return Line(text: d.description) }
        let bold = "\u{1B}[1m"
        let reset = "\u{1B}[0m"
        let severity = d.severity == .error ? "\u{1B}[1;31merror:" : "\u{1B}[1;33mwarning:"
        let tag = d.rule.map { " \u{1B}[2m[\($0)]\(reset)" } ?? ""
        return Line(text: "\(bold)\(d.location):\(reset) \(severity)\(reset) \(d.message)\(tag)")
    }

    /// "1 error", "2 errors".
    static func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
}
