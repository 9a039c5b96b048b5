import Foundation
import Synchronization

/// Runs the built `okrportal` binary, as users and CI do.
public enum Binary {
    /// The `okrportal` executable next to the test bundle (SwiftPM builds both into one folder).
    public static var path: String {
        let exe =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        var dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
        // Test bundles may sit inside a `.xctest` folder.
        while dir.path.hasSuffix(".xctest") || dir.lastPathComponent == "MacOS" { dir.deleteLastPathComponent() }
        return dir.appendingPathComponent("okrportal").path
    }

    /// The repository's root, found from this source file.
    public static var repositoryRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }

    /// What a run printed and how it ended.
    public typealias Run = Child.Run

    /// Runs `okrportal` with `arguments` (optionally through a wrapper such as `setpriv`, and optionally a
    /// copy of the binary at `executable`) and returns its output once it has ended. `environment`
    /// entries are added to the current environment. `queued: false` skips the queue for a slot, as
    /// with ``Child/run(_:_:environment:currentDirectory:timeout:queued:)``.
    public static func run(
        _ arguments: [String], wrapper: [String] = [], environment: [String: String] = [:],
        currentDirectory: String? = nil, executable: String? = nil, timeout: Double = 120, queued: Bool = true
    ) async throws -> Run {
        let command = wrapper + [executable ?? path] + arguments
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        return try await Child.run(
            command[0], Array(command.dropFirst()), environment: env, currentDirectory: currentDirectory,
            timeout: timeout, queued: queued)
    }

    /// Runs `okrportal` once per argument list, all at once (the runs must not depend on each other),
    /// and returns the runs in the order of the lists.
    public static func runAll(_ argumentLists: [[String]]) async throws -> [Run] {
        try await withThrowingTaskGroup(of: (Int, Run).self) { group in
            for (i, arguments) in argumentLists.enumerated() {
                group.addTask { (i, try await run(arguments)) }
            }
            var runs: [Run?] = Array(repeating: nil, count: argumentLists.count)
            for try await (i, run) in group { runs[i] = run }
            return runs.map { $0! }  // the group ran every index
        }
    }

    /// A copy of the binary that an unprivileged user can run wherever the repository lives, for the
    /// tests that drop to `nobody` with `setpriv` to meet an unreadable file. One copy serves the whole
    /// test run; it is removed when the run ends.
    public static func unprivilegedCopy() async throws -> String {
        try await UnprivilegedCopy.shared.path()
    }
}

/// Makes the copy behind ``Binary/unprivilegedCopy()`` once, however many tests ask at the same time.
private actor UnprivilegedCopy {
    static let shared = UnprivilegedCopy()

    private var copy: Task<String, any Error>?

    func path() async throws -> String {
        if let copy { return try await copy.value }
        let task = Task { try await OffPool.run { try Self.make() } }
        copy = task
        return try await task.value
    }

    /// Copies the binary into a new folder that everybody may enter, and removes that folder at exit.
    private static func make() throws -> String {
        var template = Array((FileManager.default.temporaryDirectory.path + "/okrportal-bin-XXXXXX").utf8CString)
        guard let dir = mkdtemp(&template) else { throw FixtureError("mkdtemp failed") }
        let folder = String(cString: dir)
        made.withLock { $0 = folder }
        atexit {
            if let folder = made.withLock({ $0 }) { try? FileManager.default.removeItem(atPath: folder) }
        }
        chmod(folder, 0o755)
        let binary = folder + "/okrportal"
        try FileManager.default.copyItem(atPath: Binary.path, toPath: binary)
        chmod(binary, 0o755)
        return binary
    }
}

/// The folder of the unprivileged copy, for the exit handler (which can capture nothing).
private let made = Mutex<String?>(nil)
