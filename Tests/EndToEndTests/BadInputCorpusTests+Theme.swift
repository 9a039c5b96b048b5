import Foundation
import OKRTestSupport
import Testing

// Themes: template errors in words at path:line:col, partial recursion.
extension BadInputCorpusTests {
    static let themeCases: [Case] = []
}
