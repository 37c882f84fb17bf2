import DeskApp
import DeskDomain
import DeskStore
import Foundation
import SwiftCSV
import Testing

/// The desk's work through the real binary: verify, report, decide, feed back; reject threats; monthly totals.
@Suite("mado desk work", .serialized)
struct DeskWorkCommandTests {
    typealias CLI = CommandLineTests

    static func intake(_ desk: CLI.Desk, complaint: String = "フロントで長時間待たされた。",
                       applicant: String = #"{"anonymous":false,"name":"山田 花子","phone":"090-0000-0000"}"#) throws -> (String, CLI.Result) {
        let form = #"{"form":"mado.webform/1","organization":"demo-hotel","branch":"新宿","store":"本館","applicant":\#(applicant),"complaint":"\#(complaint)","feedbackWanted":true,"language":"ja"}"#
        let r = try CLI.run(["intake", "--db", desk.db, "--json", desk.write("f-\(UUID().uuidString).json", form)])
        #expect(r.status == 0, "\(r.err)")
        return (r.out.trimmingCharacters(in: .whitespacesAndNewlines), r)
    }

    @Test("review, assess, draft, approve, send: the report holds seed 003's fields; each step in order or refused")
    func reportFlow() throws {
        let desk = try CLI.Desk()
        let (id, _) = try Self.intake(desk)
        func mado(_ args: [String]) throws -> CLI.Result { try CLI.run(args + ["--db", desk.db]) }
        let early = try mado(["report", "draft", id, "--opinion", "意見"])
        #expect(early.status == 1 && early.err.contains("cannot draft the report"), "\(early.err)")
        #expect(try mado(["review", id]).status == 0)
        #expect(try mado(["assess", id, "--validity", "valid", "--means", "acceptable", "--reason", "穏当な指摘",
                          "--opinion", "案内を改めることを勧める"]).status == 0)
        let draft = try mado(["report", "draft", id, "--with-name", "--with-contact"])
        #expect(draft.status == 0 && draft.out.contains(": report drafted"), "\(draft.err)")
        let unapproved = try mado(["report", "sent", id])
        #expect(unapproved.status == 1 && unapproved.err.contains("a supervisor's approval of the latest draft"), "\(unapproved.err)")
        let shown = try mado(["report", "case", id])
        #expect(shown.out.contains("【下書き — 未承認】") && shown.out.contains("山田 花子") && shown.out.contains("電話: 090-0000-0000"))
        #expect(shown.out.contains("案内を改めることを勧める"))
        let noClass = try mado(["report", "approve", id])
        #expect(noClass.status == 1 && noClass.err.contains("classify the case"), "\(noClass.err)")
        #expect(try mado(["classify", id, "--as", "legitimateComplaint", "--reason", "正当な指摘"]).status == 0)
        // Four eyes: the supervisor who drafted it does not approve it; another supervisor does.
        let own = try mado(["report", "approve", id])
        #expect(own.status == 1 && own.err.contains("you drafted it; another supervisor approves it"), "\(own.err)")
        let s = try SQLiteEventStore.open(path: desk.db)
        try Desk(log: s, reads: s, user: "demo.sato").act(.approveReport, on: try #require(CaseID(id)))
        s.close()
        let sent = try mado(["report", "sent", id])
        #expect(sent.status == 0, "\(sent.err)")
        let json = try mado(["report", "case", id, "--format", "json"])
        let o = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        #expect(o["stage"] as? String == "sent" && o["sentTo"] as? String == "総務部 顧客対応担当")
        #expect((o["applicant"] as? [String: Any])?["name"] as? String == "山田 花子")
        #expect(o["classification"] as? String == "legitimateComplaint" && o["feedbackWanted"] as? Bool == true)
        // Feedback only after the organization's decision, and only when it wants the applicant told.
        let tooEarly = try mado(["feedback", id, "--channel", "phone", "--text", "改善すると伝えた"])
        #expect(tooEarly.status == 1 && tooEarly.err.contains("the organization's decision"), "\(tooEarly.err)")
        #expect(try mado(["decision", id, "--text", "掲示を改める", "--feedback"]).status == 0)
        #expect(try mado(["feedback", id, "--channel", "phone", "--text", "改善すると伝えた"]).status == 0)
        let show = try mado(["show", id])
        #expect(show.out.contains("organization's decision recorded") && show.out.contains("feedback given") && !show.out.contains("feedbackGiven"))
        #expect(try mado(["close", id, "--outcome", "resolved"]).status == 0)
        #expect(try mado(["verify"]).status == 0)
    }

    @Test("a threatening submission is pointed out at intake; rejected, it opens tasks that are done with a reference")
    func threat() throws {
        let desk = try CLI.Desk()
        let (id, r) = try Self.intake(desk, complaint: "対応が悪いので店に火をつけてやる", applicant: #"{"anonymous":true}"#)
        #expect(r.err.contains("may be threatening or slanderous (火をつけ)") && r.err.contains("mado reject \(id)"), "\(r.err)")
        let before = try CLI.run(["task", "list", "--db", desk.db]).out
        #expect(try CLI.run(["reject", id, "--db", desk.db, "--reason", "放火の予告"]).status == 0)
        let tasks = try CLI.run(["task", "list", "--db", desk.db, "--format", "json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(tasks.out.utf8)) as? [[String: Any]])
        let mine = rows.filter { ($0["caseID"] as? String) == id }
        #expect(Set(mine.compactMap { $0["kind"] as? String }) == ["policeReport", "notifyOrganization"], "\(before)")
        let bad = try CLI.run(["task", "done", id, "--db", desk.db, "--kind", "policeReport", "--reference", "R8\u{1B}[2J"])
        #expect(bad.status != 0 && !bad.err.contains("\u{1B}"))
        #expect(try CLI.run(["task", "done", id, "--db", desk.db, "--kind", "policeReport", "--reference", "新宿署 受理番号 123"]).status == 0)
        let open = try CLI.run(["task", "list", "--db", desk.db]).out
        #expect(open.contains("\(id)  notify the organization") && !open.contains("\(id)  report to the police"))
        let list = try CLI.run(["list", "--db", desk.db, "--format", "csv"]).out
        #expect(list.split(separator: "\n").first { $0.hasPrefix(id) }?.contains("rejectedThreat") == true)
        // A plain complaint is not pointed out.
        let (_, calm) = try Self.intake(desk)
        #expect(!calm.err.contains("threatening"))
    }

    @Test("a progress enquiry is logged and answered with the fixed script")
    func enquiry() throws {
        let desk = try CLI.Desk()
        let (id, _) = try Self.intake(desk)
        let r = try CLI.run(["enquiry", id, "--db", desk.db, "--channel", "phone"])
        #expect(r.status == 0 && r.out.contains(": enquiry logged: phone"))
        let script = try #require(PolicyTable.standard.script(Scripts.noProgressAnswers))
        #expect(r.out.contains(script.ja))
        #expect(try CLI.run(["enquiry", id, "--db", desk.db, "--language", "en"]).out.contains(script.en))
        let show = try CLI.run(["show", id, "--db", desk.db]).out
        #expect(show.contains("enquiry logged: phone") && show.contains("answered with 「We are sorry, but we do not answer questions about progress."))
    }

    @Test("monthly totals: bars in text, CSV that a CSV reader parses back to the JSON's counts")
    func monthly() throws {
        let desk = try CLI.Desk()
        let text = try CLI.run(["report", "monthly", "--db", desk.db, "--org", "demo-hotel", "--month", "2026-11", "--language", "en"])
        #expect(text.status == 0, "\(text.err)")
        #expect(text.out.hasPrefix("デモホテル東京: totals for 2026-11") && text.out.contains("█"))
        let json = try CLI.run(["report", "monthly", "--db", desk.db, "--org", "demo-hotel", "--month", "2026-11", "--format", "json"])
        let totals = try JSONDecoder().decode(MonthlyTotals.self, from: Data(json.out.utf8))
        #expect(totals.cases > 0)
        let csvText = try CLI.run(["report", "monthly", "--db", desk.db, "--org", "demo-hotel", "--month", "2026-11", "--format", "csv"]).out
        let csv = try CSV<Named>(string: csvText)
        #expect(csv.header == ["organization", "month", "section", "key", "count"])
        func count(_ section: String, _ key: String) -> Int? {
            csv.rows.first { $0["section"] == section && $0["key"] == key }.flatMap { $0["count"] }.flatMap { Int($0) }
        }
        #expect(count("summary", "cases") == totals.cases)
        #expect(count("summary", "reportsLate") == totals.reportsLate)
        for (k, v) in totals.byChannel { #expect(count("channel", k) == v) }
        for (k, v) in totals.byBehaviour { #expect(count("behaviour", k) == v) }
        for (k, v) in totals.byState { #expect(count("state", k) == v) }
        #expect(csv.rows.count == totals.byChannel.count + totals.byLane.count + totals.byBehaviour.count + totals.byState.count
                + totals.byClassification.count + 3)
        let bad = try CLI.run(["report", "monthly", "--db", desk.db, "--org", "demo-hotel", "--month", "2026-13"])
        #expect(bad.status == 64 && bad.err.contains("--month must be YYYY-MM"))
        let nowhere = try CLI.run(["report", "monthly", "--db", desk.db, "--org", "nowhere"])
        #expect(nowhere.status == 1 && nowhere.err.contains("--org must be a registered organization"))
    }
}
