import ArgumentParser
import Foundation
import OKRCore

/// How `check` prints what it found.
enum CheckFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}

/// `check --format json`: every diagnostic and the summary as one JSON document, for editors and bots.
struct CheckReport: Encodable {
    /// One problem.
    struct Item: Encodable {
        var path: String
        var line: Int
        var column: Int
        var severity: String
        var message: String
        /// The methodology rule (`OKR003`); absent for the content format's own rules.
        var rule: String?
    }

    /// What was checked and what was found; the site's counts are `null` when it could not be read.
    struct Summary: Encodable {
        var objectives: Int?
        var keyResults: Int?
        var teams: Int?
        var periods: Int?
        var errors: Int
        var warnings: Int

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(objectives, forKey: .objectives)
            try c.encode(keyResults, forKey: .keyResults)
            try c.encode(teams, forKey: .teams)
            try c.encode(periods, forKey: .periods)
            try c.encode(errors, forKey: .errors)
            try c.encode(warnings, forKey: .warnings)
        }

        enum CodingKeys: String, CodingKey { case objectives, keyResults, teams, periods, errors, warnings }
    }

    var diagnostics: [Item]
    var summary: Summary

    init(diagnostics: Diagnostics, counts: Summary?) {
        self.diagnostics = diagnostics.sorted.map {
            Item(
                path: $0.location.path, line: $0.location.line, column: $0.location.column,
                severity: $0.severity.rawValue, message: $0.message, rule: $0.rule)
        }
        var summary = counts ?? Summary(errors: 0, warnings: 0)
        summary.errors = diagnostics.errorCount
        summary.warnings = diagnostics.warningCount
        self.summary = summary
    }

    /// The document: keys sorted, indented, so the same site gives the same bytes.
    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding strings and integers cannot fail.
        guard let data = try? encoder.encode(self) else { return "{}" }
        return Self.escapingDELAndC1(String(decoding: data, as: UTF8.self))
    }

    /// JSON escapes C0 control characters in strings (`\u001b`) but not DEL and C1 (U+007F–U+009F),
    /// which some terminals obey too: they are escaped the JSON way here, before the terminal would
    /// escape them its own way (which is not JSON).
    static func escapingDELAndC1(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: { (0x7F...0x9F).contains($0.value) }) else { return json }
        var out = String.UnicodeScalarView()
        for s in json.unicodeScalars {
            if (0x7F...0x9F).contains(s.value) {
                out.append(contentsOf: "\\u00\(String(s.value, radix: 16))".unicodeScalars)
            } else {
                out.append(s)
            }
        }
        return String(out)
    }
}
