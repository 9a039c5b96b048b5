import OKRCore

/// What every chart needs to label itself in the site's language.
public struct ChartLabels: Sendable {
    /// UI strings.
    public let strings: Strings
    /// Number and date formats.
    public let format: Formatter
    /// Pieces of charts drawn once per build.
    public let memo = ChartMemo()

    /// Creates labels.
    public init(strings: Strings, format: Formatter) {
        self.strings = strings
        self.format = format
    }

    /// The status's name: "Auf Kurs", "on track".
    public func status(_ s: Status) -> String { strings["status_\(s.rawValue)"] }

    /// The non-zero counts of a distribution, weakest first, as icon and number ("✕ 1 · ▲ 2 · ● 3");
    /// outdated counts those hidden by another status too (``StatusDistribution/outdated``).
    public func countsShort(_ d: StatusDistribution) -> String {
        parts(d).map { "\(strings["icon_\($0.status.rawValue)"]) \(format.integer($0.count))" }.joined(separator: " · ")
    }

    /// The same in words ("1 Off track, 2 At risk, 3 On track"), for descriptions and tables.
    public func countsWords(_ d: StatusDistribution) -> String {
        parts(d).map { "\(format.integer($0.count)) \(status($0.status))" }.joined(separator: ", ")
    }

    /// The counts shown: each status but outdated by the status shown, then outdated shown or hidden.
    func parts(_ d: StatusDistribution) -> [(status: Status, count: Int)] {
        var result = d.nonEmpty.filter { $0.status != .outdated }
        if d.outdated > 0 { result.append((.outdated, d.outdated)) }
        return result
    }
}
