import OKRCore

/// What history reads from one old version of an objective file: whose it was (`id:`), whether it
/// was published (`visibility:`, `draft:`), and its key results' readings.
///
/// A version contributes to an objective's history only when it was that objective, public and
/// published (``contributes(to:path:includeDrafts:)``): a file that was confidential, a draft, or
/// another objective at the same path never turns into check-ins or a "last updated" line. Values
/// are read conservatively: anything but an absent or `public` visibility counts as confidential,
/// anything but an absent or false `draft` as a draft.
struct VersionFacts: Sendable, Hashable {
    /// `id:` as written; `nil` when not written (the id is then the file's name in that commit).
    var id: String?
    /// Whether the version was confidential (or its visibility unreadable).
    var confidential = false
    /// Whether the version was a draft (or its draft flag unreadable).
    var draft = false
    /// The key results' readings by key-result id.
    var readings: [String: KeyResultReading] = [:]
    /// Which of `id`, `visibility`, `draft` were seen, as bits (the first one written counts, as with
    /// libyaml); a bit mask rather than a set, so reading thousands of versions allocates nothing more.
    private var seen: UInt8 = 0

    /// The top-level fields history reads besides the key results.
    enum Field: UInt8, Sendable, Hashable {
        case id = 1
        case visibility = 2
        case draft = 4

        /// The field whose key is `key` in `yaml`, or `nil`.
        init?(_ yaml: UnsafeBufferPointer<UInt8>, _ key: Range<Int>) {
            if ReadingScanner.matches(yaml, key, "id") {
                self = .id
            } else if ReadingScanner.matches(yaml, key, "visibility") {
                self = .visibility
            } else if ReadingScanner.matches(yaml, key, "draft") {
                self = .draft
            } else {
                return nil
            }
        }

        var key: String {
            switch self {
            case .id: "id"
            case .visibility: "visibility"
            case .draft: "draft"
            }
        }
    }

    /// Records `field`'s plain scalar `value`; `false` when the value is one only libyaml can judge.
    mutating func record(_ field: Field, _ value: UnsafeBufferPointer<UInt8>) -> Bool {
        guard seen & field.rawValue == 0 else { return true }
        seen |= field.rawValue
        let text = String(decoding: value, as: UTF8.self)
        switch field {
        case .id:
            if text.isEmpty || ReadingScanner.isNull(value) { return false }
            id = text
        case .visibility: confidential = text != "public"
        case .draft: draft = !["false", "no", "off"].contains(text.lowercased())
        }
        return true
    }

    /// Whether this version, found at `path` in its commit, was the objective `objective` as the build
    /// publishes it: the same id, public, and not a draft unless drafts are built.
    func contributes(to objective: String, path: String, includeDrafts: Bool) -> Bool {
        (id ?? ObjectiveReader.fileName(of: path)) == objective && !confidential && (includeDrafts || !draft)
    }

    /// The facts of a front matter's parsed YAML (the libyaml path of ``KeyResultReadings``).
    static func read(_ doc: YAMLDocument, readings: [String: KeyResultReading]) -> VersionFacts {
        var facts = VersionFacts(readings: readings)
        for field in [Field.id, .visibility, .draft] {
            guard let v = KeyResultReadings.value(of: field.key, in: doc.root, doc) else { continue }
            switch field {
            case .id:
                if doc.isScalar(v), !doc.isNull(v) { facts.id = doc.string(v) }
            case .visibility:
                facts.confidential = !(doc.isScalar(v) && !doc.isNull(v) && doc.string(v) == "public")
            case .draft:
                facts.draft =
                    !(doc[v].kind == .plainScalar && ["false", "no", "off"].contains(doc.string(v).lowercased()))
            }
        }
        return facts
    }
}

extension GitHistory {
    /// The versions of `objective`'s file (`refs`, oldest first; `needed` the positions read) that
    /// history may use: those up to `asOf` that were read and contributed to the objective as published
    /// (``VersionFacts/contributes(to:path:includeDrafts:)``), and those after `asOf` without readings
    /// (they only tell that the file changed later). Versions that were confidential, drafts, another
    /// objective or unreadable are left out as if the file had not existed then; so are the unread ones
    /// before the baseline, which nothing needs.
    static func publishedVersions(
        of objective: Objective, refs: [(commit: Int32, blob: String, path: String)], needed: [Int],
        commits: [Revision], facts: [String: VersionFacts?], asOf: Day, includeDrafts: Bool
    ) -> [FileVersion] {
        let read = Set(needed)
        var versions: [FileVersion] = []
        versions.reserveCapacity(refs.count)
        for (i, ref) in refs.enumerated() {
            let revision = commits[Int(ref.commit)]
            if revision.day > asOf {
                versions.append(FileVersion(revision: revision))
                continue
            }
            guard read.contains(i), let found = facts[ref.blob] ?? nil,
                found.contributes(to: objective.id, path: ref.path, includeDrafts: includeDrafts)
            else { continue }
            versions.append(FileVersion(revision: revision, readings: found.readings))
        }
        return versions
    }
}
