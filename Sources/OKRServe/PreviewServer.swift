import FlyingFox
import FlyingSocks
import Foundation
import OKRContent
import OKRCore
import OKRSite
import Synchronization

/// The engine of `okrportal serve`: builds the site, keeps it up to date as files change, and answers
/// HTTP requests with the output — plus a reload script on HTML pages, an event stream that tells them
/// when to reload, and an error page while the last build failed.
public final class PreviewServer: Sendable {
    /// What the last build left to show.
    struct Status: Sendable {
        /// The problems of the last build when it failed; `nil` when the output is up to date.
        var problems: [String]?
        var errorCount = 0
        var language = "en"
    }

    /// What one rebuild did, for the command line to print.
    public enum Report: Sendable {
        /// The output is up to date.
        case built(IncrementalBuilder.Outcome)
        /// Content errors: the error page is shown.
        case failed(IncrementalBuilder.Outcome)
        /// The site could not be read or written at all (not a site, output not writable).
        case environment(EnvironmentError)
    }

    /// The folder served.
    public let output: String
    /// The event streams of open pages.
    public let hub = ReloadHub()
    private let status = Mutex(Status())
    /// The stamps of the site's files as the last build began: what it has built (see ``watch``).
    private let builtFrom = Mutex<[String: FileStamp]?>(nil)
    /// Used only by ``rebuild()``, which one thread calls at a time (the first build, then the watcher).
    private let builder: IncrementalBuilder

    /// A server for the site `options` describes; nothing is built until ``rebuild()``.
    public init(options: BuildOptions) {
        builder = IncrementalBuilder(options: options)
        output = builder.output
    }

    /// Brings the output up to date, records what pages show from now on, and tells open pages to reload.
    @discardableResult
    public func rebuild() -> Report {
        rebuild(from: Watcher.stamps(builder.options.siteRoot, extra: watchedFiles + templateFolderFiles()))
    }

    /// ``rebuild()`` of the files as `stamps` found them just before.
    private func rebuild(from stamps: [String: FileStamp]) -> Report {
        builtFrom.withLock { $0 = stamps }
        let report: Report
        let next: Status
        let language = builder.language ?? status.withLock { $0.language }
        do {
            let outcome = try builder.build()
            let lang = builder.language ?? language
            if outcome.succeeded {
                report = .built(outcome)
                next = Status(problems: nil, language: lang)
            } else {
                report = .failed(outcome)
                let errors = outcome.diagnostics.filter { $0.severity == .error }.count
                next = Status(problems: outcome.diagnostics.map(\.description), errorCount: errors, language: lang)
            }
        } catch {
            report = .environment(error)
            next = Status(problems: ["error: \(error.message)"], errorCount: 1, language: language)
        }
        status.withLock { $0 = next }
        hub.publish()
        return report
    }

    /// Files outside the site whose change changes the output (git's, with history).
    public var watchedFiles: [String] { builder.watchedFiles }

    /// Polls the site's files every `interval` seconds and rebuilds after each change, reporting each
    /// rebuild; returns only when `shouldStop` says so. Blocks: run it on a thread of its own.
    ///
    /// A change counts as built only when it was there as a build began: the watcher starts from the
    /// files as the last ``rebuild()`` found them, not as they are when it starts, and after each
    /// rebuild keeps the stamps taken before it. An edit saved while a build runs, just after it told
    /// the pages to reload, or between the first build and the watcher's start is seen and built.
    public func watch(
        interval: Double = 0.1, shouldStop: @Sendable () -> Bool = { false }, report: (Report) -> Void
    ) {
        let root = builder.options.siteRoot
        var last = builtFrom.withLock { $0 } ?? Watcher.stamps(root, extra: watchedFiles + templateFolderFiles())
        addNewlyWatched(to: &last)
        while !shouldStop() {
            usleep(UInt32(interval * 1_000_000))
            let now = Watcher.stamps(root, extra: watchedFiles + templateFolderFiles())
            guard now != last else { continue }
            last = now
            report(rebuild(from: now))
            addNewlyWatched(to: &last)
        }
    }

    /// Adds the files outside the site that became known with a build (git's, once history was read)
    /// as they are now: the build just read them, and their first sight is no change.
    private func addNewlyWatched(to stamps: inout [String: FileStamp]) {
        for path in watchedFiles + templateFolderFiles() where stamps[path] == nil {
            if let stamp = FileSystem.stamp(path) { stamps[path] = stamp }
        }
    }

    /// The files of a theme folder outside `Templates/` (`--templates` or `templates:`), which the
    /// site's watcher does not see by itself.
    private func templateFolderFiles() -> [String] {
        guard let dir = builder.options.templates else { return [] }
        let root = builder.options.siteRoot
        let full = dir.hasPrefix("/") ? dir : SiteReader.join(root, dir)
        var files: [String] = []
        var stack = [full]
        while let d = stack.popLast() {
            guard case .success(let names) = FileSystem.list(d) else { continue }
            for name in names where !name.hasPrefix(".") {
                let path = d + "/" + name
                if FileSystem.isDirectory(path) { stack.append(path) } else { files.append(path) }
            }
        }
        return files
    }

