import OKRCore

/// Reads from an old version of an objective file only what history needs: each key result's
/// `current:` and `done:` by its id.
///
/// The same front-matter split and libyaml reader as ``ObjectiveReader``, but no model is built and
/// nothing is reported: an old version's problems were reported when it was current, and can no
/// longer be fixed. Values are read by the format's rules (`current` a plain number, `done` a plain
/// boolean); a key result without an id, or a version whose front matter does not parse, gives no
/// reading.
enum KeyResultReadings {
    /// The readings of one version, `nil` when its front matter cannot be read: the fast line scanner
    /// where it applies, else libyaml.
    static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> [String: KeyResultReading]? {
        facts(bytes)?.readings
    }

    /// What history needs of one version (readings, id, visibility, draft), `nil` when its front matter
    /// cannot be read: the fast line scanner where it applies, else libyaml.
    static func facts(_ bytes: UnsafeBufferPointer<UInt8>) -> VersionFacts? {
        guard SourceText.isValidText(bytes), case .success(let parts) = FrontMatter.split(bytes) else { return nil }
        let yaml = UnsafeBufferPointer(rebasing: bytes[parts.yaml])
        return ReadingScanner.scanVersion(yaml) ?? factsWithLibYAML(yaml)
    }

    /// The readings as libyaml parses the front matter's YAML text (`nil` when it does not).
    static func readWithLibYAML(_ yaml: UnsafeBufferPointer<UInt8>) -> [String: KeyResultReading]? {
        factsWithLibYAML(yaml)?.readings
    }

    /// The facts as libyaml parses the front matter's YAML text (`nil` when it does not).
    static func factsWithLibYAML(_ yaml: UnsafeBufferPointer<UInt8>) -> VersionFacts? {
        guard case .success(let parsed) = YAMLParser.parse(yaml),
            let doc = parsed, doc[doc.root].kind == .mapping,
            let list = value(of: "key_results", in: doc.root, doc), doc[list].kind == .sequence
        else { return nil }
        var readings: [String: KeyResultReading] = [:]
        readings.reserveCapacity(Int(doc[list].childCount))
        for item in doc.children(list) where doc[item].kind == .mapping {
            guard let id = value(of: "id", in: item, doc), doc.isScalar(id), !doc.isNull(id) else { continue }
            var reading = KeyResultReading()
            if let c = value(of: "current", in: item, doc), doc[c].kind == .plainScalar {
                let n = doc[c]
                let parsed: Double?? = doc.text.withUnsafeBufferPointer { t in
                    NumberSyntax.parse(UnsafeBufferPointer(rebasing: t[Int(n.textStart)..<Int(n.textEnd)]))
                }
                if let x = parsed ?? nil { reading.current = x == 0 ? 0 : x }
            }
            if let d = value(of: "done", in: item, doc), doc[d].kind == .plainScalar {
                switch doc.string(d).lowercased() {
                case "true", "yes", "on": reading.done = true
                default: break
                }
            }
            let key = doc.string(id)
            // A duplicate id is an error in the file; as when it was current, the first one counts.
            if readings[key] == nil { readings[key] = reading }
        }
        return VersionFacts.read(doc, readings: readings)
    }

    /// The value node of `key` in mapping `node` (the first, if written twice).
    static func value(of key: String, in node: Int, _ doc: YAMLDocument) -> Int? {
        var child = doc[node].firstChild
        while child >= 0 {
            let k = Int(child)
            let v = doc[k].nextSibling
            guard v >= 0 else { return nil }
            if doc.isScalar(k), doc.scalar(k, equals: key) { return Int(v) }
            child = doc[Int(v)].nextSibling
        }
        return nil
    }
}
