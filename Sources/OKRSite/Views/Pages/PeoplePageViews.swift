import OKRCore

/// `people/index.html`: everyone who owns an objective or leads a team.
public struct PeoplePageView: PageView {
    public let frame: PageFrame

    init(_ m: SiteModel) {
        frame = PageFrame(m, .people, title: m.t["people_title"], section: "people")
    }

    public static let schema = ViewSchema<PeoplePageView>(
        "PeoplePage", "`people.mustache`: everyone with a page.",
        fields: [
            .list("people", "everyone, sorted by name") { v in
                v.frame.site.people.all.indices.map { PersonEntryView(site: v.frame.site, person: $0) }
            }
        ])
}

/// A person in the people index.
public struct PersonEntryView: TemplateView {
    let site: SiteModel
    /// The person.
    public let person: PersonIndex

    private var p: People.Person { site.people.all[person] }

    public static let schema = ViewSchema<PersonEntryView>(
        "PersonEntry", "A person in the people index.",
        fields: [
            .text("name", "the name") { $0.p.name },
            .text("url", "their page") { $0.site.routes.path(.person($0.person)) },
            .list("leads", "the teams they lead") { v in v.p.leads.map { TeamLinkView(site: v.site, team: $0) } },
            .flag("has_leads", "whether they lead a team") { !$0.p.leads.isEmpty },
            .text("count_label", "how many objectives they own, in words") {
                $0.site.t.plural(
                    "person_count", count: $0.p.owns.count, formatted: $0.site.format.integer($0.p.owns.count))
            },
        ])
}

/// `people/SLUG.html`: a person's objectives and key results, each with its chain up to the company's
/// goals, and the teams they lead.
public struct PersonPageView: PageView {
    public let frame: PageFrame
    /// The person.
    public let person: PersonIndex

    init(_ m: SiteModel, _ i: PersonIndex) {
        person = i
        frame = PageFrame(m, .person(i), title: m.people.all[i].name, section: "people")
    }

    private var site: SiteModel { frame.site }
    private var p: People.Person { site.people.all[person] }

    /// The person's objectives per period, newest first.
    public var periods: [PersonPeriodView] {
        site.periodsNewestFirst.compactMap { period in
            let own = p.owns.filter { site.org.objectivePeriod[$0] == period }
            guard !own.isEmpty else { return nil }
            return PersonPeriodView(
                header: PeriodHeaderView(site: site, period: period),
                objectives: own.map { PersonObjectiveView(summary: ObjectiveSummaryView(site: site, $0)) })
        }
    }

    public static let schema = ViewSchema<PersonPageView>(
        "PersonPage", "`person.mustache`: one person.",
        fields: [
            .view("person", "the person") { PersonNameView(name: $0.p.name) },
            .list("leads", "the teams they lead, with roll-ups") { v in
                v.p.leads.map { TeamEntryView(site: v.site, team: $0) }
            },
            .flag("has_leads", "whether they lead a team") { !$0.p.leads.isEmpty },
            .list("periods", "their objectives per period, newest first") { $0.periods },
            .flag("has_objectives", "whether they own objectives") { !$0.p.owns.isEmpty },
        ])
}

/// A person's name.
public struct PersonNameView: TemplateView {
    /// The name.
    public let name: String

    public static let schema = ViewSchema<PersonNameView>(
        "PersonName", "A person.", fields: [.text("name", "the name") { $0.name }])
}

/// A period on a person's page, with their objectives in it.
public struct PersonPeriodView: TemplateView {
    /// The period.
    public let header: PeriodHeaderView
    /// Their objectives in it.
    public let objectives: [PersonObjectiveView]

    public static let schema = ViewSchema<PersonPeriodView>(
        "PersonPeriod", "A period with a person's objectives.",
        fields: Field.embed(\.header) + [.list("objectives", "their objectives in it") { $0.objectives }])
}

/// An objective on its owner's page, with its chain up to the company objective.
public struct PersonObjectiveView: TemplateView {
    /// The objective.
    public let summary: ObjectiveSummaryView

    /// The chain upward, nearest first, ending at the company objective.
    public var chain: [ChainStepView] {
        summary.site.shownChain(of: summary.objective).map {
            ChainStepView(
                summary: ObjectiveSummaryView(site: summary.site, $0.parent), keyResult: $0.keyResult,
                afterGap: $0.afterGap)
        }
    }

    public static let schema = ViewSchema<PersonObjectiveView>(
        "PersonObjective", "An objective on its owner's page.",
        fields: Field.embed(\.summary) + [
            .list("chain", "the objectives it aligns to, nearest first, up to the company") { $0.chain },
            .flag("has_chain", "whether it aligns to a published objective") {
                !$0.summary.site.org.publishedParents(of: $0.summary.objective).isEmpty
            },
        ])
}
