import OKRContent
import OKRCore

extension IncrementalBuilder {
    /// The first build: everything through a staging folder, swapped in whole.
    func writeAll(pages: [Page], model: SiteModel, themeDir: String?) throws(EnvironmentError) -> Int {
        let staging = try Staging(
            output: output, inputs: OutputFolder.Inputs(siteRoot: options.siteRoot, themeDir: themeDir))
        let theme = model.theme
        let exports = Exports.files(model, pages: pages.map(\.path))
        let results = Parallel.map(pages) { page -> (String, Int, String?) in
            var html: [UInt8] = []
            page.render(&html, nil)
            return (page.path, html.hashValue, staging.write(page.path, bytes: html).map(\.description))
        }
        var hashes: [String: Int] = [:]
        for (path, hash, error) in results {
            if let error {
                staging.abort()
                throw EnvironmentError("cannot write the site: \(error)")
            }
            hashes[path] = hash
        }
        for asset in theme.assets {
            if let e = staging.write(asset.outputPath, bytes: asset.bytes) {
                staging.abort()
                throw EnvironmentError("cannot write the site: \(e)")
            }
        }
        for file in exports {
            let text = file.render()
            hashes[file.path] = text.hashValue
            if let e = staging.write(file.path, text) {
                staging.abort()
                throw EnvironmentError("cannot write the site: \(e)")
            }
        }
        let json = exportJSON(model)
        hashes[Routes.okrsJSON] = json.hashValue
        if let e = staging.write(Routes.okrsJSON, json) {
            staging.abort()
            throw EnvironmentError("cannot write the site: \(e)")
        }
        try staging.commit()
        pageHashes = hashes
        return pages.count + theme.assets.count + 1 + exports.count
    }

    /// A later build: render the selected pages, write those whose bytes changed (each atomically:
    /// a temporary file renamed over the old one), remove pages that no longer exist.
    func writeChanged(pages: [Page], allPaths: Set<String>, model: SiteModel, assets: Bool)
        throws(EnvironmentError) -> Int
    {
        let out = output
        let lock = try OutputLock(output: out)
        defer { withExtendedLifetime(lock) {} }
        let old = pageHashes
        let rendered = Parallel.map(pages) { page -> (String, Int, [UInt8]) in
            var html: [UInt8] = []
            page.render(&html, nil)
            return (page.path, html.hashValue, html)
        }
        var written = 0
        var dirs = Set<String>()
        for (path, hash, html) in rendered where old[path] != hash {
            let parent = Staging.split(SiteReader.join(out, path)).parent
            if dirs.insert(parent).inserted, case .failure(let e) = FileSystem.makeDirectories(parent) {
                throw EnvironmentError("cannot write \(path): \(e.message)")
            }
            try Self.replace(SiteReader.join(out, path), bytes: html)
            pageHashes[path] = hash
            written += 1
        }
        let exports = Exports.files(model, pages: Array(allPaths))
        for file in exports {
            let text = file.render()
            guard old[file.path] != text.hashValue else { continue }
            let parent = Staging.split(SiteReader.join(out, file.path)).parent
            if dirs.insert(parent).inserted, case .failure(let e) = FileSystem.makeDirectories(parent) {
                throw EnvironmentError("cannot write \(file.path): \(e.message)")
            }
            try Self.replace(SiteReader.join(out, file.path), text)
            pageHashes[file.path] = text.hashValue
            written += 1
        }
        let exportPaths = Set(exports.map(\.path))
        let json = exportJSON(model)
        if old[Routes.okrsJSON] != json.hashValue {
            try Self.replace(SiteReader.join(out, Routes.okrsJSON), json)
            pageHashes[Routes.okrsJSON] = json.hashValue
            written += 1
        }
        if assets {
            for asset in model.theme.assets where !FileSystem.exists(SiteReader.join(out, asset.outputPath)) {
                let result = asset.bytes.withUnsafeBytes {
                    FileSystem.write(SiteReader.join(out, asset.outputPath), $0)
                }
                if case .failure(let e) = result {
                    throw EnvironmentError("cannot write \(asset.outputPath): \(e.message)")
                }
                written += 1
            }
        }
        for path in old.keys where path != Routes.okrsJSON && !allPaths.contains(path) && !exportPaths.contains(path) {
            _ = FileSystem.removeTree(SiteReader.join(out, path))
            pageHashes[path] = nil
        }
        return written
    }

    /// `okrs.json`, reusing the JSON of objectives whose details did not change.
    func exportJSON(_ model: SiteModel) -> String {
        var chunks: [Int: String] = [:]
        var out = ""
        OKRsJSON.render(model, emit: { out += $0 }) { o in
            let key = self.pendingDetails.indices.contains(o) ? self.pendingDetails[o] : 0
            let chunk = self.jsonChunks[key] ?? OKRsJSON.objective(model, o)
            chunks[key] = chunk
            return chunk
        }
        jsonChunks = chunks
        return out
    }

    /// Writes `text` to a temporary file next to `path` and renames it over `path`.
    static func replace(_ path: String, _ text: String) throws(EnvironmentError) {
        try replace(path, bytes: Array(text.utf8))
    }

    /// Writes `bytes` to a temporary file next to `path` and renames it over `path`.
    static func replace(_ path: String, bytes: [UInt8]) throws(EnvironmentError) {
        let temporary = path + ".okrportal-tmp"
        if case .failure(let e) = bytes.withUnsafeBytes({ FileSystem.write(temporary, $0) }) {
            throw EnvironmentError("cannot write \(path): \(e.message)")
        }
        if case .failure(let e) = FileSystem.rename(temporary, path) {
            throw EnvironmentError("cannot write \(path): \(e.message)")
        }
    }

    /// The versions of every file of the theme layers on disk.
    func themeFileStamps(_ overrideDir: String?) -> [String: FileStamp] {
        var stamps: [String: FileStamp] = [:]
        var dirs = [SiteReader.join(options.siteRoot, "Templates")]
        if let overrideDir {
            dirs.append(overrideDir.hasPrefix("/") ? overrideDir : SiteReader.join(options.siteRoot, overrideDir))
        }
        for dir in dirs where FileSystem.isDirectory(dir) {
            var stack = [dir]
            while let d = stack.popLast() {
                guard case .success(let names) = FileSystem.list(d) else { continue }
                for name in names {
                    let full = d + "/" + name
                    if FileSystem.isDirectory(full) {
                        stack.append(full)
                    } else if let s = FileSystem.stamp(full) {
                        stamps[full] = s
                    }
                }
            }
        }
        return stamps
    }
}
