import Foundation
import OKRCore
import Testing

@testable import OKRContent

/// `okrportal import`'s reading: CSV dialects (Excel's included), the rows into files, and a
/// diagnostic at `FILE.csv:LINE:COLUMN` for each bad cell.
@Suite struct CSVImportTests {
    static let header =
        "team,team_name,team_parent,period,period_start,period_end,objective_id,objective_title,kr_id,kr_title,kr_kind,kr_start,kr_target,kr_current"

    func table(_ text: String, _ diagnostics: inout Diagnostics) -> CSVTable? {
        CSVTable.read(Array(text.utf8), path: "okrs.csv", diagnostics: &diagnostics)
    }

    func table(bytes: [UInt8], _ diagnostics: inout Diagnostics) -> CSVTable? {
        CSVTable.read(bytes, path: "okrs.csv", diagnostics: &diagnostics)
    }

    /// The files an import of `text` plans, or the diagnostics as `path:line:col: severity: message`.
    func plan(_ text: String, periods: [Period]? = nil) -> (files: [String: String], diagnostics: [String]) {
        var diagnostics = Diagnostics()
        guard let t = table(text, &diagnostics),
            let plan = CSVImport.plan(
                t, path: "okrs.csv", periods: periods, title: "OKRs", language: "en", staleAfterDays: 14,
                diagnostics: &diagnostics)
        else { return ([:], diagnostics.sorted.map(\.description)) }
        var files: [String: String] = [:]
        for f in plan.files { files[f.path] = f.text }
        return (files, diagnostics.sorted.map(\.description))
    }

    // MARK: Dialects

    @Test func readsQuotedFieldsWithSeparatorsQuotesAndLineBreaks() throws {
        var d = Diagnostics()
        let t = try #require(table("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\nplain,,last\r\n", &d))
        #expect(!d.hasErrors)
        #expect(t.header == ["a", "b", "c"])
        #expect(t.records.map(\.fields) == [["x, y", "say \"hi\"", "two\r\nlines"], ["plain", "", "last"]])
        // The record after a field with a line break starts on line 4.
        #expect(t.records.map(\.line) == [2, 4])
    }

    @Test func detectsTheSeparatorFromTheHeaderLine() throws {
        var d = Diagnostics()
        let semicolon = try #require(table("a;b;c\n1,5;x,y;3\n", &d))
        #expect(semicolon.separator == ";")
        #expect(semicolon.records[0].fields == ["1,5", "x,y", "3"])
        let tab = try #require(table("a\tb\n1\t2\n", &d))
        #expect(tab.separator == "\t")
        #expect(tab.records[0].fields == ["1", "2"])
        let comma = try #require(table("a,b\n1;2,3\n", &d))
        #expect(comma.separator == ",")
        #expect(comma.records[0].fields == ["1;2", "3"])
    }

    @Test func skipsTheByteOrderMarkAndBlankLines() throws {
        var d = Diagnostics()
        let t = try #require(table(bytes: [0xEF, 0xBB, 0xBF] + Array("team,x\n\nmarketing,Ä\n\n".utf8), &d))
        #expect(t.header == ["team", "x"])
        #expect(t.records.map(\.fields) == [["marketing", "Ä"]])
        #expect(t.records[0].line == 3)
        #expect(!t.readAsWindows1252)
        #expect(d.items.isEmpty)
    }

