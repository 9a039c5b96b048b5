import OKRCore

extension SiteSnapshot {
    /// The snapshot with the objective file `path` read from `bytes` instead of the disk: what the site
    /// would be after an edit, checked before the edit is written.
    public func replacing(_ path: String, with bytes: [UInt8]) -> SiteSnapshot {
        var copy = self
        var d = Diagnostics()
        let objective = ObjectiveReader.read(bytes, path: path, diagnostics: &d)
        let file = ObjectiveFile(path: path, stamp: nil, objective: objective, diagnostics: d.items)
        if let i = copy.files.firstIndex(where: { $0.path == path }) {
            copy.files[i] = file
        } else {
            copy.files.append(file)
        }
        return copy
    }
}
