import ArgumentParser
import Foundation
import OKRContent
import OKRCore

/// `okrportal checkin`: the weekly check-in without editing YAML by hand.
struct Checkin: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkin",
        abstract: "Append a check-in to a key result (or, with --team, walk through a team's key results).",
        discussion: """
            Appends one check-in { date, value, confidence, status, note } to the key result's checkins: list \
            in the objective's file and changes no other byte: comments, key order, quoting, list style and line \
            endings stay. A missing list is created; a written current: is set to the new value. The site is \
            checked with the edit before it is written: an edit that would add an error writes nothing (exit 1). \
            The write is atomic.

            VALUE is required for a metric. A milestone takes no VALUE: --done sets done: true and appends a \
            check-in with the date (and confidence, status, note if given); without --done the check-in only \
            records confidence, status or note.

            Arguments: OBJECTIVE#KR [VALUE] [SITE_DIR]. With --done, or when the one argument after \
            OBJECTIVE#KR is a site folder rather than a number, that argument is SITE_DIR.

            With --team TEAM [SITE_DIR] on a terminal: walks through the team's open key results of the \
            current period (public, not done), shows each one's last value, the value expected today and its \
            status, asks for the new value, confidence and note (Enter skips), and writes them all at the end.

            Example:
              okrportal checkin social-reach-2026q4#kr1 5610 --confidence 0.7 --note "Messe-Kampagne wirkt"
              okrportal checkin launch-2026q4#kr3 --done --note "Webinar mit 80 Teilnehmern" ~/okrs
              okrportal checkin --team social-media ~/okrs
            """
    )

    @Argument(help: ArgumentHelp("OBJECTIVE#KR [VALUE] [SITE_DIR]", valueName: "arguments"))
    var arguments: [String] = []

    @Option(help: "How confident you are to reach the target, 0 to 1 (0.7 = 70 %).")
    var confidence: String?

    @Option(help: "What happened (any text; quoted safely in the file).")
    var note: String?

    @Option(help: "Your call when the numbers lag reality: on-track, at-risk, off-track, outdated or done.")
    var status: String?

    @Option(help: "The day of the check-in, YYYY-MM-DD (default: today); never after today.")
    var date: String?

    @Flag(help: "For a milestone: it is done (sets done: true and appends a check-in).")
    var done = false

    @Option(help: "Walk through this team's open key results on a terminal.")
    var team: String?

    @Option(
        name: .customLong("as-of"),
        help: "The day taken as today, YYYY-MM-DD (default: SOURCE_DATE_EPOCH, else today).")
    var asOf: String?

    func run() throws {
        let today: Day
        do { today = try AsOf.resolve(option: asOf) } catch { throw Checkin.refuse(error.message) }
        if let team {
            guard arguments.count <= 1 else {
                throw Checkin.refuse("with --team, the only argument is the site folder; found \(arguments.count)")
            }
            try TeamCheckin(team: team, siteDir: arguments.first ?? ".", today: today).run()
            return
        }
        guard let target = arguments.first else {
            throw Checkin.refuse("name the key result as OBJECTIVE#KR (or use --team TEAM)")
        }
        guard arguments.count <= 3 else {
            throw Checkin.refuse("too many arguments; expected OBJECTIVE#KR [VALUE] [SITE_DIR]")
        }
        var value: String? = arguments.count >= 2 ? arguments[1] : nil
        var siteDir = arguments.count == 3 ? arguments[2] : "."
        if arguments.count == 2, let given = value,
            done || (CheckInEditor.number(given) == nil && FileSystem.isDirectory(given))
        {
            siteDir = given
            value = nil
        }
        let day = try checkInDate(today: today)
        let ownerStatus = try parsedStatus()
        let parsedConfidence = try Self.confidence(confidence)
        let context = try CheckinContext.load(siteDir: siteDir, today: today)
        let (objective, keyResult) = try context.find(target)
        let checkIn = try Self.checkIn(
            for: keyResult, value: value, day: day, confidence: parsedConfidence, status: ownerStatus, note: note,
            done: done)
        try context.write([(objective, keyResult.id, checkIn)])
        var what = keyResult.kind == .metric ? "value \(checkIn.value ?? "")" : (done ? "done" : "a check-in")
        if let c = checkIn.confidence { what += ", confidence \(c)" }
        if let s = checkIn.status { what += ", status \(s.rawValue)" }
        Terminal.standardOutput(
            "checked in \(objective.id)#\(keyResult.id) on \(day.iso): \(what) (\(SiteReader.join(siteDir, objective.path)))"
        )
    }

    /// Prints `error: message` and gives exit code 2: a refused check-in writes nothing.
    static func refuse(_ message: String) -> ExitCode {
        Terminal.standardError("error: \(message); nothing was written")
        return ExitCode(2)
    }

    /// `--date`, or today; exit 2 when it is not a date or after today.
    func checkInDate(today: Day) throws -> Day {
        guard let date else { return today }
        guard let day = Day(iso: date) else {
            throw Checkin.refuse("--date must be a date YYYY-MM-DD that exists, found \"\(date)\"")
        }
        guard day <= today else {
            throw Checkin.refuse(
                "--date \(day.iso) is after today (\(today.iso)); a check-in records what is known "
                    + "(did you mean \"\(today.iso)\"?)")
        }
        return day
    }

    /// `--status` as a status; exit 2 with "did you mean" otherwise.
    func parsedStatus() throws -> Status? {
        guard let status else { return nil }
        if let s = Status(rawValue: status) { return s }
        let names = Status.allCases.map(\.rawValue)
        throw Checkin.refuse(
            "--status must be one of \(names.joined(separator: ", ")), found \"\(status)\""
                + Suggest.hint(for: status, in: names))
    }

    /// A confidence as typed, checked: a number from 0 to 1; exit 2 otherwise.
    static func confidence(_ text: String?) throws -> String? {
        guard let raw = text?.trimmingCharacters(in: .whitespaces) else { return nil }
        if let problem = confidenceProblem(raw) { throw Checkin.refuse(problem) }
        return raw
    }

    /// Why `raw` is not a confidence (a number from 0 to 1), with "did you mean"; `nil` when it is one.
    static func confidenceProblem(_ raw: String) -> String? {
        guard let x = CheckInEditor.number(raw) else {
            let hint = numberHint(raw, unit: "%").map { " (did you mean \"\(confidenceHint($0))\"?)" } ?? ""
            return "the confidence must be a number from 0 to 1, found \"\(raw)\"\(hint)"
        }
        guard (0...1).contains(x) else {
            let hint = x > 1 && x <= 100 ? " (did you mean \"\(decimal(x / 100))\"?)" : ""
            return "the confidence must be from 0 to 1 (0.7 = 70 %), found \(raw)\(hint)"
        }
        return nil
    }

    /// A suggested number as a confidence: 70 → 0.7.
    static func confidenceHint(_ s: String) -> String {
        guard let x = CheckInEditor.number(s), x > 1, x <= 100 else { return s }
        return decimal(x / 100)
    }

    /// The check-in for `keyResult`, or exit 2 when VALUE or --done do not fit its kind.
    static func checkIn(
        for keyResult: KeyResult, value: String?, day: Day, confidence: String?, status: Status?, note: String?,
        done: Bool
    ) throws -> NewCheckIn {
        switch keyResult.kind {
        case .metric:
            if done {
                throw Checkin.refuse(
                    "--done is for milestones; \(keyResult.id) is a metric, done when its value reaches the target")
            }
            guard let raw = value?.trimmingCharacters(in: .whitespaces) else {
                throw Checkin.refuse("\(keyResult.id) is a metric: give its new VALUE")
            }
            guard CheckInEditor.number(raw) != nil else {
                let hint = numberHint(raw, unit: keyResult.unit).map { " (did you mean \"\($0)\"?)" } ?? ""
                throw Checkin.refuse("the value must be a number like 5610 or 12.5, found \"\(raw)\"\(hint)")
            }
            return NewCheckIn(date: day, value: raw, confidence: confidence, status: status, note: note)
        case .milestone:
            if let value {
                throw Checkin.refuse(
                    "\(keyResult.id) is a milestone and takes no value (found \"\(value)\"); "
                        + "use --done when it is done, or --confidence, --status, --note for a check-in")
            }
            if !done && confidence == nil && status == nil && note == nil {
                throw Checkin.refuse(
                    "\(keyResult.id) is a milestone: use --done when it is done, or give --confidence, --status or --note"
                )
            }
            return NewCheckIn(date: day, confidence: confidence, status: status, note: note, done: done)
        case .children:
            throw Checkin.refuse(
                "\(keyResult.id) takes its progress from the objectives aligned to it; check in those instead")
        }
    }

    /// A number the user probably meant: `5.610,5` style commas, a unit or `%` after it, spaces in it.
    static func numberHint(_ raw: String, unit: String?) -> String? {
        var s = raw
        for u in [unit, "%"].compactMap({ $0 }) where !u.isEmpty && s.hasSuffix(u) { s.removeLast(u.count) }
        s = s.filter { $0 != " " && $0 != "_" && $0 != "'" && $0 != "\u{A0}" && $0 != "\u{202F}" }
        if s.contains(",") {
            // "5,6" → 5.6; "5.610,5" → 5610.5; "5,610" (a thousands comma) → 5610.
            if s.contains(".") {
                s = s.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")
            } else if isThousands(s) {
                s = s.replacingOccurrences(of: ",", with: "")
            } else {
                s = s.replacingOccurrences(of: ",", with: ".")
            }
        }
        guard s != raw, CheckInEditor.number(s) != nil else { return nil }
        return s
    }

    /// Whether `s` is digits grouped in threes by commas (`5,610`, `1,250,000`).
    static func isThousands(_ s: String) -> Bool {
        let groups = s.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard groups.count > 1, let first = groups.first, (1...3).contains(first.count) else { return false }
        return groups.allSatisfy { $0.allSatisfy(\.isNumber) } && groups.dropFirst().allSatisfy { $0.count == 3 }
    }

    /// `0.7`, `0.25`, without trailing zeros.
    static func decimal(_ x: Double) -> String {
        var s = String(format: "%.4f", x)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }
}
