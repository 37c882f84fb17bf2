import DeskDomain
import Foundation
import Testing

/// What `mado` prints for people: the desk's words in the chosen language, Japan time, no stored names.
@Suite("human output in the user's language", .serialized)
struct HumanOutputTests {
    typealias CLI = CommandLineTests

    /// A UTC time as stored (`2026-11-25T00:00:00.000Z`), which no person should have to convert.
    static let utc = try! NSRegularExpression(pattern: #"[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?Z"#)
    static let camel = try! NSRegularExpression(pattern: #"(?<![A-Za-z\-])[a-z]+[A-Z][A-Za-z]*"#)

    static func count(_ re: NSRegularExpression, _ s: String) -> [String] {
        let ns = s as NSString
        return re.matches(in: s, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range) }
    }

    /// A case of the demo in `state` (queue order).
    static func caseIn(_ state: CaseStatus, _ desk: CLI.Desk) throws -> String {
        let json = try CLI.run(["list", "--format", "json", "--db", desk.db]).out
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        return try #require(rows.first { $0["state"] as? String == state.rawValue }?["id"] as? String)
    }

    @Test("an action is answered in the chosen language with the desk's words, by --lang or by the locale")
    func actionAnswers() throws {
        let desk = try CLI.Desk()
        let a = try Self.caseIn(.handedOver, desk)
        let ja = try CLI.run(["review", a, "--db", desk.db, "--lang", "ja"])
        #expect(ja.status == 0 && ja.out == "\(a): 確認開始 を記録しました\n", "\(ja.out)\(ja.err)")
        let note = try CLI.run(["note", a, "--text", "電話で再度の申出", "--db", desk.db, "--lang", "en"])
        #expect(note.out == "\(a): note added\n", "\(note.out)\(note.err)")
        // No --lang: LANG names the language, whether or not that locale is installed.
        let b = try Self.caseIn(.handedOver, desk)
        let byLocale = try CLI.run(["env", "LANG=ja_JP.UTF-8", "LC_ALL=", "LC_MESSAGES=", CLI.mado, "review", b, "--db", desk.db],
                                   executable: "/usr/bin/env")
        #expect(byLocale.out == "\(b): 確認開始 を記録しました\n", "\(byLocale.out)\(byLocale.err)")
        for r in [ja, note, byLocale] { #expect(Self.count(Self.camel, r.out).isEmpty, "\(r.out)") }
    }

    @Test("a refusal is said whole in the chosen language")
    func refusal() throws {
        let desk = try CLI.Desk()
        let closed = try Self.caseIn(.closed, desk)
        let ja = try CLI.run(["review", closed, "--db", desk.db, "--lang", "ja"])
        #expect(ja.status == 1 && ja.err == "エラー: 確認を開始できません: 案件は「完了」です\n", "\(ja.err)")
        let en = try CLI.run(["review", closed, "--db", desk.db, "--lang", "en"])
        #expect(en.status == 1 && en.err.contains("cannot start review: the case is closed"), "\(en.err)")
    }

    @Test("show prints the case in the chosen language, in Japan time, with no event names", arguments: Language.allCases)
    func show(_ lang: Language) throws {
        let desk = try CLI.Desk()
        let r = try CLI.run(["show", "C-000005", "--db", desk.db, "--lang", lang.rawValue])
        #expect(r.status == 0, "\(r.err)")
        #expect(Self.count(Self.utc, r.out).isEmpty, "UTC times in\n\(r.out)")
        #expect(Self.count(Self.camel, r.out).isEmpty, "identifiers \(Self.count(Self.camel, r.out)) in\n\(r.out)")
        #expect(r.out.contains(" JST  "))
        if lang == .ja {
            #expect(r.out.contains("経過記録") && r.out.contains("警察対応: 110番通報") && r.out.contains("状態        エスカレーション"), "\(r.out)")
        } else {
            #expect(r.out.contains("timeline") && r.out.contains("police ladder step taken: call 110") && r.out.contains("state       escalated"))
        }
    }

    @Test("task, consult, access and who print Japan time for people and ISO 8601 with the offset for programs")
    func times() throws {
        let desk = try CLI.Desk()
        let text = try CLI.run(["task", "list", "--all", "--db", desk.db, "--lang", "ja"]).out
            + CLI.run(["access", "--db", desk.db]).out + CLI.run(["who", "--db", desk.db]).out
        #expect(Self.count(Self.utc, text).isEmpty, "\(text)")
        let csv = try CLI.run(["task", "list", "--all", "--format", "csv", "--db", desk.db]).out
        let rows = csv.split(separator: "\n").dropFirst()
        #expect(!rows.isEmpty && rows.allSatisfy { $0.contains("+09:00") } && Self.count(Self.utc, csv).isEmpty, "\(csv)")
    }
}
