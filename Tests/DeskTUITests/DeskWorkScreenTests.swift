import DeskApp
import DeskDomain
@testable import DeskStore
@testable import DeskTUI
import Foundation
import Testing

/// The desk's work in the console: monthly totals, the report's stage, tasks, threats pointed out, enquiries.
@Suite("desk work in the console", .serialized)
struct DeskWorkScreenTests {

    @Test("M shows last month's totals for the selected case's organization; ← → change the month, o the organization",
          arguments: [Language.en, .ja])
    func monthly(_ lang: Language) throws {
        let desk = try DemoDesk()
        var m = try desk.model(Size(width: 100, height: 40), lang)
        let org = try #require(m.detail).summary.organization
        #expect(update(&m, .keyPressed(.char("M"))) == [.loadMonthly(org, Month("2026-10")!)])
        #expect(update(&m, .keyPressed(.right)) == [.loadMonthly(org, Month("2026-11")!)])
        let orgs = try desk.store.organizations()
        let totals = try desk.desk.monthlyTotalsNow(org, month: Month("2026-11")!).totals
        _ = update(&m, .monthlyLoaded(totals, organizations: orgs))
        let screen = view(m)
        let text = screen.textLines.joined(separator: "\n")
        #expect(text.contains("2026-11") && text.contains("█"))
        if let diff = Golden.check(screen, "monthly-\(lang.rawValue)-100x40") { Issue.record(Comment(rawValue: diff)) }
        let next = orgs[((orgs.firstIndex { $0.id == org } ?? 0) + 1) % orgs.count].id
        #expect(update(&m, .keyPressed(.char("o"))) == [.loadMonthly(next, Month("2026-11")!)])
        _ = update(&m, .keyPressed(.escape))
        #expect(m.prompt == nil)
        var op = try desk.model(Size(width: 100, height: 40), lang, role: .operator)
        #expect(update(&op, .keyPressed(.char("M"))) == [] && op.message?.isError == true)
    }

    @Test("j scrolls the monthly view down to the chart's last line and no further")
    func monthlyScrollsToTheEnd() throws {
        let desk = try DemoDesk()
        var m = try desk.model(Size(width: 100, height: 30), .en)
        let org = try #require(m.detail).summary.organization
        _ = update(&m, .keyPressed(.char("M")))
        let totals = try desk.desk.monthlyTotalsNow(org, month: Month("2026-10")!).totals
        _ = update(&m, .monthlyLoaded(totals, organizations: try desk.store.organizations()))
        let rows = 30 - 8          // the box leaves two rows each side; its frame, title and hint take four
        try #require(m.monthlyLines.count > rows)
        for _ in 0..<m.monthlyLines.count { _ = update(&m, .keyPressed(.char("j"))) }
        guard case .monthly(_, _, let scroll)? = m.prompt else { Issue.record("no monthly view"); return }
        #expect(scroll == m.monthlyLines.count - rows)
        let last = try #require(m.monthlyLines.last)
        #expect(view(m).textLines.contains { $0.contains(last.trimmingCharacters(in: .whitespaces)) })
        _ = update(&m, .keyPressed(.char("k")))
        guard case .monthly(_, _, let up)? = m.prompt else { return }
        #expect(up == scroll - 1)
    }