    @Test func readsWindows1252WithAWarning() throws {
        var d = Diagnostics()
        // "Müller – 5 €" in Windows-1252: ü = FC, en dash = 96, euro = 80.
        let bytes: [UInt8] =
            Array("name\n".utf8) + [0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72, 0x20, 0x96, 0x20, 0x35, 0x20, 0x80, 0x0A]
        let t = try #require(table(bytes: bytes, &d))
        #expect(t.readAsWindows1252)
        #expect(t.records[0].fields == ["Müller – 5 €"])
        let warning = try #require(d.items.first)
        #expect(warning.severity == .warning)
        #expect(
            warning.description.hasPrefix("okrs.csv:1:1: warning: the file is not UTF-8; it was read as Windows-1252"))
    }

    @Test func reportsAnUnclosedQuoteAndTextAfterAQuote() {
        var d = Diagnostics()
        _ = table("a,b\n1,\"open\n2,3\n", &d)
        #expect(
            d.sorted.map(\.description) == [
                "okrs.csv:2:2: error: a quoted field opened on line 2 is never closed: a quote (\") is missing"
            ])
        var e = Diagnostics()
        _ = table("a,b\n\"x\"y,2\n", &e)
        #expect(e.sorted.first?.description.hasPrefix("okrs.csv:2:1: error: text after the closing quote") == true)
        var f = Diagnostics()
        #expect(table("", &f) == nil)
        #expect(f.hasErrors)
    }

    @Test func readsNumbersDatesAndPeriodsAsSpreadsheetsWriteThem() {
        #expect(CSVImport.number("5610,5", decimalComma: true) == 5610.5)
        #expect(CSVImport.number("5.610,5", decimalComma: true) == 5610.5)
        #expect(CSVImport.number("5610.5", decimalComma: true) == 5610.5)
        #expect(CSVImport.number("5610,5", decimalComma: false) == nil)
        #expect(CSVImport.number("-2", decimalComma: false) == -2)
        #expect(CSVImport.number("nan", decimalComma: false) == nil)
        #expect(CSVImport.number("inf", decimalComma: false) == nil)
        #expect(CSVImport.number("0x10", decimalComma: false) == nil)
        #expect(CSVImport.day("2026-11-29")?.iso == "2026-11-29")
        #expect(CSVImport.day("29.11.2026")?.iso == "2026-11-29")
        #expect(CSVImport.day("1.2.2026")?.iso == "2026-02-01")
        #expect(CSVImport.day("31.02.2026") == nil)
        #expect(CSVImport.periodDates("2026-Q4").map { [$0.0.iso, $0.1.iso] } == ["2026-10-01", "2026-12-31"])
        #expect(CSVImport.periodDates("2026-H1").map { [$0.0.iso, $0.1.iso] } == ["2026-01-01", "2026-06-30"])
        #expect(CSVImport.periodDates("2027").map { [$0.0.iso, $0.1.iso] } == ["2027-01-01", "2027-12-31"])
        #expect(CSVImport.periodDates("sprint-7") == nil)
        #expect(CSVImport.unneutralised("'=HYPERLINK(1)") == "=HYPERLINK(1)")
        #expect(CSVImport.unneutralised("'-5 % Ausschuss") == "-5 % Ausschuss")
        #expect(CSVImport.unneutralised("'quoted'") == "'quoted'")
    }

    // MARK: Rows into files

    @Test func writesTeamsObjectivesAndTheConfigFromExcelSemicolonRows() throws {
        let csv = #"""
            team;team_name;team_parent;team_lead;period;objective_id;objective_title;objective_owner;kr_id;kr_title;kr_kind;kr_start;kr_target;kr_current;kr_unit;kr_weight;kr_last_checkin;kr_confidence;kr_owner_status;kr_done;extra
            company;"Muster GmbH";;"Dr. Petra Hoffmann";2026-Q4;grow;"Wachsen; gesund";;kr1;"Umsatz ""Q4""";;5000;6000;5610,5;EUR;2;20.11.2026;0,7;at-risk;;ignored
            sales;Vertrieb;company;Jan;2026-Q4;win;Gewinnen;Anna;kr1;Launch;milestone;;;;;;;;;ja;
            sales;Vertrieb;company;Jan;2026-Q4;grow-sales;'=Mehr;;kr1;Mehr;;0;10;;;;;;;;

            """#
        let (files, diagnostics) = plan(csv)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(
            files["okrportal.yml"]
                == """
                title: "OKRs"
                language: en
                periods:
                  - id: "2026-Q4"
                    start: 2026-10-01
                    end: 2026-12-31
                stale_after_days: 14

                """)
        #expect(
            files["content/teams.yml"]
                == """
                - id: company
                  name: "Muster GmbH"
                  lead: "Dr. Petra Hoffmann"
                - id: sales
                  name: "Vertrieb"
                  parent: company
                  lead: "Jan"

                """)
        #expect(
            files["content/objectives/2026-q4/grow.md"]
                == """
                ---
                id: grow
                title: "Wachsen; gesund"
                team: company
                period: "2026-Q4"
                key_results:
                  - id: kr1
                    title: "Umsatz \\"Q4\\""
                    start: 5000
                    target: 6000
                    unit: "EUR"
                    weight: 2
                    checkins:
                      - { date: 2026-11-20, value: 5610.5, confidence: 0.7, status: at-risk }
                ---

                """)
        #expect(files["content/objectives/2026-q4/win.md"]?.contains("owner: \"Anna\"\n") == true)
        #expect(files["content/objectives/2026-q4/win.md"]?.contains("    kind: milestone\n    done: true\n") == true)
        // The export's anti-formula apostrophe is taken off; without a check-in, `current:` is the start.
        #expect(files["content/objectives/2026-q4/grow-sales.md"]?.contains("title: \"=Mehr\"") == true)
    }

    @Test func checksAnImportedSiteClean() throws {
        let csv = """
            team,team_path,period,objective_id,objective_title,objective_aligns_to,kr_id,kr_title,kr_kind,kr_start,kr_target,kr_current
            company,company,2026-Q4,top,Top,,kr1,Children,children,,,
            web,company/marketing/web,2026-Q4,site,Site,top#kr1,kr1,Visits,,0,100,40
            web,company/marketing/web,2026-Q4,site,Site,top#kr1,kr2,Leads,,10,20,12

            """
        let (files, diagnostics) = plan(csv)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        // The path names a team (marketing) that has no row of its own: it is called by its id.
        #expect(
            files["content/teams.yml"]?.contains("- id: marketing\n  name: \"marketing\"\n  parent: company\n") == true)
        #expect(files["content/objectives/2026-q4/site.md"]?.contains("aligns_to: \"top#kr1\"\n") == true)
        var d = Diagnostics()
        let config = try #require(
            ConfigReader.readConfig(files["okrportal.yml"] ?? "", path: "okrportal.yml", diagnostics: &d))
        #expect(config.periods.map(\.id) == ["2026-Q4"])
        let teams = ConfigReader.readTeams(files["content/teams.yml"] ?? "", path: "content/teams.yml", diagnostics: &d)
        #expect(teams.map(\.id) == ["company", "marketing", "web"])
        #expect(!d.hasErrors, "\(d.items)")
    }

    @Test func addsACommonRootForTeamsWithoutParents() {
        let csv =
            "team,period,objective_id,objective_title,kr_id,kr_title,kr_start,kr_target\n"
            + "sales,2026-Q4,a,A,kr1,K,0,1\nweb,2026-Q4,b,B,kr1,K,0,1\n"
        let (files, diagnostics) = plan(csv)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.contains("warning: 2 teams have no parent (sales, web)") == true)
        #expect(files["content/teams.yml"]?.hasPrefix("- id: company\n  name: \"Company\"\n- id: sales\n") == true)
    }

    // MARK: Diagnostics

    @Test func reportsEachBadCellAtItsLineAndColumn() {
        let csv = """
            team,period,objective_id,objective_title,kr_id,kr_title,kr_kind,kr_start,kr_target,kr_current,kr_last_checkin,kr_confidence
            Sales Team,2026-Q4,a,A,kr1,K,,0,10,abc,2026-13-01,1.5
            sales,2026-Q4,a,"multi
            line",kr1,K,gauge,0,0,,,
            sales,2026-Q4,a,A,kr1,K,,0,10,,,
            sales,2026-Q4,a,A,kr1,Again,,0,10,,,
            sales,2026-Q4,,A,kr2,K,,0,10,,,

            """
        let (files, diagnostics) = plan(csv, periods: nil)
        #expect(files.isEmpty)
        #expect(
            diagnostics == [
                "okrs.csv:2:1: error: team: \"Sales Team\": " + (Slug.problem(with: "Sales Team") ?? ""),
                "okrs.csv:2:10: error: kr_current: \"abc\" is not a number (write 5610.5)",
                "okrs.csv:2:11: error: kr_last_checkin: \"2026-13-01\" is not a date (write YYYY-MM-DD or DD.MM.YYYY)",
                "okrs.csv:2:12: error: kr_confidence: 1.5 is outside 0…1",
                "okrs.csv:3:7: error: kr_kind: \"gauge\" is not one of metric, milestone, children",
                "okrs.csv:3:9: error: kr_target: equals kr_start (0): nothing to move",
                "okrs.csv:6:5: error: kr_id: objective \"a\" has a key result \"kr1\" already",
                "okrs.csv:7:3: error: objective_id: is empty; every row needs it",
            ])
    }

    @Test func reportsAMissingColumnAndAnUnknownPeriod() throws {
        let missing = plan("team,period,objective_id\nsales,2026-Q4,a\n")
        #expect(
            missing.diagnostics.contains {
                $0.hasPrefix("okrs.csv:1:1: error: the header has no column \"objective_title\"")
            })
        let q4 = Period(
            id: "2026-Q4", start: try #require(Day(iso: "2026-10-01")), end: try #require(Day(iso: "2026-12-31")),
            location: SourceLocation(path: "okrportal.yml"))
        let unknown = plan(
            "team,period,objective_id,objective_title,kr_id,kr_title,kr_start,kr_target\nsales,2027-Q1,a,A,kr1,K,0,1\n",
            periods: [q4])
        #expect(
            unknown.diagnostics == [
                "okrs.csv:2:2: error: period: \"2027-Q1\" is not a period of okrportal.yml (2026-Q4)"
            ])
        let undated = plan(
            "team,period,objective_id,objective_title,kr_id,kr_title,kr_start,kr_target\nsales,sprint-7,a,A,kr1,K,0,1\n"
        )
        #expect(
            undated.diagnostics.first?.hasPrefix("okrs.csv:2:2: error: period: the site has no okrportal.yml") == true)
    }
}
