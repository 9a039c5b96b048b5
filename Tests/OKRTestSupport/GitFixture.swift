import Foundation

/// Git repositories for history tests: the fixture's folder as a repository with commits dated by
/// `GIT_AUTHOR_DATE`/`GIT_COMMITTER_DATE`, by named authors. Every run sets its own identity and
/// ignores the machine's global and system git configuration, so tests do not depend on either.
extension SiteFixture {
    /// Runs git in the fixture's folder (or `folder`) and returns its standard output; fails on a
    /// non-zero exit.
    @discardableResult
    public func git(_ arguments: [String], in folder: String? = nil, environment: [String: String] = [:])
        async throws -> String
    {
        try await GitFixture.run(arguments, in: folder ?? root, environment: environment)
    }

    /// `git init` with a `main` branch.
    public func gitInit() async throws {
        try await git(["init", "-q", "-b", "main"])
    }

    /// Writes `files` (path → text; `nil` removes the file), stages everything and commits at `time`
    /// (default noon) of `date` (`YYYY-MM-DD`) in time zone `zone` as `author`.
    public func commit(
        _ files: [String: String?] = [:], date: String, time: String = "12:00:00", author: String = "Aylin Demir",
        zone: String = "+01:00", message: String? = nil
    ) async throws {
        for (path, text) in files {
            if let text {
                try write(path, text)
            } else {
                try FileManager.default.removeItem(atPath: root + "/" + path)
            }
        }
        try await git(["add", "-A"])
        let stamp = "\(date)T\(time)\(zone)"
        try await git(
            ["commit", "-q", "--allow-empty", "-m", message ?? "Check-in \(date)"],
            environment: [
                "GIT_AUTHOR_NAME": author,
                "GIT_AUTHOR_EMAIL": "\(author.split(separator: " ").first ?? "a")@example.com",
                "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp,
            ])
    }
}

/// Runs git for fixtures.
public enum GitFixture {
    /// The environment every fixture git run gets: its own identity, no global or system config.
    public static let baseEnvironment = [
        "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1", "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.com", "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.com",
        "GIT_TERMINAL_PROMPT": "0",
    ]

    /// Runs `git arguments` in `folder`; throws with git's message on a non-zero exit.
    @discardableResult
    public static func run(_ arguments: [String], in folder: String, environment: [String: String] = [:])
        async throws -> String
    {
        var env = ProcessInfo.processInfo.environment
        for (k, v) in baseEnvironment { env[k] = v }
        for (k, v) in environment { env[k] = v }
        let run = try await Child.run("/usr/bin/env", ["git", "-C", folder] + arguments, environment: env)
        guard run.status == 0, !run.signalled else {
            throw FixtureError("git \(arguments.joined(separator: " ")) failed: \(run.stderr)")
        }
        return run.stdout
    }
}
