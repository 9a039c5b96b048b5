import Foundation
import OKRCore

/// `data/okrs.json`: the published OKRs in the shape of the content format's export, for other tools.
public enum OKRsJSON {
    /// The output path.

    /// The document as one string (tests, small sites).
    public static func render(_ m: SiteModel) -> String {
        var out = ""
        render(m) { out += $0 }
        return out
    }

    /// The document, handed to `emit` in pieces (one per objective), so a 100,000-objective export
    /// never sits in memory whole. Only published objectives appear; `aligns_to` names only published
    /// targets, so neither confidential objectives nor unbuilt drafts are revealed.
    public static func render(
        _ m: SiteModel, emit: (String) -> Void, objective: ((ObjectiveIndex) -> String)? = nil
    ) {
        emit(head(m))
        var first = true
        for o in m.org.objectives.indices where m.org.isPublished[o] {
            if !first { emit(",") }
            first = false
            emit(objective?(o) ?? self.objective(m, o))
        }
        emit("]}\n")
    }

    /// Everything before the objectives' array elements.
    static func head(_ m: SiteModel) -> String {
        let org = m.org
        var j = JSONWriter()
        j.beginObject()
        j.string("as_of", org.asOf.iso)
        j.beginArray("periods")
        for p in org.periods {
            j.beginObject()
            j.string("id", p.id)
            j.string("start", p.start.iso)
            j.string("end", p.end.iso)
            j.endObject()
        }
        j.endArray()
        j.beginArray("teams")
        for t in org.teams.preorder {
            let team = org.teams.teams[t]
            j.beginObject()
            j.string("id", team.id)
            j.string("name", team.name)
            j.string("parent", org.teams.parent[t].map { org.teams.teams[$0].id })
            j.string("lead", team.lead)
            j.endObject()
        }
        j.endArray()
        return j.text + ",\"objectives\":["
    }

    /// One published objective as a JSON object.
    public static func objective(_ m: SiteModel, _ o: ObjectiveIndex) -> String {
        let org = m.org
        let objective = org.objectives[o]
        let state = org.states[o]
        var j = JSONWriter()
        j.beginObject()
        j.string("id", objective.id)
        j.string("title", objective.title)
        j.string("team", objective.team)
        j.string("owner", org.owner(of: o))
        j.string("period", objective.period)
        j.string("type", objective.type.rawValue)
        j.string("origin", objective.origin.rawValue)
        // `priority:` as written (1 = most important), null when absent.
        j.number("priority", objective.priority.map(Double.init))
        j.beginArray("aligns_to")
        for e in org.publishedParents(of: o) {
            let parent = org.objectives[e.parent]
            j.string(nil, e.keyResult.map { "\(parent.id)#\(parent.keyResults[$0].id)" } ?? parent.id)
        }
        j.endArray()
        dependencies(org, o, keyResult: nil, into: &j)
        j.number("progress", rounded(state.progress))
        j.string("status", state.status.rawValue)
        j.number("score", state.score)
        forecast(&j, state.forecast, value: false)
        j.string("url", m.routes.objective(o))
        if let last = objective.lastRevision {
            j.beginObject("last_updated")
            j.string("date", last.day.iso)
            j.string("author", last.author)
            j.string("commit", last.commit)
            j.endObject()
        }
        // Extensions beyond the contract's example (docs/content-format.md, "The export"): links between
        // periods name published objectives only, and the retro appears once the period is closed, as
        // on the objective's page.
        j.string("continues", org.publishedPredecessor(of: o).map { org.objectives[$0].id })
        j.beginArray("continued_by")
        for s in org.publishedSuccessors(of: o) { j.string(nil, org.objectives[s].id) }
        j.endArray()
        j.string("retro", state.score != nil ? objective.retro : nil)
        j.beginArray("key_results")
        for (k, kr) in objective.keyResults.indexed() {
            let s = state.keyResults[k]
            j.beginObject()
            j.string("id", kr.id)
            j.string("title", kr.title)
            j.string("kind", kr.kind.rawValue)
            switch kr.kind {
            case .metric:
                j.number("start", kr.start)
                j.number("target", kr.target)
                j.number("current", s.current)
            case .milestone:
                j.bool("done", kr.done)
                j.string("due", (kr.due ?? org.objectivePeriod[o].map { org.periods[$0].end })?.iso)
            case .children:
                j.beginArray("contributors")
                for c in s.contributors { j.string(nil, org.objectives[c].id) }
                j.endArray()
            }
            j.string("unit", kr.unit)
            j.number("weight", kr.weight)
            j.number("progress", rounded(s.progress))
            // The status that counts (the owner's call where there is one), then both sides of it.
            j.string("status", s.status.rawValue)
            j.string("computed_status", s.computedStatus.rawValue)
            j.string("owner_status", s.ownerStatus?.rawValue)
            j.number("score", s.score)
            forecast(&j, s.forecast, value: true)
            dependencies(org, o, keyResult: k, into: &j)
            j.beginArray("checkins")
            for c in s.checkins {
                j.beginObject()
                j.string("date", c.date.iso)
                if kr.kind == .metric { j.number("value", c.value) }
                if let conf = c.confidence { j.number("confidence", conf) }
                if let note = c.note { j.string("note", note) }
                if let call = c.status { j.string("status", call.rawValue) }
                if let r = c.revisionIndex, objective.revisions.indices.contains(r) {
                    // Derived from git history: which commit, by whom.
                    j.string("source", "git")
                    j.string("author", objective.revisions[r].author)
                    j.string("commit", objective.revisions[r].commit)
                }
                j.endObject()
            }
            j.endArray()
            j.endObject()
        }
        j.endArray()
        j.endObject()
        return j.text
    }

