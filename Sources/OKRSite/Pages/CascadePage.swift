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
                        c["why_chain"] = m.org.whyChain(of: o).reversed().map { m.objectiveSummary($0.parent) }
                        c["switcher"] = [[String: Any]]()
                        return c
                    })
            }
        }
        return pages
    }

    /// Objectives of period `p` whose subtree (along primary alignments) holds more than
    /// ``pageLimit`` objectives and that are not the tree's top: each gets a page of its own.
    static func splits(_ org: Organisation, period p: Int, objectives: [Int]) -> [Int] {
        guard objectives.count > pageLimit else { return [] }
        var size = [Int: Int]()
        for o in objectives { size[o] = 1 }
        // Contributors come before the objectives they align to, so sizes flow upward in one pass.
        for o in org.graph.contributorsFirst() where size[o] != nil {
            if let parent = org.publishedParents(of: o).first?.parent, size[parent] != nil {
                size[parent, default: 1] += size[o] ?? 1
            }
        }
        return objectives.filter { o in
            (size[o] ?? 0) > pageLimit && !org.publishedParents(of: o).isEmpty
        }
    }

    /// One step of the tree walk.
    enum Step {
        case node(Int)
        case endNode
        case keyResult(objective: Int, kr: Int, children: [Int], also: [Int])
        case endKeyResult(hasChildren: Bool)
        case keyResults
        case endKeyResults
        case whole(children: [Int], also: [Int])
        case endWhole
        case group(String)
    }

    /// The period's cascade as HTML (the items of the tree's top list): from the company objectives,
    /// or from objective `top` for a subtree page.
    static func html(_ m: SiteModel, period p: Int, top: Int?) -> String {
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
        func primary(_ o: Int) -> AlignmentEdge? { org.publishedParents(of: o).first }
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
        var drawn = Set<Int>()
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
