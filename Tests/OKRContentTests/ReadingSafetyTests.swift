import Foundation
import OKRCore
import OKRTestSupport
import Testing

@testable import OKRContent

/// What the reader refuses before or instead of reading ([robust] reading, messages, front matter).
@Suite struct ReadingSafetyTests {
    @Test func devicesAreRefusedUnopenedAndUnread() {
        for (path, what) in [
            ("/dev/zero", "a character device"), ("/dev/null", "a character device"), ("/", "a folder"),
        ] {
            guard case .failure(.notRegular(let found)) = FileSystem.read(path, limit: 1 << 20) else {
                Issue.record("\(path) was read")
                continue
            }
            #expect(found == what)
        }
    }

    @Test func aSparseFileIsRefusedByItsSizeAndASmallOneIsRead() throws {
        let fixture = try SiteFixture(["small.md": "12345"])
        let big = fixture.root + "/big.md"
        #expect(creat(big, 0o644) >= 0)
        #expect(truncate(big, 1 << 40) == 0)
        guard case .failure(.tooLarge(let size)) = FileSystem.read(big, limit: 5 << 20) else {
            Issue.record("a 1 TB file was read")
            return
        }
        #expect(size == 1 << 40)
        #expect(try FileSystem.read(fixture.root + "/small.md", limit: 5).get() == Array("12345".utf8))
        guard case .failure(.tooLarge) = FileSystem.read(fixture.root + "/small.md", limit: 4) else {
            Issue.record("a file over the limit was read")
            return
        }
    }

    @Test func utf16AndUTF32AreNamed() {
        let text = "title: Reichweite steigern\nteam: company\n"
        let cases: [([UInt8], String)] = [
            ([0xFF, 0xFE] + Array(text.data(using: .utf16LittleEndian)!), "UTF-16 (little-endian)"),
            ([0xFE, 0xFF] + Array(text.data(using: .utf16BigEndian)!), "UTF-16 (big-endian)"),
            (Array(text.data(using: .utf16LittleEndian)!), "UTF-16 (little-endian)"),
            (Array(text.data(using: .utf16BigEndian)!), "UTF-16 (big-endian)"),
            ([0xFF, 0xFE, 0, 0] + Array(text.data(using: .utf32LittleEndian)!), "UTF-32 (little-endian)"),
            (Array(text.data(using: .utf32LittleEndian)!), "UTF-32 (little-endian)"),
            (Array(text.data(using: .utf32BigEndian)!), "UTF-32 (big-endian)"),
        ]
        for (bytes, name) in cases {
            let problem = bytes.withUnsafeBufferPointer { SourceText.problem(in: $0) }
            #expect(problem?.message == "the file is \(name), not UTF-8; save it as UTF-8")
            #expect(problem?.line == 1 && problem?.column == 1)
        }
        // One stray NUL in UTF-8 text is a NUL byte, not UTF-16.
        let nul = Array("---\nid: a".utf8) + [0] + Array("\ntitle: Objective\n---\n".utf8)
        #expect(nul.withUnsafeBufferPointer { SourceText.problem(in: $0) }?.message.contains("NUL") == true)
    }

    @Test func aDocumentEndLineInTheFrontMatterIsAnError() {
        var d = Diagnostics()
        let text = "---\nid: a\ntitle: T\n...\nvisibility: confidential\n---\nBody\n"
        #expect(ObjectiveReader.read(Array(text.utf8), path: "a.md", diagnostics: &d) == nil)
        #expect(
            d.items.map(\.description) == [
                "a.md:4:1: error: front matter ends with ---; `...` is YAML's document end, not allowed here "
                    + "(replace it with ---, or remove it if more fields follow)"
            ])
        // After the front matter, `...` is body text like any other line.
        let body = Array("---\nid: a\n---\n...\n".utf8)
        #expect(body.withUnsafeBufferPointer { FrontMatter.split($0) }.isSuccess)
    }

    @Test func aKeyOverTheSimpleKeyLimitIsNamedAtTheKey() {
        let long = String(repeating: "k", count: 1100)
        guard case .failure(let e) = YAMLParser.parse("a: 1\n  \n" + long + ": 1\n", lineOffset: 1) else {
            Issue.record("parsed")
            return
        }
        #expect((e.line, e.column) == (4, 1))
        #expect(e.message.contains("longer than 1,024 characters"))
        // Under the limit a long key is read; a key broken over two lines keeps libyaml's message.
        #expect((try? YAMLParser.parse(String(repeating: "k", count: 1000) + ": 1\n").get()) != nil)
        guard case .failure(let two) = YAMLParser.parse("a: 1\nb\nc: 1\n") else { return }
        #expect(!two.message.contains("1,024"))
    }

    @Test(arguments: [
        ("1e30", "out of range"), ("99999999999999999999", "out of range"), ("0", "out of range"),
        ("-5", "out of range"), ("3651", "out of range"), ("1.5", "whole number"),
    ])
    func staleAfterDaysOutsideItsRangeSaysSo(_ value: String, _ words: String) {
        var d = Diagnostics()
        let config = Fixtures.config.replacingOccurrences(
            of: "stale_after_days: 14", with: "stale_after_days: \(value)")
        _ = ConfigReader.readConfig(config, path: "okrportal.yml", diagnostics: &d)
        #expect(d.items.count == 1)
        #expect(d.items.first?.message.contains(words) == true, "\(d.items)")
        #expect(d.items.first.map { $0.location.line == 10 && $0.location.column == 19 } == true)
    }

    @Test func staleAfterDaysAtTheEndsOfItsRangeIsRead() {
        for value in [1, 3650] {
            var d = Diagnostics()
            let config = Fixtures.config.replacingOccurrences(
                of: "stale_after_days: 14", with: "stale_after_days: \(value)")
            #expect(ConfigReader.readConfig(config, path: "okrportal.yml", diagnostics: &d)?.staleAfterDays == value)
            #expect(d.items.isEmpty)
        }
    }
}

extension Result {
    fileprivate var isSuccess: Bool {
        if case .success = self { return true }
        return false
    }
}
