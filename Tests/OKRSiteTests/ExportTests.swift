import Foundation
import OKRCore
import OKRSite
import OKRTestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A week of check-ins (as of 2026-11-29, the window is 2026-11-23 … 2026-11-29) shared by the export and
/// "What changed" tests. Q4 runs 2026-10-01 … 2026-12-31: expected progress is 0.571 on 2026-11-22 and
/// 0.648 on 2026-11-29.
enum WeekFixture {
    static let growth = Fixtures.objective(
        "growth", team: "marketing", extra: "owner: Jan Becker\n",
        keyResults: """
              - id: leads
                title: Leads, "qualified" ones
                start: 0
                target: 100
                unit: Leads
                checkins:
                  - { date: 2026-11-02, value: 30 }
                  - { date: 2026-11-16, value: 40, confidence: 0.5 }
                  - { date: 2026-11-25, value: 60, confidence: 0.8, note: "Messe <Hannover> & Co" }
              - id: formula
                title: =HYPERLINK("http://evil.example")
                start: -5
                target: 5
                current: -2
                checkins:
                  - { date: 2026-11-20, value: -2 }

            """)
    /// On track on 2026-11-22 (0.5 ≥ 0.471), at risk a week later (0.5 < 0.548) without a check-in.
    static let slipping = Fixtures.objective(
        "slipping", team: "sales",
        keyResults: """
              - id: kr1
                title: "-5 % Ausschuss"
                start: 0
                target: 100
                checkins:
                  - { date: 2026-11-20, value: 50 }

            """)
    /// Its first check-in is in the window: new.
    static let fresh = Fixtures.objective(
        "fresh",
        keyResults: """
              - id: kr1
                title: Fresh start
                start: 0
                target: 100
                checkins:
                  - { date: 2026-11-24, value: 70 }

            """)
    static let secret = Fixtures.objective(
        "secret-plan", team: "sales", extra: "visibility: confidential\nowner: Agent Smith\n",
        keyResults: """
              - id: kr1
                title: Geheime Kennzahl
                start: 0
                target: 100
                checkins:
                  - { date: 2026-11-26, value: 90 }

            """
    ).replacingOccurrences(of: "Objective secret-plan", with: "Geheimer Plan")
    static let draft = Fixtures.objective(
        "draft-idea", team: "marketing", extra: "draft: true\nowner: Draft Dora\n",
        keyResults: """
              - id: kr1
                title: Entwurfskennzahl
                start: 0
                target: 100
                checkins:
                  - { date: 2026-11-27, value: 10 }

            """
    ).replacingOccurrences(of: "Objective draft-idea", with: "Entwurfsziel")

    static func files(config: String = Fixtures.config) -> [String: String] {
        Fixtures.site(
            [
                "growth.md": growth, "slipping.md": slipping, "fresh.md": fresh, "secret-plan.md": secret,
                "draft-idea.md": draft,
            ], extra: ["okrportal.yml": config])
    }

    static let baseURLConfig = Fixtures.config + "base_url: https://okr.intranet.example/portal\n"

    static func build(config: String = Fixtures.config, drafts: Bool = false) throws -> BuildResult {
        let result = try SiteFixture(files(config: config)).build(drafts: drafts)
        #expect(result.errors.isEmpty, "\(result.diagnostics)")
        return result
    }
}

