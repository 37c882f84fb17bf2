import Crypto
import DeskApp
import DeskDomain
import DeskIntake
import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOPosix
import Synchronization

/// How the reception behaves; the defaults are what `mado serve` runs with (README, "Web reception").
public struct ReceptionSettings: Sendable {
    /// Largest request body without files (a form or a JSON submission), and the text fields of a multipart one.
    public var maxBody = 1024 * 1024
    /// Largest multipart body, files included; one file; files in one submission.
    public var maxUpload = 30 * 1024 * 1024
    public var maxFileBytes = 10 * 1024 * 1024
    public var maxFiles = 10
    /// Submissions one client address may make per window; more get 429 with Retry-After.
    public var submissionsPerClient = 10
    public var window: TimeInterval = 600
    /// A form sent sooner than this after it was served is a bot's (people take longer to type a complaint).
    public var minimumFillTime: TimeInterval = 3
    /// A form older than this is sent back to be sent again (its token expired).
    public var formLifetime: TimeInterval = 24 * 3600
    /// A request body that takes longer than this to arrive is dropped (slow clients hold no connection for long).
    public var bodyDeadline: TimeInterval = 30
    /// Behind a reverse proxy every connection comes from the proxy: take the client's address from the last
    /// `X-Forwarded-For` entry (the proxy's own), for the rate limit only. Off by default: a client could forge it.
    public var behindProxy = false
    public init() {}
}

/// The public's door to the desk: per organization, the reception form (`GET /{org}/`) and submissions
/// (`POST /{org}/submissions`, from that form or as web-form JSON v1 from a partner's own form). A front end on `Desk`:
/// every submission goes through `Desk.takeIn`, as the command line's intake does.
public struct Reception: Sendable {
    let desk: Desk
    let settings: ReceptionSettings
    let limiter: RateLimiter
    let tokens: FormTokens
    let clock: @Sendable () -> Date
    /// The server's own log (stderr): never a client's text or address.
    let log = Logger(label: "mado.serve") { _ in ServerLogHandler() }

    public init(desk: Desk, settings: ReceptionSettings = ReceptionSettings(), clock: @escaping @Sendable () -> Date = { Date() }) {
        self.desk = desk
        self.settings = settings
        self.limiter = RateLimiter(limit: settings.submissionsPerClient, window: settings.window)
        self.tokens = FormTokens()
        self.clock = clock
    }

    /// The application, listening on `host:port`.
    public func application(host: String, port: Int, logger: Logger) -> some ApplicationProtocol {
        Application(router: router(), server: .http1(configuration: .init(idleTimeout: .seconds(60))),
                    configuration: .init(address: .hostname(host, port: port), serverName: nil), logger: logger)
    }

