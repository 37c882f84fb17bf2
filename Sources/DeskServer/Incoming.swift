import DeskApp
import DeskDomain
import DeskIntake
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// A request body as the reception reads it for a submission or a follow-up: the organization it is for, the language
/// to answer in, whether a browser sent it, and the body, read with every limit kept.
struct Incoming: Sendable {
    enum Body: Sendable {
        case json(Data)
        /// `application/x-www-form-urlencoded`: the fields and the bytes as received.
        case form([String: String], Data)
        case multipart(MultipartForm)
    }
    let org: OrganizationDetails
    let language: Language
    /// Answer with a page (a browser's form), not JSON (a partner's server).
    let html: Bool
    let body: Body
}

/// A request refused before its body was used: the answer to send.
struct Refused: Error {
    let response: Response
}

extension Reception {
    /// Reads a POST to `/{org}/…`: the organization, the content type, the size (413 before reading past the limit), the
    /// client's rate (429), then the body within its deadline (408). Nothing is stored here.
    func receive(_ request: Request, _ context: ReceptionContext) async throws -> Result<Incoming, Refused> {
        let l = Self.language(request)
        let contentType = request.headers[.contentType].map { $0.lowercased() } ?? ""
        let isJSON = contentType.hasPrefix("application/json")
        let isForm = contentType.hasPrefix("application/x-www-form-urlencoded")
        let isMultipart = contentType.hasPrefix("multipart/form-data")
        // A browser asks for HTML; a partner's server for JSON (or nothing in particular).
        let html = isForm || (request.headers[.accept] ?? "").contains("text/html")
        guard let org = try await organization(context) else {
            return .failure(Refused(response: html ? Self.html(.notFound, FormPage.notice(l, .notFound))
                                                   : Self.json(.notFound, errors: [(nil, ReceptionText.notFound.text(l))])))
        }
        let back = "/\(org.id.rawValue)/"
        guard isJSON || isForm || isMultipart else {
            return .failure(Refused(response: html ? Self.html(.unsupportedMediaType, FormPage.notice(l, .unsupported, back: back))
                                                   : Self.json(.unsupportedMediaType, errors: [(nil, ReceptionText.unsupported.text(l))])))
        }
        let limit = isMultipart ? settings.maxUpload : settings.maxBody
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            return .failure(Refused(response: tooLarge(html: html, l, org, limit: limit)))
        }
        if let retry = limiter.admit(clientKey(request, context), at: clock()) {
            var r = html ? Self.html(.tooManyRequests, FormPage.notice(l, .tooMany))
                         : Self.json(.tooManyRequests, errors: [(nil, ReceptionText.tooMany.text(l))])
            r.headers[.retryAfter] = String(Int(retry.rounded(.up)))
            return .failure(Refused(response: r))
        }
        if isMultipart {
            guard let boundary = MultipartCollector.boundary(request.headers[.contentType] ?? "") else {
                return .failure(Refused(response: html ? Self.html(.badRequest, FormPage.notice(l, .malformed, back: back))
                                                       : Self.json(.badRequest, errors: [(nil, ReceptionText.malformed.text(l))])))
            }
            return try await readMultipart(request, boundary: boundary, org: org, language: l, html: html)
        }
        let body: ByteBuffer
        do {
            body = try await Self.withDeadline(settings.bodyDeadline) { [maxBody = settings.maxBody] in
                var r = request
                return try await r.collectBody(upTo: maxBody)
            }
        } catch let e as HTTPError where e.status == .contentTooLarge {
            return .failure(Refused(response: tooLarge(html: html, l, org, limit: limit)))
        } catch is DeadlineExceeded {
            return .failure(Refused(response: Response(status: .requestTimeout, headers: [.connection: "close"])))
        }
        let bytes = Data(buffer: body)
        if isJSON { return .success(Incoming(org: org, language: l, html: false, body: .json(bytes))) }
        do {
            return .success(Incoming(org: org, language: l, html: true, body: .form(try FormFields.decode(bytes), bytes)))
        } catch {
            return .failure(Refused(response: Self.html(.badRequest, FormPage.notice(l, .malformed, back: back))))
        }
    }

    /// A multipart body, read as it arrives, each limit kept as the bytes come.
    private func readMultipart(_ request: Request, boundary: String, org: OrganizationDetails, language l: Language,
                               html: Bool) async throws -> Result<Incoming, Refused> {
        let limits = MultipartLimits(fieldBytes: settings.maxBody, fileBytes: settings.maxFileBytes, files: settings.maxFiles)
        do {
            let form = try await Self.withDeadline(settings.bodyDeadline) { [maxUpload = settings.maxUpload] in
                let collector = MultipartCollector(boundary: boundary, limits: limits)
                var total = 0
                for try await chunk in request.body {
                    total += chunk.readableBytes
                    if total > maxUpload { throw MultipartCollector.Failure.bodyTooLarge }
                    try collector.feed(chunk)
                }
                return try collector.finish()
            }
            return .success(Incoming(org: org, language: l, html: html, body: .multipart(form)))
        } catch let f as MultipartCollector.Failure {
            let status: HTTPResponse.Status
            let error: (field: String?, message: String)
            switch f {
            case .bodyTooLarge: return .failure(Refused(response: tooLarge(html: html, l, org, limit: settings.maxUpload)))
            case .fieldsTooLarge: return .failure(Refused(response: tooLarge(html: html, l, org, limit: settings.maxBody)))
            case .fileTooLarge(let name):
                return .failure(Refused(response: tooLarge(html: html, l, org, limit: settings.maxFileBytes, file: name ?? "")))
            case .tooManyFiles: (status, error) = (.contentTooLarge, ("attachments", ReceptionText.tooManyFiles(settings.maxFiles, l)))
            case .malformed: (status, error) = (.badRequest, (nil, ReceptionText.malformed.text(l)))
            case .notUTF8(let field): (status, error) = (.badRequest, ReceptionText.message(.badEncoding(field: field, byteOffset: 0), l))
            }
            var r = html ? Self.html(status, FormPage.notice(l, error.message, back: "/\(org.id.rawValue)/"))
                         : Self.json(status, errors: [error])
            r.headers[.connection] = "close"
            return .failure(Refused(response: r))
        } catch is DeadlineExceeded {
            return .failure(Refused(response: Response(status: .requestTimeout, headers: [.connection: "close"])))
        }
    }

    /// Whom the rate limit counts: the connection's address, or the proxy's word for it. Kept in memory only.
    func clientKey(_ request: Request, _ context: ReceptionContext) -> String {
        guard settings.behindProxy, let forwarded = request.headers[HTTPField.Name("X-Forwarded-For")!] else { return context.clientKey }
        let last = forwarded.split(separator: ",").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        return last.isEmpty ? context.clientKey : last
    }

    func tooLarge(html: Bool, _ l: Language, _ org: OrganizationDetails, limit: Int, file: String? = nil) -> Response {
        let message = file.map { ReceptionText.fileTooLarge(Sanitizer.visible($0), l, limit: limit) }
            ?? ReceptionText.tooLarge.text(l) + (l == .ja ? "(上限 \(ReceptionText.size(limit, l)))" : " (limit \(ReceptionText.size(limit, l)))")
        var r = html ? Self.html(.contentTooLarge, FormPage.notice(l, message, back: "/\(org.id.rawValue)/"))
                     : Self.json(.contentTooLarge, errors: [(file == nil ? nil : "attachments", message)])
        r.headers[.connection] = "close"   // the rest of the body is not read
        return r
    }

    /// Each file checked by its name and its bytes: those kept, and why each other one was refused.
    static func checkFiles(_ files: [MultipartForm.File], _ l: Language) -> ([Submission.Attachment], [(field: String?, message: String)]) {
        var kept: [Submission.Attachment] = []
        var refused: [(field: String?, message: String)] = []
        for f in files {
            if let name = f.name, name.count > IntakeLimits.filename || name.unicodeScalars.contains("\0") {
                refused.append(("attachments", ReceptionText.fileNameRefused(l)))
                continue
            }
            switch AttachmentType.check(declared: f.declaredType, bytes: f.bytes) {
            case .success(let type): kept.append(.init(name: f.name, mediaType: type, bytes: f.bytes))
            case .failure(let problem): refused.append(("attachments", ReceptionText.fileRefused(f.name, problem, l)))
            }
        }
        return (kept, refused)
    }
}
