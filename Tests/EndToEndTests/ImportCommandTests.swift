import Foundation
import OKRContent
import OKRCore
import OKRTestSupport
import Testing

/// `okrportal import` through the real binary: the round trip on the demo, refusing to overwrite,
/// and diagnostics for a bad file.
@Suite struct ImportCommandTests {
    /// Progress, status and score of every objective and key result in a `data/okrs.json`, by id.
    func figures(_ path: String) throws -> [String: String] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let objectives = try #require(json["objectives"] as? [[String: Any]])
        var out: [String: String] = [:]
        func text(_ v: Any?) -> String { v.map { "\($0)" } ?? "nil" }
        for o in objectives {
            let id = text(o["id"])
            out[id] = [o["progress"], o["status"], o["score"]].map(text).joined(separator: " ")
            for kr in try #require(o["key_results"] as? [[String: Any]]) {
                out[id + "#" + text(kr["id"])] = [
                    kr["progress"], kr["status"], kr["score"], kr["computed_status"], kr["owner_status"],
                ].map(text).joined(separator: " ")
            }
        }
        return out
    }

    @Test func theDemoSurvivesTheRoundTrip() async throws {
        let work = try SiteFixture([:])
        defer { withExtendedLifetime(work) {} }
        let before = try await Binary.run([
            "build", Binary.repositoryRoot, "--as-of", "2026-11-29", "--output", work.root + "/a", "--no-charts",
        ])
        #expect(before.status == 0, "\(before.stderr)")
        let imported = try await Binary.run(["import", work.root + "/a/data/okrs.csv", work.root + "/site"])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("imported 30 objective(s) with 84 key result(s)"))
        let after = try await Binary.run([
            "build", work.root + "/site", "--as-of", "2026-11-29", "--output", work.root + "/b", "--no-charts",
        ])
        #expect(after.status == 0, "\(after.stderr)")
        let a = try figures(work.root + "/a/data/okrs.json")
        let b = try figures(work.root + "/b/data/okrs.json")
        #expect(a.count == 114)
        #expect(a == b)
        // The export of the imported site imports to the same files again.
        let again = try await Binary.run(["import", work.root + "/b/data/okrs.csv", work.root + "/site2"])
        #expect(again.status == 0, "\(again.stderr)")
        let files = try OutputTree.read(work.root + "/site")
        let again2 = try OutputTree.read(work.root + "/site2")
        #expect(files.count == 32)
        #expect(files.map(\.path) == again2.map(\.path))
        #expect(files.map(\.bytes) == again2.map(\.bytes))
    }

    /// `text` (a CSV from the export) as German Excel saves it with "CSV (Trennzeichen-getrennt)":
    /// semicolons, decimal commas, dates as DD.MM.YYYY, Windows-1252, CRLF.
    func asGermanExcel(_ text: String) throws -> Data {
        var d = Diagnostics()
        let table = try #require(CSVTable.read(Array(text.utf8), path: "okrs.csv", diagnostics: &d))
        func cell(_ c: String) -> String {
            var c = c
            if let dot = c.firstIndex(of: "."), Double(c) != nil { c.replaceSubrange(dot...dot, with: ",") }
            if c.count == 10, let day = Day(iso: c) {
                let parts = day.iso.split(separator: "-")
                c = "\(parts[2]).\(parts[1]).\(parts[0])"
            }
            let quote = c.contains { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            return quote ? "\"" + c.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : c
        }
        var out = table.header.joined(separator: ";") + "\r\n"
        for r in table.records { out += r.fields.map(cell).joined(separator: ";") + "\r\n" }
        return try #require(out.data(using: .windowsCP1252))
    }

    @Test func theDemoSurvivesGermanExcel() async throws {
        let work = try SiteFixture([:])
        defer { withExtendedLifetime(work) {} }
        let build = try await Binary.run([
            "build", Binary.repositoryRoot, "--as-of", "2026-11-29", "--output", work.root + "/a", "--no-charts",
        ])
        #expect(build.status == 0, "\(build.stderr)")
        let export = try String(contentsOfFile: work.root + "/a/data/okrs.csv", encoding: .utf8)
        try work.write("excel.csv", try asGermanExcel(export))
        try work.write("utf8.csv", export)
        let excel = try await Binary.run(["import", work.root + "/excel.csv", work.root + "/excel"])
        #expect(excel.status == 0, "\(excel.stderr)")
        #expect(excel.stderr.contains("warning: the file is not UTF-8; it was read as Windows-1252"))
        let plain = try await Binary.run(["import", work.root + "/utf8.csv", work.root + "/plain"])
        #expect(plain.status == 0, "\(plain.stderr)")
        // The same files, umlauts and all, whichever dialect the spreadsheet wrote.
        let a = try OutputTree.read(work.root + "/excel")
        let b = try OutputTree.read(work.root + "/plain")
        #expect(a.count == 32)
        #expect(a.map(\.path) == b.map(\.path))
        #expect(a.map(\.bytes) == b.map(\.bytes))
        #expect(try String(contentsOfFile: work.root + "/excel/content/teams.yml", encoding: .utf8).contains("Krüger"))
    }

    static let csv = """
        team,team_name,period,objective_id,objective_title,kr_id,kr_title,kr_start,kr_target,kr_current
        company,Müller GmbH,2026-Q4,grow,Grow,kr1,Revenue,0,10,4

        """

    @Test func overwritesNothingWithoutForce() async throws {
        let site = try SiteFixture(["in.csv": Self.csv, "content/teams.yml": "- id: mine\n  name: Mine\n"])
        let refused = try await Binary.run(["import", site.root + "/in.csv", site.root])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("content/teams.yml exists; --force overwrites it"))
        #expect(refused.stderr.contains("nothing was written"))
        #expect(
            try String(contentsOfFile: site.root + "/content/teams.yml", encoding: .utf8)
                == "- id: mine\n  name: Mine\n")
        #expect(!FileManager.default.fileExists(atPath: site.root + "/okrportal.yml"))
        #expect(!FileManager.default.fileExists(atPath: site.root + "/content/objectives/2026-q4/grow.md"))
        let forced = try await Binary.run(["import", "--force", site.root + "/in.csv", site.root])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(
            try String(contentsOfFile: site.root + "/content/teams.yml", encoding: .utf8)
                == "- id: company\n  name: \"Müller GmbH\"\n")
        #expect(
            try String(contentsOfFile: site.root + "/content/objectives/2026-q4/grow.md", encoding: .utf8).contains(
                "current: 4\n"))
        let check = try await Binary.run(["check", site.root, "--as-of", "2026-11-29"])
        #expect(check.status == 0, "\(check.stderr)")
    }

    @Test func aBadFileGetsLineAndColumnAndWritesNothing() async throws {
        let site = try SiteFixture([
            "in.csv": Self.csv + "company,Müller GmbH,2026-Q4,grow,Grow,kr2,Costs,0,ten,4\n"
        ])
        let run = try await Binary.run(["import", site.root + "/in.csv", site.root + "/out"])
        #expect(run.status == 1)
        #expect(run.stderr.contains(site.root + "/in.csv:3:9: error: kr_target: \"ten\" is not a number"))
        #expect(run.stderr.contains("nothing was written"))
        #expect(!FileManager.default.fileExists(atPath: site.root + "/out"))
    }

    @Test func refusesAnImportThatWouldNotPassCheck() async throws {
        let site = try SiteFixture([
            "in.csv": Self.csv.replacingOccurrences(of: "kr_current\n", with: "kr_current,objective_aligns_to\n")
                .replacingOccurrences(of: "Revenue,0,10,4\n", with: "Revenue,0,10,4,nowhere#kr1\n")
        ])
        let run = try await Binary.run(["import", site.root + "/in.csv", site.root + "/out"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("content/objectives/2026-q4/grow.md:"))
        #expect(run.stderr.contains("nowhere"))
        #expect(run.stderr.contains("does not pass 'okrportal check'"))
        #expect(!FileManager.default.fileExists(atPath: site.root + "/out"))
    }

    @Test func staleAfterDaysIsPassedOnSoOutdatedMatches() async throws {
        let site = try SiteFixture([
            "okrportal.yml": """
            title: T
            language: en
            periods:
              - id: 2026-Q4
                start: 2026-10-01
                end: 2026-12-31
            stale_after_days: 5

            """,
            "content/teams.yml": "- id: company\n  name: Company\n",
            "content/objectives/o.md": """
            ---
            title: O
            team: company
            period: 2026-Q4
            key_results:
              - id: kr1
                title: K
                start: 0
                target: 100
                checkins:
                  - { date: 2026-10-20, value: 30 }
                  - { date: 2026-11-20, value: 70, confidence: 0.6 }
            ---

            """,
        ])
        let before = try await Binary.run(["build", site.root, "--as-of", "2026-11-29", "--output", site.root + "/a"])
        #expect(before.status == 0, "\(before.stderr)")
        let csv = site.root + "/a/data/okrs.csv"
        let same = try await Binary.run(["import", csv, site.root + "/same", "--stale-after-days", "5"])
        #expect(same.status == 0, "\(same.stderr)")
        #expect(
            try String(contentsOfFile: site.root + "/same/okrportal.yml", encoding: .utf8).contains(
                "stale_after_days: 5\n"))
        #expect(
            try String(contentsOfFile: site.root + "/same/content/objectives/2026-q4/o.md", encoding: .utf8)
                .contains("    checkins:\n      - { date: 2026-11-20, value: 70, confidence: 0.6 }\n"))
        let after = try await Binary.run([
            "build", site.root + "/same", "--as-of", "2026-11-29", "--output", site.root + "/b",
        ])
        #expect(after.status == 0, "\(after.stderr)")
        let a = try figures(site.root + "/a/data/okrs.json")
        #expect(a["o#kr1"]?.hasPrefix("0.7 outdated") == true)
        #expect(try figures(site.root + "/b/data/okrs.json") == a)
        #expect(try await Binary.run(["import", csv, site.root + "/x", "--stale-after-days", "0"]).status == 2)
    }

    @Test func readsWindows1252WithAWarning() async throws {
        let site = try SiteFixture([:])
        var bytes = Data(Self.csv.replacingOccurrences(of: "Müller", with: "M\u{1}ller").utf8)
        // Excel's "CSV" on Western Windows: ü is the single byte FC.
        bytes = Data(bytes.map { $0 == 1 ? 0xFC : $0 })
        try site.write("in.csv", bytes)
        let run = try await Binary.run(["import", site.root + "/in.csv", site.root + "/out"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("warning: the file is not UTF-8; it was read as Windows-1252"))
        let teams = try String(contentsOfFile: site.root + "/out/content/teams.yml", encoding: .utf8)
        #expect(teams.contains("name: \"Müller GmbH\""))
    }
}