/// `data/okrs.csv`, the Atom feeds and `sitemap.xml`.
@Suite struct ExportTests {
    @Test func csvHasABOMCRLFRowsAndOneRowPerKeyResult() throws {
        let result = try WeekFixture.build()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: result.output + "/data/okrs.csv"))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text.hasSuffix("\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let rows = text.components(separatedBy: "\r\n").dropLast()
        #expect(rows.first == OKRsCSV.columns.joined(separator: ","))
        // growth has two key results, slipping and fresh one each.
        #expect(rows.count == 1 + 4)
        let leads = try #require(rows.first { $0.contains(",leads,") })
        #expect(
            leads
                == "2026-Q4,marketing,Marketing,growth,Objective growth,Jan Becker,aspirational,off-track,0.45,,"
                + "leads,\"Leads, \"\"qualified\"\" ones\",metric,0,100,60,Leads,1,,0.6,on-track,,0.8,2026-11-25,"
                + "objectives/growth.html,on-track,,,"
                // The columns `okrportal import` reads: period dates, team parent, path and lead,
                // aligns_to, hand-set scores, milestone due, the last check-in's value and confidence.
                + "2026-10-01,2026-12-31,company,company/marketing,Jan Becker,,,,,60,0.8")
    }

    @Test func csvNeutralisesFormulasButKeepsNegativeNumbers() throws {
        let result = try WeekFixture.build()
        let text = try result.text("data/okrs.csv")
        let formula = try #require(text.components(separatedBy: "\r\n").first { $0.contains(",formula,") })
        #expect(formula.contains(",formula,\"'=HYPERLINK(\"\"http://evil.example\"\")\",metric,-5,5,-2,"))
        #expect(text.contains(",'-5 % Ausschuss,"))
        #expect(CSVWriter.neutralise("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSVWriter.neutralise("+49 30 1234") == "'+49 30 1234")
        #expect(CSVWriter.neutralise("\tx") == "'\tx")
        #expect(CSVWriter.neutralise("\rx") == "'\rx")
        #expect(CSVWriter.neutralise("Umsatz +5 %") == "Umsatz +5 %")
        var csv = CSVWriter(bom: false)
        csv.number(-3.5)
        csv.text("-3.5")
        csv.text("a\nb")
        csv.endRow()
        #expect(csv.text == "-3.5,'-3.5,\"a\nb\"\r\n")
    }

    @Test func siteFeedIsWellFormedAtomWithTheWeeksCheckInsAndStatusMoves() throws {
        let result = try WeekFixture.build()
        let feed = try result.text("feed.xml")
        let entries = try AtomEntries.parse(feed)
        #expect(entries.feedID == "urn:okrportal:feed:feed.xml")
        // Three check-ins in the window (the one of 2026-11-20 is before it), and status moves.
        let checkins = entries.entries.filter { $0.id.contains(":checkin:") }
        #expect(
            checkins.map(\.id) == [
                "urn:okrportal:2026-11-25:checkin:growth:leads", "urn:okrportal:2026-11-24:checkin:fresh:kr1",
            ])
        let leads = try #require(entries.entries.first { $0.id.hasSuffix("growth:leads") })
        #expect(leads.title == "Leads, \"qualified\" ones: 40\u{A0}Leads → 60\u{A0}Leads")
        #expect(leads.updated == "2026-11-25T00:00:00Z")
        #expect(leads.link == "objectives/growth.html#kr-leads")
        #expect(leads.summary.contains("Messe <Hannover> & Co"))
        #expect(leads.author == "Jan Becker")
        #expect(feed.contains("Messe &lt;Hannover&gt; &amp; Co"))
        let moves = entries.entries.filter { $0.id.contains(":status:") }
        #expect(
            Set(moves.map(\.title)) == [
                "Objective slipping: Auf Kurs → Gefährdet", "Objective fresh: Nicht auf Kurs → Auf Kurs",
            ])
        #expect(moves.allSatisfy { $0.updated == "2026-11-29T00:00:00Z" })
        // A move's id names it and the newest check-in behind it, not the build's date.
        #expect(
            Set(moves.map(\.id)) == [
                "urn:okrportal:2026-11-20:status:slipping:on-track-at-risk",
                "urn:okrportal:2026-11-24:status:fresh:off-track-on-track",
            ])
        // The same input gives the same bytes.
        #expect(try WeekFixture.build().text("feed.xml") == feed)
    }

    @Test func aStatusMoveKeepsItsIdInTheNextDaysBuild() throws {
        let fixture = try SiteFixture(WeekFixture.files())
        defer { withExtendedLifetime(fixture) {} }
        func moveIDs(_ asOf: String) throws -> Set<String> {
            let result = try fixture.build(asOf: asOf, output: fixture.root + "/out-" + asOf)
            let entries = try AtomEntries.parse(try result.text("feed.xml")).entries
            return Set(entries.filter { $0.id.contains(":status:slipping:") }.map(\.id))
        }
        let monday = try moveIDs("2026-11-29")
        #expect(monday.count == 1)
        #expect(try moveIDs("2026-11-30") == monday)
    }

    @Test func teamFeedsHoldTheirSubtreeAndPagesLinkTheirFeeds() throws {
        let result = try WeekFixture.build()
        let sales = try AtomEntries.parse(try result.text("teams/sales/feed.xml"))
        #expect(sales.entries.map(\.title) == ["Objective slipping: Auf Kurs → Gefährdet"])
        #expect(sales.entries.first?.link == "../../objectives/slipping.html")
        let company = try AtomEntries.parse(try result.text("teams/company/feed.xml"))
        #expect(company.entries.count == 4)
        #expect(try AtomEntries.parse(try result.text("teams/social-media/feed.xml")).entries.isEmpty)
        let team = try result.text("teams/sales.html")
        #expect(team.contains("<link rel=\"alternate\" type=\"application/atom+xml\" href=\"feed.xml\""))
        #expect(team.contains("<link rel=\"alternate\" type=\"application/atom+xml\" href=\"teams/sales/feed.xml\""))
        let objective = try result.text("objectives/growth.html")
        #expect(objective.contains("href=\"feed.xml\""))
        #expect(!objective.contains("/feed.xml\""))
    }

    @Test func withABaseURLLinksAreAbsoluteIdsAreTagURIsAndASitemapListsEveryPage() throws {
        let result = try WeekFixture.build(config: WeekFixture.baseURLConfig)
        let feed = try AtomEntries.parse(try result.text("feed.xml"))
        #expect(feed.feedID == "https://okr.intranet.example/portal/feed.xml")
        let leads = try #require(feed.entries.first { $0.id.contains("growth") && $0.id.contains("leads") })
        #expect(leads.id == "tag:okr.intranet.example,2026-11-25:checkin/growth/leads")
        #expect(leads.link == "https://okr.intranet.example/portal/objectives/growth.html#kr-leads")
        let team = try AtomEntries.parse(try result.text("teams/sales/feed.xml"))
        #expect(team.entries.first?.link == "https://okr.intranet.example/portal/objectives/slipping.html")

        let sitemap = try result.text("sitemap.xml")
        _ = try AtomEntries.parse(sitemap, expectFeed: false)
        let pages = try result.files().map(\.path).filter { $0.hasSuffix(".html") && $0 != "404.html" }
        let locs = sitemap.components(separatedBy: "<loc>").dropFirst().map { $0.components(separatedBy: "</loc>")[0] }
        #expect(locs == pages.sorted().map { "https://okr.intranet.example/portal/" + $0 })
        #expect(locs.contains("https://okr.intranet.example/portal/changes.html"))
        // Without base_url there is no sitemap.
        #expect(!FileManager.default.fileExists(atPath: try WeekFixture.build().output + "/sitemap.xml"))
    }

    @Test func largeSitemapsBecomeAnIndex() throws {
        let files = Sitemap.files(
            baseURL: "https://x.example/", pages: (1...5).map { "p\($0).html" }, notFound: "404.html", limit: 2)
        #expect(files.map(\.path) == ["sitemap.xml", "sitemaps/1.xml", "sitemaps/2.xml", "sitemaps/3.xml"])
        #expect(files[0].render().contains("<sitemapindex"))
        #expect(files[0].render().contains("<loc>https://x.example/sitemaps/3.xml</loc>"))
        #expect(files[3].render().contains("<loc>https://x.example/p5.html</loc>"))
        #expect(Sitemap.files(baseURL: nil, pages: ["index.html"], notFound: "404.html").isEmpty)
    }

    @Test func busyWeeksAreCappedInFeedsAndOnThePage() throws {
        // 510 check-ins of one key result within the week, 102 on each of five days.
        var checkins = ""
        for i in 0..<510 { checkins += "          - { date: 2026-11-2\(5 + i % 5), value: \(i % 100) }\n" }
        let files = Fixtures.site([
            "busy.md": Fixtures.objective(
                "busy",
                keyResults: "  - id: kr1\n    title: Busy\n    start: 0\n    target: 1000\n    checkins:\n"
                    + checkins)
        ])
        let result = try SiteFixture(files).build()
        #expect(result.errors.isEmpty, "\(result.diagnostics)")
        let feed = try AtomEntries.parse(try result.text("feed.xml"))
        #expect(feed.entries.count == AtomFeed.limit)
        #expect(Set(feed.entries.map(\.id)).count == AtomFeed.limit)
        // Newest first; a key result's later check-ins of one day get /2, /3 …
        #expect(feed.entries.first?.updated == "2026-11-29T00:00:00Z")
        #expect(feed.entries.contains { $0.id == "urn:okrportal:2026-11-29:checkin:busy:kr1:2" })
        #expect(try AtomEntries.parse(try result.text("teams/company/feed.xml")).entries.count == AtomFeed.limit)
        let page = try result.text("changes.html")
        #expect(page.components(separatedBy: "<tr><th scope=\"row\">").count - 1 == 500)
        #expect(page.contains("… und 10 weitere, hier nicht gezeigt"))
    }

    @Test func xmlEscapingHandlesMarkupAndCharactersXMLCannotHold() {
        #expect(XML.escape("a<b>&\"'") == "a&lt;b&gt;&amp;&quot;&apos;")
        #expect(XML.escape("x\u{1}y\u{FFFF}") == "x\u{FFFD}y\u{FFFD}")
        #expect(XML.escape("tab\tnew\nline") == "tab\tnew\nline")
    }

    @Test func confidentialObjectivesAndDraftsAppearInNoExport() throws {
        for config in [Fixtures.config, WeekFixture.baseURLConfig] {
            let result = try WeekFixture.build(config: config)
            let exports = try result.files().filter {
                $0.path.hasSuffix(".xml") || $0.path.hasSuffix(".csv") || $0.path.hasSuffix(".json")
                    || $0.path == "changes.html"
            }
            #expect(exports.count >= 8, "\(exports.map(\.path))")
            for file in exports {
                let text = String(decoding: file.bytes, as: UTF8.self)
                for secret in [
                    "secret-plan", "Geheimer Plan", "Geheime Kennzahl", "Agent Smith", "draft-idea", "Entwurfsziel",
                    "Entwurfskennzahl", "Draft Dora",
                ] {
                    #expect(!text.contains(secret), "\(file.path) names \(secret)")
                }
            }
        }
        // With --drafts the draft is built, and its check-in is in the feed.
        let drafts = try WeekFixture.build(drafts: true)
        #expect(try drafts.text("feed.xml").contains("Entwurfskennzahl"))
        #expect(try drafts.text("data/okrs.csv").contains("draft-idea"))
        #expect(try !drafts.text("feed.xml").contains("Geheime Kennzahl"))
    }
}

