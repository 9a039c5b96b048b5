import Foundation

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
    public struct Run: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        /// Whether the process ended by a signal (a crash, or killed after the timeout).
        public var signalled = false
        /// Whether it was killed because it ran longer than the timeout.
        public var timedOut = false
    }

    /// Runs `okrportal` with `arguments` (optionally through a wrapper such as `setpriv`, and optionally a
    /// copy of the binary at `executable`), waits, and returns its output. `environment` entries are
    /// added to the current environment.
    public static func run(
        _ arguments: [String], wrapper: [String] = [], environment: [String: String] = [:],
        currentDirectory: String? = nil, executable: String? = nil, timeout: Double = 120
    ) throws -> Run {
        let process = Process()
        let binary = executable ?? path
        if wrapper.isEmpty {
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: wrapper[0])
            process.arguments = Array(wrapper.dropFirst()) + [binary] + arguments
        }
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        process.environment = env
        if let currentDirectory { process.currentDirectoryURL = URL(fileURLWithPath: currentDirectory) }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let watchdog = Watchdog(pid: process.processIdentifier, seconds: timeout)
        // Read both pipes at once before waiting: read one after the other, a process that fills the
        // second pipe (64 KB of warnings) blocks while the first is read to its end, and neither ends.
        let errReader = PipeReader(err.fileHandleForReading)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = errReader.wait()
        process.waitUntilExit()
        watchdog.cancel()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self),
            signalled: process.terminationReason == .uncaughtSignal, timedOut: watchdog.fired)
    }
}

/// Reads a pipe to its end on another thread.
final class PipeReader: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()

    init(_ handle: FileHandle) {
        DispatchQueue.global().async { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    /// Everything read, once the pipe is closed.
    func wait() -> Data {
        done.wait()
        return data
    }
}

/// Kills a process that runs longer than its time.
final class Watchdog: @unchecked Sendable {
    private let lock = NSLock()
    private var done = false
    private(set) var fired = false

    init(pid: Int32, seconds: Double) {
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { [self] in
            lock.lock()
            defer { lock.unlock() }
            if !done {
                fired = true
                kill(pid, SIGKILL)
            }
        }
    }

    func cancel() {
        lock.lock()
        done = true
        lock.unlock()
    }
}
