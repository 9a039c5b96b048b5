import Foundation
import OKRTestSupport
import Testing

// Arithmetic: extreme numbers stay finite or become a diagnostic, charts included; deep team trees.
extension BadInputCorpusTests {
    static let numberCases: [Case] = [
        Case(
            name: "a KR from 0 to 1.7e308 with a check-in builds, trend chart included", exit: 0, expect: [],
            breakSite: objective(
                good(keyResults: kr("start: 0\ntarget: 1.7e308\ncheckins:\n  - { date: 2026-11-20, value: 1 }\n")))),
        Case(
            name: "a range of -1.7e308 to 1.7e308 builds", exit: 0, expect: [],
            breakSite: objective(
                good(
                    keyResults: kr(
                        "start: -1.7e308\ntarget: 1.7e308\ncheckins:\n  - { date: 2026-10-05, value: -1.7e308 }\n"
                            + "  - { date: 2026-11-20, value: 1.7e308, confidence: 1 }\n")))),
        Case(
            name: "weights of 1.7e308 build", exit: 0, expect: [],
            breakSite: objective(
                good(
                    keyResults: kr("start: 0\ntarget: 10\ncurrent: 2\nweight: 1.7e308\n")
                        + "  - {id: kr2, title: U, start: 0, target: 10, current: 5, weight: 1.7e308}\n"))),
        Case(
            name: "weights and a range of 5e-324 build", exit: 0, expect: [],
            breakSite: objective(
                good(
                    keyResults: kr("start: 0\ntarget: 5e-324\ncurrent: 5e-324\nweight: 5e-324\n")
                        + "  - {id: kr2, title: U, start: 5e-324, target: 0, current: 0, weight: 5e-324}\n"))),
        Case(
            name: "a check-in value beyond the largest Double", exit: 1,
            expect: [("\(a):12:36: error", ["out of range", "-1e309"])],
            breakSite: objective(
                good(keyResults: kr("start: 0\ntarget: 10\ncheckins:\n  - { date: 2026-10-05, value: -1e309 }\n")))),
        Case(
            name: "a weight beyond the largest Double", exit: 1, expect: [("\(a):11:13: error", ["out of range"])],
            breakSite: objective(good(keyResults: kr("start: 0\ntarget: 10\nweight: 1.8e308\n")))),
        Case(
            name: "a 5,000-deep team chain checks", exit: 0, expect: [], breakSite: teamChain(5_000),
            command: "check"),
        Case(name: "a 1,500-deep team chain builds", exit: 0, expect: [], breakSite: teamChain(1_500)),
    ]

    /// Replaces the site's teams with a chain `depth` deep, each team the parent of the next, with an
    /// objective and a check-in of the week for every tenth team (team feeds hold their subtree's).
    static func teamChain(_ depth: Int) -> @Sendable (SiteFixture) throws -> Void {
        {
            var teams = "- id: t0\n  name: T0\n"
            for i in 1..<depth { teams += "- id: t\(i)\n  name: T\(i)\n  parent: t\(i - 1)\n" }
            try $0.write("content/teams.yml", teams)
            for i in stride(from: 0, to: depth, by: 10) {
                try $0.write(
                    "content/objectives/chain/o\(i).md",
                    "---\nid: o\(i)\ntitle: O\(i)\nteam: t\(i)\nperiod: 2026-Q4\nkey_results:\n"
                        + "  - {id: kr1, title: K, start: 0, target: 10, "
                        + "checkins: [{date: 2026-11-27, value: 3}]}\n---\n")
            }
            try FileManager.default.removeItem(atPath: $0.root + "/" + a)
            try FileManager.default.removeItem(atPath: $0.root + "/content/objectives/c.md")
        }
    }
}
