import Foundation
import OKRTestSupport
import Testing

// Arithmetic: extreme numbers stay finite or become a diagnostic, charts included; deep team trees.
extension BadInputCorpusTests {
    static let numberCases: [Case] = []
}
