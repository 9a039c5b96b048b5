import Testing

@testable import OKRCore

/// The word heuristics of OKR004 and OKR005, as tables.
@Suite struct TitleWordsTests {
    @Test(arguments: [
        ("Umsatz um 20 % steigern", "20"),
        ("Increase revenue to 1,500 customers", "1,500"),
        ("1.500 Kunden gewinnen", "1.500"),
        ("Churn auf 2,5% senken", "2,5%"),
        ("Drei Pilotkunden für den PX-5 gewinnen", "Drei"),
        ("Win five reference customers", "five"),
        ("Ersatzteile in 48 Stunden beim Kunden", "48"),
        ("Wachstum verzehnfachen (10x)", "10x"),
    ])
    func numbersAreFound(title: String, number: String) {
        #expect(TitleWords.firstNumber(in: title) == number)
    }

    @Test(arguments: [
        "Marktstart des PX-5 zur AMB 2026 vorbereiten",
        "Messlabor für Genauigkeitsnachweise nach ISO 230 aufbauen",
        "Website barrierefrei nach WCAG 2.1 AA machen",
        "Key Accounts und Tier-1-Zulieferer zu Referenzkunden entwickeln",
        "Eine Marke aufbauen, die man kennt",
        "Become the one supplier customers trust",
    ])
    func namesYearsAndStandardsAreNoNumbers(title: String) {
        #expect(TitleWords.firstNumber(in: title) == nil)
    }

    @Test(arguments: [
        ("Mindestens 5 Fachartikel über die Produktinnovation veröffentlichen", "veröffentlichen"),
        ("20 Kundenvorführungen im Technikum durchgeführt", "durchgeführt"),
        ("Publish 5 articles", "Publish"),
        ("Hold 4 webinars", "Hold"),
        ("30 Tiefeninterviews mit Fertigungsleitern geführt", "geführt"),
    ])
    func activitiesAreFound(title: String, verb: String) {
        #expect(TitleWords.activityVerb(in: title) == verb)
    }

    @Test(arguments: [
        "Follower auf LinkedIn um 20 % erhöhen",
        "Conversion-Rate der Landingpage von 1,2 % auf 3,0 % steigern",
        "Increase qualified leads from 40 to 120",
        "Durchlaufzeit der Angebotserstellung von 10 auf 5 Tage senken",
    ])
    func outcomesAreNoActivities(title: String) {
        #expect(TitleWords.activityVerb(in: title) == nil)
    }
}
