import OKRCore

/// `cascade/PERIOD.html`: the period's whole alignment tree, company → department → team, nested and
/// collapsible with `<details>`. A child that serves a specific key result sits under that KR.
///
/// The tree is put together in Swift from the theme's fragments in `partials/cascade/` (a node's
/// opening and closing, a key result's, …), walked without recursion, so a chain thousands of
/// objectives deep renders without deep call stacks and a 10,000-objective cascade without hundreds
/// of thousands of template lookups. Fragments that do not depend on data are rendered once.
///
/// A page stays readable: where an objective's part of the tree holds more than ``pageLimit``
/// objectives (and it is not the page's own top), it is shown as a line with a link to its own cascade
/// page, `cascade/PERIOD/ID.html`. The demo fits on one page; a 10,000-objective organisation gets a
/// page per department-level objective instead of one page of 20 MB.
enum CascadePage: PageKind {
    /// The most objectives a subtree may hold to be drawn in place.
    static let pageLimit = 400

    static func pages(in model: SiteModel) -> [Page] {
        var pages: [Page] = []
        for p in model.org.periods.indices {
            pages.append(
                Page(path: model.url(cascade: p), template: "cascade") { m in
                    let title = m.t.format("cascade_title", ["period": m.org.periods[p].id])
                    var c = m.baseContext(depth: 1, title: title, section: "cascade")
                    c["period"] = PeriodPages.periodHeader(m, period: p)
                    c["tree_html"] = html(m, period: p, top: nil)
                    c["map_url"] = AlignmentMapPage.url(m, period: p)
                    c["has_objectives"] = !m.figures[p].objectives.isEmpty
                    c["is_subtree"] = false
                    c["switcher"] = m.periodsNewestFirst.map { q -> [String: Any] in
                        ["label": m.org.periods[q].id, "url": m.url(cascade: q), "current": q == p]
                    }
                    return c
                })
            for o in model.cascadeSplits[p] {
                pages.append(
                    Page(path: model.url(cascadeOf: o), template: "cascade") { m in
                        let title = m.t.format("cascade_title", ["period": m.org.periods[p].id])
                        var c = m.baseContext(
                            depth: 2, title: "\(title): \(m.org.objectives[o].title)", section: "cascade")
                        c["period"] = PeriodPages.periodHeader(m, period: p)
                        c["tree_html"] = html(m, period: p, top: o)
                        c["map_url"] = AlignmentMapPage.url(m, period: p)
                        c["has_objectives"] = true
                        c["is_subtree"] = true
                        c["period_cascade_url"] = m.url(cascade: p)
                        let chain = m.shownChain(of: o)
                        c["why_chain"] = chain.reversed().map { m.objectiveSummary($0.parent) }
                        c["chain_gap"] = chain.last?.afterGap ?? false
                        c["switcher"] = [[String: Any]]()
                        return c
                    })
            }
        }
        return pages
    }

    /// The objectives of period `p` that start a cascade page of their own. A page draws its tree
    /// depth first, in the same order as ``html(_:period:top:)``, with a budget of ``pageLimit``
    /// objectives: a part of the tree that fits the remaining budget is drawn whole, and so is a small
    /// part (at most a quarter of the limit) even past it; a larger part is drawn node by node while
    /// the budget lasts and becomes a link to a page of its own once it is spent. So a page holds about
    /// ``pageLimit`` objectives however wide or deep the tree is: a chain 10,000 deep makes 25 pages,
    /// 400 leaves under one objective stay on one page.
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

    /// One step of the tree walk.
    enum Step {
        case node(ObjectiveIndex)
        case endNode
        case keyResult(
            objective: ObjectiveIndex, kr: KeyResultIndex, children: [ObjectiveIndex], also: [ObjectiveIndex])
        case endKeyResult(hasChildren: Bool)
        case keyResults
        case endKeyResults
        case whole(children: [ObjectiveIndex], also: [ObjectiveIndex])
        case endWhole
        case group(String)
    }

