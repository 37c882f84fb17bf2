import DeskApp
import DeskIntake
import DeskDomain
@testable import DeskServer
import DeskStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing

/// A desk in a temp directory with one organization, and the reception on it, acting as an operator (`web`).
final class ReceptionDesk: @unchecked Sendable {
    let dir: URL
    let store: SQLiteEventStore

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("mado-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        store = try SQLiteEventStore.initialize(path: dir.appendingPathComponent("desk.sqlite").path, supervisor: "boss",
                                                displayName: "Boss", at: Date())
        let boss = Desk(log: store, reads: store, user: "boss")
        try boss.addStaff("web", role: .operator, displayName: "Web reception")
        try boss.registerOrganization(OrganizationRegistered(
            id: "demo-hotel", name: "デモホテル", branches: [Branch(name: "新宿", stores: ["本館", "別館"])], reportTo: "総務部",
            language: .ja))
    }

    deinit {
        store.close()
        try? FileManager.default.removeItem(at: dir)
    }

    var desk: Desk { Desk(log: store, reads: store, user: "web") }

    func app(_ settings: ReceptionSettings = ReceptionDesk.quick, clock: @escaping @Sendable () -> Date = { Date() }) -> some ApplicationProtocol {
        Application(router: Reception(desk: desk, settings: settings, clock: clock).router())
    }

    static var quick: ReceptionSettings {
        var s = ReceptionSettings()
        s.minimumFillTime = 0
        return s
    }

    func caseCount() throws -> Int { try Desk(log: store, reads: store, user: "boss").queue().rows.count }
}

/// The case's intake event, as recorded.
func intake(_ store: SQLiteEventStore, _ id: CaseID) throws -> IntakeRecorded {
    let detail = try Desk(log: store, reads: store, user: "boss").caseDetail(id)
    for e in detail.events { if case .intakeRecorded(let p) = e.event { return p } }
    throw DeskError.noSuchCase(id.description)
}

extension TestResponse {
    var text: String { String(buffer: body) }
    var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(buffer: body))) as? [String: Any] ?? [:] }
}

func formBody(_ fields: [(String, String)]) -> ByteBuffer {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._*")
    let s = fields.map { k, v in
        k.addingPercentEncoding(withAllowedCharacters: allowed)! + "=" + v.addingPercentEncoding(withAllowedCharacters: allowed)!
    }.joined(separator: "&")
    return ByteBuffer(string: s)
}

let formHeaders: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
let jsonHeaders: HTTPFields = [.contentType: "application/json"]

func webFormJSON(complaint: String = "フロントで二時間怒鳴られた", org: String = "demo-hotel", extra: String = "") -> ByteBuffer {
    ByteBuffer(string: """
    {"form":"mado.webform/1","organization":"\(org)","branch":"新宿","store":"本館","applicant":{"anonymous":true},\
    "complaint":"\(complaint)","language":"ja"\(extra)}
    """)
}

/// The form's token, as the page served it.
func token(in page: String) throws -> String {
    let marker = "name=\"token\" value=\""
    let start = try #require(page.range(of: marker)).upperBound
    return String(page[start...].prefix { $0 != "\"" })
}