    /// Answers one request.
    public func handle(_ request: HTTPRequest) async -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return plain(.methodNotAllowed, "405 method not allowed\n", extra: [HTTPHeader("Allow"): "GET, HEAD"])
        }
        let target = request.target.path()
        if target == ServedPage.eventsPath {
            let since = request.query.first { $0.name == "since" }.flatMap { Int($0.value) }
            return HTTPResponse(
                statusCode: .ok,
                headers: [
                    .contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store",
                    .connection: "close", HTTPHeader("X-Accel-Buffering"): "no",
                ],
                body: HTTPBodySequence(from: hub.stream(since: since)))
        }
        let generation = hub.generation
        let current = status.withLock { $0 }
        let head = request.method == .HEAD
        if let problems = current.problems, target == "/" || target.hasSuffix(".html") || target.hasSuffix("/") {
            let page = ServedPage.errorPage(
                problems: problems, errorCount: current.errorCount, language: current.language,
                generation: generation)
            return respond(.internalServerError, Data(page.utf8), type: "text/html; charset=utf-8", head: head)
        }
        switch SitePath.resolve(target, root: output) {
        case .forbidden:
            return plain(.forbidden, "403 forbidden\n")
        case .redirect(let location):
            let query = request.target.query()
            return plain(.movedPermanently, "", extra: [.location: query.isEmpty ? location : location + "?" + query])
        case .notFound:
            if let page = read(output + "/404.html") {
                let html = ServedPage.inject(into: String(decoding: page, as: UTF8.self), generation: generation)
                return respond(.notFound, Data(html.utf8), type: "text/html; charset=utf-8", head: head)
            }
            return plain(.notFound, "404 not found\n")
        case .file(let path):
            guard let bytes = read(path) else { return plain(.notFound, "404 not found\n") }
            let type = SitePath.contentType(of: path)
            if type.hasPrefix("text/html") {
                let html = ServedPage.inject(into: String(decoding: bytes, as: UTF8.self), generation: generation)
                return respond(.ok, Data(html.utf8), type: type, head: head)
            }
            return respond(.ok, bytes, type: type, head: head)
        }
    }

    private func read(_ path: String) -> Data? {
        guard case .success(let bytes) = FileSystem.read(path) else { return nil }
        return Data(bytes)
    }

    private func respond(_ code: HTTPStatusCode, _ body: Data, type: String, head: Bool) -> HTTPResponse {
        var headers: HTTPHeaders = [.contentType: type, .cacheControl: "no-store", .connection: "close"]
        if head {
            headers[.contentLength] = String(body.count)
            return HTTPResponse(statusCode: code, headers: headers, body: Data())
        }
        return HTTPResponse(statusCode: code, headers: headers, body: body)
    }

    private func plain(_ code: HTTPStatusCode, _ text: String, extra: HTTPHeaders = [:]) -> HTTPResponse {
        var headers: HTTPHeaders = [
            .contentType: "text/plain; charset=utf-8", .cacheControl: "no-store", .connection: "close",
        ]
        for (k, v) in extra { headers[k] = v }
        return HTTPResponse(statusCode: code, headers: headers, body: Data(text.utf8))
    }

    /// Serves on `host`:`port` (0: any free port) until the task is cancelled; `listening` gets the
    /// address once the socket accepts connections. Binding errors, and a host that is not an address
    /// (``ListenAddress``), are thrown.
    ///
    /// Clients talk to the ``FrontDoor``, which enforces `limits` on each request head and passes
    /// acceptable requests to FlyingFox on an abstract Unix socket of this process.
    public func serve(
        host: String, port: UInt16, limits: DoorLimits = DoorLimits(),
        listening: @escaping @Sendable (String, UInt16) -> Void
    ) async throws {
        guard let address = ListenAddress.parse(host) else { throw ServeError(message: ListenAddress.hint) }
        let socket: Socket
        switch address {
        case .ip4(let ip): socket = try FrontDoor.listen(on: sockaddr_in.inet(ip4: ip, port: port))
        case .ip6(let ip): socket = try FrontDoor.listen(on: sockaddr_in6.inet6(ip6: ip, port: port))
        }
        defer { try? socket.close() }
        let inner = sockaddr_un.unix(abstractNamespace: "okrportal-serve-\(UUID().uuidString)")
        let server = HTTPServer(address: inner, timeout: 60, logger: .disabled, handler: Handler(self))
        let door = FrontDoor(limits: limits, inner: inner)
        let pool = HTTPServer.defaultPool()
        try await pool.prepare()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            group.addTask { try await pool.run() }
            group.addTask {
                try await server.waitUntilListening(timeout: 30)
                switch try socket.sockname() {
                case .ip4(let address, let p), .ip6(let address, let p): listening(address, p)
                case .unix: break
                }
                try await door.run(socket, pool: pool)
            }
            defer { hub.finish() }
            // Each runs until cancelled; the first to end (with an error) ends the others.
            try await group.next()
            group.cancelAll()
        }
    }

    /// Why serving could not start.
    public struct ServeError: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// FlyingFox's view of the server.
    struct Handler: HTTPHandler {
        let server: PreviewServer
        init(_ server: PreviewServer) { self.server = server }
        func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse { await server.handle(request) }
    }
}
