import Foundation

/// A site folder in shared memory for the build fuzzers: `okrportal.yml` with the two periods every
/// target uses, and `teams` as `content/teams.yml`. The fuzzed objective files go into
/// `content/objectives/`. Returns the folder.
public func fuzzSite(named name: String, teams: String) -> String {
    let root = "/dev/shm/\(name)-\(getpid())"
    try? FileManager.default.createDirectory(atPath: root + "/content/objectives", withIntermediateDirectories: true)
    try? """
    title: Fuzz GmbH
    language: de
    periods:
      - id: 2026-Q3
        start: 2026-07-01
        end: 2026-09-30
      - id: 2026-Q4
        start: 2026-10-01
        end: 2026-12-31

    """.write(toFile: root + "/okrportal.yml", atomically: false, encoding: .utf8)
    try? teams.write(toFile: root + "/content/teams.yml", atomically: false, encoding: .utf8)
    return root
}