    /// `depends_on` (what the objective, or its key result `keyResult`, needs: `id` or `id#kr`) and
    /// `needed_by` (who names exactly it: `id`, or `id#kr` where a key result's `depends_on` does),
    /// both `[]` when empty and both naming published objectives only.
    static func dependencies(
        _ org: Organisation, _ o: ObjectiveIndex, keyResult: KeyResultIndex?, into j: inout JSONWriter
    ) {
        j.beginArray("depends_on")
        for d in org.publishedDependencies(of: o, keyResult: .some(keyResult)) { j.string(nil, org.targetReference(d)) }
        j.endArray()
        j.beginArray("needed_by")
        for d in org.publishedDependents(of: o) where d.targetKeyResult == keyResult {
            j.string(nil, org.sourceReference(d))
        }
        j.endArray()
    }

    /// Progress to four decimals: enough for any chart, stable across platforms.
    static func rounded(_ x: Double) -> Double { (x * 10000).rounded() / 10000 }

    /// The forecast's fields, each null without a forecast (closed periods included): `forecast_value`
    /// (key results only, `value`; null for `children` key results), then `forecast_progress`,
    /// `forecast_low` and `forecast_high`, all three progress (0…1).
    static func forecast(_ j: inout JSONWriter, _ outcome: ForecastOutcome, value: Bool) {
        let f = outcome.forecast
        if value { j.number("forecast_value", f?.value.map(significant)) }
        j.number("forecast_progress", f.map { rounded($0.progress) })
        j.number("forecast_low", f.map { rounded($0.low) })
        j.number("forecast_high", f.map { rounded($0.high) })
    }

    /// A computed value to ten significant digits (95.55000000000001 → 95.55), any magnitude; as it is
    /// where that cannot be done exactly enough (beyond ±1e±290).
    static func significant(_ x: Double) -> Double {
        guard x != 0, x.isFinite else { return x }
        let shift = 9 - Int(saturating: log10(abs(x)), rounding: .down)
        guard abs(shift) < 290 else { return x }
        let p = pow(10, Double(shift))
        let r = (x * p).rounded() / p
        return r.isFinite ? r : x
    }
}
