/// When a key result's next check-in is due: the weekly routine as a rule.
///
/// A key result is checked in every `checkin_every_days` days: its own setting, else its team's (or the
/// nearest team above that sets one), else the site's (default 7). The next check-in is due that many
/// days after the newest check-in known at the as-of date, or after the period's start when there is
/// none yet. Only open work is due: a metric or milestone of a period running at the as-of date that
/// is not done. A `children` key result is measured by its supporters and is never due itself.
public struct CheckInDue: Sendable, Hashable {
    /// The day the next check-in is due.
    public var due: Day
    /// Days from the as-of date to `due`: negative when overdue, 0 when due today.
    public var daysLeft: Int
    /// The interval that applies, in days.
    public var every: Int

    /// A due date seen `daysLeft` days ahead of the as-of date, for an interval of `every` days.
    public init(due: Day, daysLeft: Int, every: Int) {
        self.due = due
        self.daysLeft = daysLeft
        self.every = every
    }

    /// Whether the check-in is overdue (its day has passed).
    public var isOverdue: Bool { daysLeft < 0 }
    /// Whether it is due today or overdue.
    public var isDue: Bool { daysLeft <= 0 }

    /// The next check-in after `newest` (else after `periodStart`), every `every` days, seen at `asOf`.
    public static func next(newest: Day?, periodStart: Day, every: Int, asOf: Day) -> CheckInDue {
        let due = (newest ?? periodStart).adding(days: max(1, every))
        return CheckInDue(due: due, daysLeft: asOf.days(to: due), every: max(1, every))
    }
}

extension Organisation {
    /// The check-in interval of key result `k` of objective `o`: its own, else its team's or the nearest
    /// ancestor team's, else the site's.
    public func checkinEvery(of o: ObjectiveIndex, keyResult k: KeyResultIndex) -> Int {
        if let own = objectives[o].keyResults[k].checkinEveryDays { return own }
        var team = objectiveTeam[o]
        var steps = 0
        // Bounded: a team tree is acyclic, but a walk never needs more steps than there are teams.
        while let t = team, steps <= teams.teams.count {
            if let every = teams.teams[t].checkinEveryDays { return every }
            team = teams.parent[t]
            steps += 1
        }
        return config.checkinEveryDays
    }

    /// When key result `k` of published objective `o` should next be checked in; `nil` when nothing is
    /// due: its period is not running at the as-of date, it is done, or it is of kind `children`.
    public func nextCheckIn(of o: ObjectiveIndex, keyResult k: KeyResultIndex) -> CheckInDue? {
        let kr = objectives[o].keyResults[k]
        guard kr.kind != .children, let p = objectivePeriod[o], periods[p].contains(asOf) else { return nil }
        let state = states[o].keyResults[k]
        guard state.status != .done, state.computedStatus != .done else { return nil }
        return CheckInDue.next(
            newest: state.latestCheckin?.date, periodStart: periods[p].start, every: checkinEvery(of: o, keyResult: k),
            asOf: asOf)
    }
}

extension Organisation {
    /// Every overdue check-in of a published objective, by owner (names in code-point order, then
    /// objective and key-result order): what `okrportal check --due` lists for a CI job to post.
    public func overdueCheckIns() -> [(owner: String, items: [(ObjectiveIndex, KeyResultIndex, CheckInDue)])] {
        var byOwner: [String: [(ObjectiveIndex, KeyResultIndex, CheckInDue)]] = [:]
        for o in objectives.indices where isPublished[o] {
            for k in objectives[o].keyResults.indices {
                guard let due = nextCheckIn(of: o, keyResult: k), due.isOverdue else { continue }
                byOwner[owner(of: o) ?? "", default: []].append((o, k, due))
            }
        }
        return byOwner.keys.sorted().map { (owner: $0, items: byOwner[$0] ?? []) }
    }
}
