import OKRCore
import Testing

@testable import OKRContent

/// `CheckInEditor` appends one check-in and changes no other byte, whatever the list's style.
@Suite struct CheckInEditorTests {
    // A valid date literal.
    let checkIn = NewCheckIn(date: Day(iso: "2026-12-02")!, value: "5610", confidence: "0.7", note: "Messe \"wirkt\"")
    let item = #"{ date: 2026-12-02, value: 5610, confidence: 0.7, note: "Messe \"wirkt\"" }"#

    func file(_ keyResults: String, eol: String = "\n") -> String {
        ("---\ntitle: Reichweite   # the objective\nteam: web\nperiod: 2026-Q4\nkey_results:\n" + keyResults
            + "---\n\nBody.\n").replacingOccurrences(of: "\n", with: eol)
    }

    func edited(_ text: String, kr: String = "kr1", _ c: NewCheckIn? = nil) throws -> String {
        let bytes = try CheckInEditor.append(c ?? checkIn, toKeyResult: kr, in: Array(text.utf8))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether `after` is `before` with exactly `chunk` inserted at one place and no other byte
    /// changed: the byte diff of an edit.
    func inserts(_ before: String, _ after: String, _ chunk: String) -> Bool {
        let a = Array(before.utf8)
        let b = Array(after.utf8)
        let c = Array(chunk.utf8)
        guard b.count == a.count + c.count else { return false }
        for k in 0...a.count where Array(a[..<k]) + c + Array(a[k...]) == b { return true }
        return false
    }

    /// Reads the edited file and returns kr1's check-ins; the file must read without problems.
    func checkins(_ text: String, kr: String = "kr1") throws -> [CheckIn] {
        var d = Diagnostics()
        let objective = try #require(ObjectiveReader.read(text, path: "o.md", diagnostics: &d))
        #expect(d.items.isEmpty, "\(d.items)")
        return try #require(objective.keyResults.first { $0.id == kr }).checkins
    }

    @Test func blockListGetsOneLineAfterItsLastItem() throws {
        let before = file(
            """
              - id: kr1
                title: Follower
                start: 5000
                target: 6000
                checkins:
                  - { date: 2026-10-06, value: 5120 }
                  # the trade fair
                  - date: 2026-10-20
                    value: 5390   # after the fair
              - id: kr2
                title: Artikel
                start: 0
                target: 5

            """)
        let after = try edited(before)
        #expect(inserts(before, after, "      - \(item)\n"))
        #expect(after.contains("    value: 5390   # after the fair\n      - \(item)\n  - id: kr2"))
        let read = try checkins(after)
        #expect(read.count == 3)
        #expect(read.last?.value == 5610 && read.last?.note == "Messe \"wirkt\"" && read.last?.confidence == 0.7)
    }

    @Test func indentlessBlockListKeepsItsIndentation() throws {
        let before = file(
            """
            - id: kr1
              title: Follower
              start: 5000
              target: 6000
              checkins:
              -   { date: 2026-10-06, value: 5120 }

            """)
        let after = try edited(before)
        #expect(inserts(before, after, "  -   \(item)\n"))
        #expect(try checkins(after).count == 2)
    }

    @Test func flowListOnOneLineGetsTheItemAfterItsLast() throws {
        let before = file(
            """
              - id: kr1
                title: Follower
                start: 5000
                target: 6000
                checkins: [ {date: 2026-10-06, value: 5120}, {date: 2026-10-20, value: 5390} ]  # two so far

            """)
        let after = try edited(before)
        #expect(inserts(before, after, ", \(item)"))
        #expect(after.contains("value: 5390}, \(item) ]  # two so far\n"))
        #expect(try checkins(after).count == 3)
    }

    @Test func multiLineFlowListGetsALineOfItsOwn() throws {
        let before = file(
            """
              - id: kr1
                title: Follower
                start: 5000
                target: 6000
                checkins: [
                    {date: 2026-10-06, value: 5120},
                    # a comment between items
                    {date: 2026-10-20, value: 5390},
                ]

            """)
        let after = try edited(before)
        #expect(inserts(before, after, ",\n        \(item)"))
        #expect(after.contains("{date: 2026-10-20, value: 5390},\n        \(item),\n    ]"))
        #expect(try checkins(after).count == 3)
    }

    @Test func emptyFlowListGetsTheItemBetweenItsBrackets() throws {
        for list in ["[]", "[ ]"] {
            let before = file(
                """
                  - id: kr1
                    title: Follower
                    start: 5000
                    target: 6000
                    checkins: \(list)   # none yet
                    unit: Follower

                """)
            let after = try edited(before)
            #expect(after.contains("checkins: [ \(item) ]   # none yet\n    unit: Follower\n"), "\(after)")
            #expect(try checkins(after).count == 1)
        }
    }

    @Test func missingListIsCreatedAsTheKeyResultsLastField() throws {
        let before = file(
            """
              - id: kr1
                title: Follower
                start: 5000
                target: 6000    # by the end of the year
              # kr2 comes later
              - id: kr2
                title: Artikel
                start: 0
                target: 5

            """)
        let after = try edited(before)
        #expect(inserts(before, after, "    checkins:\n      - \(item)\n"))
        #expect(after.contains("target: 6000    # by the end of the year\n    checkins:\n      - \(item)\n  # kr2"))
        #expect(try checkins(after).count == 1)
        #expect(try checkins(after, kr: "kr2").isEmpty)
    }

    @Test func missingListInAFlowKeyResult() throws {
        let before = file("  - { id: kr1, title: Follower, start: 5000, target: 6000 }\n")
        let after = try edited(before)
        #expect(inserts(before, after, ", checkins: [ \(item) ]"))
        #expect(try checkins(after).count == 1)
    }

    @Test func emptyValueBecomesABlockList() throws {
        let before = file(
            """
              - id: kr1
                title: Follower
                start: 5000
                target: 6000
                checkins:   # none yet

            """)
        let after = try edited(before)
        #expect(inserts(before, after, "      - \(item)\n"))
        #expect(try checkins(after).count == 1)
    }

    @Test func crlfFileStaysCRLF() throws {
        let before = file(
            """
              - id: kr1
                title: Follower
                start: 5000
                target: 6000
                checkins:
                  - { date: 2026-10-06, value: 5120 }

            """, eol: "\r\n")
        let after = try edited(before)
        #expect(inserts(before, after, "      - \(item)\r\n"))
        #expect(!after.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(try checkins(after).count == 2)

        let missing = file("  - id: kr1\n    title: Follower\n    start: 5000\n    target: 6000\n", eol: "\r\n")
        let created = try edited(missing)
        #expect(inserts(missing, created, "    checkins:\r\n      - \(item)\r\n"))
    }

    @Test func writtenCurrentIsUpdatedInPlace() throws {
        let before = file(
            """
              - id: kr1
                title: Follower
                start: 5000
                target: 6000
                current: 5390     # as of the fair
                checkins:
                  - { date: 2026-10-20, value: 5390 }

            """)
        let after = try edited(before)
        let expected = before.replacingOccurrences(of: "current: 5390 ", with: "current: 5610 ")
            .replacingOccurrences(of: "value: 5390 }\n", with: "value: 5390 }\n      - \(item)\n")
        #expect(after == expected)
        var d = Diagnostics()
        let objective = try #require(ObjectiveReader.read(after, path: "o.md", diagnostics: &d))
        #expect(objective.keyResults.first?.current == 5610)
    }

    @Test func milestoneDoneSetsDoneAndAppends() throws {
        let before = file(
            """
              - id: kr1
                title: Webinar
                kind: milestone
                done: false   # not yet
              - id: kr2
                title: Launch
                kind: milestone

            """)
        let done = NewCheckIn(date: Day(iso: "2026-12-02")!, note: "80 Teilnehmer", done: true)  // valid
        let after = try edited(before, done)
        #expect(
            after.contains(
                "    done: true   # not yet\n    checkins:\n      - { date: 2026-12-02, note: \"80 Teilnehmer\" }\n"
                    + "  - id: kr2"))
        let second = try edited(before, kr: "kr2", done)
        #expect(
            inserts(
                before, second, "    done: true\n    checkins:\n      - { date: 2026-12-02, note: \"80 Teilnehmer\" }\n"
            ))
        var d = Diagnostics()
        let objective = try #require(ObjectiveReader.read(second, path: "o.md", diagnostics: &d))
        #expect(objective.keyResults.last?.done == true)
    }

    @Test func nonASCIITextBeforeTheListKeepsOffsetsRight() throws {
        let before = file(
            """
              - id: kr1
                title: "Größer werden – 🚀 schnell"
                start: 5000
                target: 6000
                checkins: [ {date: 2026-10-06, value: 5120, note: "ÄÖÜ ß €"} ]

            """)
        let after = try edited(before)
        #expect(inserts(before, after, ", \(item)"))
        #expect(try checkins(after).count == 2)
    }

    @Test func noteIsQuotedSafely() throws {
        let note = "a \"quote\", a \\ backslash, a\nline, a\ttab, \u{1B}[31m, \u{2028} and #no comment: {x}"
        #expect(
            CheckInEditor.doubleQuoted(note)
                == #""a \"quote\", a \\ backslash, a\nline, a\ttab, \x1B[31m, \u2028 and #no comment: {x}""#)
        let before = file("  - id: kr1\n    title: F\n    start: 0\n    target: 10\n")
        let after = try edited(before, NewCheckIn(date: Day(iso: "2026-12-02")!, value: "3", note: note))  // valid
        #expect(try checkins(after).last?.note == note)
    }

    @Test func unknownKeyResultIsRefused() {
        let before = file("  - id: kr1\n    title: F\n    start: 0\n    target: 10\n")
        #expect(throws: CheckInEditor.Failure("the file has no key result \"kr9\"")) {
            try CheckInEditor.append(checkIn, toKeyResult: "kr9", in: Array(before.utf8))
        }
    }
}
