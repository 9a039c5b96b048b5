import Foundation
import OKRCore

/// Pieces of charts that many charts of a build share, drawn once: a period's time axis is the same
/// in every key result's trend chart of that period, and most progress bars of a period differ only in
/// a handful of values. Shared by the build's workers; the lock guards the table, not the drawing (two
/// workers may draw one piece at once and store the same bytes).
public final class ChartMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var pieces: [Key: [UInt8]] = [:]
    private var strings: [Key: String] = [:]

    /// What a piece is: its kind and the numbers it is drawn from.
    struct Key: Hashable {
        var kind: UInt8
        var a: Int
        var b: Int = 0
        var c: Int = 0
        var d: Int = 0
    }

    /// An empty memo.
    public init() {}

    /// The bytes of the piece `key`, drawn by `draw` the first time.
    func bytes(_ key: Key, draw: () -> [UInt8]) -> [UInt8] {
        lock.lock()
        let known = pieces[key]
        lock.unlock()
        if let known { return known }
        let drawn = draw()
        lock.lock()
        pieces[key] = drawn
        lock.unlock()
        return drawn
    }

    /// A drawn string, keyed like ``bytes(_:draw:)``.
    func string(_ key: Key, draw: () -> String) -> String {
        lock.lock()
        let known = strings[key]
        lock.unlock()
        if let known { return known }
        let drawn = draw()
        lock.lock()
        strings[key] = drawn
        lock.unlock()
        return drawn
    }
}

extension ChartMemo.Key {
    static let trendTimeAxis: UInt8 = 1
    static let burnUpFrame: UInt8 = 2
    static let confidenceFrame: UInt8 = 3
    static let progressBar: UInt8 = 4
    static let statusRing: UInt8 = 5
    static let distributionBar: UInt8 = 6
}
