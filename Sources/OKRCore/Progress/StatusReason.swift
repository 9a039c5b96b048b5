/// Why a key result has its status, with the numbers a page needs to say so ("KR2 at 55 %, 68 %
/// expected today → at risk", "due 12.12., not due yet", "no check-in for 30 days"). Language-free:
/// pages put it in words.
public enum KeyResultStatusReason: Sendable, Hashable {
    /// A metric measured against the period's expectation: done at progress 1, else on track, at risk
    /// or off track by how far `progress` is behind `expected` (both 0…1).
    case pace(progress: Double, expected: Double)
    /// A metric whose newest check-in (`newest`) is `days` days before the as-of date, more than the
    /// site's `stale_after_days` (`limit`): outdated.
    case noRecentCheckIn(days: Int, newest: Day, limit: Int)
    /// A milestone that is done.
    case milestoneDone
    /// A milestone not done and not due yet (on track); `due` is its due date, or its period's end.
    /// `nil` only when neither is known (an objective of an unknown period).
    case milestoneNotDue(due: Day?)
    /// A milestone past its due date and not done (off track): overdue since the day after `due`,
    /// `days` days past it at the as-of date.
    case milestoneOverdue(due: Day, days: Int)
    /// A `children` key result: its progress (the mean of its supporters') against `expected`, and
    /// how many of its published supporting objectives have each status.
    case supporters(progress: Double, expected: Double, supporters: StatusDistribution)
    /// The owner's call (`status`) made with the check-in of `date`, which replaces the computed
    /// status; `computed` is the status the numbers give, for the reason `because`.
    indirect case ownerCall(status: Status, date: Day, computed: Status, because: KeyResultStatusReason)

    /// Whether the status is the owner's call.
    public var isOwnerCall: Bool {
        if case .ownerCall = self { return true }
        return false
    }

    /// The reason of the computed status (itself unless it is an owner's call).
    public var computedReason: KeyResultStatusReason {
        if case .ownerCall(_, _, _, let because) = self { return because }
        return self
    }

    /// The reason for a key result's status, as a pure function of its figures.
    ///
    /// - Parameters:
    ///   - kind: the key result's kind.
    ///   - state: its state at `asOf`, with check-ins.
    ///   - due: a milestone's due date (its own, else the period's end).
    ///   - expected: the period's expected progress at `asOf`.
    ///   - supporters: for a `children` key result, its supporters' distribution.
    ///   - staleAfterDays: the site's `stale_after_days`.
    public static func of(
        kind: KeyResultKind, state: KeyResultState, due: Day?, expected: Double, asOf: Day,
        supporters: StatusDistribution = StatusDistribution(), staleAfterDays: Int
    ) -> KeyResultStatusReason {
        let computed: KeyResultStatusReason
        switch kind {
        case .metric:
            if state.computedStatus == .outdated, let newest = state.latestCheckin {
                computed = .noRecentCheckIn(
                    days: newest.date.days(to: asOf), newest: newest.date, limit: staleAfterDays)
            } else {
                computed = .pace(progress: state.progress, expected: expected)
            }
        case .milestone:
            if state.computedStatus == .done {
                computed = .milestoneDone
            } else if let due, asOf > due {
                computed = .milestoneOverdue(due: due, days: due.days(to: asOf))
            } else {
                computed = .milestoneNotDue(due: due)
            }
        case .children:
            computed = .supporters(progress: state.progress, expected: expected, supporters: supporters)
        }
        if let call = state.ownerStatus, let checkIn = state.ownerCall {
            return .ownerCall(status: call, date: checkIn.date, computed: state.computedStatus, because: computed)
        }
        return computed
    }
}

/// Why an objective has its status ("weakest key result: KR3", "all key results done").
public enum ObjectiveStatusReason: Sendable, Hashable {
    /// The status is its weakest key result's: the first in file order with the weakest status, with
    /// that key result's own reason (an owner's call there is inherited: see
    /// ``KeyResultStatusReason/isOwnerCall``).
    case weakest(keyResult: KeyResultIndex, status: Status, because: KeyResultStatusReason)
    /// Every one of its `count` key results is done.
    case allDone(count: Int)
    /// It has no key results (an error reported elsewhere); its status is off track.
    case noKeyResults

    /// Whether the status comes from an owner's call on its weakest key result.
    public var isOwnerCall: Bool {
        if case .weakest(_, _, let because) = self { return because.isOwnerCall }
        return false
    }

    /// The reason from its key results' statuses and reasons (in file order).
    public static func of(_ keyResults: [(status: Status, reason: KeyResultStatusReason)]) -> ObjectiveStatusReason {
        guard let weakest = keyResults.map(\.status).min() else { return .noKeyResults }
        if weakest == .done { return .allDone(count: keyResults.count) }
        // Present: `weakest` is one of the statuses.
        let i = keyResults.firstIndex { $0.status == weakest } ?? 0
        return .weakest(keyResult: KeyResultIndex(i), status: weakest, because: keyResults[i].reason)
    }
}

extension Organisation {
    /// The distribution of the published objectives supporting key result `k` of objective `o` (its
    /// contributors when it is of kind `children`; whoever aligns to it otherwise).
    public func supporters(of o: ObjectiveIndex, keyResult k: KeyResultIndex) -> StatusDistribution {
        let state = states[o].keyResults[k]
        let supporting =
            objectives[o].keyResults[k].kind == .children ? state.contributors : publishedChildren(of: o, keyResult: k)
        return StatusDistribution(objectives: supporting.lazy.map { self.states[$0] })
    }

    /// The distribution of `objectives`' statuses (see ``StatusDistribution`` for how it counts).
    public func distribution(of objectives: some Sequence<ObjectiveIndex>) -> StatusDistribution {
        StatusDistribution(objectives: objectives.lazy.map { self.states[$0] })
    }

    /// Why key result `k` of objective `o` has its status at the as-of date.
    public func statusReason(of o: ObjectiveIndex, keyResult k: KeyResultIndex) -> KeyResultStatusReason {
        let kr = objectives[o].keyResults[k]
        let period = objectivePeriod[o].map { periods[$0] }
        return KeyResultStatusReason.of(
            kind: kr.kind, state: states[o].keyResults[k], due: kr.due ?? period?.end, expected: states[o].expected,
            asOf: asOf, supporters: kr.kind == .children ? supporters(of: o, keyResult: k) : StatusDistribution(),
            staleAfterDays: config.staleAfterDays)
    }

    /// Why objective `o` has its status at the as-of date.
    public func statusReason(of o: ObjectiveIndex) -> ObjectiveStatusReason {
        ObjectiveStatusReason.of(
            states[o].keyResults.indices.map {
                (status: states[o].keyResults[$0].status, reason: statusReason(of: o, keyResult: $0))
            })
    }

    /// Days from key result `k`'s newest check-in to the as-of date, `nil` without check-ins: what
    /// "no check-in for 30 days" says, also when a worse status hides that it is outdated.
    public func daysSinceCheckIn(of o: ObjectiveIndex, keyResult k: KeyResultIndex) -> Int? {
        states[o].keyResults[k].latestCheckin.map { $0.date.days(to: asOf) }
    }
}
