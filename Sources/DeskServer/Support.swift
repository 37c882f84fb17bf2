@preconcurrency import Crypto
import DeskApp
import DeskDomain
import DeskIntake
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Synchronization

/// The request context: Hummingbird's, plus the client's address, which is used for rate limiting in memory and never
/// stored or logged.
public struct ReceptionContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    let clientKey: String

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        clientKey = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }
}

/// Submissions per client address in a sliding window, in memory only (nothing about a client outlives the process).
final class RateLimiter: Sendable {
    private let limit: Int
    private let window: TimeInterval
    private let seen = Mutex<[String: [Date]]>([:])

    init(limit: Int, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    /// Nil: admitted (and counted). Else the seconds until the client may try again.
    func admit(_ client: String, at now: Date) -> TimeInterval? {
        seen.withLock { seen in
            if seen.count > 10_000 { seen = seen.filter { $0.value.contains { now.timeIntervalSince($0) < window } } }
            var times = (seen[client] ?? []).filter { now.timeIntervalSince($0) < window }
            if times.count >= limit { return max(1, window - now.timeIntervalSince(times[0])) }
            times.append(now)
            seen[client] = times
            return nil
        }
    }
}

/// The form's hidden token: when it was served, for which organization, signed with a key this process made (so it
/// cannot be forged, and it needs no storage). A form sent back too fast is a bot's; a very old one is sent again.
struct FormTokens: Sendable {
    private let key = SymmetricKey(size: .bits256)
    enum Check { case ok, tooFast, expired }

    func issue(at now: Date, org: OrganizationID) -> String {
        let t = String(Int(now.timeIntervalSince1970))
        return t + "." + mac(t, org)
    }

    func check(_ token: String, org: OrganizationID, at now: Date, minimum: TimeInterval, lifetime: TimeInterval) -> Check {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let issued = Int(parts[0]), mac(String(parts[0]), org) == parts[1] else { return .expired }
        let age = now.timeIntervalSince1970 - Double(issued)
        if age < minimum { return .tooFast }
        return age > lifetime ? .expired : .ok
    }

    private func mac(_ t: String, _ org: OrganizationID) -> String {
        Data(HMAC<SHA256>.authenticationCode(for: Data("\(org.rawValue)\u{1F}\(t)".utf8), using: key)).map { String(format: "%02x", $0) }.joined()
    }
}

/// The HTML form's fields (`application/x-www-form-urlencoded`), and the submission they make.
enum FormFields {
    struct Malformed: Error {}
    enum Checked { case success(Submission), failure([InputError]) }

    /// name=value pairs; a value that is not UTF-8 after decoding is refused by its field's name.
    static func decode(_ body: Data) throws -> [String: String] {
        var out: [String: String] = [:]
        for pair in body.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let kv = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = percentDecoded(kv[0]).flatMap({ String(validating: $0, as: UTF8.self) }) else { throw Malformed() }
            guard out[name] == nil else { throw Malformed() }   // a field given twice: not from our form
            guard let raw = percentDecoded(kv.count > 1 ? kv[1] : Data()[...]), let value = String(validating: raw, as: UTF8.self) else {
                throw InputError.badEncoding(field: name, byteOffset: 0)
            }
            out[name] = value.replacingOccurrences(of: "\r\n", with: "\n")
        }
        return out
    }

