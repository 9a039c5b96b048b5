import Foundation
import OKRCore
import OKRServe
import OKRSite
import OKRTestSupport
import Synchronization
import Testing

/// `okrportal serve` as users run it: the real binary on a free port, fetched over HTTP.
@Suite(.serialized) struct ServeCommandTests {
    /// A site made by `okrportal init` (three objectives in 2026-Q4).
    func site() async throws -> SiteFixture {
        let fixture = try SiteFixture([:])
        let run = try await Binary.run(["init", fixture.root, "--as-of", "2026-11-29"])
        #expect(run.status == 0, "\(run.stderr)")
        return fixture
    }

    static let salesFile = "content/objectives/2026-q4/win-back-customers-2026-q4.md"

    @Test func servesPagesWithTheirTypesAndTheReloadScriptOnlyWhenServed() async throws {
        let fixture = try await site()
        defer { withExtendedLifetime(fixture) {} }
        try await withServer([fixture.root, "--as-of", "2026-11-29"]) { server in
            let http = RawHTTP(port: server.port)

            let home = try await http.get("/")
            #expect(home.status == 200)
            #expect(home.headers["content-type"] == "text/html; charset=utf-8")
            #expect(home.body.contains("new EventSource(\"/_okrportal/events?since="))
            #expect(home.body.contains("Become the supplier our customers recommend"))
            // The script is added as pages are served; the output itself stays as `build` writes it.
            let onDisk = try String(contentsOfFile: fixture.root + "/public/index.html", encoding: .utf8)
            #expect(!onDisk.contains("_okrportal"))

            let json = try await http.get("/data/okrs.json")
            #expect(json.status == 200)
            #expect(json.headers["content-type"] == "application/json; charset=utf-8")
            #expect(!json.body.contains("EventSource"))

            let assets = try FileManager.default.contentsOfDirectory(atPath: fixture.root + "/public/assets")
            let css = try #require(assets.first { $0.hasSuffix(".css") })
            let style = try await http.get("/assets/" + css)
            #expect(style.status == 200)
            #expect(style.headers["content-type"] == "text/css; charset=utf-8")

            // A folder: redirected to its slash (so relative links resolve), then its index.html.
            let teams = try await http.get("/teams")
            #expect(teams.status == 301)
            #expect(teams.headers["location"] == "/teams/")
            let index = try await http.get("/teams/")
            #expect(index.status == 200)
            #expect(index.body.contains("Sales"))

            let missing = try await http.get("/no/such/page.html")
            #expect(missing.status == 404)
            #expect(missing.headers["content-type"] == "text/html; charset=utf-8")

            let head = try await http.get("/", method: "HEAD")
            #expect(head.status == 200)
            #expect(head.body.isEmpty)
            #expect(try await http.get("/", method: "POST").status == 405)
            #expect(server.output.contains("serving http://127.0.0.1:"))
        }
    }

    @Test func refusesEveryWayOutOfTheOutputFolder() async throws {
        let fixture = try await site()
        defer { withExtendedLifetime(fixture) {} }
        try fixture.write("secret.txt", "TOP-SECRET")
        try await withServer([fixture.root, "--as-of", "2026-11-29"]) { server in
            // A link inside the output that points out of it.
            symlink(fixture.root, fixture.root + "/public/escape")
            let http = RawHTTP(port: server.port)
            let attempts = [
                "/../secret.txt", "/../okrportal.yml", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/.%2e/secret.txt",
                "/..%2fsecret.txt", "/teams/..%2f..%2fsecret.txt", "/%2e%2e%2fsecret.txt", "/..%5csecret.txt",
                "/teams/../../secret.txt", "//etc/passwd", "/%2fetc%2fpasswd", "/escape/secret.txt",
                "/escape/okrportal.yml", "http://127.0.0.1/../secret.txt", "/%00../secret.txt", "/etc/passwd",
            ]
            for target in attempts {
                let response = try await http.get(target)
                #expect([403, 404].contains(response.status), "\(target): \(response.status)")
                #expect(!response.body.contains("TOP-SECRET"), "\(target)")
                #expect(!response.body.contains("periods:"), "\(target)")
                #expect(!response.body.contains("root:x:0"), "\(target)")
            }
            #expect(try await http.get("/../secret.txt").status == 403)
            #expect(try await http.get("/%2e%2e/secret.txt").status == 403)
        }
    }