    public func router() -> Router<ReceptionContext> {
        let router = Router(context: ReceptionContext.self)
        router.add(middleware: AccessLog())
        router.add(middleware: SecurityHeaders())
        router.get("healthz") { _, _ in "ok\n" }
        router.get("openapi.json") { [settings] _, _ in
            Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "max-age=3600"],
                     body: .init(byteBuffer: ByteBuffer(bytes: OpenAPIDocument.json(settings))))
        }
        router.get("static/form.css") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
                     body: .init(byteBuffer: ByteBuffer(string: FormPage.stylesheet)))
        }
        // `/{org}` and `/{org}/` are one route to the trie; the form's links are absolute, so both work.
        router.get(":org") { request, context in try await self.form(request, context) }
        router.post(":org/submissions") { request, context in try await self.submit(request, context) }
        router.get(":org/follow-up") { request, context in try await self.followUpForm(request, context) }
        router.post(":org/follow-up") { request, context in try await self.followUp(request, context) }
        return router
    }

    // MARK: Pages

    func form(_ request: Request, _ context: ReceptionContext) async throws -> Response {
        let l = Self.language(request)
        guard let org = try await organization(context) else { return Self.html(.notFound, FormPage.notice(l, .notFound)) }
        return Self.html(.ok, FormPage.form(org, language: l, token: tokens.issue(at: clock(), org: org.id), settings: settings))
    }

    func submit(_ request: Request, _ context: ReceptionContext) async throws -> Response {
        let incoming: Incoming
        switch try await receive(request, context) {
        case .failure(let refusal): return refusal.response
        case .success(let i): incoming = i
        }
        let (org, l) = (incoming.org, incoming.language)
        switch incoming.body {
        case .json(let bytes):
            let parsed: WebFormSubmission
            do { parsed = try WebFormParser.parse(bytes) } catch {
                return Self.json(.badRequest, errors: [ReceptionText.message(error, l)])
            }
            guard parsed.organization == org.id else {
                return Self.json(.badRequest, errors: [("organization", l == .ja ? "組織がこのアドレスの組織と一致しません。"
                                                                           : "organization must be the one this address is for (\(org.id.rawValue)).")])
            }
            return try await answerJSON(Submission(webForm: parsed), l)
        case .form(let fields, let bytes):
            return try await answerForm(fields, files: [], fileErrors: [], original: bytes, org: org, language: l)
        case .multipart(let form):
            let (attachments, fileErrors) = Self.checkFiles(form.files, l)
            if incoming.html || form.fields["token"] != nil {
                return try await answerForm(form.fields, files: attachments, fileErrors: fileErrors, original: form.canonicalFields,
                                            org: org, language: l)
            }
            // A partner's multipart submission: the same fields, answered as the JSON API answers.
            let submissionLanguage = form.fields["language"].flatMap(Language.init(rawValue:)) ?? l
            switch FormFields.submission(form.fields, organization: org.id, language: submissionLanguage, original: form.canonicalFields) {
            case .failure(let errors): return Self.json(.badRequest, errors: errors.map { ReceptionText.message($0, l) } + fileErrors)
            case .success(var submission):
                guard fileErrors.isEmpty else { return Self.json(.badRequest, errors: fileErrors) }
                submission.attachments = attachments
                return try await answerJSON(submission, l)
            }
        }
    }

    private func answerJSON(_ submission: Submission, _ l: Language) async throws -> Response {
        switch try await takeIn(submission, l) {
        case .taken(let receipt): return Self.jsonBody(.created, ["receipt": receipt.description, "case": NSNull()])
        case .again: return Self.jsonBody(.ok, ["receipt": NSNull(), "case": NSNull(), "duplicate": true])
        case .refused(let errors): return Self.json(.badRequest, errors: errors)
        }
    }

    /// The HTML form's answer: the form again with every problem beside its field, or the receipt page.
    private func answerForm(_ fields: [String: String], files: [Submission.Attachment], fileErrors: [(field: String?, message: String)],
                            original: Data, org: OrganizationDetails, language: Language) async throws -> Response {
        let l = fields["language"].flatMap(Language.init(rawValue:)) ?? language
        let hadFiles = !files.isEmpty || !fileErrors.isEmpty
        let again = { (errors: [(field: String?, message: String)], status: HTTPResponse.Status) in
            // A browser cannot be given its files back: say so, once, beside the file input.
            let errors = errors + (hadFiles ? [("attachments", ReceptionText.chooseFilesAgain.text(l))] : [])
            return Self.html(status, FormPage.form(org, language: l, token: self.tokens.issue(at: self.clock(), org: org.id),
                                                   values: fields, errors: errors, settings: self.settings))
        }
        // Bots fill the hidden field, or send faster than a person types; they get the form back, never a receipt.
        if !(fields["website"] ?? "").isEmpty { return again([(nil, ReceptionText.tryAgain.text(l))], .badRequest) }
        switch tokens.check(fields["token"] ?? "", org: org.id, at: clock(), minimum: settings.minimumFillTime,
                            lifetime: settings.formLifetime) {
        case .ok: break
        case .tooFast: return again([(nil, ReceptionText.tooFast.text(l))], .badRequest)
        case .expired: return again([(nil, ReceptionText.tryAgain.text(l))], .badRequest)
        }
        var submission: Submission
        switch FormFields.submission(fields, organization: org.id, language: l, original: original) {
        case .failure(let errors): return again(errors.map { ReceptionText.message($0, l) } + fileErrors, .badRequest)
        case .success(let s): submission = s
        }
        guard fileErrors.isEmpty else { return again(fileErrors, .badRequest) }
        submission.attachments = files
        switch try await takeIn(submission, l) {
        case .taken(let receipt): return Self.html(.created, FormPage.received(org, language: l, receipt: receipt))
        case .again: return Self.html(.ok, FormPage.received(org, language: l, receipt: nil))
        case .refused(let errors): return again(errors, .badRequest)
        }
    }

    enum Taken { case taken(Receipt), again, refused([(field: String?, message: String)]) }

    /// The one call every channel makes. SQLite blocks, so it runs on NIO's thread pool, not on the event loop.
    func takeIn(_ s: Submission, _ l: Language) async throws -> Taken {
        do {
            let outcome = try await NIOThreadPool.singleton.runIfActive { [desk] in try desk.takeIn(s) }
            switch outcome {
            case .new(let id, let threats, let receipt):
                // As `mado intake` does: the words are the desk's to read (the case pane shows them), not the server's to judge.
                if !threats.isEmpty { log.notice("\(id): \(threats.count) likely threat or slander word(s); the desk should read it first") }
                return .taken(receipt)
            case .duplicate: return .again
            }
        } catch let e as InputError {
            return .refused([ReceptionText.message(e, l)])
        }
    }

    func organization(_ context: ReceptionContext) async throws -> OrganizationDetails? {
        let raw = try context.parameters.require("org")
        guard OrganizationID.isValid(raw) else { return nil }
        return try await NIOThreadPool.singleton.runIfActive { [desk] in
            try desk.organizations().contains { $0.id.rawValue == raw } ? try desk.organization(OrganizationID(raw)) : nil
        }
    }

    // MARK: Language and responses

    /// `?lang=` first (the page's switch link), then Accept-Language in order of preference, else Japanese.
    static func language(_ request: Request) -> Language {
        if let q = request.uri.queryParameters.get("lang"), let l = Language(rawValue: q) { return l }
        let accepted = (request.headers[.acceptLanguage] ?? "").split(separator: ",").compactMap { part -> (String, Double)? in
            let bits = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let tag = bits.first, !tag.isEmpty else { return nil }
            let q = bits.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return (tag, q)
        }
        for (tag, _) in accepted.sorted(by: { $0.1 > $1.1 }) {
            if tag.hasPrefix("ja") { return .ja }
            if tag.hasPrefix("en") { return .en }
        }
        return .ja
    }

    static func html(_ status: HTTPResponse.Status, _ page: String) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                 body: .init(byteBuffer: ByteBuffer(string: page)))
    }

    static func json(_ status: HTTPResponse.Status, errors: [(field: String?, message: String)]) -> Response {
        jsonBody(status, ["errors": errors.map { e -> [String: Any] in
            ["field": e.field.map { $0 as Any } ?? NSNull(), "message": e.message]
        }])
    }

    static func jsonBody(_ status: HTTPResponse.Status, _ object: [String: Any]) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    struct DeadlineExceeded: Error {}

    static func withDeadline<T: Sendable>(_ seconds: TimeInterval, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
                throw DeadlineExceeded()
            }
            defer { group.cancelAll() }
            return try await group.next()!
        }
    }
}

extension Reception {
    /// Serves until SIGTERM or SIGINT, then stops taking connections and lets the requests in flight finish
    /// (swift-service-lifecycle's graceful shutdown, which Hummingbird's `runService` sets up). Blocks the caller.
    public func serve(host: String, port: Int, onListening: @escaping @Sendable (Int) -> Void = { _ in }) throws {
        var logger = Logger(label: "mado.serve") { _ in ServerLogHandler() }
        logger.logLevel = .info
        let app = Application(router: router(), server: .http1(configuration: .init(idleTimeout: .seconds(60))),
                              configuration: .init(address: .hostname(host, port: port)),
                              onServerRunning: { channel in onListening(channel.localAddress?.port ?? port) }, logger: logger)
        let outcome = Mutex<(any Error)?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            do { try await app.runService() } catch { outcome.withLock { $0 = error } }
            done.signal()
        }
        done.wait()
        if let error = outcome.withLock({ $0 }) { throw error }
    }
}
