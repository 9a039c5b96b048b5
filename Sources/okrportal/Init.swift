import ArgumentParser
import OKRContent
import OKRCore

/// `okrportal init`: a small site to start from.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a new site: okrportal.yml, content/teams.yml and three example objectives.",
        discussion: """
            Writes okrportal.yml (with the current quarter as its period), content/teams.yml (a company with \
            two teams), one objective per team under content/objectives/<period>/ aligned to each other, and \
            a .gitignore for public/ (unless there is one). The result passes 'okrportal check' without \
            errors and builds. DIR may exist; no file in it is ever overwritten: if one of the files is \
            there already, nothing is written and init exits 2.

            Example:
              okrportal init okrs --language de && cd okrs && okrportal serve
            """
    )

    @Argument(help: "The folder of the new site (created when missing).")
    var dir: String

    @Option(help: "The UI language: de or en.")
    var language: String = "en"

    @Option(
        name: .customLong("as-of"),
        help: "A day in the quarter to plan, YYYY-MM-DD (default: SOURCE_DATE_EPOCH, else today).")
    var asOf: String?

    func validate() throws {
        guard SiteConfig.languages.contains(language) else {
            throw ValidationError("--language must be one of \(SiteConfig.languages.joined(separator: ", "))")
        }
    }

    func run() throws {
        let day: Day
        do { day = try AsOf.resolve(option: asOf) } catch { throw ValidationError(error.message) }
        var files = Self.files(language: language, day: day)
        if FileSystem.exists(SiteReader.join(dir, ".gitignore")) { files.removeAll { $0.0 == ".gitignore" } }
        let clashes = Scaffold.existing(files, in: dir)
        guard clashes.isEmpty else {
            Terminal.standardError(
                "error: \(dir) already holds \(clashes.joined(separator: ", ")); init overwrites no file "
                    + "(choose an empty folder, or add objectives with 'okrportal new objective')")
            throw ExitCode(2)
        }
        do { try Scaffold.write(files, in: dir) } catch {
            Terminal.standardError("error: \(error.message)")
            throw ExitCode(2)
        }
        for (path, _) in files { Terminal.standardOutput("created \(SiteReader.join(dir, path))") }
        Terminal.standardOutput("next: okrportal check \(dir) && okrportal serve \(dir)")
    }

    /// The quarter holding `day`: its id (`2026-Q4`), first and last day.
    static func quarter(of day: Day) -> (id: String, start: Day, end: Day) {
        let (year, month, _) = day.components
        let q = (month - 1) / 3 + 1
        let firstMonth = (q - 1) * 3 + 1
        // Months 1…12 and their lengths always make valid days.
        let start = Day(year: year, month: firstMonth, day: 1) ?? day
        let end =
            Day(year: year, month: firstMonth + 2, day: Day.daysIn(month: firstMonth + 2, year: year)) ?? day
        return ("\(year)-Q\(q)", start, end)
    }

    /// Every file of the new site, relative to its folder.
    static func files(language: String, day: Day) -> [(String, String)] {
        let (period, start, end) = quarter(of: day)
        let folder = "content/objectives/" + Slug.make(from: period)
        let suffix = Slug.make(from: period)
        let de = language == "de"
        let t = de ? german : english
        let company = "\(t.companyId)-\(suffix)"
        let product = "\(t.productId)-\(suffix)"
        let sales = "\(t.salesId)-\(suffix)"
        return [
            (
                "okrportal.yml",
                """
                title: \(Scaffold.quoted(t.siteTitle))
                language: \(language)
                periods:
                  - id: \(period)
                    start: \(start)
                    end: \(end)
                stale_after_days: 14
                lint:
                  ignore: [OKR001]   # the example has one objective per team; remove this once yours have 2–5

                """
            ),
            (
                "content/teams.yml",
                """
                # The organisation: exactly one team without a parent (the company); ids are slugs.
                - id: company
                  name: \(Scaffold.quoted(t.companyName))
                  lead: Alex Morgan
                - id: product
                  name: \(Scaffold.quoted(t.productName))
                  parent: company
                  lead: Sam Lee
                - id: sales
                  name: \(Scaffold.quoted(t.salesName))
                  parent: company
                  lead: Kim Novak

                """
            ),
            (
                "\(folder)/\(company).md",
                """
                ---
                title: \(Scaffold.quoted(t.companyTitle))
                team: company
                period: \(period)
                type: aspirational
                key_results:
                  - id: kr1
                    title: \(Scaffold.quoted(t.companyKR1))
                    start: 20
                    target: 40
                    checkins:
                      - { date: \(day), value: 20, confidence: 0.5 }
                  - id: kr2
                    title: \(Scaffold.quoted(t.companyKR2))
                    start: 30
                    target: 45
                    unit: "%"
                    checkins:
                      - { date: \(day), value: 30, confidence: 0.5 }
                ---

                \(t.companyBody)

                """
            ),
            (
                "\(folder)/\(product).md",
                """
                ---
                title: \(Scaffold.quoted(t.productTitle))
                team: product
                period: \(period)
                aligns_to: \(company)#kr1
                origin: bottom-up
                key_results:
                  - id: kr1
                    title: \(Scaffold.quoted(t.productKR1))
                    start: 14
                    target: 3
                    unit: \(Scaffold.quoted(t.days))
                    checkins:
                      - { date: \(day), value: 14, confidence: 0.5 }
                  - id: kr2
                    title: \(Scaffold.quoted(t.productKR2))
                    start: 40
                    target: 75
                    unit: "%"
                    checkins:
                      - { date: \(day), value: 40, confidence: 0.5 }
                ---

                \(t.productBody)

                """
            ),
            (
                "\(folder)/\(sales).md",
                """
                ---
                title: \(Scaffold.quoted(t.salesTitle))
                team: sales
                period: \(period)
                aligns_to: \(company)#kr2
                key_results:
                  - id: kr1
                    title: \(Scaffold.quoted(t.salesKR1))
                    start: 0
                    target: 15
                    checkins:
                      - { date: \(day), value: 0, confidence: 0.5 }
                  - id: kr2
                    title: \(Scaffold.quoted(t.salesKR2))
                    start: 30
                    target: 60
                    unit: "%"
                    checkins:
                      - { date: \(day), value: 30, confidence: 0.5 }
                ---

                \(t.salesBody)

                """
            ),
            (".gitignore", "# What okrportal builds: publish it, do not commit it.\npublic/\n"),
        ]
    }

    /// The example's words in one language.
    struct Texts {
        var siteTitle, companyName, productName, salesName: String
        var companyId, productId, salesId: String
        var companyTitle, companyKR1, companyKR2, companyBody: String
        var productTitle, productKR1, productKR2, productBody, days: String
        var salesTitle, salesKR1, salesKR2, salesBody: String
    }

    static let english = Texts(
        siteTitle: "Example Ltd – OKRs", companyName: "Example Ltd", productName: "Product", salesName: "Sales",
        companyId: "customers-recommend-us", productId: "effortless-onboarding", salesId: "win-back-customers",
        companyTitle: "Become the supplier our customers recommend",
        companyKR1: "Raise the Net Promoter Score from 20 to 40",
        companyKR2: "Raise the share of revenue from repeat customers from 30 % to 45 %",
        companyBody:
            "Why it matters, in Markdown: customers who recommend us bring the next ones. Edit this file, "
            + "or add an objective with `okrportal new objective`.",
        productTitle: "Make getting started effortless for new customers",
        productKR1: "Cut the time from contract to first use from 14 to 3 days",
        productKR2: "Raise the share of customers who finish setup alone from 40 % to 75 %",
        productBody: "New customers who succeed in their first week stay and recommend us.", days: "days",
        salesTitle: "Win back the customers we lost last year",
        salesKR1: "Bring 15 former customers back to a new order",
        salesKR2: "Raise the share of renewals signed before they are due from 30 % to 60 %",
        salesBody: "Former customers know us; what made them leave is fixed.")

    static let german = Texts(
        siteTitle: "Beispiel GmbH – OKRs", companyName: "Beispiel GmbH", productName: "Produkt",
        salesName: "Vertrieb",
        companyId: "kunden-empfehlen-uns", productId: "einstieg-muehelos", salesId: "kunden-zurueckgewinnen",
        companyTitle: "Der Lieferant werden, den unsere Kunden weiterempfehlen",
        companyKR1: "Net Promoter Score von 20 auf 40 steigern",
        companyKR2: "Umsatzanteil wiederkehrender Kunden von 30 % auf 45 % steigern",
        companyBody:
            "Warum es zählt, in Markdown: Kunden, die uns empfehlen, bringen die nächsten. Diese Datei "
            + "bearbeiten oder mit `okrportal new objective` ein Objective hinzufügen.",
        productTitle: "Neuen Kunden den Einstieg mühelos machen",
        productKR1: "Zeit vom Vertrag bis zur ersten Nutzung von 14 auf 3 Tage senken",
        productKR2: "Anteil der Kunden, die die Einrichtung allein abschließen, von 40 % auf 75 % steigern",
        productBody: "Wer in der ersten Woche Erfolg hat, bleibt und empfiehlt uns.", days: "Tage",
        salesTitle: "Die Kunden zurückgewinnen, die wir letztes Jahr verloren haben",
        salesKR1: "15 ehemalige Kunden für einen neuen Auftrag gewinnen",
        salesKR2: "Anteil der vor Fälligkeit unterschriebenen Verlängerungen von 30 % auf 60 % steigern",
        salesBody: "Ehemalige Kunden kennen uns; was sie vertrieben hat, ist behoben.")
}
