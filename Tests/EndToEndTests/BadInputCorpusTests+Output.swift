import Foundation
import OKRTestSupport
import Testing

// Output safety, routes that would collide, command-line input (SOURCE_DATE_EPOCH, --output, --templates).
extension BadInputCorpusTests {
    static let outputCases: [Case] = []
}
