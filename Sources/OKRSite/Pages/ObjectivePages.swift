import OKRCore

/// `objectives/ID.html`: one objective in full — its why chain up to the company goal, owner, team, type,
/// status, the key-result table, who supports each KR, the Markdown body and the check-in history.
enum ObjectivePages: PageKind {
    static func pages(in model: SiteModel) -> [Page] {
        model.org.objectives.indices.filter { model.org.isPublished[$0] }.map { o in
            Page(path: model.url(objective: o), template: "objective") { m in context(m, objective: o) }
        }
    }

    static func context(_ m: SiteModel, objective o: ObjectiveIndex) -> [String: Any] {
        let org = m.org
        let objective = org.objectives[o]
        let state = org.states[o]
        var c = m.baseContext(depth: 1, title: objective.title, section: "cascade")
        var summary = m.objectiveSummary(o)
        summary["type_explanation"] = m.t["type_\(objective.type.rawValue)_explained"]
        summary["origin_label"] = m.t["origin_\(objective.origin.rawValue)"]
        c["objective"] = summary
        c = c.merging(lineage(m, objective: o))
        c["tags"] = objective.tags
        c["has_tags"] = !objective.tags.isEmpty
        if let last = objective.lastRevision {
            // "29.11.2026 von Aylin Demir", the name linking to the person's page when there is one.
            var author = m.personLink(last.author)["html"] as? String ?? ""
            while author.last?.isNewline == true { author.removeLast() }  // the partial's final line break
            c["has_last_updated"] = true
            c["last_updated_html"] = m.t.formatHTML(
                "objective_last_updated_value", ["date": HTML.escape(m.format.date(last.day)), "author": author])
        } else {
            c["has_last_updated"] = false
        }

        // The why chain, from the company objective down to this one.
        let chain = m.shownChain(of: o)
        c["why_chain"] = chain.reversed().map { step -> [String: Any] in
            var d = m.objectiveSummary(step.parent)
            if let k = step.keyResult {
                d["has_via_kr"] = true
                d["via_kr"] = org.objectives[step.parent].keyResults[k].title
                d["via_kr_url"] = m.url(objective: step.parent) + "#kr-" + org.objectives[step.parent].keyResults[k].id
            } else {
                d["has_via_kr"] = false
            }
            return d
        }
        // The gap (if any) follows the topmost entry, which comes first in top-down order.
        c["chain_gap"] = chain.last?.afterGap ?? false
        c["has_why_chain"] = !chain.isEmpty
        c["is_company"] = org.objectiveTeam[o] == org.teams.root
        c["not_aligned"] = chain.isEmpty && org.objectiveTeam[o] != org.teams.root
        c["has_also"] = org.publishedParents(of: o).count > 1
        c["also_aligned"] = org.publishedParents(of: o).dropFirst().map { e -> [String: Any] in
            var d = m.objectiveSummary(e.parent)
            d["has_via_kr"] = e.keyResult != nil
            d["via_kr"] = e.keyResult.map { org.objectives[e.parent].keyResults[$0].title } ?? ""
            return d
        }

        if let p = org.objectivePeriod[o] {
            c["period"] = PeriodPages.periodHeader(m, period: p)
            c["expected_label"] = m.t.format("objective_expected", ["expected": m.format.percent(state.expected)])
            c["open"] = org.periods[p].contains(org.asOf)
            c["closed"] = org.periods[p].isClosed(asOf: org.asOf)
            if let score = state.score { c["closing"] = closing(m, objective: o, score: score) }
            c["has_closing"] = state.score != nil
        } else {
            c["has_closing"] = false
        }

        c["krs"] = objective.keyResults.indices.map { k -> [String: Any] in
            var d = m.keyResultRow(o, k)
            let supporters = org.publishedChildren(of: o, keyResult: k)
            d["supported_by"] = supporters.map { m.objectiveSummary($0) }
            d["has_supporters"] = !supporters.isEmpty
            let checkins = org.states[o].keyResults[k].checkins
            let kr = objective.keyResults[k]
            d["checkin_table"] =
                checkins.isEmpty
                ? "" : CheckinTable.html(kr, checkins: checkins, labels: m.labels, revisions: objective.revisions)
            let trend = org.objectivePeriod[o].flatMap { p -> String? in
                guard m.drawCharts else { return nil }
                return TrendChart.svg(
                    kr: kr, checkins: checkins, period: org.periods[p], asOf: org.asOf, labels: m.labels,
                    id: "trend-\(kr.id)")
            }
            // Milestones and children have no values to draw, but their check-ins' confidence has a course.
            let confidence = org.objectivePeriod[o].flatMap { p -> String? in
                guard m.drawCharts, trend == nil else { return nil }
                let points = checkins.compactMap { c in
                    c.confidence.map { ConfidenceChart.Point(day: c.date, value: $0) }
                }
                return ConfidenceChart.svg(
                    points, period: org.periods[p], asOf: org.asOf,
                    title: m.t.format("chart_confidence_title", ["title": kr.title]),
                    description: ConfidenceChart.keyResultDescription(points, labels: m.labels), labels: m.labels,
                    id: "confidence-\(kr.id)")
            }
            d["trend"] = trend ?? confidence ?? ""
            d["has_trend"] = trend != nil || confidence != nil
            d["has_checkins"] = !checkins.isEmpty
            return d
        }
        let whole = org.publishedChildren(of: o, keyResult: nil)
        c["supported_whole"] = whole.map { m.objectiveSummary($0) }
        c["has_supported_whole"] = !whole.isEmpty
        c["body"] = m.markdown.html(objective.body, headingOffset: 1)
        c["has_body"] = !objective.body.allSatisfy(\.isWhitespace)
        c["has_history"] =
            objective.keyResults.indices.contains { !org.states[o].keyResults[$0].checkins.isEmpty }
            || objective.keyResults.contains { $0.kind == .metric }
        if m.drawCharts, let p = org.objectivePeriod[o],
            let chart = BurnUpChart.svg(
                points: m.history[o], period: org.periods[p], asOf: org.asOf, status: state.status, labels: m.labels,
                id: "burnup")
        {
            c["has_burnup"] = true
            c["burnup"] = chart
            c["burnup_table"] = BurnUpChart.table(points: m.history[o], period: org.periods[p], labels: m.labels)
        } else {
            c["has_burnup"] = false
        }
        return c
    }

