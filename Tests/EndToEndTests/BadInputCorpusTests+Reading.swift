import Foundation
import OKRTestSupport
import Testing

// Reading: FIFOs, devices, symlinks leaving the site, sizes checked before reading, encodings, long keys, terminal safety, front matter ends.
extension BadInputCorpusTests {
    static let readingCases: [Case] = []
}
