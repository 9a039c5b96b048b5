import OKRCore
import Testing

/// Content reaches the terminal only with its control characters escaped ([robust] terminal safety).
@Suite struct ControlCharacterTests {
    @Test func controlCharactersAreEscapedSwiftStyle() {
        #expect("a\u{1B}]0;x\u{7}b".escapingControlCharacters() == "a\\u{1B}]0;x\\u{7}b")
        #expect(
            "\u{1B}[2J\r\u{8}\u{7F}\u{9B}1m\u{0}".escapingControlCharacters()
                == "\\u{1B}[2J\\u{D}\\u{8}\\u{7F}\\u{9B}1m\\u{0}")
        #expect("one\ntwo".escapingControlCharacters() == "one\\u{A}two")
        #expect("one\ntwo\r".escapingControlCharacters(keepingLineFeeds: true) == "one\ntwo\\u{D}")
    }

    @Test func everythingElseIsKept() {
        for text in ["", "plain", "tab\there", "Größe ändern – 20 % 🎯", "\u{A0}\u{A9}\u{2028}", "\u{C2}\u{A2}"] {
            #expect(text.escapingControlCharacters() == text)
        }
    }
}
