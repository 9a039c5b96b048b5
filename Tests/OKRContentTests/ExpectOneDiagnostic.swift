import OKRCore
import OKRTestSupport
import Testing

/// Checks `files` and expects exactly one diagnostic of `severity` and `rule` (`nil`: the content format's
/// own, not a methodology hint), at `path:line:column`, with `words`. Shared by the suites that check
/// one diagnostic per kind of problem (DiagnosticTests, DependsOnTests).
func expectOne(
    _ files: [String: String], _ severity: Severity = .error, rule: String? = nil, at path: String, _ line: Int,
    _ column: Int, _ words: String..., asOf: String = "2026-11-29",
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws {
    let fixture = try SiteFixture(files)
    let result = try fixture.check(asOf: asOf)
    let found = result.diagnostics.filter { $0.severity == severity && $0.rule == rule }
    #expect(
        found.count == 1, "expected one \(severity), got: \(result.diagnostics)", sourceLocation: sourceLocation)
    guard let d = found.first else { return }
    #expect(
        d.location == SourceLocation(path: path, line: line, column: column), "\(d)", sourceLocation: sourceLocation
    )
    for w in words {
        #expect(d.message.contains(w), "\"\(w)\" not in: \(d.message)", sourceLocation: sourceLocation)
    }
}
