import ArgumentParser
import OKRContent
import OKRCore

/// A site read for `checkin`: finding key results, and writing check-ins only when the site stays as
/// correct as it was.
struct CheckinContext {
    var siteDir: String
    var today: Day
    var snapshot: SiteSnapshot
    var site: Site

    /// Reads the site at `siteDir`; exit 2 when it is not a usable site.
    static func load(siteDir: String, today: Day) throws -> CheckinContext {
        let snapshot: SiteSnapshot
        do { snapshot = try SiteReader.snapshot(root: siteDir, previous: nil) } catch {
            throw Checkin.refuse(error.message)
        }
        guard let site = snapshot.site else {
            for d in snapshot.diagnostics where d.severity == .error { Terminal.standardError(Terminal.diagnostic(d)) }
            throw Checkin.refuse("\(siteDir) has no usable okrportal.yml; 'okrportal check' tells why")
        }
        return CheckinContext(siteDir: siteDir, today: today, snapshot: snapshot, site: site)
    }

    /// The objective and key result named `OBJECTIVE#KR`; exit 2 with "did you mean" when there is none,
    /// or when the objective is confidential.
    func find(_ target: String) throws -> (Objective, KeyResult) {
        guard let hash = target.firstIndex(of: "#") else {
            throw Checkin.refuse("name the key result as OBJECTIVE#KR (for example \(target)#kr1), found \"\(target)\"")
        }
        let objectiveID = String(target[..<hash])
        let keyResultID = String(target[target.index(after: hash)...])
        let visible = site.objectives.filter { $0.visibility == .public }
        guard let objective = site.objectives.first(where: { $0.id == objectiveID }) else {
            throw Checkin.refuse(
                "no objective \"\(objectiveID)\"\(Suggest.hint(for: objectiveID, in: visible.map(\.id)))")
        }
        guard objective.visibility == .public else {
            throw Checkin.refuse(
                "\(objectiveID) is confidential; okrportal checkin does not touch confidential objectives "
                    + "(edit its file by hand)")
        }
        let ids = objective.keyResults.map(\.id)
        guard let keyResult = objective.keyResults.first(where: { $0.id == keyResultID }) else {
            throw Checkin.refuse(
                "\(objectiveID) has no key result \"\(keyResultID)\"\(Suggest.hint(for: keyResultID, in: ids)); "
                    + "its key results are: \(ids.joined(separator: ", "))")
        }
        return (objective, keyResult)
    }

    /// Appends the check-ins (objective, key result id, check-in) to their files: per file one edit of
    /// the bytes, then one check of the whole site with every edited file, then one atomic write per file.
    /// Exit 1 with the diagnostics when the edits would add an error; exit 2 when a file cannot be edited.
    func write(_ checkIns: [(Objective, String, NewCheckIn)]) throws {
        var edited: [(path: String, bytes: [UInt8])] = []
        for (objective, keyResult, checkIn) in checkIns {
            let full = SiteReader.join(siteDir, objective.path)
            var bytes: [UInt8]
            if let i = edited.firstIndex(where: { $0.path == objective.path }) {
                bytes = edited[i].bytes
            } else {
                switch FileSystem.read(full) {
                case .success(let b): bytes = b
                case .failure(let e): throw Checkin.refuse("cannot read \(full): \(e.message)")
                }
                edited.append((objective.path, bytes))
            }
            do {
                bytes = try CheckInEditor.append(checkIn, toKeyResult: keyResult, in: bytes)
            } catch {
                throw Checkin.refuse("\(full): \(error.message)")
            }
            if let i = edited.firstIndex(where: { $0.path == objective.path }) { edited[i].bytes = bytes }
        }
        var after = snapshot
        for file in edited { after = after.replacing(file.path, with: file.bytes) }
        let added = try newErrors(before: snapshot, after: after)
        if !added.isEmpty {
            for d in added { Terminal.standardError(Terminal.diagnostic(d)) }
            Terminal.standardError(
                "error: the check-in would add \(Terminal.plural(added.count, "error")) to the site; nothing was written"
            )
            throw ExitCode(1)
        }
        for file in edited {
            let full = SiteReader.join(siteDir, file.path)
            if case .failure(let e) = FileSystem.replace(FileSystem.realPath(full) ?? full, with: file.bytes) {
                throw Checkin.refuse("cannot write \(full): \(e.message)")
            }
        }
    }

    /// The errors a check of `after` reports that a check of `before` does not (by file and message:
    /// lines move when a check-in is added).
    func newErrors(before: SiteSnapshot, after: SiteSnapshot) throws -> [Diagnostic] {
        func errors(_ snapshot: SiteSnapshot) throws -> [Diagnostic] {
            var d = Diagnostics()
            d.append(contentsOf: snapshot.diagnostics)
            guard let site = snapshot.site else { return d.sorted.filter { $0.severity == .error } }
            let pipeline = SitePipeline(siteRoot: siteDir, asOf: today)
            do {
                _ = try pipeline.resolve(site, git: GitHistory(siteRoot: siteDir), diagnostics: &d)
            } catch {
                throw Checkin.refuse(error.message)
            }
            return d.sorted.filter { $0.severity == .error }
        }
        var known: [String: Int] = [:]
        for d in try errors(before) { known[d.location.path + "\u{0}" + d.message, default: 0] += 1 }
        var added: [Diagnostic] = []
        for d in try errors(after) {
            let key = d.location.path + "\u{0}" + d.message
            if let n = known[key], n > 0 { known[key] = n - 1 } else { added.append(d) }
        }
        return added
    }
}