    private static func percentDecoded(_ bytes: Data.SubSequence) -> [UInt8]? {
        var out: [UInt8] = []
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            if b == UInt8(ascii: "+") {
                out.append(0x20)
            } else if b == UInt8(ascii: "%") {
                guard bytes.distance(from: i, to: bytes.endIndex) >= 3,
                      let v = UInt8(String(decoding: bytes[bytes.index(after: i)...bytes.index(i, offsetBy: 2)], as: UTF8.self), radix: 16)
                else { return nil }
                out.append(v)
                i = bytes.index(i, offsetBy: 2)
            } else {
                out.append(b)
            }
            i = bytes.index(after: i)
        }
        return out
    }

    static let known: Set<String> = ["language", "token", "website", "complaint", "requests", "occurredAt", "branch", "store",
                                     "staff.name", "staff.characteristics", "applicant.anonymous", "applicant.name",
                                     "applicant.phone", "applicant.email", "feedbackWanted"]

    /// Every field checked on its own, so that all the problems come back at once; then the submission, built the way
    /// web-form JSON v1 is (`Submission(webForm:)`), with the request's bytes as the sealed original.
    static func submission(_ f: [String: String], organization: OrganizationID, language: Language,
                           original: Data) -> Checked {
        var errors: [InputError] = []
        func text(_ name: String, limit: Int, multiline: Bool = false) -> String? {
            guard let v = f[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !v.isEmpty else { return nil }
            if v.unicodeScalars.contains("\0") { errors.append(.nul(name)); return nil }
            let n = max(v.count, v.unicodeScalars.count / 4)
            if n > limit { errors.append(.tooLong(name, limit: limit, actual: n)); return nil }
            if !multiline, v.contains(where: \.isNewline) { errors.append(.invalid(name, expected: "one line")); return nil }
            return v
        }
        if let unknown = f.keys.sorted().first(where: { !known.contains($0) }) { errors.append(.unknownField(unknown)) }
        let complaint = text("complaint", limit: IntakeLimits.complaint, multiline: true)
        if complaint == nil, !errors.contains(where: { if case .tooLong("complaint", _, _) = $0 { true } else { false } }) {
            errors.append(.missing("complaint"))
        }
        let requests = text("requests", limit: IntakeLimits.requests, multiline: true)
        let anonymous = f["applicant.anonymous"] == "true"
        let name = text("applicant.name", limit: IntakeLimits.name)
        if anonymous, name != nil {
            errors.append(.invalid("applicant.name", expected: language == .ja ? "匿名の場合は空欄" : "empty when sending anonymously"))
        }
        let phone = text("applicant.phone", limit: IntakeLimits.phone)
        let email = text("applicant.email", limit: IntakeLimits.email)
        if let e = email, !isEmailAddress(e) {
            errors.append(.invalid("applicant.email", expected: language == .ja ? "メールアドレスの形式" : "an e-mail address"))
        }
        let staffName = text("staff.name", limit: IntakeLimits.name)
        let staffLooks = text("staff.characteristics", limit: IntakeLimits.characteristics, multiline: true)
        var occurredAt: String?
        if let o = text("occurredAt", limit: 20) {
            // datetime-local gives "2026-12-07T11:12" with no zone: the form says Japan time.
            let full = o.count == 16 ? o + ":00+09:00" : o + "+09:00"
            if WebFormParser.isISO8601WithOffset(full) { occurredAt = full } else {
                errors.append(.invalid("occurredAt", expected: language == .ja ? "日付と時刻" : "a date and time"))
            }
        }
        guard errors.isEmpty, let complaint else { return .failure(errors) }
        var staff: [Submission.StaffMember] = []
        if staffName != nil || staffLooks != nil {
            staff.append(.init(name: staffName ?? (language == .ja ? "(名前不明)" : "(name unknown)"), characteristics: staffLooks))
        }
        return .success(Submission(
            organization: organization, branch: text("branch", limit: IntakeLimits.place), store: text("store", limit: IntakeLimits.place),
            channel: .webForm, language: language, occurredAt: occurredAt,
            applicant: .init(anonymous: anonymous || name == nil, name: name, phone: phone, email: email),
            staff: staff, complaint: complaint, requests: requests, feedbackWanted: f["feedbackWanted"] == "true",
            original: original))
    }

    /// Something@something.something, one line, no spaces: what a form can check without sending mail.
    static func isEmailAddress(_ s: String) -> Bool {
        let parts = s.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !parts[1].hasPrefix(".")
            && !parts[1].hasSuffix(".") && !s.contains(where: \.isWhitespace)
    }
}

/// Headers every page and answer carries: nothing from elsewhere, no framing, no referrer, no sniffing.
struct SecurityHeaders<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var r = try await next(request, context)
        r.headers[.contentSecurityPolicy] = "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
        r.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        r.headers[.xContentTypeOptions] = "nosniff"
        r.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        return r
    }
}

/// One line per request: method, the route (not the path, which can carry the organization's id and queries), status and
/// time. No address, no user agent, no cookie: the applicant's privacy.
struct AccessLog<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        var status = 500
        defer {
            let ms = (ContinuousClock.now - start).components
            let elapsed = Double(ms.seconds) * 1000 + Double(ms.attoseconds) / 1e15
            context.logger.info("\(request.method) \(context.endpointPath ?? "-") \(status) \(String(format: "%.1f", elapsed)) ms")
        }
        do {
            let r = try await next(request, context)
            status = r.status.code
            return r
        } catch let e as HTTPError {
            status = e.status.code
            throw e
        }
    }
}

/// The server's own log on stderr, one line per message in Japan time, as the rest of the desk speaks. Messages are
/// the server's words (routes, statuses), never a client's text; control characters become markers all the same.
struct ServerLogHandler: LogHandler {
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info
    private static let stamp: DateFormatter = {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "Asia/Tokyo")
        f.dateFormat = "yyyy-MM-dd HH:mm:ss 'JST'"
        return f
    }()

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String, file: String,
             function: String, line: UInt) {
        let text = "\(message)".unicodeScalars.map {
            $0.properties.generalCategory == .control ? "<U+\(String(format: "%04X", $0.value))>" : String($0)
        }.joined()
        FileHandle.standardError.write(Data("\(Self.stamp.string(from: Date())) \(level) \(text)\n".utf8))
    }
}
