import DeskDomain
import DeskStore
import Foundation
import Testing

/// `mado intake --eml`: e-mails and maildirs through the real binary.
@Suite("mado intake: e-mail and directories", .serialized)
struct EmailIntakeTests {
    typealias CLI = CommandLineTests
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("DeskIntakeTests/Fixtures/email")
    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    static let badCharset = """
        From: someone@example.jp\r\nSubject: test\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=x-klingon\r\n\r\nqapla'\r\n
        """

    @Test("an e-mail becomes a case: sender as applicant, subject and text as the complaint, attachments kept as evidence")
    func oneMail() throws {
        let desk = try CLI.Desk()
        let r = try CLI.run(["intake", "--db", desk.db, "--eml", Self.fixture("05-attachments.eml"), "--org", "demo-hotel"])
        #expect(r.status == 0, "\(r.err)")
        let id = r.out.trimmingCharacters(in: .whitespacesAndNewlines)
        let show = try CLI.run(["show", id, "--db", desk.db]).out
        #expect(show.contains("channel     e-mail (Japanese)") && show.contains("e-mail tanaka@example.jp"))
        #expect(show.contains("  見積書の件") && show.contains("金額が説明と違います。"))
        #expect(show.contains("attachment 1  見積書.pdf  application/pdf") && show.contains("attachment 2  店舗の写真.png  image/png"))
        let list = try CLI.run(["evidence", id, "--db", desk.db]).out
        #expect(list.contains("0  original  message/rfc822") && list.contains("1  見積書.pdf") && list.contains("2  店舗の写真.png"))
        // The original is the file exactly; an attachment is its decoded content.
        let original = desk.dir.appendingPathComponent("original.eml").path
        #expect(try CLI.run(["evidence", id, "--db", desk.db, "--save", "0", "--out", original]).status == 0)
        #expect(FileManager.default.contents(atPath: original) == FileManager.default.contents(atPath: Self.fixture("05-attachments.eml")))
        let pdf = desk.dir.appendingPathComponent("q.pdf").path
        #expect(try CLI.run(["evidence", id, "--db", desk.db, "--save", "1", "--out", pdf]).status == 0)
        #expect(String(decoding: FileManager.default.contents(atPath: pdf) ?? Data(), as: UTF8.self).hasPrefix("%PDF"))
        #expect(try CLI.run(["evidence", id, "--db", desk.db, "--save", "1", "--out", pdf]).status == 1)   // never overwrites
        // The same mail again: no second case.
        let again = try CLI.run(["intake", "--db", desk.db, "--eml", Self.fixture("05-attachments.eml"), "--org", "demo-hotel"])
        #expect(again.out.trimmingCharacters(in: .whitespacesAndNewlines) == id && again.err.contains("already taken in"))
        #expect(try CLI.run(["verify", "--db", desk.db]).status == 0)
        // Erasing the sender erases the mail and its attachments with them.
        let subjects = try JSONSerialization.jsonObject(with: Data(try CLI.run(["subject", "list", "--db", desk.db, "--case", id,
                                                                                  "--format", "json"]).out.utf8)) as? [[String: Any]]
        let applicant = try #require(subjects?.first { $0["kind"] as? String == "applicant" }?["id"] as? String)
        #expect(try CLI.run(["subject", "erase", applicant, "--db", desk.db, "--reason", "request 12", "--yes"]).status == 0)
        let gone = try CLI.run(["evidence", id, "--db", desk.db]).out
        #expect(gone.split(separator: "\n").count == 3 && gone.split(separator: "\n").allSatisfy { $0.contains("cannot be opened") }, "\(gone)")
        #expect(!gone.contains("見積書"))
    }

    @Test("Japanese mail in each charset reads back as the same text", arguments: [
        ("02-iso2022jp.eml", "電話での暴言について"),
        ("03-shiftjis-base64.eml", "髙"),
        ("04-eucjp-8bit.eml", "店員の方は注意してくれませんでした。"),
    ])
    func charsets(_ file: String, _ expected: String) throws {
        let desk = try CLI.Desk(demo: false)
        #expect(try CLI.run(["org", "add", "demo-hotel", "--db", desk.db, "--name", "ホテル", "--report-to", "総務部"]).status == 0)
        let r = try CLI.run(["intake", "--db", desk.db, "--eml", Self.fixture(file), "--org", "demo-hotel"])
        #expect(r.status == 0, "\(r.err)")
        let show = try CLI.run(["show", r.out.trimmingCharacters(in: .whitespacesAndNewlines), "--db", desk.db]).out
        #expect(show.contains(expected) && show.contains("channel     e-mail (Japanese)"), "\(show)")
    }

