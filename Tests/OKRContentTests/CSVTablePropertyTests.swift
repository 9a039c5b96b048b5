import OKRCore
import Testing

@testable import OKRContent

/// The CSV reader over many generated files: what an RFC 4180 writer writes reads back field for field
/// with every separator, and arbitrary bytes never crash the reader or the import, and every diagnostic
/// points inside the file.
@Suite struct CSVTablePropertyTests {
    /// A small deterministic generator (SplitMix64), so a failure repeats.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    static let pieces = ["a", "Z", "1", ",", ";", "\t", "\"", "\"\"", "\r\n", "\n", "\r", " ", "ü", "€", "'=", "-"]

    @Test func writtenFieldsReadBackWithEverySeparator() throws {
        var g = Generator(state: 15)
        for separator in [",", ";", "\t"] {
            for _ in 0..<300 {
                // The header has at least one separator and no quotes, so the separator is detected.
                let columns = 2 + g.below(4)
                let header = (0..<columns).map { "c\($0)" }
                var rows: [[String]] = []
                for _ in 0..<(1 + g.below(5)) {
                    rows.append(
                        (0..<columns).map { _ in
                            (0..<g.below(6)).map { _ in Self.pieces[g.below(Self.pieces.count)] }.joined()
                        })
                }
                // A row of empty fields is a blank line, which the reader skips.
                rows = rows.filter { !$0.allSatisfy(\.isEmpty) }
                func quoted(_ f: String) -> String {
                    let needs = f.contains {
                        $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" || String($0) == separator
                    }
                    return needs ? "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : f
                }
                let text = ([header] + rows).map { $0.map(quoted).joined(separator: separator) }.joined(
                    separator: "\r\n")
                var d = Diagnostics()
                let table = try #require(CSVTable.read(Array(text.utf8), path: "t.csv", diagnostics: &d))
                #expect(!d.hasErrors, "\(text.debugDescription)")
                #expect(table.header == header)
                #expect(table.records.map(\.fields) == rows, "\(text.debugDescription)")
                // Each record starts on the line after the previous one's last line.
                var line = 2
                for (record, fields) in zip(table.records, rows) {
                    #expect(record.line == line)
                    // Per field: a CR ending one field and an LF starting the next are two line breaks.
                    line += 1
                    for f in fields {
                        line += f.reduce(0) { $0 + ($1 == "\n" || $1 == "\r" || $1 == "\r\n" ? 1 : 0) }
                    }
                }
            }
        }
    }

    @Test func arbitraryBytesNeverCrashAndDiagnosticsPointIntoTheFile() {
        var g = Generator(state: 4180)
        let header = Array(
            "team;period;objective_id;objective_title;kr_id;kr_title;kr_start;kr_target;kr_last_checkin\n".utf8)
        let alphabet: [UInt8] = Array("ab1-;,.\"\r\n 0".utf8) + [0xFC, 0x80, 0xC3, 0xBC, 0xEF, 0xBB, 0xBF, 0x00]
        for _ in 0..<1500 {
            let body = (0..<g.below(200)).map { _ in alphabet[g.below(alphabet.count)] }
            let bytes = (g.below(2) == 0 ? header : []) + body
            var d = Diagnostics()
            if let table = CSVTable.read(bytes, path: "t.csv", diagnostics: &d) {
                _ = CSVImport.plan(
                    table, path: "t.csv", periods: nil, title: "T", language: "en", staleAfterDays: 14, diagnostics: &d)
            }
            let lines = 1 + bytes.reduce(0) { $0 + ($1 == 10 || $1 == 13 ? 1 : 0) }
            for item in d.items {
                #expect(item.location.path == "t.csv")
                #expect((1...lines).contains(item.location.line), "\(item)")
                #expect(item.location.column >= 1, "\(item)")
            }
        }
    }
}
