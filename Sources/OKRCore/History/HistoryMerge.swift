/// Turns the git history of an objective file into check-ins: the rules of `history: git`, as pure
/// functions (reading git is ``OKRContent``'s business).
///
/// The versions of a file come oldest first, in the order git applied them (parents before children).
/// For the as-of date `asOf`, only versions whose commit is dated on or before it count:
///
/// - **Derived check-ins.** A version that writes a metric's `current:` with a value different from
///   the previous version's (or that writes it for the first time) is a check-in on its commit's day
///   with that value; a version that changes a milestone's `done:` is a check-in with value 1 (done)
///   or 0 (open again). Of several on one day, the last counts. Versions dated before the first day
///   of the objective's period count only as the baseline a change is measured against: edits made
///   while planning are not progress. Derived check-ins have no confidence and no note.
/// - **Explicit check-ins win.** A derived check-in on a day that has a check-in written in the file
///   is dropped, and so is one whose value only repeats the check-in before it (the same number
///   committed a day after it was written down as a check-in).
/// - **The as-of date bounds the values too.** When a commit after the as-of date changed the file,
///   `current:` and `done:` are taken from the newest version up to the as-of date (not written then:
///   not known then), so building an old as-of date gives that day's figures. Otherwise the file on
///   disk counts as it is, uncommitted edits included.
/// - **Last updated.** The newest version up to the as-of date names who changed the file last, and
///   when (``Objective/lastRevision``).
public enum HistoryMerge {
    /// The positions in `days` (each version's commit day, oldest version first) whose contents
    /// ``apply(_:to:periodStart:asOf:)`` needs: the versions up to the as-of date from the last one
    /// before the period's first day on. Reading only those keeps the cost proportional to the
    /// period's commits rather than the repository's age.
    public static func versionsToRead(_ days: [Day], periodStart: Day?, asOf: Day) -> [Int] {
        let known = days.indices.filter { days[$0] <= asOf }
        guard let last = known.last else { return [] }
        let inPeriod = { (i: Int) -> Bool in periodStart.map { days[i] >= $0 } ?? true }
        guard let first = known.firstIndex(where: { inPeriod($0) }) else {
            // Nothing in the period: only the newest version's values can matter.
            return [last]
        }
        return Array(known[max(0, first - 1)...])
    }

    /// `objective` with check-ins derived from `versions` (oldest first) merged into its key results,
    /// its values bounded by `asOf`, and its ``Objective/revisions`` set. `periodStart` is the first
    /// day of the objective's period, `nil` when the period is unknown.
    public static func apply(_ versions: [FileVersion], to objective: Objective, periodStart: Day?, asOf: Day)
        -> Objective
    {
        guard !versions.isEmpty else { return objective }
        let known = versions.filter { $0.revision.day <= asOf }
        let changedAfterAsOf = known.count < versions.count
        // The newest readable version up to the as-of date; none at all when the file was created later.
        let bounded: [String: KeyResultReading]? =
            known.isEmpty ? [:] : known.last(where: { $0.readings != nil })?.readings
        var result = objective
        for (k, kr) in objective.keyResults.indexed() {
            var updated = kr
            if changedAfterAsOf, let bounded {
                switch kr.kind {
                case .metric: updated.current = bounded[kr.id]?.current
                case .milestone: updated.done = bounded[kr.id]?.done ?? false
                case .children: break
                }
            }
            // For now a derived check-in's revision is its version's position in `known`.
            let derived = derive(kr, known: known, periodStart: periodStart).map { d in
                CheckIn(date: d.day, value: d.value, mark: kr.currentMark ?? kr.mark, revision: d.version)
            }
            updated.checkins = merge(explicit: kr.checkins, derived: derived)
            result.keyResults[k] = updated
        }
        // Keep the revisions that surviving check-ins point to, and the newest, and renumber.
        var referenced = Set<Int>()
        for kr in result.keyResults {
            for c in kr.checkins { if let r = c.revisionIndex { referenced.insert(r) } }
        }
        if let last = known.indices.last { referenced.insert(last) }
        let order = referenced.sorted()
        var position: [Int: Int] = [:]
        for (i, k) in order.enumerated() { position[k] = i }
        result.revisions = order.map { known[$0].revision }
        for k in result.keyResults.indices where result.keyResults[k].checkins.contains(where: \.isDerived) {
            for c in result.keyResults[k].checkins.indices {
                if let r = result.keyResults[k].checkins[c].revisionIndex, let p = position[r] {
                    result.keyResults[k].checkins[c].revision = Int32(p)
                }
            }
        }
        return result
    }

    /// The check-ins `known` versions derive for `kr`: one per day at most, each with the position of
    /// its version in `known`.
    static func derive(_ kr: KeyResult, known: [FileVersion], periodStart: Day?) -> [(
        day: Day, value: Double, version: Int
    )] {
        guard kr.kind != .children else { return [] }
        var result: [(day: Day, value: Double, version: Int)] = []
        var previous: Double?
        for (i, version) in known.enumerated() {
            guard let readings = version.readings else { continue }
            let reading = readings[kr.id]
            let value: Double?
            if kr.kind == .metric {
                value = reading?.current
            } else {
                value = reading.map { $0.done ? 1 : 0 }
            }
            defer { previous = value }
            guard let value, value != previous else { continue }
            // A milestone that starts out open is no news; becoming done (or open again) is.
            if kr.kind == .milestone && previous == nil && value == 0 { continue }
            let day = version.revision.day
            if let start = periodStart, day < start { continue }
            if let last = result.last, last.day == day {
                result[result.count - 1] = (day, value, i)
            } else {
                result.append((day, value, i))
            }
        }
        return result
    }

    /// Written and derived check-ins together, by date: derived ones on a day with a written check-in
    /// are dropped, and so are derived ones that only repeat the value before them. When nothing is
    /// derived, the written check-ins are returned as they are (same array, file order).
    public static func merge(explicit: [CheckIn], derived: [CheckIn]) -> [CheckIn] {
        guard !derived.isEmpty else { return explicit }
        let writtenDays = Set(explicit.map(\.date))
        let candidates = derived.filter { !writtenDays.contains($0.date) }
        guard !candidates.isEmpty else { return explicit }
        // Stable: written check-ins of one day keep their file order.
        let all = (explicit + candidates).enumerated().sorted {
            ($0.element.date, $0.offset) < ($1.element.date, $1.offset)
        }.map(\.element)
        var merged: [CheckIn] = []
        merged.reserveCapacity(all.count)
        var lastValue: Double?
        for c in all {
            if c.isDerived, let v = c.value, v == lastValue { continue }
            merged.append(c)
            if let v = c.value { lastValue = v }
        }
        return merged
    }
}