/// Reads an Atom feed (or any XML document) with Foundation's parser: fails when it is not well-formed.
final class AtomEntries: NSObject, XMLParserDelegate {
    struct Entry {
        var id = "", title = "", updated = "", link = "", summary = "", author = ""
    }
    var feedID = ""
    var entries: [Entry] = []
    private var current: Entry?
    private var text = ""
    private var inAuthor = false

    static func parse(_ xml: String, expectFeed: Bool = true) throws -> AtomEntries {
        let parser = XMLParser(data: Data(xml.utf8))
        let reader = AtomEntries()
        parser.delegate = reader
        guard parser.parse() else {
            throw FixtureError("not well-formed XML: \(String(describing: parser.parserError))")
        }
        if expectFeed { #expect(xml.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\"")) }
        return reader
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        text = ""
        if name == "entry" { current = Entry() }
        if name == "author" { inAuthor = true }
        if name == "link", current != nil, attributes["rel"] == "alternate" { current?.link = attributes["href"] ?? "" }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "entry":
            if let current { entries.append(current) }
            current = nil
        case "id": if current != nil { current?.id = text } else { feedID = text }
        case "title": current?.title = text
        case "updated": current?.updated = text
        case "summary": current?.summary = text
        case "name": if inAuthor { current?.author = text }
        case "author": inAuthor = false
        default: break
        }
    }
}
