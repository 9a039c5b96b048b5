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
}
