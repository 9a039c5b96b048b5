/// A time box for OKRs, such as a quarter, from `okrportal.yml`.
public struct Period: Sendable, Hashable {
    /// A free-form slug such as `2026-Q4`.
    public var id: String
    /// The first day.
    public var start: Day
    /// The last day (inclusive).
    public var end: Day
    /// Where the period's entry starts.
    public var location: SourceLocation
    /// Where `end` is written, for "end before start".
    public var endLocation: SourceLocation

    /// Creates a period.
    public init(id: String, start: Day, end: Day, location: SourceLocation, endLocation: SourceLocation? = nil) {
        self.id = id
        self.start = start
        self.end = end
        self.location = location
        self.endLocation = endLocation ?? location
    }

    /// Whether `day` lies within the period (both ends included).
    public func contains(_ day: Day) -> Bool { start <= day && day <= end }

    /// The share of the period that has passed at `asOf`: 0 on the first day, 1 on the last, clamped.
    public func expected(asOf: Day) -> Double { Progress.expected(asOf: asOf, start: start, end: end) }

    /// Whether the period is over at `asOf` (its key results and objectives are graded).
    public func isClosed(asOf: Day) -> Bool { asOf > end }
}
