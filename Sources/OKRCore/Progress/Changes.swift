/// What changed in the days up to the as-of date: the check-ins of the window, status moves of
/// objectives and key results, and objectives that are new. The "What changed" page and the Atom feeds
/// read it; published objectives only.
///
/// **The window** is the `days` days up to and including the as-of date: (as-of − days, as-of].
///
/// **Status moves** compare each key result's and objective's status at the window's start
/// (as-of − days) with the status at the as-of date. Both come from the same arithmetic
/// (``Resolver``'s states and ``Progress``); the earlier one sees the site as it was known then (see
/// ``Organisation/states(asOf:)``), so a move comes from a check-in or from time passing (an objective
/// that stays still while the period runs on slips from on-track to at-risk).
///
/// **New objectives** are those whose first check-in (of any key result, written or derived from git
/// history) lies in the window: the content format has no creation date, a file's mtime is whatever
/// the checkout made it, and git history records when values changed, not when a file was planned. An
/// objective without check-ins is not called new.
public struct Changes: Sendable {
    /// One check-in of the window with the value it replaced.
    public struct CheckInChange: Sendable {
        /// The objective's index.
        public var objective: ObjectiveIndex
        /// The key result's index in its objective.
        public var keyResult: KeyResultIndex
        /// The check-in.
        public var checkin: CheckIn
        /// A metric's value before this check-in: the previous check-in's value, else `start`.
        public var previous: Double?
    }

    /// A status that differs between the window's start and the as-of date.
    public struct StatusMove: Sendable {
        /// The objective's index.
        public var objective: ObjectiveIndex
        /// The key result's index, `nil` for the objective's own status.
        public var keyResult: KeyResultIndex?
        /// The status at the window's start.
        public var from: Status
        /// The status at the as-of date.
        public var to: Status
        /// Whether only time passing moved it: no check-in in the window on the key result (on a
        /// `children` key result: none on any objective that counts for it, at any depth); for an
        /// objective, none on any of its key results so counted. Pages say "time passed, no
        /// check-in" instead of leaving readers to look for one.
        public var timeOnly: Bool = false
    }

    /// The day before the window (exclusive): as-of − days.
    public var since: Day
    /// The as-of date (inclusive).
    public var asOf: Day
    /// The window's check-ins, newest first; on one day by objective, key result, then file order.
    public var checkins: [CheckInChange] = []
    /// Objectives whose status moved, in objective order.
    public var objectiveMoves: [StatusMove] = []
    /// Key results whose status moved, in objective and key-result order.
    public var keyResultMoves: [StatusMove] = []
    /// Objectives whose first check-in lies in the window, in objective order.
    public var newObjectives: [ObjectiveIndex] = []

    /// Whether nothing changed.
    public var isEmpty: Bool {
        checkins.isEmpty && objectiveMoves.isEmpty && keyResultMoves.isEmpty && newObjectives.isEmpty
    }

    /// The changes of the `days` days up to `org`'s as-of date.
    public static func compute(_ org: Organisation, days: Int = 7) -> Changes {
        let since = org.asOf.adding(days: -days)
        var result = Changes(since: since, asOf: org.asOf)
        let before = org.states(asOf: since)
        // Whether an objective had a check-in in the window, itself or below a children key result.
        var touched = IndexedArray<ObjectiveIndex, Bool>(repeating: false, count: org.objectives.count)
        func keyResultTouched(_ o: ObjectiveIndex, _ k: KeyResultIndex) -> Bool {
            let state = org.states[o].keyResults[k]
            return state.checkins.contains { $0.date > since } || state.contributors.contains { touched[$0] }
        }
        for o in org.graph.contributorsFirst() {
            touched[o] = org.objectives[o].keyResults.indices.contains { keyResultTouched(o, $0) }
        }
        for o in org.objectives.indices where org.isPublished[o] {
            let now = org.states[o]
            let then = before[o]
            if then.status != now.status {
                result.objectiveMoves.append(
                    StatusMove(objective: o, keyResult: nil, from: then.status, to: now.status, timeOnly: !touched[o]))
            }
            var first: Day?
            for (k, kr) in org.objectives[o].keyResults.indexed() {
                let state = now.keyResults[k]
                if then.keyResults[k].status != state.status {
                    result.keyResultMoves.append(
                        StatusMove(
                            objective: o, keyResult: k, from: then.keyResults[k].status, to: state.status,
                            timeOnly: !keyResultTouched(o, k)))
                }
                if let d = state.checkins.first?.date, first.map({ d < $0 }) ?? true { first = d }
                var previous = kr.start
                for c in state.checkins {
                    if c.date > since {
                        result.checkins.append(
                            CheckInChange(
                                objective: o, keyResult: k, checkin: c, previous: kr.kind == .metric ? previous : nil))
                    }
                    if let v = c.value { previous = v }
                }
            }
            if let first, first > since { result.newObjectives.append(o) }
        }
        // Newest first; appended in objective, key-result and file order, which a stable sort keeps.
        result.checkins = result.checkins.enumerated().sorted {
            ($0.element.checkin.date, -$0.offset) > ($1.element.checkin.date, -$1.offset)
        }.map(\.element)
        return result
    }
}

extension Organisation {
    /// Every objective's figures as they were known on an earlier `day`: check-ins dated after it do not
    /// count, and where a key result has such check-ins, what the file says now (`current:`, `done:`)
    /// is taken as written by them, so the value of `day` is the newest check-in up to it (else `start`;
    /// a milestone is done then only if a check-in from git history up to `day` says so). A key result
    /// without later check-ins counts as written: nothing says it changed. Same order as ``states``; the
    /// key results' states hold no check-ins, and no forecasts unless `forecasts` is true (else each one
    /// is `.none(.noPeriod)`: pages of another day need none; the back-test does).
    public func states(asOf day: Day, forecasts: Bool = false) -> IndexedArray<ObjectiveIndex, ObjectiveState> {
        var past = objectives
        for o in past.indices {
            for k in past[o].keyResults.indices {
                let kr = past[o].keyResults[k]
                guard kr.checkins.contains(where: { $0.date > day && $0.date <= asOf }) else { continue }
                let known = kr.checkins.filter { $0.date <= day }
                past[o].keyResults[k].current = nil
                if kr.kind == .milestone {
                    let newest = known.enumerated().max { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }
                    past[o].keyResults[k].done = (newest?.element.value).map { $0 >= 1 } ?? false
                }
            }
        }
        var ignored = Diagnostics()
        return Resolver.computeStates(
            objectives: past, config: config, asOf: day, objectivePeriod: objectivePeriod, isPublished: isPublished,
            graph: graph, keepCheckIns: false, forecasts: forecasts, diagnostics: &ignored)
    }
}
