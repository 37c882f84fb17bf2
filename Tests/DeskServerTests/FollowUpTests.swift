import DeskApp
import DeskDomain
@testable import DeskServer
import DeskStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@Suite("web reception: adding with a receipt")
struct FollowUpTests {
    /// A JSON submission's receipt, and the case it made.
    static func submitted(_ d: ReceptionDesk, _ client: some TestClientProtocol) async throws -> (String, CaseID) {
        let receipt = try await client.execute(uri: "/demo-hotel/submissions", method: .post, headers: jsonHeaders, body: webFormJSON()) {
            try #require($0.json["receipt"] as? String)
        }
        return (receipt, try #require(try d.desk.queue().rows.first).id)
    }

    static func added(_ d: ReceptionDesk, _ id: CaseID) throws -> [ApplicantAdded] {
        try Desk(log: d.store, reads: d.store, user: "boss").caseDetail(id).events.compactMap {
            if case .applicantAdded(let a) = $0.event { a } else { nil }
        }
    }

    @Test("the form: the receipt typed with spaces and full-width digits, a text and a photo join the case; the page says nothing of it")
    func formFollowUp() async throws {
        let d = try ReceptionDesk()
        try await d.app().test(.router) { client in
            let (receipt, id) = try await Self.submitted(d, client)
            let page = try await client.execute(uri: "/demo-hotel/follow-up", method: .get) { $0.text }
            #expect(page.contains("<label for=\"receipt\">受付番号") && page.contains("inputmode=\"numeric\""))
            let wide = receipt.replacingOccurrences(of: "-", with: " ").unicodeScalars.map { u -> String in
                (0x30...0x39).contains(u.value) ? String(Unicode.Scalar(u.value - 0x30 + 0xFF10)!) : String(u)
            }.joined()
            let body = MultipartBody(fields: [("language", "ja"), ("token", try token(in: page)), ("website", ""), ("receipt", wide),
                                              ("text", "名札の写真を追加します")],
                                     files: [("名札.jpg", "image/jpeg", jpeg)])
            try await client.execute(uri: "/demo-hotel/follow-up", method: .post, headers: body.headers, body: body.buffer) { r in
                #expect(r.status == .created)
                #expect(r.text.contains("追加の内容を受け付けました") && !r.text.contains(id.description) && !r.text.contains("受付済み"))
            }
            let added = try Self.added(d, id)
            #expect(added.count == 1 && added[0].text?.display == "名札の写真を追加します" && added[0].channel == .webForm)
            #expect(added[0].attachments?.first?.mediaType == "image/jpeg")
            let files = try Desk(log: d.store, reads: d.store, user: "boss").evidence(of: id)
            #expect(files.count == 1)   // the original only: evidence(of:) lists the intake's files
        }
        #expect(try d.caseCount() == 1)
    }

    @Test("a wrong number, another organization's receipt, or nothing to add: the same refusal, all problems at once, nothing appended")
    func refusals() async throws {
        let d = try ReceptionDesk()
        let boss = Desk(log: d.store, reads: d.store, user: "boss")
        try boss.registerOrganization(OrganizationRegistered(id: "demo-rail", name: "デモ鉄道", branches: [], reportTo: "総務部", language: .ja))
        try await d.app().test(.router) { client in
            let (receipt, id) = try await Self.submitted(d, client)
            let before = try d.store.eventCount()
            func post(_ org: String, _ json: String) async throws -> TestResponse {
                try await client.execute(uri: "/\(org)/follow-up", method: .post, headers: [.contentType: "application/json", .acceptLanguage: "en"],
                                         body: ByteBuffer(string: json)) { $0 }
            }
            var r = try await post("demo-hotel", #"{"receipt":"1111-2222-3333-4444","text":"追加"}"#)
            #expect(r.status == .badRequest && r.text.contains("was not found"))
            let unknown = r.text
            r = try await post("demo-rail", #"{"receipt":"\#(receipt)","text":"追加"}"#)
            #expect(r.status == .badRequest && r.text == unknown)
            r = try await post("demo-hotel", #"{"receipt":"12ab","text":" ","extra":1}"#)
            let errors = try #require(r.json["errors"] as? [[String: Any]])
            #expect(r.status == .badRequest && errors.count == 1 && errors[0]["field"] as? String == "extra")
            r = try await post("demo-hotel", #"{"receipt":"12ab","text":" "}"#)
            #expect(Set((r.json["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }) == ["receipt", "text"])
            #expect(try d.store.eventCount() == before)
            r = try await post("demo-hotel", #"{"receipt":"\#(receipt)","text":"後から思い出したこと"}"#)
            #expect(r.status == .created && r.text == #"{"added":true}"#)
            #expect(try Self.added(d, id).count == 1)
        }
    }

    @Test("a receipt given at the counter reaches the counter's case from the web: one incident, one case")
    func counterReceipt() async throws {
        let d = try ReceptionDesk()
        let boss = Desk(log: d.store, reads: d.store, user: "boss")
        try boss.addStaff("clerk", role: .staff, displayName: "Clerk")
        let clerk = Desk(log: d.store, reads: d.store, user: "clerk")
        let r = try clerk.handOver(CounterReport(organization: "demo-hotel", branch: nil, store: nil, channel: .counter, language: .ja,
                                                 occurredAt: "2026-12-07T11:00:00+09:00", complaint: "フロントで怒鳴り続けた",
                                                 words: nil, demand: nil, staff: [], facts: FactSheet()))
        try await d.app().test(.router) { client in
            try await client.execute(uri: "/demo-hotel/follow-up", method: .post, headers: jsonHeaders,
                                     body: ByteBuffer(string: #"{"receipt":"\#(r.receipt)","text":"帰宅後に録音を確認しました"}"#)) { resp in
                #expect(resp.status == .created)
            }
        }
        #expect(try d.caseCount() == 1)
        #expect(try Self.added(d, r.id).first?.text?.display == "帰宅後に録音を確認しました")
    }

    @Test("once the applicant is erased their receipt reaches nothing; a rebuild keeps the receipts it should")
    func erasureAndRebuild() async throws {
        let d = try ReceptionDesk()
        try await d.app().test(.router) { client in
            let (first, _) = try await Self.submitted(d, client)
            let second = try await client.execute(uri: "/demo-hotel/submissions", method: .post, headers: jsonHeaders,
                                                  body: webFormJSON(complaint: "二件目の苦情")) { try #require($0.json["receipt"] as? String) }
            let rows = try d.desk.queue().rows.sorted { $0.id < $1.id }
            let boss = Desk(log: d.store, reads: d.store, user: "boss")
            let applicant = try #require(try boss.subjects(of: rows[0].id).first { $0.kind == .applicant }).id
            try boss.erase(applicant, reason: "本人の請求")
            _ = try d.store.rebuild()
            let body = { (r: String) in ByteBuffer(string: #"{"receipt":"\#(r)","text":"追加"}"#) }
            try await client.execute(uri: "/demo-hotel/follow-up", method: .post, headers: jsonHeaders, body: body(first)) {
                #expect($0.status == .badRequest)
            }
            try await client.execute(uri: "/demo-hotel/follow-up", method: .post, headers: jsonHeaders, body: body(second)) {
                #expect($0.status == .created)
            }
        }
    }
}
