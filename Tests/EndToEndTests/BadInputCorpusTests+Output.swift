import Foundation
import OKRTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// Output safety, routes that would collide, command-line input (SOURCE_DATE_EPOCH, --output, --templates).
extension BadInputCorpusTests {
    static let outputCases: [Case] =
        outputPlaceCases + outputKindCases + routeCases + commandLineCases

    /// No change to the site.
    static let asItIs: @Sendable (SiteFixture) throws -> Void = { _ in }

    /// Output folders that are the site, in it where they must not be, or around it.
    static let outputPlaceCases: [Case] = [
        Case(
            name: "output is the content folder", exit: 2,
            expect: [("error: the output folder", ["content/", "lies inside"])], breakSite: asItIs,
            arguments: ["--output", "{site}/content"]),
        Case(
            name: "output inside the objectives folder", exit: 2,
            expect: [("error: the output folder", ["content/", "lies inside"])], breakSite: asItIs,
            arguments: ["--output", "{site}/content/objectives/portal"]),
        Case(
            name: "output reaches content/ through ..", exit: 2,
            expect: [("error: the output folder", ["/content", "lies inside"])], breakSite: asItIs,
            arguments: ["--output", "{site}/public/../content/"]),
        Case(
            name: "output reaches content/ through a symbolic link", exit: 2,
            expect: [("error: the output folder", ["content/", "lies inside"])],
            breakSite: { symlink($0.root + "/content", $0.root + "/alias") }, arguments: ["--output", "{site}/alias/x"]),
        Case(
            name: "output is the site folder", exit: 2, expect: [("error: the output folder", ["is the site folder"])],
            breakSite: asItIs, arguments: ["--output", "{site}/"]),
        Case(
            name: "output contains the site", exit: 2, expect: [("error: the output folder", ["contains the site"])],
            breakSite: asItIs, arguments: ["--output", "{site}/.."]),
        Case(
            name: "output is the root folder", exit: 2, expect: [("error: the output folder /", ["root folder"])],
            breakSite: asItIs, arguments: ["--output", "/"]),
        Case(
            name: "output inside the theme folder", exit: 2,
            expect: [("error: the output folder", ["inside the theme folder"])],
            breakSite: { try $0.write("theme/partials/.keep", "") },
            arguments: ["--templates", "theme", "--output", "{site}/theme/out"]),
        Case(
            name: "output contains the theme folder", exit: 2,
            expect: [("error: the output folder", ["contains the theme folder"])],
            breakSite: { try $0.write("www/theme/.keep", "") },
            arguments: ["--templates", "www/theme", "--output", "{site}/www"]),
        Case(
            name: "output inside the site's Templates folder", exit: 2,
            expect: [("error: the output folder", ["inside the theme folder"])],
            breakSite: { try $0.write("Templates/.keep", "") }, arguments: ["--output", "{site}/Templates/out"]),
    ]

    /// Something other than an earlier output where the output should go.
    static let outputKindCases: [Case] = [
        Case(
            name: "output is a plain file", exit: 2, expect: [("error: the output", ["is a file, not a folder"])],
            breakSite: { try $0.write("www", "my notes\n") }, arguments: ["--output", "{site}/www"]),
        Case(
            name: "output is a folder okrportal did not write", exit: 2,
            expect: [("error: the output folder", ["did not write", "README.md", ".okrportal-output"])],
            breakSite: { try $0.write("www/README.md", "# mine\n") }, arguments: ["--output", "{site}/www"]),
        Case(
            name: "output folder with a foreign dot-folder", exit: 2,
            expect: [("error: the output folder", ["did not write", ".git"])],
            breakSite: { try $0.write("www/.git/HEAD", "ref: refs/heads/main\n") },
            arguments: ["--output", "{site}/www//"]),
        Case(
            name: "output is a symbolic link", exit: 2, expect: [("error: the output folder", ["symbolic link"])],
            breakSite: {
                try $0.write("www/README.md", "# mine\n")
                symlink($0.root + "/www", $0.root + "/link")
            }, arguments: ["--output", "{site}/link"]),
        Case(
            name: "output folder with only dot-files is fine", exit: 0, expect: [],
            breakSite: { try $0.write("www/.htaccess", "Options -Indexes\n") }, arguments: ["--output", "{site}/www/"]),
    ]

    /// Ids and names whose pages would take an overview page's file.
    static let routeCases: [Case] = [
        Case(
            name: "team id index", exit: 1,
            expect: [("content/teams.yml:16:7: error", ["team id \"index\"", "reserved", "teams/index.html"])]
        ) {
            try $0.write("content/teams.yml", Fixtures.teams + "- id: index\n  name: Index\n  parent: company\n")
        },
        Case(
            name: "period id index", exit: 1,
            expect: [("okrportal.yml:4:", ["period id \"index\"", "reserved", "periods/index.html"])]
        ) {
            try $0.write("okrportal.yml", Fixtures.config.replacingOccurrences(of: "id: 2026-Q3", with: "id: index"))
        },
        Case(
            name: "period id INDEX in capitals", exit: 1,
            expect: [("okrportal.yml:4:", ["period id \"INDEX\"", "reserved"])]
        ) {
            try $0.write("okrportal.yml", Fixtures.config.replacingOccurrences(of: "id: 2026-Q3", with: "id: INDEX"))
        },
        Case(
            name: "a person called Index builds", exit: 0, expect: [],
            breakSite: objective(good("owner: Index\n"))),
    ]

    /// Dates and folders given on the command line.
    static let commandLineCases: [Case] = [
        Case(
            name: "--as-of in the year 10000", exit: 2,
            expect: [("Error: --as-of", ["0001-01-01 to 9999-12-31", "10000-01-01"])], breakSite: asItIs,
            arguments: ["--as-of", "10000-01-01"]),
        Case(
            name: "--as-of in the year 0", exit: 2, expect: [("Error: --as-of", ["0001-01-01 to 9999-12-31"])],
            breakSite: asItIs, arguments: ["--as-of", "0000-12-31"]),
        Case(
            name: "--templates names a file", exit: 2,
            expect: [("error: the theme folder okrportal.yml", ["is a file, not a folder"])], breakSite: asItIs,
            arguments: ["--templates", "okrportal.yml"]),
        Case(
            name: "--templates names a missing folder", exit: 2,
            expect: [("error: the theme folder nothere", ["does not exist", "relative to the site folder"])],
            breakSite: asItIs, arguments: ["--templates", "nothere"]),
    ]
}