    @Test("the case pane points out a likely threat in a submission, and shows open tasks and the report's stage")
    func casePane() throws {
        let desk = try DemoDesk()
        // A web-form submission with a threat in it, not yet dealt with.
        guard case .new(let id, let threats, _) = try desk.desk.takeIn(Submission(
            organization: "demo-hotel", channel: .webForm, language: .ja, applicant: .init(anonymous: true),
            complaint: "次に行ったら店を燃やしてやる")) else { Issue.record("not taken in"); return }
        #expect(threats == ["燃やして"])
        var m = try desk.model(Size(width: 120, height: 40), .en, focus: .detail)
        func show(_ c: CaseID) throws {
            m.selectedID = c
            _ = update(&m, .detailLoaded(try desk.desk.caseDetail(c)))
            _ = update(&m, .queueLoaded(try desk.desk.queue().rows))
            #expect(m.detail?.summary.id == c)
        }
        try show(id)
        let lines = m.caseText(width: 100).map(\.text)
        #expect(lines.contains { $0.hasPrefix("! 「燃やして」") && $0.contains("may be a threat or slander") })
        // Rejected: the hint goes, the tasks show.
        try desk.desk.act(.rejectAsThreat(reason: "放火の予告"), on: id)
        try show(id)
        let after = m.caseText(width: 100).map(\.text)
        #expect(!after.contains { $0.contains("may be a threat") })
        #expect(after.contains("open tasks: notify the organization, report to the police")
                || after.contains("open tasks: report to the police, notify the organization"))
        // A reported demo case shows where its report stands.
        let reported = try #require(try desk.store.allCases().first { $0.status == .closed })
        try show(reported.id)
        #expect(m.caseText(width: 100).map(\.text).contains { $0.hasPrefix("report: sent — decision: ") })
    }

    @Test("a progress enquiry from the menu is logged and the fixed answer is shown to read out")
    func enquiry() throws {
        let desk = try DemoDesk()
        let backend = TestBackend(size: Size(width: 120, height: 30))
        // The enquiry's letter chooses it in the menu; y records it.
        backend.input = [.key(.char("2")), .key(.char("s")), .key(.char(MenuAction.enquiry.letter)), .key(.char("y"))]
        let p = Program(desk: desk.desk, backend: backend, model: Model(size: backend.size, now: DemoDesk.now, me: DemoDesk.me, language: .en),
                        watcher: nil)
        p.run()
        let id = try #require(p.model.detail?.summary.id)
        #expect(try desk.store.load(id.streamID).last?.event == .enquiryLogged(EnquiryLogged(channel: .phone)))
        let script = try #require(PolicyTable.standard.script(Scripts.noProgressAnswers))
        #expect(p.model.message?.text.contains(script.en) == true, "\(String(describing: p.model.message))")
    }
}

@Suite("shifts in the console", .serialized)
struct ShiftScreenTests {
    @Test("at login the handovers left since your last shift are shown; Enter starts your shift; W shows the board")
    func loginHandover() throws {
        let desk = try DemoDesk()
        let suzuki = desk.desk.acting(as: "demo.suzuki")
        try suzuki.clocked { DemoDesk.now.addingTimeInterval(-8 * 3600) }.startShift()
        try suzuki.clocked { DemoDesk.now.addingTimeInterval(-600) }.endShift(note: "C-000005 は警察からの連絡待ち")
        let backend = TestBackend(size: Size(width: 120, height: 40))
        var seen: [String] = []
        backend.input = [.key(.enter), .key(.char("W"))]
        backend.onDraw = { screen in seen.append(screen.textLines.joined(separator: "\n")) }
        let p = Program(desk: desk.desk, backend: backend, model: Model(size: backend.size, now: DemoDesk.now, me: DemoDesk.me, language: .en),
                        watcher: nil)
        p.run()
        #expect(seen.contains { $0.contains("Handovers since your last shift (1)") && $0.contains("Handover from demo.suzuki")
                                && $0.contains("C-000005 は警察からの連絡待ち") && $0.contains("danger lane: C-000005") })
        #expect(try desk.desk.isOnShift())
        let last = try #require(seen.last)
        #expect(last.contains("Shifts") && last.contains("tester (supervisor)  on shift") && last.contains("demo.suzuki (operator)  off"))
        // Ending it from the board records the handover with the note typed.
        var m = p.model
        #expect(update(&m, .keyPressed(.char("e"))) == [])
        for c in "引継ぎなし" { _ = update(&m, .keyPressed(.char(c))) }
        #expect(update(&m, .keyPressed(.enter)) == [.endShift(note: "引継ぎなし")])
    }

    @Test("an auditor keeps no shift; an operator sees only their own on the board")
    func roles() throws {
        let desk = try DemoDesk()
        var auditor = try desk.model(Size(width: 100, height: 30), .en, role: .auditor)
        #expect(update(&auditor, .keyPressed(.char("W"))) == [] && auditor.message?.text.contains("operators, supervisors and counsellors only") == true)
        var op = try desk.model(Size(width: 100, height: 30), .en, role: .operator)
        #expect(update(&op, .keyPressed(.char("W"))) == [.loadShift(login: false)])
        _ = update(&op, .shiftLoaded(board: try desk.desk.shiftBoard(everyone: true), unseen: [], login: false))
        let text = view(op).textLines.joined(separator: "\n")
        #expect(text.contains("tester (operator)") == false && text.contains("demo.sato") == false)
    }
}

