import OKRCore

/// The filter bar of a list of objectives (`partials/filters`): a `<select>` per key with the values
/// that occur in the list, rendered hidden; `assets/filter.js` shows it and hides the items that do
/// not match (each item carries `{{{filter_attrs}}}`). Without JavaScript every item shows.
///
/// Only the values of the page's own objectives become options, so a page's bytes grow with its
/// list, never with the organisation.
enum ListFilters {
    /// What a list can be filtered by; the raw value is the `data-f-…` attribute's suffix.
    enum Key: String {
        case team, period, status, owner
    }

    /// A select with more values than this is left out: nobody scrolls through 4,500 owners, and at
    /// 10,000 objectives that select alone was 300 KB of the period page.
    static let maxOptions = 250

    /// `has_filters`, `filter_target`, `filters` (each: `key`, `label`, `options` of `value`, `label`) and
    /// `filter_js`. A key with fewer than two values (or more than ``maxOptions``) gets no select; a list of fewer than two objectives
    /// gets no bar.
    static func context(_ m: SiteModel, target: String, objectives: [ObjectiveIndex], keys: [Key]) -> [String: Any] {
        let org = m.org
        var filters: [[String: Any]] = []
        if objectives.count >= 2 {
            for key in keys {
                var options: [(value: String, label: String)] = []
                switch key {
                case .team:
                    let teams = Set(objectives.compactMap { org.objectiveTeam[$0] })
                    options = teams.sorted { org.teams.enter[$0] < org.teams.enter[$1] }.map {
                        (org.teams.teams[$0].id, org.teams.teams[$0].name)
                    }
                case .period:
                    let periods = Set(objectives.compactMap { org.objectivePeriod[$0] })
                    options = m.periodsNewestFirst.filter(periods.contains).map {
                        (org.periods[$0].id, org.periods[$0].id)
                    }
                case .status:
                    let present = Set(objectives.map { org.states[$0].status })
                    options = Status.allCases.filter(present.contains).map {
                        ($0.rawValue, m.t["status_\($0.rawValue)"])
                    }
                case .owner:
                    let owners = Set(objectives.compactMap { org.owner(of: $0) }.filter { !$0.isEmpty })
                    options = owners.sorted {
                        let a = $0.lowercased()
                        let b = $1.lowercased()
                        return a != b ? a < b : $0 < $1
                    }.map { ($0, $0) }
                }
                guard options.count >= 2, options.count <= maxOptions else { continue }
                filters.append([
                    "key": key.rawValue, "label": m.t["filter_\(key.rawValue)"],
                    "options": options.map { ["value": $0.value, "label": $0.label] },
                ])
            }
        }
        return [
            "has_filters": !filters.isEmpty, "filter_target": target, "filters": filters,
            "filter_js": m.theme.assetPaths["assets/filter.js"] ?? "",
        ]
    }
}