    /// The objective it continues and the ones that continue it, published only (`continues:`).
    static func lineage(_ m: SiteModel, objective o: ObjectiveIndex) -> [String: Any] {
        let org = m.org
        func entry(_ other: ObjectiveIndex, _ key: String) -> [String: Any] {
            var d = m.objectiveSummary(other)
            let period = org.objectivePeriod[other].map { org.periods[$0].id } ?? ""
            d["lineage_label"] = m.t.format(key, ["period": period])
            return d
        }
        var items: [[String: Any]] = []
        if let p = org.publishedPredecessor(of: o) { items.append(entry(p, "objective_continues")) }
        for s in org.publishedSuccessors(of: o) { items.append(entry(s, "objective_continued_by")) }
        return ["lineage": items, "has_lineage": !items.isEmpty]
    }

    /// The end of a closed period: the grade with what the type expects, whether it was set by hand, and
    /// the team's closing note (`retro:`), which belongs to the period's end and appears only now.
    static func closing(_ m: SiteModel, objective o: ObjectiveIndex, score: Double) -> [String: Any] {
        let objective = m.org.objectives[o]
        let f = m.format
        let verdict = ObjectiveSummary.verdict(score: score, type: objective.type)
        let retro = objective.retro ?? ""
        return [
            "grade_html": m.gradeBadge(score),
            "verdict": m.t.format(
                "closing_\(objective.type.rawValue)_\(verdict)", ["expected": f.decimal1(objective.type.expectedScore)]),
            "verdict_met": verdict == "met",
            "manual": objective.score != nil,
            "manual_note": m.t.format(
                "score_manual_objective", ["computed": f.decimal1(Progress.roundScore(m.org.states[o].progress))]),
            "has_retro": !retro.allSatisfy(\.isWhitespace),
            "retro": m.markdown.html(retro, headingOffset: 2),
        ]
    }
}
