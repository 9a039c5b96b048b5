import OKRCore

/// The people the portal shows: owners of published objectives and team leads, each with a stable slug.
public struct People: Sendable {
    /// One person.
    public struct Person: Sendable {
        /// The name as written.
        public var name: String
        /// The URL slug, unique among people.
        public var slug: String
        /// Teams this person leads.
        public var leads: [TeamIndex]
        /// Published objectives this person owns, in path order.
        public var owns: [ObjectiveIndex]
    }

    /// Everyone, sorted by name.
    public let all: IndexedArray<PersonIndex, Person>
    /// Index into ``all`` by name.
    public let index: [String: PersonIndex]

    /// Collects the people of `org`. Owners of unpublished objectives only are not people of the
    /// portal: their name must not appear through a confidential objective.
    public init(_ org: Organisation) {
        var leads: [String: [TeamIndex]] = [:]
        var owns: [String: [ObjectiveIndex]] = [:]
        for t in org.teams.preorder {
            if let lead = org.teams.teams[t].lead, !lead.isEmpty { leads[lead, default: []].append(t) }
        }
        for o in org.objectives.indices where org.isPublished[o] {
            if let owner = org.owner(of: o), !owner.isEmpty { owns[owner, default: []].append(o) }
        }
        let names = Set(leads.keys).union(owns.keys).sorted {
            let a = $0.lowercased()
            let b = $1.lowercased()
            return a != b ? a < b : $0 < $1
        }
        var used = Set<String>()
        var all = IndexedArray<PersonIndex, Person>()
        var index: [String: PersonIndex] = [:]
        for name in names {
            let base = Routes.personSlug(name)
            var slug = base
            var n = 2
            while used.contains(slug) {
                slug = "\(base)-\(n)"
                n += 1
            }
            used.insert(slug)
            index[name] = all.endIndex
            all.append(Person(name: name, slug: slug, leads: leads[name] ?? [], owns: owns[name] ?? []))
        }
        self.all = all
        self.index = index
    }
}
