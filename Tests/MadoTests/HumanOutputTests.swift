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

    /// English words left in a Japanese text once the things typed as they are (ids, options, commands) are taken out.
    static func english(_ s: String, allowing: [String] = []) -> [String] {
        var t = s
        for a in allowing { t = t.replacingOccurrences(of: a, with: " ") }
        let typed = try! NSRegularExpression(pattern: #"--[a-z-]+|[a-z0-9]+(-[a-z0-9]+)+|[A-Z]-[0-9]+|s-[0-9a-f]{16}|standard/[0-9]+"#)
        t = typed.stringByReplacingMatches(in: t, range: NSRange(location: 0, length: (t as NSString).length), withTemplate: " ")
        return count(try! NSRegularExpression(pattern: #"[A-Za-z]{3,}"#), t)
    }

    @Test("staff and org answer with the role's and the fields' words; in Japanese no English but the ids to type")
    func staffAndOrg() throws {
        let desk = try CLI.Desk(demo: false)
        func mado(_ args: [String], _ lang: Language = .ja) throws -> CLI.Result {
            try CLI.run(args + ["--db", desk.db, "--lang", lang.rawValue])
        }
        let add = try mado(["staff", "add", "yamada", "--role", "operator", "--name", "山田"])
        #expect(add.out == "yamada をオペレーターとして登録しました\n", "\(add.out)\(add.err)")
        let staff = try mado(["staff", "list"])
        #expect(staff.out.contains("yamada\tオペレーター\t在籍\t山田"), "\(staff.out)")
        #expect(Role.allCases.allSatisfy { !staff.out.contains("\t\($0.rawValue)\t") }, "\(staff.out)")
        let org = try mado(["org", "add", "city-hall", "--name", "みどり市役所", "--report-to", "市民課", "--branch", "本庁舎:1階窓口"])
        let set = try mado(["org", "set", "city-hall", "--phone", "03-1234-5678"])
        let orgs = try mado(["org", "list"]), show = try mado(["org", "show", "city-hall"])
        #expect(orgs.out == "みどり市役所  ID city-hall  支店 1、店舗 1  方針 standard/2\n", "\(orgs.out)")
        #expect(show.out.contains("(ID: city-hall)") && show.out.contains("報告先      市民課 (日本語で報告)") && show.out.contains("電話 03-1234-5678"))
        for r in [add, staff, org, set, orgs, show] {
            let me = CLI.osUser
            #expect(r.status == 0 && Self.english(r.out, allowing: [me, "yamada", "MADO_PRINTER", "Web", "lp "]).isEmpty,
                    "\(Self.english(r.out, allowing: [me, "yamada"])) in\n\(r.out)\(r.err)")
        }
        #expect(try mado(["staff", "list"], .en).out.contains("yamada\toperator\tactive\t山田"))
        let en = try mado(["org", "show", "city-hall"], .en).out
        #expect(en.contains("(id: city-hall)") && en.contains("reports to   市民課 (in Japanese)"), "\(en)")
    }

    /// Words a message may quote because they are what the user types.
    static let typed = ["mado org add", "text", "json", "ASCII", "YYYY", "desk@example.jp", "http://", "https://"]

    @Test("a usage error or a refusal of the command line is said in Japanese under --lang ja", arguments: [
        ["show", "X1"], ["note", "C-000001", "--text", " "], ["evidence", "C-000001", "--save", "0"],
        ["evidence", "C-000001", "--save", "9", "--out", "/tmp/never"], ["org", "list", "--format", "csv"],
        ["staff", "add", "a/b", "--role", "operator", "--name", "x"], ["handover", "--org", "nowhere", "--complaint", "x"],
        ["hold", "place", "C-000001", "--kind", "policeReport", "--reason", "a\u{7}b"], ["org", "set", "demo-hotel", "--email", "not-mail"],
        ["consult", "show", "K1"], ["report", "monthly", "--org", "demo-hotel", "--month", "11"],
    ])
    func japaneseRefusals(_ args: [String]) throws {
        let desk = try CLI.Desk()
        let r = try CLI.run(args + ["--db", desk.db, "--lang", "ja"])
        let first = String(r.err.prefix { $0 != "\n" })
        #expect(r.status != 0 && first.hasPrefix("エラー: ") && Self.english(first, allowing: Self.typed).isEmpty,
                "\(Self.english(first, allowing: Self.typed)) in \(r.err)")
        if r.status == 64 { #expect(r.err.contains("使い方: ") && r.err.contains("をご覧ください"), "\(r.err)") }
    }

    @Test("the threat hint, evidence saved and a legal hold are said in Japanese with the desk's words")
    func threatAndEvidence() throws {
        let desk = try CLI.Desk()
        let form = #"{"form":"mado.webform/1","organization":"demo-hotel","applicant":{"anonymous":true},"complaint":"店に火をつけてやる","feedbackWanted":false,"language":"ja"}"#
        let intake = try CLI.run(["intake", "--json", desk.write("t.json", form), "--db", desk.db, "--lang", "ja"])
        let id = intake.out.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(intake.err.contains("\(id) は脅迫や誹謗中傷かもしれません (火をつけ)"), "\(intake.err)")
        #expect(Self.english(intake.err, allowing: ["mado reject", "mado"]).isEmpty, "\(intake.err)")
        let out = desk.dir.appendingPathComponent("original.json").path
        let saved = try CLI.run(["evidence", id, "--save", "0", "--out", out, "--db", desk.db, "--lang", "ja"])
        #expect(saved.status == 0 && saved.out.hasPrefix("\(id): 0 番を ") && Self.english(saved.out, allowing: [out]).isEmpty, "\(saved.out)\(saved.err)")
        let again = try CLI.run(["evidence", id, "--save", "0", "--out", out, "--db", desk.db, "--lang", "ja"])
        #expect(again.status == 1 && again.err.contains("すでにあります") && Self.english(again.err, allowing: [out, "mado"]).isEmpty, "\(again.err)")
        let hold = try CLI.run(["hold", "place", id, "--kind", "policeReport", "--reason", "被害届", "--db", desk.db, "--lang", "ja"])
        #expect(hold.status == 0 && Self.count(Self.camel, hold.out).isEmpty && hold.out.hasSuffix("を記録しました\n"), "\(hold.out)\(hold.err)")
    }

    @Test("an erasure preview names a handover's notes in words, not by their stream")
    func erasurePreviewOfShiftNote() throws {
        let desk = try CLI.Desk()
        _ = try CLI.run(["shift", "start", "--db", desk.db])
        #expect(try CLI.run(["shift", "end", "--note", "C-000002 は警察待ち", "--db", desk.db]).status == 0)
        let subjects = try CLI.run(["subject", "list", "--format", "json", "--db", desk.db]).out
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(subjects.utf8)) as? [[String: Any]])
        let note = try #require(rows.first { $0["kind"] as? String == "shiftNote" }?["id"] as? String)
        for lang in Language.allCases {
            let r = try CLI.run(["subject", "erase", note, "--reason", "r", "--db", desk.db, "--lang", lang.rawValue], stdin: Data("no\n".utf8))
            let writer = lang == .ja ? "\(CLI.osUser) さんの勤務の申し送り: 1 項目" : "shift notes by \(CLI.osUser): 1 field(s)"
            #expect(r.out.contains(writer) && !r.out.contains("handover by") && Self.count(Self.camel, r.out).isEmpty, "\(r.out)")
        }
    }

    @Test("a case report in JSON gives its times in Japan time with the offset")
    func reportTimes() throws {
        let desk = try CLI.Desk()
        let id = try Self.caseIn(.reported, desk)
        let json = try CLI.run(["report", "case", id, "--format", "json", "--db", desk.db]).out
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        for key in ["receivedAt", "sentAt"] {
            #expect((report[key] as? String)?.hasSuffix("+09:00") == true, "\(key): \(report[key] ?? "none")")
        }
        if let occurred = report["occurredAt"] as? String { #expect(occurred.hasSuffix("+09:00"), "\(occurred)") }
        #expect(Self.count(Self.utc, json).isEmpty, "\(json)")
    }
}
