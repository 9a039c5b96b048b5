import OKRContent

/// An exclusive lock on an output folder, so that two builds into the same folder run one after
/// the other: the second waits, then replaces the first's complete output with its own complete
/// output. The lock is a `flock` on `.NAME.okrportal.lock` next to the folder; the kernel releases
/// it when the process ends, killed or not, so a crashed build never leaves a stale lock.
public final class OutputLock {
    private let fd: Int32

    /// Waits for and takes the lock for `output` (cleaned first: `public//` and `public` share a lock).
    public init(output: String) throws(EnvironmentError) {
        let folder = OutputFolder(output)
        let (parent, base) = (folder.parent, folder.base)
        if case .failure(let e) = FileSystem.makeDirectories(parent) {
            throw EnvironmentError("cannot create \(parent): \(e.message)")
        }
        let path = SiteReader.join(parent, ".\(base).okrportal.lock")
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw EnvironmentError("cannot create the lock \(path): \(FileSystem.lastError())") }
        while flock(fd, LOCK_EX) != 0 {
            if errno != EINTR {
                let message = FileSystem.lastError()
                close(fd)
                throw EnvironmentError("cannot lock \(path): \(message)")
            }
        }
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
