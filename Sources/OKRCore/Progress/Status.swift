/// Where a key result or objective stands at the as-of date.
///
/// The cases are ordered from weakest to strongest (`off-track < at-risk < outdated < on-track < done`):
/// an objective takes its weakest key result's status.
public enum Status: String, Sendable, Hashable, CaseIterable, Comparable {
    /// Behind the expectation by more than a quarter of the period.
    case offTrack = "off-track"
    /// Behind by more than a tenth.
    case atRisk = "at-risk"
    /// The newest check-in is too old to say anything about today.
    case outdated
    /// At or near the expectation.
    case onTrack = "on-track"
    /// Reached.
    case done

    /// Position in the weakest-first order.
    public var rank: Int {
        switch self {
        case .offTrack: 0
        case .atRisk: 1
        case .outdated: 2
        case .onTrack: 3
        case .done: 4
        }
    }

    public static func < (a: Status, b: Status) -> Bool { a.rank < b.rank }
}
