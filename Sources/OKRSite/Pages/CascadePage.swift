import OKRCore

/// `cascade/PERIOD.html`: the period's whole alignment tree, company → department → team, nested and
/// collapsible with `<details>`. A child that serves a specific key result sits under that KR (see
/// ``CascadeTree``).
///
/// A page stays readable: where an objective's part of the tree holds more than ``pageLimit``
/// objectives (and it is not the page's own top), it is shown as a line with a link to its own cascade
/// page, `cascade/PERIOD/ID.html`. The demo fits on one page; a 10,000-objective organisation gets a
/// page per department-level objective instead of one page of 20 MB.
enum CascadePage: PageKind {
    /// The most objectives a subtree may hold to be drawn in place.
    static let pageLimit = 400

    static func pages(in m: SiteModel) -> [Page] {
        m.org.periods.indices.flatMap { p in
            [Page(m, .cascade(p), template: "cascade") { CascadePageView(m, period: p, top: nil) }]
                + m.cascadeSplits[p].map { o in
                    Page(m, .cascadePart(o), template: "cascade") { CascadePageView(m, period: p, top: o) }
                }
        }
    }

    static var templates: [TemplateBinding] { [.view("cascade", CascadePageView.self, inside: PageFrame.self)] }

    /// The objectives of period `p` that start a cascade page of their own. A page draws its tree
    /// depth first, in the same order as ``CascadeTree/html(_:period:top:)``, with a budget of
    /// ``pageLimit`` objectives: a part of the tree that fits the remaining budget is drawn whole, and so
    /// is a small part (at most a quarter of the limit) even past it; a larger part is drawn node by
    /// node while the budget lasts and becomes a link to a page of its own once it is spent. So a page
    /// holds about ``pageLimit`` objectives however wide or deep the tree is: a chain 10,000 deep makes
    /// 25 pages, 400 leaves under one objective stay on one page.
    static func splits(_ org: Organisation, period p: PeriodIndex, objectives: [ObjectiveIndex]) -> [ObjectiveIndex] {
        guard objectives.count > pageLimit else { return [] }
        var size = [ObjectiveIndex: Int]()
        for o in objectives { size[o] = 1 }
        // Contributors come before the objectives they align to, so sizes flow upward in one pass.
        for o in org.graph.contributorsFirst() where size[o] != nil {
            if let parent = org.publishedParents(of: o).first?.parent, size[parent] != nil {
                size[parent, default: 1] += size[o] ?? 1
            }
        }
        let small = pageLimit / 4
        var result: [ObjectiveIndex] = []
        var pages: [[ObjectiveIndex]] = [roots(org, objectives: objectives)]
        while let pageRoots = pages.popLast() {
            var budget = pageLimit
            var stack = Array(pageRoots.reversed())
            var isTop = Set(pageRoots)
            while let o = stack.popLast() {
                let n = size[o] ?? 1
                if isTop.contains(o) || budget > 0 && n > budget && n > small {
                    // Drawn node by node.
                    isTop.remove(o)
                    budget -= 1
                    stack.append(contentsOf: primaryChildren(org, of: o).reversed())
                } else if n <= budget || n <= small {
                    budget -= n  // drawn whole
                } else {
                    result.append(o)
                    pages.append([o])
                }
            }
        }
        return result
    }

    /// The tree's roots in drawing order: company objectives, then objectives without a published parent.
    static func roots(_ org: Organisation, objectives: [ObjectiveIndex]) -> [ObjectiveIndex] {
        let roots = objectives.filter { org.publishedParents(of: $0).isEmpty }
        let company = roots.filter { org.objectiveTeam[$0] == org.teams.root }
        return company + roots.filter { org.objectiveTeam[$0] != org.teams.root }
    }

    /// The objectives drawn in full under `o` (those whose first published alignment is to `o`), in
    /// drawing order: by the key result they serve, then those serving `o` as a whole.
    static func primaryChildren(_ org: Organisation, of o: ObjectiveIndex) -> [ObjectiveIndex] {
        func mine(_ k: KeyResultIndex?) -> [ObjectiveIndex] {
            org.publishedChildren(of: o, keyResult: k).filter { c in
                org.publishedParents(of: c).first.map { $0.parent == o && $0.keyResult == k } ?? false
            }
        }
        return org.objectives[o].keyResults.indices.flatMap { mine($0) } + mine(nil)
    }
}