    @Test func aChangeReloadsOpenPagesAndAnErrorShowsUntilFixed() async throws {
        let fixture = try await site()
        defer { withExtendedLifetime(fixture) {} }
        try await withServer([fixture.root, "--as-of", "2026-11-29"]) { server in
            let http = RawHTTP(port: server.port)
            let page = "/objectives/win-back-customers-2026-q4.html"
            let objectiveURL = try #require(
                (try FileManager.default.subpathsOfDirectory(atPath: fixture.root + "/public"))
                    .first { $0.contains("win-back-customers-2026-q4") && $0.hasSuffix(".html") })
            let path = "/" + objectiveURL
            #expect(try await http.get(path).body.contains("Win back the customers we lost last year"), "\(page)")

            // A page that shows generation 1 listens; an edit brings a reload event and the new page.
            let events = try await http.events(since: 1)
            defer { close(events) }
            #expect(await http.read(events, until: "event: hello").contains("data: 1"))
            let file = fixture.root + "/" + Self.salesFile
            let original = try String(contentsOfFile: file, encoding: .utf8)
            try original.replacingOccurrences(of: "we lost last year", with: "we lost in the spring")
                .write(toFile: file, atomically: true, encoding: .utf8)
            #expect(await http.read(events, until: "event: reload").contains("event: reload\ndata: 2"))
            #expect(
                try await eventually {
                    try await http.get(path).body.contains("Win back the customers we lost in the spring")
                })

            // A broken file: every page shows the diagnostic, escaped, instead of the stale site.
            try original.replacingOccurrences(of: "team: sales", with: "team: <b>sales")
                .write(toFile: file, atomically: true, encoding: .utf8)
            #expect(await http.read(events, until: "data: 3").contains("event: reload"))
            let broken = try await http.get(path)
            #expect(broken.status == 500)
            #expect(broken.body.contains(Self.salesFile + ":3:7: error:"), "\(broken.body)")
            #expect(broken.body.contains("&lt;b&gt;sales"))
            #expect(!broken.body.contains("<b>sales"))
            #expect(broken.body.contains("new EventSource(\"/_okrportal/events?since=3\")"))
            #expect(try await http.get("/").body.contains("okrportal-problems"))

            // Fixed: another reload, and the fresh site.
            try original.write(toFile: file, atomically: true, encoding: .utf8)
            #expect(await http.read(events, until: "data: 4").contains("event: reload"))
            let fixed = try await http.get(path)
            #expect(fixed.status == 200)
            #expect(fixed.body.contains("Win back the customers we lost last year"))
            #expect(server.output.contains("not built: 1 error"))
        }
    }

    @Test func aPageThatMissedARebuildReloadsAtOnce() async throws {
        let fixture = try await site()
        defer { withExtendedLifetime(fixture) {} }
        try await withServer([fixture.root, "--as-of", "2026-11-29"]) { server in
            let http = RawHTTP(port: server.port)
            // A page served at generation 0 connects after the site has moved on to 1.
            let events = try await http.events(since: 0)
            defer { close(events) }
            #expect(await http.read(events, until: "event: reload").contains("event: reload"))
        }
    }

    @Test func aPortInUseIsAnEnvironmentError() async throws {
        let fixture = try await site()
        defer { withExtendedLifetime(fixture) {} }
        try await withServer([fixture.root, "--as-of", "2026-11-29"]) { server in
            let second = try await Binary.run(
                [
                    "serve", fixture.root, "--as-of", "2026-11-29", "--port", String(server.port), "--output",
                    fixture.root + "/public2",
                ], timeout: 60)
            #expect(second.status == 2)
            #expect(second.stderr.contains("cannot serve on 127.0.0.1:\(server.port)"))
        }
        let notASite = try await Binary.run(["serve", fixture.root + "/content", "--port", "0"], timeout: 60)
        #expect(notASite.status == 2)
        #expect(try await Binary.run(["serve", fixture.root, "--port", "70000"]).status == 2)
    }
}

/// The server's pure parts: path rules, types, the script and the error page.
@Suite struct PreviewPartsTests {
    @Test func pathsThatLeaveTheSiteAreForbidden() throws {
        let fixture = try SiteFixture(["public/index.html": "<p>hi</p>", "public/a/b.css": "x", "secret": "s"])
        defer { withExtendedLifetime(fixture) {} }
        let root = fixture.root + "/public"
        #expect(SitePath.resolve("/", root: root) == .file(root + "/index.html"))
        #expect(SitePath.resolve("/a/b.css", root: root) == .file(root + "/a/b.css"))
        #expect(SitePath.resolve("/a", root: root) == .redirect("/a/"))
        #expect(SitePath.resolve("/a/", root: root) == .notFound)
        #expect(SitePath.resolve("/nope", root: root) == .notFound)
        for bad in ["/../secret", "/%2e%2e/secret", "/a/..%2F..%2Fsecret", "/.", "/a%5c..%5c..%5csecret", "secret"] {
            #expect(SitePath.resolve(bad, root: root) == .forbidden, "\(bad)")
        }
    }