    /// The period's cascade as HTML (the items of the tree's top list): from the company objectives,
    /// or from objective `top` for a subtree page.
    static func html(_ m: SiteModel, period p: PeriodIndex, top: ObjectiveIndex?) -> String {
        let org = m.org
        let objectives = m.figures[p].objectives
        let f = m.fragments
        let nodeClose = f.constant("partials/cascade/node-close")
        let krsOpen = f.constant("partials/cascade/krs-open")
        let krsClose = f.constant("partials/cascade/krs-close")
        let krCloseLeaf = f.render("partials/cascade/kr-close", ["has_children": false])
        let krCloseTree = f.render("partials/cascade/kr-close", ["has_children": true])
        let wholeClose = f.constant("partials/cascade/whole-close")
        // Primary parent: the first published one; an objective is drawn in full under it only.
        func primary(_ o: ObjectiveIndex) -> AlignmentEdge? { org.publishedParents(of: o).first }
        let roots = objectives.filter { primary($0) == nil }
        // Company objectives head the tree; other objectives without a published parent follow under
        // their own heading, so nobody mistakes them for company goals.
        let company = roots.filter { org.objectiveTeam[$0] == org.teams.root }
        let unaligned = roots.filter { org.objectiveTeam[$0] != org.teams.root }
        var out = ""
        var stack: [Step] = []
        if let top {
            stack = [.node(top)]
        } else {
            stack = unaligned.reversed().map { .node($0) }
            if !unaligned.isEmpty { stack.append(.group(m.t["cascade_unaligned"])) }
            stack.append(contentsOf: company.reversed().map { .node($0) })
        }
        let splits = Set(m.cascadeSplits[p])
        var drawn = Set<ObjectiveIndex>()
        while let step = stack.popLast() {
            switch step {
            case .node(let o):
                guard drawn.insert(o).inserted else { continue }
                if splits.contains(o) && o != top {
                    var d = m.objectiveSummary(o)
                    d["cascade_url"] = m.url(cascadeOf: o)
                    out += f.render("partials/cascade/node-link", d)
                    continue
                }
                out += f.render("partials/cascade/node-open", m.objectiveSummary(o))
                let krs = org.objectives[o].keyResults.indices
                var pending: [Step] = krs.isEmpty ? [] : [.keyResults]
                for k in krs {
                    let all = org.publishedChildren(of: o, keyResult: k)
                    let mine = all.filter { c in primary(c).map { $0.parent == o && $0.keyResult == k } ?? false }
                    let also = all.filter { !mine.contains($0) }
                    pending.append(.keyResult(objective: o, kr: k, children: mine, also: also))
                }
                if !krs.isEmpty { pending.append(.endKeyResults) }
                let all = org.publishedChildren(of: o, keyResult: nil)
                let mine = all.filter { c in primary(c).map { $0.parent == o && $0.keyResult == nil } ?? false }
                let also = all.filter { !mine.contains($0) }
                if !all.isEmpty { pending.append(.whole(children: mine, also: also)) }
                stack.append(.endNode)
                stack.append(contentsOf: pending.reversed())
            case .endNode:
                out += nodeClose
            case .keyResult(let o, let k, let children, let also):
                var d = m.keyResultBrief(o, k)
                let hasChildren = !children.isEmpty || !also.isEmpty
                d["has_children"] = hasChildren
                d["also"] = also.map { m.objectiveSummary($0) }
                out += f.render("partials/cascade/kr-open", d)
                stack.append(.endKeyResult(hasChildren: hasChildren))
                stack.append(contentsOf: children.reversed().map { .node($0) })
            case .endKeyResult(let hasChildren):
                out += hasChildren ? krCloseTree : krCloseLeaf
            case .keyResults:
                out += krsOpen
            case .endKeyResults:
                out += krsClose
            case .whole(let children, let also):
                out += f.render("partials/cascade/whole-open", ["also": also.map { m.objectiveSummary($0) }])
                stack.append(.endWhole)
                stack.append(contentsOf: children.reversed().map { .node($0) })
            case .endWhole:
                out += wholeClose
            case .group(let label):
                out += f.render("partials/cascade/group", ["group": label])
            }
        }
        return out
    }
}
