import OKRCore

/// Statuses explained in the site's language: the reasons of ``KeyResultStatusReason`` and
/// ``ObjectiveStatusReason`` and the counts of a ``StatusDistribution``, as every page shows them next
/// to a status ("55 % erreicht, heute 68 % erwartet → Gefährdet", "schwächstes Schlüsselergebnis: …",
/// "5 beitragende Ziele: 3 Auf Kurs, 1 Gefährdet, 1 Nicht auf Kurs").
struct StatusWords {
    let site: SiteModel
    private var t: Strings { site.t }
    private var f: Formatter { site.format }

    /// A status's name.
    func name(_ s: Status) -> String { t["status_\(s.rawValue)"] }

    /// Why a key result has its status, in one sentence.
    func reason(_ r: KeyResultStatusReason) -> String {
        switch r {
        case .pace(let progress, let expected):
            if progress >= 1 - Progress.epsilon { return t["reason_reached"] }
            return t.format(
                "reason_pace",
                [
                    "progress": f.percent(progress), "expected": f.percent(expected),
                    "status": name(paceStatus(progress, expected)),
                ])
        case .noRecentCheckIn(let days, let newest, let limit):
            return t.format(
                "reason_no_checkin",
                ["days": f.integer(days), "date": f.date(newest), "limit": f.integer(limit)])
        case .milestoneDone:
            return t["reason_milestone_done"]
        case .milestoneNotDue(let due):
            return due.map { t.format("reason_milestone_not_due", ["date": f.date($0)]) }
                ?? t["reason_milestone_no_due"]
        case .milestoneOverdue(let due, let days):
            return t.format("reason_milestone_overdue", ["date": f.date(due), "days": f.integer(days)])
        case .supporters(let progress, let expected, let supporters):
            guard !supporters.isEmpty else { return t["reason_no_supporters"] }
            return t.format(
                "reason_supporters",
                [
                    "progress": f.percent(progress), "expected": f.percent(expected),
                    "status": name(paceStatus(progress, expected)),
                    "supporters": distribution(supporters, key: "distribution_supporters"),
                ])
        case .ownerCall(let status, let date, let computed, let because):
            return t.format(
                "reason_owner_call",
                ["status": name(status), "date": f.date(date), "computed": name(computed), "because": reason(because)])
        }
    }

    /// Why an objective has its status: its weakest key result, named, with that one's reason.
    func reason(_ r: ObjectiveStatusReason, objective o: ObjectiveIndex) -> String {
        switch r {
        case .weakest(let k, _, let because):
            return t.format(
                "reason_weakest", ["kr": site.org.objectives[o].keyResults[k].title, "because": reason(because)])
        case .allDone(let count):
            return t.plural("reason_all_done", count: count, formatted: f.integer(count))
        case .noKeyResults:
            return t["reason_no_krs"]
        }
    }

    /// "5 Ziele: 3 Auf Kurs, 1 Gefährdet, 1 Nicht auf Kurs" — best first, empty statuses left out, and
    /// "davon 1 mit veraltetem Check-in" where a worse status hides an outdated one.
    func distribution(_ d: StatusDistribution, key: String = "distribution_objectives") -> String {
        let parts = d.nonEmpty.reversed().map { "\(f.integer($0.count)) \(name($0.status))" }
        var text = t.plural(key, count: d.total, formatted: f.integer(d.total))
        if !parts.isEmpty { text += ": " + parts.joined(separator: ", ") }
        if d.hiddenOutdated > 0 {
            text += t.plural(
                "distribution_hidden_outdated", count: d.hiddenOutdated, formatted: f.integer(d.hiddenOutdated))
        }
        return text
    }

    /// The status the numbers give for `progress` against `expected` (the pace rule without staleness).
    private func paceStatus(_ progress: Double, _ expected: Double) -> Status {
        Progress.status(progress: progress, expected: expected, staleDays: nil, staleAfterDays: 0)
    }
}