@Suite("console role matrix")
struct ConsoleRoleMatrixTests {
    /// The console's own keys (beyond the case commands the decider checks): which role each is for.
    static let expected: [KeyAction: Set<Role>] = [
        .handOver: [.staff, .operator, .supervisor],
        .eraseSubject: [.supervisor],
        // Each erases the people that are theirs: supervisors the customer file's, counsellors employees.
        .showRetention: [.supervisor, .counsellor],
        .showMonthly: [.supervisor, .auditor],
        .shift: [.operator, .supervisor, .counsellor],
        .consultations: [.counsellor, .supervisor, .auditor],
    ]

    @Test("every role against the console's own keys: refused with a reason exactly where the table says", arguments: Role.allCases)
    func keys(_ role: Role) {
        let m = UpdateTests.model(role: role)
        for (action, roles) in Self.expected {
            #expect((m.keyRefusal(action) == nil) == roles.contains(role), "\(role) \(action)")
        }
        // Read-only review refuses every change, whatever the role.
        let ro = UpdateTests.model(role: .supervisor, readOnly: true)
        #expect(ro.keyRefusal(.handOver) != nil && ro.keyRefusal(.changeState) != nil)
    }
}

@Suite("consultations in the console", .serialized)
struct ConsultationScreenTests {
    static let harm = "上司から「客に謝れないのか」と責められた"

    static func run(_ desk: DemoDesk, role: Role, user: String) -> (Program, [String]) {
        let backend = TestBackend(size: Size(width: 120, height: 30))
        var seen: [String] = []
        // A counsellor's console opens on the list; the others open it with K.
        backend.input = (role == .counsellor ? [] : [.key(.char("K"))]) + [.key(.enter)]
        backend.onDraw = { seen.append($0.textLines.joined(separator: "\n")) }
        let me = StaffMember(user: user, displayName: user, role: role, active: true)
        let p = Program(desk: desk.desk.acting(as: user), backend: backend, model: Model(size: backend.size, now: DemoDesk.now, me: me, language: .en),
                        watcher: nil)
        p.run()
        return (p, seen)
    }

    @Test("a counsellor opens a consultation from the list; a supervisor sees the list without content and is refused, and both attempts are logged")
    func roles() throws {
        let desk = try DemoDesk()
        let id = try desk.desk.acting(as: "demo.kato").openConsultation(ConsultationRequest(
            organization: "demo-hotel", anonymous: true, harm: Self.harm, secondary: .superior))
        let (_, counsellor) = Self.run(desk, role: .counsellor, user: "demo.kato")
        #expect(counsellor.contains { $0.contains("Employee consultations (1)") && $0.contains("> K-000001  open") && !$0.contains(Self.harm) })
        #expect(counsellor.contains { $0.contains("Employee consultations K-000001") && $0.contains("harm: " + Self.harm)
                                      && $0.contains("secondary harassment by a superior") })
        let (sup, supSeen) = Self.run(desk, role: .supervisor, user: "tester")
        // The organization by its name, read with the queue, not its id.
        #expect(supSeen.contains { $0.contains("> K-000001  open  デモホテル東京") })
        #expect(!supSeen.contains { $0.contains("secondary") || $0.contains("mental") })
        #expect(!supSeen.contains { $0.contains(Self.harm) })
        #expect(sup.model.message?.isError == true && sup.model.message?.text.contains("needs a counsellor") == true)
        let log = try desk.store.load(StreamID("access-tester")).map(\.event)
        #expect(log == [.restrictedAccess(RestrictedAccess(record: id.description, user: "tester", role: .supervisor, allowed: false))])
        var op = try desk.model(Size(width: 100, height: 30), .en, role: .operator)
        #expect(update(&op, .keyPressed(.char("K"))) == [] && op.message?.text.contains("supervisors, counsellors and auditors only") == true)
    }
}
