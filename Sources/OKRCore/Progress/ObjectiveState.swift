/// A key result's figures at the as-of date.
public struct KeyResultState: Sendable {
    /// Progress in [0, 1].
    public var progress: Double
    /// Status at the as-of date.
    public var status: Status
    /// The end-of-period score, `nil` while the period runs.
    public var score: Double?
    /// A metric's effective current value: `current:`, else the newest check-in's value, else `start`.
    public var current: Double?
    /// The check-ins known at the as-of date (none dated later), oldest first; same-day ones in file order.
    public var checkins: [CheckIn]
    /// For a `children` key result: the published objectives that count.
    public var contributors: [ObjectiveIndex]

    /// The newest known check-in.
    public var latestCheckin: CheckIn? { checkins.last }

    /// The newest known check-in that states a confidence.
    public var latestConfidence: CheckIn? { checkins.last { $0.confidence != nil } }
}

/// An objective's figures at the as-of date.
public struct ObjectiveState: Sendable {
    /// Weighted mean progress of its key results.
    public var progress: Double
    /// Its weakest key result's status.
    public var status: Status
    /// The end-of-period score, `nil` while the period runs.
    public var score: Double?
    /// Where the period expects every key result to be at the as-of date.
    public var expected: Double
    /// One state per key result, in file order.
    public var keyResults: IndexedArray<KeyResultIndex, KeyResultState>
}
