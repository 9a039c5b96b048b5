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
    public typealias Run = Child.Run

    /// Runs `okrportal` with `arguments` (optionally through a wrapper such as `setpriv`, and optionally a
    /// copy of the binary at `executable`) and returns its output once it has ended. `environment`
    /// entries are added to the current environment.
    public static func run(
        _ arguments: [String], wrapper: [String] = [], environment: [String: String] = [:],
        currentDirectory: String? = nil, executable: String? = nil, timeout: Double = 120
    ) async throws -> Run {
        let command = wrapper + [executable ?? path] + arguments
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        return try await Child.run(
            command[0], Array(command.dropFirst()), environment: env, currentDirectory: currentDirectory,
            timeout: timeout)
    }
}