    @Test("a maildir: new/ and cur/ are taken in, a bad mail is named and skipped, the rest go in; exit 1")
    func maildir() throws {
        let desk = try CLI.Desk()
        let md = desk.dir.appendingPathComponent("Maildir")
        for sub in ["new", "cur", "tmp"] {
            try FileManager.default.createDirectory(at: md.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        let fm = FileManager.default
        try fm.copyItem(atPath: Self.fixture("01-utf8-qp.eml"), toPath: md.appendingPathComponent("new/1700000000.1.host").path)
        try fm.copyItem(atPath: Self.fixture("06-alternative.eml"), toPath: md.appendingPathComponent("cur/1700000001.2.host:2,S").path)
        try fm.copyItem(atPath: Self.fixture("04-eucjp-8bit.eml"), toPath: md.appendingPathComponent("tmp/1700000002.3.host").path)
        fm.createFile(atPath: md.appendingPathComponent("new/1700000003.4.host").path, contents: Data(Self.badCharset.utf8))
        let before = try desk.events()
        let r = try CLI.run(["intake", "--db", desk.db, "--eml", md.path, "--org", "demo-rail"])
        #expect(r.status == 1)
        #expect(r.err.contains("1700000003.4.host: refused:") && r.err.contains("x-klingon"), "\(r.err)")
        #expect(r.err.contains("3 e-mail file(s): 2 taken in, 0 already taken in, 1 refused"), "\(r.err)")
        #expect(r.out.split(separator: "\n").count == 2)
        #expect(try desk.events() == before + 2)
        // Again, with a new mail sorted after the two already taken in: their keys, made before the duplicate was
        // recognized, must not be written with the new mail's.
        try fm.copyItem(atPath: Self.fixture("02-iso2022jp.eml"), toPath: md.appendingPathComponent("new/1800000000.9.host").path)
        let again = try CLI.run(["intake", "--db", desk.db, "--eml", md.path, "--org", "demo-rail"])
        let afterAgain = try desk.events()
        #expect(again.err.contains("1 taken in, 2 already taken in, 1 refused") && afterAgain == before + 3, "\(again.err)")
        #expect(try Self.sql(desk.db, "SELECT COUNT(*) FROM subject_keys WHERE subject_id NOT IN (SELECT id FROM subjects)") == "0")
        #expect(try CLI.run(["verify", "--db", desk.db]).status == 0)
    }

    static func sql(_ db: String, _ query: String) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        p.arguments = [db, query]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test("a directory of web forms: the bad one is listed with its field, the good ones taken in")
    func webFormDirectory() throws {
        let desk = try CLI.Desk()
        let dir = desk.dir.appendingPathComponent("forms")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        func form(_ complaint: String, extra: String = "") -> String {
            #"{"form":"mado.webform/1","organization":"demo-hotel","applicant":{"anonymous":true},"complaint":"\#(complaint)","language":"ja"\#(extra)}"#
        }
        try form("一件目").write(to: dir.appendingPathComponent("a.json"), atomically: true, encoding: .utf8)
        try form("二件目", extra: #","mood":"angry""#).write(to: dir.appendingPathComponent("b.json"), atomically: true, encoding: .utf8)
        try form("三件目").write(to: dir.appendingPathComponent("c.json"), atomically: true, encoding: .utf8)
        try "not a form".write(to: dir.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let r = try CLI.run(["intake", "--db", desk.db, "--json", dir.path])
        #expect(r.status == 1)
        #expect(r.err.contains("b.json: refused: mood is not a field of this form"), "\(r.err)")
        #expect(r.err.contains("3 web form file(s): 2 taken in"))
        #expect(r.out.contains("a.json: C-") && r.out.contains("c.json: C-") && !r.out.contains("b.json"))
    }

    @Test("e-mail usage and hostile input: --org is required, escapes never reach the terminal, nothing half-written")
    func refusals() throws {
        let desk = try CLI.Desk()
        let noOrg = try CLI.run(["intake", "--db", desk.db, "--eml", Self.fixture("01-utf8-qp.eml")])
        #expect(noOrg.status == 64 && noOrg.err.contains("--eml needs --org"))
        let both = try CLI.run(["intake", "--db", desk.db, "--eml", "x", "--json", "y", "--org", "demo-hotel"])
        #expect(both.status == 64 && both.err.contains("give one of --json or --eml"))
        let before = try desk.events()
        let bad = try CLI.run(["intake", "--db", desk.db, "--eml", "-", "--org", "demo-hotel"], stdin: Data(Self.badCharset.utf8))
        let afterBad = try desk.events()
        #expect(bad.status == 1 && bad.err.contains("x-klingon") && afterBad == before)
        let hostile = "From: =?UTF-8?B?\(Data("悪意\u{1B}[2J".utf8).base64EncodedString())?= <a@example.jp>\nSubject: hi\n\nbody \u{1B}]0;title\u{07}\n"
        let h = try CLI.run(["intake", "--db", desk.db, "--eml", "-", "--org", "demo-hotel"], stdin: Data(hostile.utf8))
        #expect(!h.err.contains("\u{1B}") && !h.out.contains("\u{1B}"))
        #expect(try desk.events() == before, "\(h.out) \(h.err)")
        let tooMany = (0..<21).map { i in "--b\nContent-Type: application/octet-stream\nContent-Disposition: attachment; filename=f\(i).bin\n\nx\n" }.joined()
        let multi = "From: a@example.jp\nSubject: s\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\nbody\n" + tooMany + "--b--\n"
        let m = try CLI.run(["intake", "--db", desk.db, "--eml", "-", "--org", "demo-hotel"], stdin: Data(multi.utf8))
        #expect(m.status == 1 && m.err.contains("20"), "\(m.err)")
        #expect(try desk.events() == before)
    }
}
