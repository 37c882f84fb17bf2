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

/// A multipart/form-data body as browsers write it: text fields, then files.
struct MultipartBody {
    static let boundary = "----madoTestBoundary7MA4YWxkTrZu0gW"
    var fields: [(String, String)] = []
    var files: [(name: String, type: String, bytes: Data)] = []

    var headers: HTTPFields { [.contentType: "multipart/form-data; boundary=\(Self.boundary)"] }

    var data: Data {
        var d = Data()
        for (k, v) in fields {
            d += Data("--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"\(k)\"\r\n\r\n\(v)\r\n".utf8)
        }
        for f in files {
            d += Data("--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\"\(f.name)\"\r\nContent-Type: \(f.type)\r\n\r\n".utf8)
            d += f.bytes + Data("\r\n".utf8)
        }
        return d + Data("--\(Self.boundary)--\r\n".utf8)
    }

    var buffer: ByteBuffer { ByteBuffer(bytes: data) }
}

let jpeg = Data([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10]) + Data("JFIF".utf8) + Data(repeating: 0x42, count: 300)
let pdf = Data("%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n".utf8)

@Suite("web reception: files")
struct MultipartTests {
    @Test("the form with a photo and a PDF: 201 and a receipt page; the files are sealed evidence of the case, typed by their bytes")
    func formWithFiles() async throws {
        let d = try ReceptionDesk()
        try await d.app().test(.router) { client in
            let t = try token(in: try await client.execute(uri: "/demo-hotel/", method: .get) { $0.text })
            let body = MultipartBody(
                fields: [("language", "ja"), ("token", t), ("website", ""), ("complaint", "写真の通り、名札を撮影された。")],
                files: [("名札.jpg", "image/jpeg", jpeg), ("記録.pdf", "application/octet-stream", pdf), ("", "application/octet-stream", Data())])
            try await client.execute(uri: "/demo-hotel/submissions", method: .post, headers: body.headers, body: body.buffer) { r in
                #expect(r.status == .created)
                #expect(r.text.contains("受付番号"))
            }
        }
        let id = try #require(try d.desk.queue().rows.first).id
        let items = try Desk(log: d.store, reads: d.store, user: "boss").evidence(of: id)
        #expect(items.map(\.mediaType) == ["application/octet-stream", "image/jpeg", "application/pdf"])
        #expect(items.map(\.label) == ["original", "名札.jpg", "記録.pdf"])
        #expect(items[1].content == jpeg && items[2].content == pdf)
    }

    @Test("a partner's multipart post (no form token) is answered as the JSON API answers")
    func apiMultipart() async throws {
        let d = try ReceptionDesk()
        try await d.app().test(.router) { client in
            let body = MultipartBody(fields: [("complaint", "電話で一時間怒鳴られた"), ("applicant.email", "a@example.jp")],
                                     files: [("voice.mp3", "audio/mpeg", Data("ID3".utf8) + Data(repeating: 0, count: 64))])
            var headers = body.headers
            headers[.accept] = "application/json"
            try await client.execute(uri: "/demo-hotel/submissions", method: .post, headers: headers, body: body.buffer) { r in
                #expect(r.status == .created)
                #expect((r.json["receipt"] as? String)?.count == 19)
            }
        }
        let id = try #require(try d.desk.queue().rows.first).id
        let items = try Desk(log: d.store, reads: d.store, user: "boss").evidence(of: id)
        #expect(items.last?.mediaType == "audio/mpeg")
    }

    @Test("refused files: bytes that are not their declared type, a type not taken, too large, too many; nothing appended")
    func refusedFiles() async throws {
        let d = try ReceptionDesk()
        var s = ReceptionDesk.quick
        s.maxFileBytes = 1000
        s.maxFiles = 2
        try await d.app(s).test(.router) { client in
            func post(_ files: [(name: String, type: String, bytes: Data)], accept: String = "application/json") async throws -> TestResponse {
                let body = MultipartBody(fields: [("complaint", "苦情")], files: files)
                var headers = body.headers
                headers[.accept] = accept
                headers[.acceptLanguage] = "en"
                return try await client.execute(uri: "/demo-hotel/submissions", method: .post, headers: headers, body: body.buffer) { $0 }
            }
            var r = try await post([("photo.png", "image/png", Data("#!/bin/sh\nrm -rf /\n".utf8))])
            #expect(r.status == .badRequest && r.text.contains("\"field\":\"attachments\"") && r.text.contains("photo.png"))
            r = try await post([("photo.png", "image/png", jpeg)])
            #expect(r.status == .badRequest && r.text.contains("not what its type says"))
            r = try await post([("a.zip", "application/zip", Data("PK\u{3}\u{4}".utf8))])
            #expect(r.status == .badRequest && r.text.contains("not of a type accepted"))
            r = try await post([("big.jpg", "image/jpeg", jpeg + Data(repeating: 0, count: 2000))])
            #expect(r.status == .contentTooLarge && r.text.contains("big.jpg") && r.headers[.connection] == "close")
            r = try await post([("1.jpg", "image/jpeg", jpeg), ("2.jpg", "image/jpeg", jpeg), ("3.jpg", "image/jpeg", jpeg)])
            #expect(r.status == .contentTooLarge && r.text.contains("Up to 2 files"))
        }
        #expect(try d.caseCount() == 0)
    }