@Suite("web reception: routes")
struct ReceptionTests {
    @Test("the form is served in Japanese by default and in English when the browser asks, with the switch link and safe headers")
    func formPage() async throws {
        let d = try ReceptionDesk()
        try await d.app().test(.router) { client in
            try await client.execute(uri: "/demo-hotel/", method: .get) { r in
                #expect(r.status == .ok)
                #expect(r.text.contains("<html lang=\"ja\">") && r.text.contains("デモホテル ご意見・ご要望 受付フォーム"))
                #expect(r.text.contains("<label for=\"complaint\">ご意見・ご不満の内容"))
                #expect(r.text.contains("<option value=\"別館\">別館</option>") && r.text.contains("<optgroup label=\"新宿\">"))
                #expect(r.text.contains("href=\"?lang=en\""))
                #expect(r.headers[.contentSecurityPolicy] == "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'")
                #expect(r.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer" && r.headers[.xContentTypeOptions] == "nosniff")
                #expect(!r.text.contains("http://") && !r.text.contains("https://") && !r.text.contains("<script"))
            }
            try await client.execute(uri: "/demo-hotel/", method: .get, headers: [.acceptLanguage: "en-GB,en;q=0.9,ja;q=0.5"]) { r in
                #expect(r.text.contains("<html lang=\"en\">") && r.text.contains("デモホテル: complaints and requests"))
            }
            try await client.execute(uri: "/demo-hotel/?lang=en", method: .get, headers: [.acceptLanguage: "ja"]) { r in
                #expect(r.text.contains("<html lang=\"en\">"))
            }
            try await client.execute(uri: "/no-such-org/", method: .get) { r in #expect(r.status == .notFound) }
            try await client.execute(uri: "/..%2F..%2Fetc/", method: .get) { r in #expect(r.status == .notFound) }
            try await client.execute(uri: "/healthz", method: .get) { r in #expect(r.status == .ok && r.text == "ok\n") }
            try await client.execute(uri: "/static/form.css", method: .get) { r in
                #expect(r.status == .ok && r.headers[.contentType] == "text/css; charset=utf-8")
            }
        }
    }

    @Test("a JSON submission answers 201 with a receipt and no case id; the desk keeps only the receipt's keyed hash")
    func jsonSubmission() async throws {
        let d = try ReceptionDesk()
        try await d.app().test(.router) { client in
            try await client.execute(uri: "/demo-hotel/submissions", method: .post, headers: jsonHeaders, body: webFormJSON()) { r in
                #expect(r.status == .created)
                let receipt = try #require(r.json["receipt"] as? String)
                #expect(receipt.wholeMatch(of: /\d{4}-\d{4}-\d{4}-\d{4}/) != nil)
                #expect(r.json["case"] is NSNull && !r.text.contains("C-0"))
                let rows = try d.desk.queue().rows
                #expect(rows.count == 1 && rows[0].channel == .webForm)
                let stored = try #require(try intake(d.store, rows[0].id).receipt)
                #expect(stored == (try d.store.receiptTag(try #require(Receipt(typed: receipt)))))
                #expect(!stored.contains(receipt.replacingOccurrences(of: "-", with: "")))
            }
            // The same bytes again: nothing appended, and no second receipt.
            try await client.execute(uri: "/demo-hotel/submissions", method: .post, headers: jsonHeaders, body: webFormJSON()) { r in
                #expect(r.status == .ok && r.json["duplicate"] as? Bool == true && r.json["receipt"] is NSNull)
            }
        }
        #expect(try d.caseCount() == 1)
    }

    @Test("refused JSON: 400 naming the field in the request's language, an organization that is not the address's, 415, 413; nothing appended")
    func jsonRefusals() async throws {
        let d = try ReceptionDesk()
        var small = ReceptionDesk.quick
        small.maxBody = 2048
        try await d.app(small).test(.router) { client in
            try await client.execute(uri: "/demo-hotel/submissions", method: .post, headers: jsonHeaders, body: webFormJSON(complaint: " ")) { r in
                #expect(r.status == .badRequest)
                let errors = try #require(r.json["errors"] as? [[String: Any]])
                #expect(errors.count == 1 && errors[0]["field"] as? String == "complaint")
                #expect((errors[0]["message"] as? String)?.contains("ご意見・ご不満の内容") == true)
            }
            try await client.execute(uri: "/demo-hotel/submissions", method: .post,
                                     headers: [.contentType: "application/json", .acceptLanguage: "en"],
                                     body: webFormJSON(extra: ",\"applicant\":{}")) { r in
                #expect(r.status == .badRequest)
                #expect(r.text.contains("given once"))
            }
            try await client.execute(uri: "/demo-hotel/submissions", method: .post, headers: jsonHeaders, body: webFormJSON(org: "demo-rail")) { r in
                #expect(r.status == .badRequest && r.text.contains("\"field\":\"organization\""))
            }
            try await client.execute(uri: "/demo-hotel/submissions", method: .post, headers: [.contentType: "text/plain"],
                                     body: ByteBuffer(string: "hello")) { r in
                #expect(r.status == .unsupportedMediaType)
            }
            let big = String(repeating: "あ", count: 1000)
            try await client.execute(uri: "/demo-hotel/submissions", method: .post, headers: jsonHeaders, body: webFormJSON(complaint: big)) { r in
                #expect(r.status == .contentTooLarge)
            }
            try await client.execute(uri: "/nowhere/submissions", method: .post, headers: jsonHeaders, body: webFormJSON()) { r in
                #expect(r.status == .notFound)
            }
        }
        #expect(try d.caseCount() == 0)
    }

    @Test("the HTML form: every problem at once beside its field, what was typed kept and escaped; then a receipt page")
    func formSubmission() async throws {
        let d = try ReceptionDesk()
        try await d.app().test(.router) { client in
            let page = try await client.execute(uri: "/demo-hotel/", method: .get) { $0.text }
            let t = try token(in: page)
            let hostile = "<script>alert(1)</script>\u{1B}[2J"
            try await client.execute(uri: "/demo-hotel/submissions", method: .post, headers: formHeaders, body: formBody([
                ("language", "ja"), ("token", t), ("website", ""), ("complaint", ""), ("requests", hostile),
                ("applicant.email", "not-an-address"), ("applicant.name", String(repeating: "名", count: 201)),
            ])) { r in
                #expect(r.status == .badRequest)
                #expect(r.text.contains("id=\"complaint-error\">ご意見・ご不満の内容を入力してください。"))
                #expect(r.text.contains("id=\"applicant.email-error\">") && r.text.contains("id=\"applicant.name-error\">お名前は200文字まで"))
                #expect(r.text.contains("aria-invalid=\"true\" aria-describedby=\"complaint-error\""))
                #expect(r.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !r.text.contains("<script>"))
                #expect(!r.text.contains("\u{1B}"))
            }
            #expect(try d.caseCount() == 0)
            try await client.execute(uri: "/demo-hotel/submissions", method: .post, headers: formHeaders, body: formBody([
                ("language", "en"), ("token", t), ("website", ""), ("complaint", "Shouted at for an hour."),
                ("branch", "新宿"), ("store", "別館"), ("occurredAt", "2026-12-07T11:12"), ("applicant.email", "a@example.jp"),
            ])) { r in
                #expect(r.status == .created)
                #expect(r.text.contains("<html lang=\"en\">") && r.text.contains("Receipt number"))
                #expect(r.text.firstMatch(of: /\d{4}-\d{4}-\d{4}-\d{4}/) != nil && !r.text.contains("C-0"))
                #expect(r.headers[.cacheControl] == "no-store")
            }
        }
        let rows = try d.desk.queue().rows
        #expect(rows.count == 1)
        let taken = try intake(d.store, try #require(rows.first).id)
        #expect(taken.occurredAt == "2026-12-07T11:12:00+09:00" && taken.store == "別館" && taken.language == .en)
    }

    @Test("bots: the hidden field filled, or a form sent back at once, get the form again and no case")
    func bots() async throws {
        let d = try ReceptionDesk()
        var strict = ReceptionDesk.quick
        strict.minimumFillTime = 30
        // The server's clock, held still (a loaded machine must not make a fast bot look slow), then moved past a day.
        let now = Mutex(Date(timeIntervalSince1970: 1_796_000_000))
        try await d.app(strict, clock: { now.withLock { $0 } }).test(.router) { client in
            let t = try token(in: try await client.execute(uri: "/demo-hotel/", method: .get) { $0.text })
            try await client.execute(uri: "/demo-hotel/submissions", method: .post, headers: formHeaders, body: formBody([
                ("language", "ja"), ("token", t), ("website", "http://spam.example"), ("complaint", "buy now"),
            ])) { r in #expect(r.status == .badRequest) }
            try await client.execute(uri: "/demo-hotel/submissions", method: .post, headers: formHeaders, body: formBody([
                ("language", "ja"), ("token", t), ("website", ""), ("complaint", "早すぎる送信"),
            ])) { r in
                #expect(r.status == .badRequest && r.text.contains("送信が早すぎました") && r.text.contains("早すぎる送信"))
            }
            try await client.execute(uri: "/demo-hotel/submissions", method: .post, headers: formHeaders, body: formBody([
                ("language", "ja"), ("token", "1.forged"), ("website", ""), ("complaint", "偽のトークン"),
            ])) { r in #expect(r.status == .badRequest && r.text.contains("有効期限")) }
            now.withLock { $0 += 25 * 3600 }
            try await client.execute(uri: "/demo-hotel/submissions", method: .post, headers: formHeaders, body: formBody([
                ("language", "ja"), ("token", t), ("website", ""), ("complaint", "一日以上前のフォーム"),
            ])) { r in #expect(r.status == .badRequest && r.text.contains("有効期限") && r.text.contains("一日以上前のフォーム")) }
        }
        #expect(try d.caseCount() == 0)
    }

    @Test("a client over its limit gets 429 with Retry-After; others are not affected")
    func rateLimit() async throws {
        let d = try ReceptionDesk()
        var s = ReceptionDesk.quick
        s.submissionsPerClient = 2
        try await d.app(s).test(.router) { client in
            for i in 0..<2 {
                try await client.execute(uri: "/demo-hotel/submissions", method: .post, headers: jsonHeaders,
                                         body: webFormJSON(complaint: "苦情 \(i)")) { r in #expect(r.status == .created) }
            }
            try await client.execute(uri: "/demo-hotel/submissions", method: .post, headers: jsonHeaders,
                                     body: webFormJSON(complaint: "三件目")) { r in
                #expect(r.status == .tooManyRequests)
                #expect(Int(r.headers[.retryAfter] ?? "") ?? 0 > 0)
            }
        }
        #expect(try d.caseCount() == 2)
    }

    @Test("behind a proxy, clients are told apart by X-Forwarded-For; otherwise the header is ignored")
    func behindProxy() async throws {
        for trusted in [true, false] {
            let d = try ReceptionDesk()
            var s = ReceptionDesk.quick
            s.submissionsPerClient = 1
            s.behindProxy = trusted
            try await d.app(s).test(.router) { client in
                for (i, address) in ["192.0.2.1", "192.0.2.2"].enumerated() {
                    var h = jsonHeaders
                    h[HTTPField.Name("X-Forwarded-For")!] = "203.0.113.9, \(address)"
                    try await client.execute(uri: "/demo-hotel/submissions", method: .post, headers: h,
                                             body: webFormJSON(complaint: "苦情 \(i)")) { r in
                        #expect(r.status == (trusted || i == 0 ? .created : .tooManyRequests), "trusted: \(trusted), \(i)")
                    }
                }
            }
        }
    }
}

@Suite("web reception: the API's document")
struct OpenAPITests {
    @Test("/openapi.json is OpenAPI 3.1 and lists exactly the fields the parsers take, both paths and their answers")
    func document() async throws {
        let d = try ReceptionDesk()
        try await d.app().test(.router) { client in
            try await client.execute(uri: "/openapi.json", method: .get) { r in
                #expect(r.status == .ok && r.headers[.contentType] == "application/json; charset=utf-8")
                let doc = r.json
                #expect(doc["openapi"] as? String == "3.1.0")
                let paths = try #require(doc["paths"] as? [String: [String: Any]])
                #expect(Set(paths.keys) == ["/{org}/submissions", "/{org}/follow-up"])
                let schemas = try #require((doc["components"] as? [String: Any])?["schemas"] as? [String: [String: Any]])
                let webForm = try #require(schemas["WebForm"]?["properties"] as? [String: Any])
                #expect(Set(webForm.keys) == Set(WebFormParser.topFields))
                let applicant = try #require((webForm["applicant"] as? [String: Any])?["properties"] as? [String: Any])
                #expect(Set(applicant.keys) == Set(WebFormParser.applicantFields))
                let multipart = try #require(schemas["WebFormMultipart"]?["properties"] as? [String: Any])
                #expect(Set(multipart.keys) == FormFields.known.subtracting(["token", "website"]).union(["attachments"]))
                for (path, item) in paths {
                    let responses = try #require((item["post"] as? [String: Any])?["responses"] as? [String: Any], "\(path)")
                    #expect(Set(["201", "400", "413", "415", "429"]).isSubset(of: Set(responses.keys)), "\(path)")
                }
                // Every $ref points at a schema that exists.
                let refs = r.text.matches(of: /"\$ref":"#\/components\/schemas\/([A-Za-z]+)"/).map { String($0.output.1) }
                #expect(!refs.isEmpty && refs.allSatisfy { schemas[$0] != nil })
            }
        }
    }
}
