import OKRContent
import OKRCore

extension NewObjective {
    /// `--aligns-to` as an id `objective` or `objective#kr`: a path to an objective's file becomes that
    /// objective's id; an unknown objective or key result, or a confidential objective (which a public
    /// one may not name), is refused with the ids to use instead.
    static func alignment(_ given: String, site: Site, siteDir: String) throws(Scaffold.Failure) -> String {
        let hash = given.firstIndex(of: "#")
        let target = String(given[..<(hash ?? given.endIndex)])
        let keyResult = hash.map { String(given[given.index(after: $0)...]) }
        var id = target
        if target.contains("/") || target.hasSuffix(".md") {
            // A path as the shell completes it: relative to here, or to the site folder.
            let wanted = [target, SiteReader.join(siteDir, target)].compactMap(FileSystem.realPath)
            guard
                let named = site.objectives.first(where: { o in
                    FileSystem.realPath(SiteReader.join(siteDir, o.path)).map(wanted.contains) ?? false
                })
            else {
                throw Scaffold.Failure(
                    "--aligns-to \(given) is not an objective's id, and no objective of the site is in a file "
                        + "there; --aligns-to takes an id (the id: of the objective's front matter), optionally "
                        + "with #kr-id")
            }
            id = named.id
            Terminal.standardError("note: --aligns-to \(target) is the objective \"\(id)\"; aligning to that id")
        }
        guard let parent = site.objectives.first(where: { $0.id == id }) else {
            throw Scaffold.Failure(
                "--aligns-to names no objective \"\(id)\"\(Suggest.hint(for: id, in: site.objectives.map(\.id)))")
        }
        if parent.visibility == .confidential {
            throw Scaffold.Failure(
                "--aligns-to names the confidential objective \"\(id)\": a public objective may not align to it "
                    + "(the link would reveal it); align to a public objective, or write the file without "
                    + "--aligns-to and make it confidential before aligning it")
        }
        guard let keyResult else { return id }
        let ids = parent.keyResults.map(\.id)
        guard ids.contains(keyResult) else {
            throw Scaffold.Failure(
                "--aligns-to names no key result \"\(keyResult)\" of \"\(id)\"\(Suggest.hint(for: keyResult, in: ids)); "
                    + "its key results are: \(ids.joined(separator: ", "))")
        }
        return id + "#" + keyResult
    }

    /// The errors `okrportal check` would report in the new file `text` at `path` of `site`: new
    /// writes no file that fails check.
    static func problems(of text: String, path: String, in site: Site) -> [Diagnostic] {
        var diagnostics = Diagnostics()
        guard let objective = ObjectiveReader.read(text, path: path, diagnostics: &diagnostics) else {
            return diagnostics.items.filter { $0.severity == .error }
        }
        var site = site
        site.objectives.append(objective)
        let asOf = (try? AsOf.resolve(option: nil)) ?? Day(unixSeconds: 0)
        _ = Resolver.resolve(site, asOf: asOf, diagnostics: &diagnostics)
        return diagnostics.items.filter { $0.severity == .error && $0.location.path == path }
    }
}
