import OKRCore

/// The rectangle a chart plots in, and where a period's days and a value axis fall in it: the one
/// mapping the time charts (trend, burn-up, confidence) share.
struct PlotArea: Sendable {
    let left: Double, right: Double, top: Double, bottom: Double

    /// The four edges at once, for drawing axes and grids.
    var edges: (left: Double, right: Double, top: Double, bottom: Double) { (left, right, top, bottom) }

    /// The x coordinate of `day` on an axis from `start` to `end` (clamped to the axis).
    func x(_ day: Day, from start: Day, to end: Day) -> Double {
        let span = Double(max(1, start.days(to: end)))
        let t = min(1, max(0, Double(start.days(to: day)) / span))
        return left + t * (right - left)
    }

    /// The x coordinate of `day` on the axis of `period`.
    func x(_ day: Day, period: Period) -> Double { x(day, from: period.start, to: period.end) }

    /// The y coordinate of `t` on a value axis where 0 is the bottom edge and 1 the top (not clamped).
    func y(_ t: Double) -> Double { bottom - t * (bottom - top) }
}
