import ArgumentParser
import Foundation
import OKRContent
import OKRCore

#if canImport(Glibc)
    import Glibc
#endif

/// `okrportal checkin --team TEAM`: the team's open key results one by one on a terminal, every
/// answer written at the end.
struct TeamCheckin {
    var team: String
    var siteDir: String
    var today: Day

    func run() throws {
        guard isatty(0) == 1 && isatty(1) == 1 else {
            throw Checkin.refuse(
                "checkin --team asks questions and needs a terminal; in a script, check in each key result "
                    + "with 'okrportal checkin OBJECTIVE#KR VALUE'")
        }
        let context = try CheckinContext.load(siteDir: siteDir, today: today)
        let teams = context.site.teams.map(\.id)
        guard teams.contains(team) else {
            throw Checkin.refuse(
                "no team \"\(team)\"\(Suggest.hint(for: team, in: teams)); the teams are: "
                    + teams.joined(separator: ", "))
        }
        var diagnostics = Diagnostics()
        let org: Organisation
        do {
            org = try SitePipeline(siteRoot: siteDir, asOf: today).resolve(
                context.site, git: GitHistory(siteRoot: siteDir), diagnostics: &diagnostics
            ).org
        } catch {
            throw Checkin.refuse(error.message)
        }
        guard let periodIndex = org.currentPeriod else { throw Checkin.refuse("the site has no periods") }
        let period = org.periods[periodIndex]
        var open: [(ObjectiveIndex, KeyResultIndex)] = []
        for o in org.objectives.indices
        where org.objectives[o].team == team && org.objectivePeriod[o] == periodIndex && org.isPublished[o]
            && org.objectives[o].visibility == .public
        {
            for k in org.objectives[o].keyResults.indices {
                let kr = org.objectives[o].keyResults[k]
                guard kr.kind != .children, org.states[o].keyResults[k].status != .done, !kr.done else { continue }
                open.append((o, k))
            }
        }
        guard !open.isEmpty else {
            Terminal.standardOutput("\(team) has no open key results in \(period.id); nothing to check in")
            return
        }
        Terminal.standardOutput(
            "\(Terminal.plural(open.count, "open key result")) of \(team) in \(period.id), as of \(today.iso). "
                + "Enter skips a question.")
        var answers: [(Objective, String, NewCheckIn)] = []
        for (n, (o, k)) in open.enumerated() {
            let objective = org.objectives[o]
            let kr = objective.keyResults[k]
            let state = org.states[o].keyResults[k]
            Terminal.standardOutput("")
            Terminal.standardOutput("[\(n + 1)/\(open.count)] \(objective.title)")
            Terminal.standardOutput("  \(kr.id): \(kr.title)")
            let unit = kr.unit.map { " " + $0 } ?? ""
            if kr.kind == .metric, let start = kr.start, let target = kr.target {
                let last = state.current.map { Checkin.decimal($0) + unit } ?? "–"
                let since = state.latestCheckin.map { " (\($0.date.iso))" } ?? ""
                let expected = start + (target - start) * period.expected(asOf: today)
                Terminal.standardOutput(
                    "  last: \(last)\(since) · expected today: \(Checkin.decimal(expected.rounded(toPlaces: 2)))\(unit)"
                )
                Terminal.standardOutput(
                    "  target: \(Checkin.decimal(target))\(unit) · status: \(state.status.rawValue)")
            } else {
                Terminal.standardOutput(
                    "  milestone, due \((kr.due ?? period.end).iso) · status: \(state.status.rawValue)")
            }
            var checkIn = NewCheckIn(date: today)
            if kr.kind == .metric {
                guard
                    let value = ask(
                        "  new value\(unit.isEmpty ? "" : " (\(unit.dropFirst()))"): ",
                        check: {
                            CheckInEditor.number($0) != nil
                                ? nil
                                : "not a number"
                                    + (Checkin.numberHint($0, unit: kr.unit).map { "; did you mean \($0)?" } ?? "")
                        })
                else {
                    Terminal.standardOutput("  skipped")
                    continue
                }
                checkIn.value = value
            } else {
                let answer = ask(
                    "  done? (y/N): ",
                    check: {
                        ["y", "yes", "j", "ja", "n", "no", "nein"].contains($0.lowercased()) ? nil : "answer y or n"
                    })
                checkIn.done = ["y", "yes", "j", "ja"].contains(answer?.lowercased() ?? "")
            }
            checkIn.confidence = ask("  confidence 0–1: ", check: Checkin.confidenceProblem)
            checkIn.note = ask("  note: ", check: { _ in nil })
            if kr.kind == .milestone && !checkIn.done && checkIn.confidence == nil && checkIn.note == nil {
                Terminal.standardOutput("  skipped")
                continue
            }
            answers.append((objective, kr.id, checkIn))
        }
        Terminal.standardOutput("")
        guard !answers.isEmpty else {
            Terminal.standardOutput("nothing entered; no file changed")
            return
        }
        try context.write(answers)
        let files = Set(answers.map(\.0.path)).count
        Terminal.standardOutput(
            "wrote \(Terminal.plural(answers.count, "check-in")) to \(Terminal.plural(files, "file"))")
    }

    /// Asks until the answer passes `check` (which returns why not); `nil` for an empty answer or the end
    /// of input.
    func ask(_ prompt: String, check: (String) -> String?) -> String? {
        while true {
            FileHandle.standardOutput.write(Data(prompt.escapingControlCharacters().utf8))
            guard let line = readLine() else { return nil }
            let answer = line.trimmingCharacters(in: .whitespaces)
            if answer.isEmpty { return nil }
            guard let problem = check(answer) else { return answer }
            Terminal.standardOutput("  \(problem)")
        }
    }
}

extension Double {
    /// Rounded to `places` decimals.
    fileprivate func rounded(toPlaces places: Int) -> Double {
        let f = pow(10, Double(places))
        return (self * f).rounded() / f
    }
}
