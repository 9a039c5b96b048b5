import Foundation
import OKRCore
import OKRTestSupport
import Testing

@testable import OKRContent

/// History reads old versions with a line scanner where it can and libyaml where it cannot; both must
/// give the same readings wherever the scanner answers.
@Suite struct KeyResultReadingsTests {
    func scanner(_ yaml: String) -> [String: KeyResultReading]? {
        var text = yaml
        return text.withUTF8 { ReadingScanner.scan($0) }
    }

    func libyaml(_ yaml: String) -> [String: KeyResultReading]? {
        var text = yaml
        return text.withUTF8 { KeyResultReadings.readWithLibYAML($0) }
    }

    /// The scanner's readings equal libyaml's, or the scanner passes (`nil`).
    func expectAgreement(
        _ yaml: String, scanned: Bool? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let fast = scanner(yaml)
        if let fast { #expect(fast == libyaml(yaml), "\(yaml)", sourceLocation: sourceLocation) }
        if let scanned { #expect((fast != nil) == scanned, "\(yaml)", sourceLocation: sourceLocation) }
    }

    @Test func blockStyleIsScannedAsLibYAMLReadsIt() {
        let cases = [
            // The documented style, with check-ins, comments, a milestone and a children KR.
            """
            title: "Ziel: mehr # Reichweite"
            team: social-media
            tags: [a, "b, c"]
            key_results:   # the KRs
              - id: kr1
                title: Follower
                start: 5000
                target: 6000
                current: 5390   # after the fair
                checkins:
                  - { date: 2026-10-06, value: 5120, confidence: 0.7, note: "id: kr9" }
                  - date: 2026-10-13
                    value: 5200
              # a comment between items
              - id: kr2
                kind: milestone
                done: Yes
              - id: kr3
                kind: children
            score: 0.5
            """,
            // Sequence items at the key's own indentation, fields after a lone dash, CRLF, -0.
            "key_results:\r\n- id: a\r\n  current: -0\r\n-\r\n  id: b\r\n  done: off\r\nowner: X\r\n",
            // Wider indentation, a quoted long title over lines, the id after other fields, duplicates.
            """
            key_results:
                -   title: >
                        Eine lange
                        Beschreibung
                    id: kr1
                    current: 1.2e3
                    current: 7
                    id: other
                -   id: kr1
                    current: 3
            """,
            // Not a number, null and empty values.
            "key_results:\n  - id: kr1\n    current: 12 %\n  - id: kr2\n    current: ~\n  - id: kr3\n    current:\n    done:\n",
        ]
        for yaml in cases { expectAgreement(yaml, scanned: true) }
        #expect(scanner(cases[0])?["kr1"] == KeyResultReading(current: 5390))
        #expect(scanner(cases[0])?["kr2"] == KeyResultReading(done: true))
        #expect(scanner(cases[2])?["kr1"] == KeyResultReading(current: 1200))
        #expect(scanner(cases[2])?.count == 1)
    }

    @Test func unusualYAMLIsLeftToLibYAML() {
        let cases = [
            "key_results: [{id: kr1, current: 5}]\n",  // flow style
            "key_results:\n  - {id: kr1, current: 5}\n",
            "key_results:\n  - id: \"kr1\"\n    current: 5\n",  // quoted id
            "key_results:\n  - id: kr1\n    current: \"5\"\n",  // quoted number (an error in the reader)
            "key_results:\n  - id: kr1\n    current: 5\n      0\n",  // a plain scalar over two lines
            "key_results:\n  - id: kr1\n    current: &n 5\n",  // an anchor
            "key_results:\n  - id: kr1\n\tcurrent: 5\n",  // a tab
            "key_results:\n  - id: kr1\n   current: 5\n",  // a field at an odd indentation
            "key_results:\n  - id: kr1\n  current: 5\n",
            "key_results:\n  - id: kr1\nkey_results:\n  - id: kr2\n",  // written twice
            "title: \"Ein Titel über\nzwei Zeilen\"\nkey_results:\n  - id: kr1\n",  // a quoted title spanning lines
            "- id: kr1\n",  // the root is no mapping
            "title: x\n",  // no key results
            "key_results:\n  - id: kr1\n    current: a: b\n",
            "\"key_results\":\n  - id: kr1\n",
        ]
        for yaml in cases { expectAgreement(yaml, scanned: false) }
        #expect(libyaml(cases[0])?["kr1"] == KeyResultReading(current: 5))
        #expect(libyaml(cases[2])?["kr1"] == KeyResultReading(current: 5))
        #expect(libyaml(cases[3])?["kr1"] == KeyResultReading(current: nil))
    }

    @Test func everyDemoObjectiveIsScannedAsLibYAMLReadsIt() throws {
        let folder = Binary.repositoryRoot + "/content/objectives"
        let files = try #require(FileManager.default.enumerator(atPath: folder)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".md") }
        #expect(files.count > 10)
        for name in files {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)))
            try bytes.withUnsafeBufferPointer { b in
                guard case .success(let parts) = FrontMatter.split(b) else {
                    Issue.record("\(name) has no front matter")
                    return
                }
                let yaml = UnsafeBufferPointer(rebasing: b[parts.yaml])
                let fast = try #require(ReadingScanner.scan(yaml), "\(name) is not scanned")
                #expect(fast == KeyResultReadings.readWithLibYAML(yaml), "\(name)")
                #expect(!fast.isEmpty)
            }
        }
    }

    @Test func wholeFilesAreReadThroughTheirFrontMatter() {
        var text = Fixtures.objective("o")
        let readings = text.withUTF8 { KeyResultReadings.read($0) }
        #expect(readings == ["kr1": KeyResultReading(current: 50)])
        var broken = "---\ntitle: [unclosed\nkey_results:\n  - id: kr1\n---\n"
        #expect(broken.withUTF8 { KeyResultReadings.read($0) } == nil)
        var noFrontMatter = "Just text.\n"
        #expect(noFrontMatter.withUTF8 { KeyResultReadings.read($0) } == nil)
    }
}

