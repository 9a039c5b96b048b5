/// A key result's figures at the as-of date.
public struct KeyResultState: Sendable {
    /// Progress in [0, 1].
    public var progress: Double
    /// The status the spec's rules give the numbers (progress against expected, milestone due date,
    /// outdated check-ins), whatever the owner says.
    public var computedStatus: Status
    /// The owner's call: the `status:` of the newest check-in known at the as-of date (latest date; on
    /// a tie, the later one in the file). `nil` when that check-in gives none: a newer check-in without
    /// `status:` ends an earlier call. Check-ins derived from git history never carry a call.
    public var ownerStatus: Status?
    /// Whether the spec's "outdated" condition holds, whatever status is shown: a metric in a period
    /// open at the as-of date, with check-ins, not done (neither by progress nor by the owner's call),
    /// whose newest check-in is more than `stale_after_days` before the as-of date. An owner's call
    /// may show another status, and an objective shows a worse key result's status; counts of
    /// outdated items still include this one (see ``StatusDistribution``).
    public var isStale: Bool
    /// The end-of-period score, `nil` while the period runs.
    public var score: Double?
    /// A metric's effective current value: `current:`, else the newest check-in's value, else `start`.
    public var current: Double?
    /// The check-ins known at the as-of date (none dated later), oldest first; same-day ones in file order.
    public var checkins: [CheckIn]
    /// For a `children` key result: the published objectives that count.
    public var contributors: [ObjectiveIndex]
    /// Where it lands at the period's end at the pace so far, or why there is no forecast
    /// (see ``Forecast``).
    public var forecast: ForecastOutcome = .none(.noPeriod)

    /// The status that counts: the owner's call where there is one, else the computed status.
    /// Objectives and every roll-up use it.
    public var status: Status { ownerStatus ?? computedStatus }

    /// The newest known check-in.
    public var latestCheckin: CheckIn? { checkins.last }

    /// The newest known check-in that states a confidence.
    public var latestConfidence: CheckIn? { checkins.last { $0.confidence != nil } }

    /// The check-in that made the owner's call (its date and note say when and why), `nil` without a
    /// call. The call always comes from the newest check-in, so this is ``latestCheckin`` when there is
    /// a call. (States computed without check-ins, see ``Organisation/states(asOf:)``, have none.)
    public var ownerCall: CheckIn? { ownerStatus == nil ? nil : latestCheckin }
}

/// An objective's figures at the as-of date.
public struct ObjectiveState: Sendable {
    /// Weighted mean progress of its key results.
    public var progress: Double
    /// Its weakest key result's status (the status that counts, owner's calls included).
    public var status: Status
    /// The end-of-period score, `nil` while the period runs.
    public var score: Double?
    /// Where the period expects every key result to be at the as-of date.
    public var expected: Double
    /// One state per key result, in file order.
    public var keyResults: IndexedArray<KeyResultIndex, KeyResultState>
    /// The weighted mean of its key results' forecasts where all have one, or why there is none.
    public var forecast: ForecastOutcome = .none(.noPeriod)

    /// How many of its key results are outdated (``KeyResultState/isStale``), whether or not a worse
    /// status hides it.
    public var staleKeyResults: Int { keyResults.reduce(0) { $0 + ($1.isStale ? 1 : 0) } }

    /// Whether any key result is outdated, shown or hidden: what counts of outdated objectives count.
    public var hasStaleKeyResult: Bool { keyResults.contains { $0.isStale } }
}
