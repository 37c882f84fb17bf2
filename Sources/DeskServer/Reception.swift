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
        router.get("static/form.css") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
                     body: .init(byteBuffer: ByteBuffer(string: FormPage.stylesheet)))
        }
        // `/{org}` and `/{org}/` are one route to the trie; the form's links are absolute, so both work.
        router.get(":org") { request, context in try await self.form(request, context) }
        router.post(":org/submissions") { request, context in try await self.submit(request, context) }
        return router
    }

    // MARK: Pages

    func form(_ request: Request, _ context: ReceptionContext) async throws -> Response {
        let l = Self.language(request)
        guard let org = try await organization(context) else { return Self.html(.notFound, FormPage.notice(l, .notFound)) }
        return Self.html(.ok, FormPage.form(org, language: l, token: tokens.issue(at: clock(), org: org.id), settings: settings))
    }

    func submit(_ request: Request, _ context: ReceptionContext) async throws -> Response {
        let l = Self.language(request)
        let contentType = request.headers[.contentType].map { $0.lowercased() } ?? ""
        let isJSON = contentType.hasPrefix("application/json")
        let isForm = contentType.hasPrefix("application/x-www-form-urlencoded")
        let boundary = MultipartCollector.boundary(request.headers[.contentType] ?? "")
        let isMultipart = contentType.hasPrefix("multipart/form-data")
        // A browser asks for HTML; a partner's server for JSON (or nothing in particular).
        let wantsHTML = isForm || (request.headers[.accept] ?? "").contains("text/html")
        guard let org = try await organization(context) else {
            return isJSON ? Self.json(.notFound, errors: [(nil, ReceptionText.notFound.text(l))])
                          : Self.html(.notFound, FormPage.notice(l, .notFound))
        }
        guard isJSON || isForm || isMultipart else {
            return wantsHTML ? Self.html(.unsupportedMediaType, FormPage.notice(l, .unsupported, back: "/\(org.id.rawValue)/"))
                             : Self.json(.unsupportedMediaType, errors: [(nil, ReceptionText.unsupported.text(l))])
        }
        let limit = isMultipart ? settings.maxUpload : settings.maxBody
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            return tooLarge(html: wantsHTML, l, org, limit: limit)
        }
        let retry = limiter.admit(context.clientKey, at: clock())
        if let retry {
            var r = isJSON ? Self.json(.tooManyRequests, errors: [(nil, ReceptionText.tooMany.text(l))])
                           : Self.html(.tooManyRequests, FormPage.notice(l, .tooMany))
            r.headers[.retryAfter] = String(Int(retry.rounded(.up)))
            return r
        }
        if isMultipart {
            guard let boundary else {
                return wantsHTML ? Self.html(.badRequest, FormPage.notice(l, .unsupported, back: "/\(org.id.rawValue)/"))
                                 : Self.json(.badRequest, errors: [(nil, ReceptionText.malformed.text(l))])
            }
            return try await submitMultipart(request, boundary: boundary, org: org, language: l, html: wantsHTML)
        }
        let body: ByteBuffer
        do {
            let incoming = request
            body = try await Self.withDeadline(settings.bodyDeadline) { [maxBody = settings.maxBody] in
                var r = incoming
                return try await r.collectBody(upTo: maxBody)
            }
        } catch let e as HTTPError where e.status == .contentTooLarge {
            return tooLarge(html: wantsHTML, l, org, limit: limit)
        } catch is DeadlineExceeded {
            return Response(status: .requestTimeout, headers: [.connection: "close"])
        }
        let bytes = Data(buffer: body)
        if isJSON { return try await submitJSON(bytes, org: org, language: l) }
        return try await submitForm(bytes, org: org, language: l)
    }

    private func tooLarge(html: Bool, _ l: Language, _ org: OrganizationDetails, limit: Int, file: String? = nil) -> Response {
        let message = file.map { ReceptionText.fileTooLarge(Sanitizer.visible($0), l, limit: limit) }
            ?? ReceptionText.tooLarge.text(l) + (l == .ja ? "(上限 \(ReceptionText.size(limit, l)))" : " (limit \(ReceptionText.size(limit, l)))")
        var r = html ? Self.html(.contentTooLarge, FormPage.notice(l, message, back: "/\(org.id.rawValue)/"))
                     : Self.json(.contentTooLarge, errors: [(file == nil ? nil : "attachments", message)])
        r.headers[.connection] = "close"   // the rest of the body is not read
        return r
    }

    func submitJSON(_ bytes: Data, org: OrganizationDetails, language l: Language) async throws -> Response {
        let parsed: WebFormSubmission
        do { parsed = try WebFormParser.parse(bytes) } catch {
            return Self.json(.badRequest, errors: [ReceptionText.message(error, l)])
        }
        guard parsed.organization == org.id else {
            return Self.json(.badRequest, errors: [("organization", l == .ja ? "組織がこのアドレスの組織と一致しません。"
                                                                       : "organization must be the one this address is for (\(org.id.rawValue)).")])
        }
        return try await answerJSON(Submission(webForm: parsed), l)
    }

    func submitForm(_ bytes: Data, org: OrganizationDetails, language: Language) async throws -> Response {
        let fields: [String: String]
        do { fields = try FormFields.decode(bytes) } catch {
            return Self.html(.badRequest, FormPage.notice(language, .unsupported, back: "/\(org.id.rawValue)/"))
        }
        return try await answerForm(fields, files: [], fileErrors: [], original: bytes, org: org, language: language)
    }

    /// A multipart body, read as it arrives with every limit kept; then the HTML form's answer (a browser) or the API's.
    func submitMultipart(_ request: Request, boundary: String, org: OrganizationDetails, language l: Language,
                         html: Bool) async throws -> Response {
        let limits = MultipartLimits(fieldBytes: settings.maxBody, fileBytes: settings.maxFileBytes, files: settings.maxFiles)
        let form: MultipartForm
        do {
            form = try await Self.withDeadline(settings.bodyDeadline) { [maxUpload = settings.maxUpload] in
                let collector = MultipartCollector(boundary: boundary, limits: limits)
                var total = 0
                for try await chunk in request.body {
                    total += chunk.readableBytes
                    if total > maxUpload { throw MultipartCollector.Failure.bodyTooLarge }
                    try collector.feed(chunk)
                }
                return try collector.finish()
            }
        } catch let f as MultipartCollector.Failure {
            let status: HTTPResponse.Status
            let error: (field: String?, message: String)
            switch f {
            case .bodyTooLarge: return tooLarge(html: html, l, org, limit: settings.maxUpload)
            case .fieldsTooLarge: return tooLarge(html: html, l, org, limit: settings.maxBody)
            case .fileTooLarge(let name): return tooLarge(html: html, l, org, limit: settings.maxFileBytes, file: name ?? "")
            case .tooManyFiles: (status, error) = (.contentTooLarge, ("attachments", ReceptionText.tooManyFiles(settings.maxFiles, l)))
            case .malformed: (status, error) = (.badRequest, (nil, ReceptionText.malformed.text(l)))
            case .notUTF8(let field): (status, error) = (.badRequest, ReceptionText.message(.badEncoding(field: field, byteOffset: 0), l))
            }
            var r = html ? Self.html(status, FormPage.notice(l, error.message, back: "/\(org.id.rawValue)/"))
                         : Self.json(status, errors: [error])
            r.headers[.connection] = "close"
            return r
        } catch is DeadlineExceeded {
            return Response(status: .requestTimeout, headers: [.connection: "close"])
        }
        var attachments: [Submission.Attachment] = []
        var fileErrors: [(field: String?, message: String)] = []
        for f in form.files {
            if let name = f.name, name.count > IntakeLimits.filename || name.unicodeScalars.contains("\0") {
                fileErrors.append(("attachments", ReceptionText.fileNameRefused(l)))
                continue
            }
            switch AttachmentType.check(declared: f.declaredType, bytes: f.bytes) {
            case .success(let type): attachments.append(.init(name: f.name, mediaType: type, bytes: f.bytes))
            case .failure(let problem): fileErrors.append(("attachments", ReceptionText.fileRefused(f.name, problem, l)))
            }
        }
        if html || form.fields["token"] != nil {
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
    private func takeIn(_ s: Submission, _ l: Language) async throws -> Taken {
        do {
            let outcome = try await NIOThreadPool.singleton.runIfActive { [desk] in try desk.takeIn(s) }
            switch outcome {
            case .new(_, _, let receipt): return .taken(receipt)
            case .duplicate: return .again
            }
        } catch let e as InputError {
            return .refused([ReceptionText.message(e, l)])
        }
    }

    private func organization(_ context: ReceptionContext) async throws -> OrganizationDetails? {
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
