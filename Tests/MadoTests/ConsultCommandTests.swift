import DeskApp
import DeskDomain
import DeskStore
import Foundation
import Testing

/// `mado consult` through the real binary, as a counsellor; the customer file never shows a consultation.
@Suite("mado consult", .serialized)
struct ConsultCommandTests {
    typealias CLI = CommandLineTests

    @Test("a supervisor may list but not open; a counsellor opens, cares, links with consent; the case and its exports never show it")
    func consultation() throws {
        let desk = try CLI.Desk()
        func mado(_ args: [String]) throws -> CLI.Result { try CLI.run(args + ["--db", desk.db]) }
        let refused = try mado(["consult", "open", "--org", "demo-hotel", "--harm", "怒鳴られた"])
        #expect(refused.status == 1 && refused.err.contains("needs a counsellor"), "\(refused.err)")
        #expect(try mado(["consult", "list"]).out.contains("no consultations"))
        // The OS user running the tests becomes a counsellor (the demo keeps another supervisor).
        #expect(try mado(["staff", "add", CLI.osUser, "--role", "counsellor", "--name", "相談員"]).status == 0)
        let harm = "上司から「客に謝れないのか」と責められ、眠れない"
        let open = try mado(["consult", "open", "--org", "demo-hotel", "--name", "井上 真理", "--contact", "inoue@example.jp",
                             "--harm", harm, "--wants", "担当替え", "--mental-health", "--secondary", "superior"])
        #expect(open.status == 0, "\(open.err)")
        let id = open.out.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(id == "K-000001")
        #expect(try mado(["consult", "care", id, "--kind", "counselling", "--due", "2099-12-01"]).status == 0)
        let noConsent = try mado(["consult", "link", id, "--case", "C-000005"])
        #expect(noConsent.status == 1 && noConsent.err.contains("consent"))
        let nowhere = try mado(["consult", "link", id, "--case", "C-999999", "--consent"])
        #expect(nowhere.status == 1 && nowhere.err.contains("C-999999"), "\(nowhere.err)")
        #expect(try mado(["consult", "link", id, "--case", "C-000005", "--consent"]).status == 0)
        let show = try mado(["consult", "show", id])
        #expect(show.out.contains(harm) && show.out.contains("secondary harassment by a superior") && show.out.contains("C-000005"))
        let list = try mado(["consult", "list"]).out
        #expect(list.contains("K-000001  open") && list.contains("secondary harassment by a superior") && list.contains("counselling 2099-12-01") && !list.contains(harm))
        let early = try mado(["consult", "close", id, "--reason", "終了"])
        #expect(early.status == 1 && early.err.contains("care tasks are still open: counselling"))
        // Nothing of it in the customer case, its report or the case list.
        for args in [["show", "C-000005"], ["list", "--format", "csv"], ["list", "--format", "json"], ["list", "--search", "客に謝れない"]] {
            let out = try mado(args).out
            #expect(!out.contains(harm) && !out.contains("K-000001") && !out.contains("井上"), "\(args)")
        }
        #expect(try mado(["verify"]).status == 0)
        // The access log, for supervisors and auditors: the counsellor's reads are in it.
        let s = try SQLiteEventStore.open(path: desk.db)
        let accesses = try s.load(StreamID("access-\(CLI.osUser)")).count
        s.close()
        #expect(accesses >= 4)
    }

    @Test("a supervisor's attempt to open a consultation is refused and shows in mado access")
    func accessLog() throws {
        let desk = try CLI.Desk()
        #expect(try CLI.run(["access", "--db", desk.db]).out.contains("no attempts recorded"))
        let r = try CLI.run(["consult", "show", "K-000001", "--db", desk.db])
        #expect(r.status == 1 && r.err.contains("needs a counsellor"), "\(r.err)")
        let log = try CLI.run(["access", "--db", desk.db]).out
        #expect(log.contains("\(CLI.osUser) (supervisor)  K-000001  REFUSED"), "\(log)")
    }

    @Test("an employee's data is erased by a counsellor only: the supervisor's subject erase and retention run leave it, every attempt logged")
    func employeeErasure() throws {
        let desk = try CLI.Desk()
        func mado(_ args: [String]) throws -> CLI.Result { try CLI.run(args + ["--db", desk.db]) }
        #expect(try mado(["staff", "add", CLI.osUser, "--role", "counsellor", "--name", "相談員"]).status == 0)
        let id = try mado(["consult", "open", "--org", "demo-hotel", "--anonymous", "--harm", "眠れない"]).out
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try mado(["consult", "close", id, "--reason", "復職"]).status == 0)
        let subjects = try JSONSerialization.jsonObject(with: Data(try mado(["subject", "list", "--format", "json"]).out.utf8)) as? [[String: Any]]
        let employee = try #require(subjects?.first { $0["kind"] as? String == "employee" }?["id"] as? String)
        // Back to supervisor (another supervisor of the demo does it): the employee is no longer even listed.
        let s = try SQLiteEventStore.open(path: desk.db)
        try DeskApp.Desk(log: s, reads: s, user: "demo.sato").addStaff(CLI.osUser, role: .supervisor, displayName: "監督")
        s.close()
        #expect(try !mado(["subject", "list"]).out.contains(employee))
        let erase = try mado(["subject", "erase", employee, "--reason", "請求", "--yes"])
        #expect(erase.status == 1 && erase.err.contains("may not erase an employee's data; it needs a counsellor"), "\(erase.err)")
        let retention = try mado(["retention", "run"])
        #expect(retention.status == 0 && !retention.out.contains(employee), "\(retention.err)")
        let log = try mado(["access", "--user", CLI.osUser]).out
        #expect(log.contains("(supervisor)  \(employee)  REFUSED"), "\(log)")
        #expect(try mado(["verify"]).status == 0)
    }
}
