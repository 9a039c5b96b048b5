import OKRCore

/// A key result whose next check-in is due soon or overdue: what a team's "Fällig / Due" list, its
/// weekly page and `okrportal check --due` show.
public struct DueCheckInView: TemplateView {
    let row: KeyResultRowView
    /// When it is due.
    public let due: CheckInDue

    /// How far ahead a check-in counts as due in lists: a week, the usual rhythm.
    public static let horizon = 7

    /// The key results of `objectives` (published, in order) whose next check-in is due within
    /// ``horizon`` days or overdue, most overdue first; ties in objective and key-result order.
    static func list(_ m: SiteModel, objectives: [ObjectiveIndex]) -> [DueCheckInView] {
        var items: [(view: DueCheckInView, order: Int)] = []
        for o in objectives {
            for k in m.org.objectives[o].keyResults.indices {
                guard let d = m.org.nextCheckIn(of: o, keyResult: k), d.daysLeft <= horizon else { continue }
                items.append((DueCheckInView(row: KeyResultRowView(site: m, o, k), due: d), items.count))
            }
        }
        return items.sorted { ($0.view.due.due, $0.order) < ($1.view.due.due, $1.order) }.map(\.view)
    }

    public static let schema = ViewSchema<DueCheckInView>(
        "DueCheckIn", "A key result whose next check-in is due within a week or overdue.",
        fields: Field.embed(\.row) + [
            .view("objective", "its objective") { ObjectiveLinkView(site: $0.row.site, objective: $0.row.objective) },
            .text("owner", "who checks it in: its objective's owner") {
                $0.row.site.org.owner(of: $0.row.objective) ?? ""
            },
            .text("due_date", "the day it is due") { $0.row.site.format.date($0.due.due) },
            .flag("overdue", "whether it is overdue") { $0.due.isOverdue },
        ])
}
