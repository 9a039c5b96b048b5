#if canImport(Glibc)
    import Glibc
#endif

extension FileSystem {
    /// Replaces the file at `path` with `bytes` atomically: a temporary file in the same folder, with the
    /// old file's permissions, synced and renamed over it. A reader sees the old file or the new one,
    /// never half of one; on failure the old file is untouched and the temporary file removed.
    public static func replace(_ path: String, with bytes: [UInt8]) -> Result<Void, FileError> {
        var st = stat()
        guard stat(path, &st) == 0 else { return .failure(FileError(path: path, message: lastError())) }
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var template = Array((folder + "/." + name + ".checkin-XXXXXX").utf8CString)
        let fd = mkstemp(&template)
        guard fd >= 0 else { return .failure(FileError(path: path, message: lastError())) }
        let temporary = String(cString: template)
        func fail() -> Result<Void, FileError> {
            let message = lastError()
            close(fd)
            unlink(temporary)
            return .failure(FileError(path: path, message: message))
        }
        guard fchmod(fd, st.st_mode & 0o7777) == 0 else { return fail() }
        var offset = 0
        while offset < bytes.count {
            // The buffer is not empty inside the loop, so it has a base address.
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                return fail()
            }
            offset += n
        }
        guard fsync(fd) == 0 else { return fail() }
        guard close(fd) == 0 else {
            let message = lastError()
            unlink(temporary)
            return .failure(FileError(path: path, message: message))
        }
        guard Glibc.rename(temporary, path) == 0 else {
            let message = lastError()
            unlink(temporary)
            return .failure(FileError(path: path, message: message))
        }
        return .success(())
    }
}
