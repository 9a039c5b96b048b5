/// How many objectives (or key results) have each status: what teams, periods and `children` key
/// results show instead of a status of their own. A status computed from a mean would contradict the
/// very objectives it sums up; counts cannot.
///
/// How it counts:
/// - ``subscript(_:)`` counts each item once, by the status that counts (the owner's call where there
///   is one): the five counts add up to ``total``.
/// - ``outdated`` counts the items that are outdated *shown or hidden*: those whose status is
///   `outdated`, plus those with a worse or better status that hides an outdated key result
///   (``KeyResultState/isStale``). So it is at least `self[.outdated]`, and a page never says
///   "0 outdated" while one exists. It overlaps the other counts and is not part of ``total``.
///
/// Distributions sort worst first (``Comparable``): more off-track first, then more at-risk, then more
/// outdated (shown or hidden), then more shown as outdated, then fewer done, then more on-track. The
/// order compares counts, not shares, so a large team with two off-track objectives comes before a
/// small one with one: there is more to talk about. Every field takes part, so two distributions
/// compare equal exactly when they are equal.
public struct StatusDistribution: Sendable, Hashable, Comparable {
    /// Items per status, indexed by ``Status/rank`` (off-track first).
    private var counts: [Int]
    /// Items outdated, shown or hidden.
    public private(set) var outdated: Int

    /// No items.
    public init() {
        counts = [Int](repeating: 0, count: Status.allCases.count)
        outdated = 0
    }

    /// Counts `statuses`, each with whether it hides (or shows) an outdated key result.
    public init(_ items: some Sequence<(status: Status, stale: Bool)>) {
        self.init()
        for item in items { add(item.status, stale: item.stale) }
    }

    /// Counts objectives by their states: the status that counts, and outdated where the status is
    /// `outdated` or any key result is stale.
    public init(objectives states: some Sequence<ObjectiveState>) {
        self.init(states.lazy.map { (status: $0.status, stale: $0.hasStaleKeyResult) })
    }

    /// Counts key results by their states.
    public init(keyResults states: some Sequence<KeyResultState>) {
        self.init(states.lazy.map { (status: $0.status, stale: $0.isStale) })
    }

    /// Adds one item with status `status`; `stale` says it has an outdated key result (or is one)
    /// whatever its status.
    public mutating func add(_ status: Status, stale: Bool = false) {
        counts[status.rank] += 1
        if stale || status == .outdated { outdated += 1 }
    }

    /// Adds every item of `other`.
    public mutating func add(_ other: StatusDistribution) {
        for i in counts.indices { counts[i] += other.counts[i] }
        outdated += other.outdated
    }

    /// The number of items shown with `status`.
    public subscript(_ status: Status) -> Int { counts[status.rank] }

    /// The number of items counted.
    public var total: Int { counts.reduce(0, +) }

    /// Whether nothing was counted.
    public var isEmpty: Bool { total == 0 }

    /// Outdated items whose shown status is another one (a worse reading or an owner's call hides it).
    public var hiddenOutdated: Int { outdated - self[.outdated] }

    /// The weakest status counted, `nil` when empty. For sorting and emphasis only: it is not the
    /// group's status (a group has none), and pages show the counts.
    public var worst: Status? { Status.allCases.sorted().first { self[$0] > 0 } }

    /// The statuses with at least one item, weakest first, with their counts.
    public var nonEmpty: [(status: Status, count: Int)] {
        Status.allCases.sorted().compactMap { self[$0] > 0 ? ($0, self[$0]) : nil }
    }

    /// The sort key, worst first (see the type's documentation): smaller sorts first.
    public var worstFirstKey: [Int] {
        [
            -self[.offTrack], -self[.atRisk], -outdated, -self[.outdated], self[.done], -self[.onTrack],
        ]
    }

    /// Worse first: `a < b` when `a` is the worse distribution.
    public static func < (a: StatusDistribution, b: StatusDistribution) -> Bool {
        a.worstFirstKey.lexicographicallyPrecedes(b.worstFirstKey)
    }
}
