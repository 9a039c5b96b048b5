import Foundation
import OKRSite
import OKRTestSupport
import Testing

/// docs/theming.md lists every view and its fields from the code: this test fails when they disagree.
@Suite struct ThemeContractTests {
    @Test func theDocsListEveryViewAsTheCodeDeclaresIt() throws {
        let docs = try String(contentsOfFile: Binary.repositoryRoot + "/docs/theming.md", encoding: .utf8)
        let begin = try #require(docs.range(of: "<!-- views:begin -->\n"))
        let end = try #require(docs.range(of: "<!-- views:end -->"))
        let documented = String(docs[begin.upperBound..<end.lowerBound])
        #expect(
            documented == ThemeContract.markdown(),
            "docs/theming.md is out of date with the views: run scripts/theme-docs.sh")
    }

    @Test func everyBoundTemplateAndEveryFieldIsDocumented() {
        let contract = ThemeContract.markdown()
        for binding in ThemeBindings.all {
            #expect(contract.contains("| `\(binding.name).mustache` |"))
        }
        // A few fields pages rely on, each in its view's table.
        for row in [
            "| `line_html` | HTML |", "| `krs` | list of [KeyResultRow](#keyresultrow) |", "| `due_label` | text |",
        ] {
            #expect(contract.contains(row), "\(row)")
        }
    }
}