/// The facts beside the readings (`id`, `visibility`, `draft`): the scanner and libyaml agree, and
/// anything unclear counts as not published.
@Suite struct VersionFactsTests {
    func both(_ yaml: String) -> (VersionFacts?, VersionFacts?) {
        var text = yaml
        let fast = text.withUTF8 { ReadingScanner.scanVersion($0) }
        let slow = text.withUTF8 { KeyResultReadings.factsWithLibYAML($0) }
        return (fast, slow)
    }

    @Test func scannerAndLibYAMLAgree() throws {
        let krs = "key_results:\n  - id: kr1\n    current: 5\n"
        let cases: [(String, String?, Bool, Bool)] = [
            ("", nil, false, false),
            ("id: o\nvisibility: public\ndraft: false\n", "o", false, false),
            ("id: o\nvisibility: confidential\n", "o", true, false),
            ("visibility: Public\n", nil, true, false),  // not a value the reader takes: not public
            ("visibility:\n", nil, true, false),
            ("draft: true\n", nil, false, true),
            ("draft: No\n", nil, false, false),
            ("draft: maybe\n", nil, false, true),
            ("id: o\nid: p\n", "o", false, false),
        ]
        for (fields, id, confidential, draft) in cases {
            let (fast, slow) = both(fields + krs)
            for facts in [fast, slow] {
                let f = try #require(facts, "\(fields)")
                #expect(f.id == id, "\(fields)")
                #expect(f.confidential == confidential, "\(fields)")
                #expect(f.draft == draft, "\(fields)")
                #expect(f.readings == ["kr1": KeyResultReading(current: 5)])
            }
        }
        // Quoted, flow or continued values are left to libyaml, which reads them the same way.
        for fields in ["visibility: \"confidential\"\n", "visibility: [public]\n", "id: o\n  p\nvisibility: x\n"] {
            let (fast, slow) = both(fields + krs)
            #expect(fast == nil, "\(fields)")
            #expect(slow?.confidential == true, "\(fields)")
        }
    }
}
