import OKRCore

/// `data/okrs.csv`: one row per key result of every published objective, for spreadsheets. The columns
/// are fixed (see ``columns``); numbers use a decimal point, shares are 0…1, dates `YYYY-MM-DD`.
public enum OKRsCSV {
    /// The output path.

    /// The header row.
    public static let columns = [
        "period", "team", "team_name", "objective_id", "objective_title", "objective_owner", "objective_type",
        "objective_status", "objective_progress", "objective_score", "kr_id", "kr_title", "kr_kind", "kr_start",
        "kr_target", "kr_current", "kr_unit", "kr_weight", "kr_done", "kr_progress", "kr_status", "kr_score",
        "kr_confidence", "kr_last_checkin", "url", "kr_computed_status", "kr_owner_status", "objective_priority",
        // What `okrportal import` needs to rebuild the site (see docs/exports.md).
        "period_start", "period_end", "team_parent", "team_path", "team_lead", "objective_aligns_to",
        "objective_manual_score", "kr_due", "kr_manual_score", "kr_last_checkin_value",
        "kr_last_checkin_confidence",
    ]

    /// The document. Only published objectives appear (no confidential ones, no unbuilt drafts), in
    /// period order, then by file path.
    public static func render(_ m: SiteModel) -> String {
        var text = ""
        write(m) { text += $0 }
        return text
    }

    /// The document, handed to `sink` a few hundred rows at a time.
    public static func write(_ m: SiteModel, to sink: (String) -> Void) {
        let org = m.org
        var csv = CSVWriter()
        for c in columns { csv.text(c) }
        csv.endRow()
        var order = org.objectives.indices.filter { org.isPublished[$0] }
        // Objectives without a period come after every period.
        let none = org.periods.endIndex
        order.sort { (org.objectivePeriod[$0] ?? none, $0) < (org.objectivePeriod[$1] ?? none, $1) }
        for o in order {
            let objective = org.objectives[o]
            let state = org.states[o]
            for (k, kr) in objective.keyResults.indexed() {
                let s = state.keyResults[k]
                csv.text(objective.period)
                csv.text(objective.team)
                csv.text(org.objectiveTeam[o].map { org.teams.teams[$0].name })
                csv.text(objective.id)
                csv.text(objective.title)
                csv.text(org.owner(of: o))
                csv.text(objective.type.rawValue)
                csv.text(state.status.rawValue)
                csv.number(OKRsJSON.rounded(state.progress))
                csv.number(state.score)
                csv.text(kr.id)
                csv.text(kr.title)
                csv.text(kr.kind.rawValue)
                csv.number(kr.kind == .metric ? kr.start : nil)
                csv.number(kr.kind == .metric ? kr.target : nil)
                csv.number(kr.kind == .metric ? s.current : nil)
                csv.text(kr.unit)
                csv.number(kr.weight)
                csv.text(kr.kind == .milestone ? (kr.done ? "true" : "false") : nil)
                csv.number(OKRsJSON.rounded(s.progress))
                csv.text(s.status.rawValue)
                csv.number(s.score)
                csv.number(s.latestConfidence?.confidence)
                csv.text(s.latestCheckin?.date.iso)
                csv.text(m.routes.objective(o))
                // Added after `url` so that scripts reading the earlier columns by position keep working.
                csv.text(s.computedStatus.rawValue)
                csv.text(s.ownerStatus?.rawValue)
                csv.number(objective.priority.map(Double.init))
                // For `okrportal import`: what a site needs to give the same figures again.
                let period = org.objectivePeriod[o].map { org.periods[$0] }
                csv.text(period?.start.iso)
                csv.text(period?.end.iso)
                let team = org.objectiveTeam[o]
                csv.text(team.flatMap { org.teams.parent[$0] }.map { org.teams.teams[$0].id })
                csv.text(
                    team.map {
                        org.teams.ancestry(of: $0).reversed().map { org.teams.teams[$0].id }.joined(separator: "/")
                    })
                csv.text(team.flatMap { org.teams.teams[$0].lead })
                // Only published targets: a draft's id would otherwise leak (and dangle in an import).
                let aligns = objective.alignsTo.filter {
                    org.objectiveIndex[$0.objective].map { org.isPublished[$0] } ?? false
                }
                csv.text(aligns.isEmpty ? nil : aligns.map(\.description).joined(separator: " "))
                csv.number(objective.score)
                csv.text(kr.kind == .milestone ? kr.due?.iso : nil)
                csv.number(kr.score)
                csv.number(kr.kind == .metric ? s.latestCheckin?.value : nil)
                csv.number(s.latestCheckin?.confidence)
                csv.endRow()
            }
            if csv.text.utf8.count > 1 << 16 { csv.drain(to: sink) }
        }
        csv.drain(to: sink)
    }
}