    @Test("the form with a refused file comes back with every problem, what was typed, and a request to choose the files again")
    func formKeepsText() async throws {
        let d = try ReceptionDesk()
        try await d.app().test(.router) { client in
            let t = try token(in: try await client.execute(uri: "/demo-hotel/", method: .get) { $0.text })
            let body = MultipartBody(fields: [("language", "ja"), ("token", t), ("website", ""), ("complaint", ""), ("requests", "謝罪")],
                                     files: [("x.gif", "image/gif", Data("not a gif".utf8))])
            try await client.execute(uri: "/demo-hotel/submissions", method: .post, headers: body.headers, body: body.buffer) { r in
                #expect(r.status == .badRequest)
                #expect(r.text.contains("id=\"complaint-error\">ご意見・ご不満の内容を入力してください。"))
                #expect(r.text.contains("id=\"attachments-error\">ファイル「x.gif」はこの形式では受け付けていません"))
                #expect(r.text.contains("<br>添付するファイルは、もう一度選んでください。"))
                #expect(r.text.contains(">謝罪</textarea>"))
            }
        }
        #expect(try d.caseCount() == 0)
    }

    @Test("malformed bodies: cut off inside a part, no boundary, a boundary over 70 characters, a field given twice: 400, nothing appended")
    func malformed() async throws {
        let d = try ReceptionDesk()
        try await d.app().test(.router) { client in
            let whole = MultipartBody(fields: [("complaint", "途中で切れる")], files: [("a.jpg", "image/jpeg", jpeg)]).data
            let cut = ByteBuffer(bytes: whole.prefix(whole.count - 60))
            let json: HTTPFields = [.contentType: "multipart/form-data; boundary=\(MultipartBody.boundary)", .accept: "application/json"]
            try await client.execute(uri: "/demo-hotel/submissions", method: .post, headers: json, body: cut) { r in
                #expect(r.status == .badRequest && r.text.contains("送信内容を読み取れませんでした"))
            }
            try await client.execute(uri: "/demo-hotel/submissions", method: .post,
                                     headers: [.contentType: "multipart/form-data", .accept: "application/json"],
                                     body: ByteBuffer(string: "x")) { r in #expect(r.status == .badRequest) }
            let long = String(repeating: "b", count: 71)
            try await client.execute(uri: "/demo-hotel/submissions", method: .post,
                                     headers: [.contentType: "multipart/form-data; boundary=\(long)", .accept: "application/json"],
                                     body: ByteBuffer(string: "--\(long)\r\n")) { r in #expect(r.status == .badRequest) }
            let twice = MultipartBody(fields: [("complaint", "一"), ("complaint", "二")])
            try await client.execute(uri: "/demo-hotel/submissions", method: .post, headers: json, body: twice.buffer) { r in
                #expect(r.status == .badRequest)
            }
        }
        #expect(try d.caseCount() == 0)
    }

    @Test("a file is known by its bytes; a declared type is checked against them", arguments: [
        ("image/jpeg", jpeg, "image/jpeg"), ("image/jpg", jpeg, "image/jpeg"), (nil, pdf, "application/pdf"),
        ("audio/x-m4a", Data([0, 0, 0, 0x20]) + Data("ftypM4A ".utf8), "audio/mp4"),
        ("image/heic", Data([0, 0, 0, 0x18]) + Data("ftypheic".utf8), "image/heic"),
    ] as [(String?, Data, String)])
    func sniffing(_ declared: String?, _ bytes: Data, _ kept: String) throws {
        #expect(try AttachmentType.check(declared: declared, bytes: bytes).get() == kept)
    }
}