    @Test func contentTypes() {
        #expect(SitePath.contentType(of: "/x/index.html") == "text/html; charset=utf-8")
        #expect(SitePath.contentType(of: "a.CSS") == "text/css; charset=utf-8")
        #expect(SitePath.contentType(of: "chart.svg") == "image/svg+xml; charset=utf-8")
        #expect(SitePath.contentType(of: "okrs.json") == "application/json; charset=utf-8")
        #expect(SitePath.contentType(of: "logo.png") == "image/png")
        #expect(SitePath.contentType(of: "README") == "application/octet-stream")
    }

    @Test func theScriptGoesBeforeTheLastBodyEnd() {
        let html = ServedPage.inject(into: "<html><body><p>x</p></body></html>", generation: 7)
        #expect(html.hasSuffix("</script></body></html>"))
        #expect(html.contains("/_okrportal/events?since=7"))
        #expect(ServedPage.inject(into: "<p>fragment</p>", generation: 1).hasPrefix("<p>fragment</p><script>"))
    }

    @Test func theErrorPageEscapesAndSpeaksTheSitesLanguage() {
        let page = ServedPage.errorPage(
            problems: ["a.md:1:2: error: title \"<script>alert(1)</script>\" & more"], errorCount: 1,
            language: "de", generation: 2)
        #expect(page.contains("a.md:1:2: error: title &quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot; &amp; more"))
        #expect(!page.contains("<script>alert"))
        #expect(page.contains("<html lang=\"de\">"))
        #expect(page.contains("Build fehlgeschlagen"))
        #expect(ServedPage.errorPage(problems: [], errorCount: 2, language: "en", generation: 1).contains("2 errors"))
    }
}

/// The preview server's watcher, in process: every edit is built, whenever it is saved.
@Suite struct PreviewWatchTests {
    static let file = "content/objectives/a.md"

    /// A server for a one-objective site, built once.
    func builtServer() throws -> (SiteFixture, PreviewServer) {
        let fixture = try SiteFixture(Fixtures.site(["a.md": Fixtures.objective("a")]))
        let server = PreviewServer(options: BuildOptions(siteRoot: fixture.root, asOf: Day(iso: "2026-11-29")!))
        server.rebuild()
        return (fixture, server)
    }

    /// Runs the watcher (which blocks: on a thread of its own) until it has rebuilt `rebuilds` times or
    /// 30 seconds have passed; `onLook` runs at each look, `onReport` with each rebuild's number.
    /// Returns the number of rebuilds.
    func watch(
        _ server: PreviewServer, until rebuilds: Int, onLook: @escaping @Sendable (Int) -> Void = { _ in },
        onReport: @escaping @Sendable (Int) -> Void = { _ in }
    ) async -> Int {
        let seen = Mutex((looks: 0, reports: 0))
        let deadline = Date().addingTimeInterval(30)
        await OffPool.run {
            server.watch(
                interval: 0.02,
                shouldStop: {
                    let looks = seen.withLock { seen in
                        seen.looks += 1
                        return seen.looks
                    }
                    onLook(looks)
                    return seen.withLock { $0.reports } >= rebuilds || Date() > deadline
                }
            ) { _ in
                onReport(
                    seen.withLock { seen in
                        seen.reports += 1
                        return seen.reports
                    })
            }
        }
        return seen.withLock { $0.reports }
    }

    /// `okrportal serve` builds, then starts its watcher: an edit saved in between was taken for built
    /// (the watcher's first look was its starting point) and never was.
    @Test func anEditSavedBeforeTheWatcherStartsIsBuilt() async throws {
        let (fixture, server) = try builtServer()
        defer { withExtendedLifetime(fixture) {} }
        try fixture.write(Self.file, Fixtures.objective("a", body: "An early edit.\n"))
        #expect(await watch(server, until: 1) == 1, "the edit was not built")
        let page = try String(contentsOfFile: server.output + "/objectives/a.html", encoding: .utf8)
        #expect(page.contains("An early edit."))
    }

    /// An edit saved just after a rebuild told the pages to reload (here: while the watcher reports
    /// that rebuild) was taken for built, and the page stayed stale, or on the error page, until the
    /// next edit. `okrportal serve`'s test met it on a busy machine; this one saves at that moment.
    @Test func anEditSavedJustAfterARebuildIsBuiltToo() async throws {
        let (fixture, server) = try builtServer()
        defer { withExtendedLifetime(fixture) {} }
        let rebuilds = await watch(
            server, until: 2,
            onLook: { look in
                // The first edit once the watcher is under way.
                if look == 1 { try? fixture.write(Self.file, Fixtures.objective("a", body: "First edit.\n")) }
            },
            onReport: { report in
                // The second edit as the watcher reports the build of the first.
                if report == 1 { try? fixture.write(Self.file, Fixtures.objective("a", body: "Second edit.\n")) }
            })
        #expect(rebuilds == 2, "the second edit was not built")
        let page = try String(contentsOfFile: server.output + "/objectives/a.html", encoding: .utf8)
        #expect(page.contains("Second edit."))
    }
}
