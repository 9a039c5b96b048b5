import OKRCore

/// The filter bar of a list of objectives (`partials/filters`): a `<select>` per key with the values
/// that occur in the list (checkboxes for statuses, several at once), rendered hidden;
/// `assets/filter.js` shows it and hides the items that do not match (each item carries
/// `{{{filter_attrs}}}`). The choice lives in the page's URL (`?status=at-risk,off-track&team=…`,
/// docs/search.md), so a filtered list can be shared. Without JavaScript every item shows.
///
/// Only the values of the page's own objectives become options, so a page's bytes grow with its list,
/// never with the organisation.
public struct FilterBarView: TemplateView {
    /// What a list can be filtered by; the raw value is the `data-f-…` attribute's suffix.
    public enum Key: String, Sendable {
        case team, period, status, owner
    }

    /// A select with more values than this is left out: nobody scrolls through 4,500 owners, and at
    /// 10,000 objectives that select alone was 300 KB of the period page.
    static let maxOptions = 250

    /// The id of the list the bar filters.
    public let target: String
    /// The selects: a key with fewer than two values (or more than ``maxOptions``) gets none; a list of
    /// fewer than two objectives gets no bar.
    public let filters: [FilterView]
    let script: String

    /// The bar for `objectives`, listed in the element with id `target`.
    init(_ m: SiteModel, target: String, objectives: [ObjectiveIndex], keys: [Key]) {
        self.target = target
        script = m.theme.assetPaths["assets/filter.js"] ?? ""
        guard objectives.count >= 2 else {
            filters = []
            return
        }
        let org = m.org
        filters = keys.compactMap { key -> FilterView? in
            let options: [FilterView.Option]
            switch key {
            case .team:
                let teams = Set(objectives.compactMap { org.objectiveTeam[$0] })
                options = teams.sorted { org.teams.enter[$0] < org.teams.enter[$1] }.map {
                    FilterView.Option(value: org.teams.teams[$0].id, label: org.teams.teams[$0].name)
                }
            case .period:
                let periods = Set(objectives.compactMap { org.objectivePeriod[$0] })
                options = m.periodsNewestFirst.filter(periods.contains).map {
                    FilterView.Option(value: org.periods[$0].id, label: org.periods[$0].id)
                }
            case .status:
                // Every status is offered, present or not: status counts elsewhere link to the list
                // filtered by any of them, and a shared link must find its checkbox. "Outdated" also
                // finds objectives whose outdated key result hides behind a worse status.
                options = Status.allCases.reversed().map {
                    FilterView.Option(value: $0.rawValue, label: m.t["status_\($0.rawValue)"])
                }
            case .owner:
                let owners = Set(objectives.compactMap { org.owner(of: $0) }.filter { !$0.isEmpty })
                options = owners.sorted {
                    let a = $0.lowercased()
                    let b = $1.lowercased()
                    return a != b ? a < b : $0 < $1
                }.map { FilterView.Option(value: $0, label: $0) }
            }
            guard options.count >= 2, options.count <= FilterBarView.maxOptions else { return nil }
            return FilterView(key: key.rawValue, label: m.t["filter_\(key.rawValue)"], options: options)
        }
    }

    public static let schema = ViewSchema<FilterBarView>(
        "FilterBar", "The filter bar of a list of objectives (`partials/filters`).",
        fields: [
            .flag("has_filters", "whether the list gets a filter bar") { !$0.filters.isEmpty },
            .text("filter_target", "the id of the element holding the list") { $0.target },
            .list("filters", "one select per key with two or more values") { $0.filters },
            .text("filter_js", "the filter script's path") { $0.script },
        ])
}

/// One select of a filter bar.
public struct FilterView: TemplateView {
    /// One value to choose.
    public struct Option: TemplateView {
        /// The value items carry in their `data-f-…` attribute.
        public let value: String
        /// What the option says.
        public let label: String

        public static let schema = ViewSchema<Option>(
            "FilterOption", "A value to filter by.",
            fields: [
                .text("value", "the value list items carry") { $0.value }, .text("label", "what it says") { $0.label },
            ])
    }

    /// `team`, `period`, `status` or `owner`.
    public let key: String
    /// The select's label.
    public let label: String
    /// The values, in the order shown.
    public let options: [Option]

    public static let schema = ViewSchema<FilterView>(
        "Filter", "A select of the filter bar.",
        fields: [
            .text("key", "`team`, `period`, `status` or `owner`") { $0.key },
            .text("label", "the select's label") { $0.label },
            .flag("multiple", "whether several values can be chosen at once (checkboxes: `status`)") {
                $0.key == FilterBarView.Key.status.rawValue
            },
            .list("options", "the values that occur in the list") { $0.options },
        ])
}
