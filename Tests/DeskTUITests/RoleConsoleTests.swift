import DeskApp
import DeskDomain
@testable import DeskStore
@testable import DeskTUI
import Foundation
import Testing

/// A console per role: the clerk's opens on the hand-over form over their own cases, the counsellor's on the
/// employee consultations; the desk's line opens on the queue as before.
@Suite("a console per role", .serialized)
struct RoleConsoleTests {
    /// The clerk "tester.staff" hands over one sit-in of their own at the demo hotel.
    static func staffModel(_ desk: DemoDesk, _ lang: Language, _ size: Size) throws -> Model {
        var facts = FactSheet()
        facts.refusesToLeave = true
        _ = try desk.desk(.staff).handOver(CounterReport(organization: "demo-hotel", complaint: "閉店後も帰らない", facts: facts))
        return try desk.model(size, lang, role: .staff)
    }

    @Test("staff: only the cases they handed over; the console opens on the hand-over form", arguments: [Language.ja, .en])
    func staffConsole(_ lang: Language) throws {
        let desk = try DemoDesk()
        var m = try Self.staffModel(desk, lang, Size(width: 80, height: 24))
        #expect(m.rows.count == 1 && m.rows[0].openedBy == "tester.staff")
        if let diff = Golden.check(view(m), "staff-console-\(lang.rawValue)-80x24") { Issue.record(Comment(rawValue: diff)) }
        #expect(openForRole(&m) == [.loadOrganizations])
        _ = update(&m, .organizationsLoaded(try desk.desk(.staff).organizations()))
        guard case .counterForm? = m.prompt else { Issue.record("the form did not open"); return }
    }

    @Test("counsellor: the console opens on the consultations", arguments: [Language.ja, .en])
    func counsellorConsole(_ lang: Language) throws {
        let desk = try DemoDesk()
        _ = try desk.desk(.counsellor).openConsultation(ConsultationRequest(organization: "demo-hotel", anonymous: true,
                                                                            harm: "客に怒鳴られ眠れない", mentalHealth: true))
        var m = try desk.model(Size(width: 80, height: 24), lang, role: .counsellor)
        #expect(openForRole(&m) == [.loadConsultations])
        _ = update(&m, .consultationsLoaded(try desk.desk(.counsellor).consultations()))
        if let diff = Golden.check(view(m), "counsellor-console-\(lang.rawValue)-80x24") { Issue.record(Comment(rawValue: diff)) }
    }

    @Test("operators, supervisors, auditors and review-only consoles open on the queue")
    func others() throws {
        let desk = try DemoDesk()
        for role in [Role.operator, .supervisor, .auditor] {
            var m = try desk.model(Size(width: 80, height: 24), .en, role: role)
            #expect(openForRole(&m) == [] && m.prompt == nil, "\(role)")
        }
        var ro = try desk.model(Size(width: 80, height: 24), .en, role: .staff)
        ro.readOnly = true
        #expect(openForRole(&ro) == [])
    }
}

/// A counsellor does all of `mado consult` in the console: open, care, done, link, note, close.
@Suite("the consultation desk in the console", .serialized)
struct ConsultInConsoleTests {
    static func type(_ m: inout Model, _ text: String) { for c in text { _ = update(&m, .keyPressed(.char(c))) } }

    /// Runs what the keys asked for through the desk, as the program would, and feeds the answers back.
    static func run(_ commands: [Command], _ m: inout Model, _ desk: Desk) throws {
        for c in commands {
            switch c {
            case .consult(let id, let a):
                try desk.consult(a, on: id)
                try run(update(&m, .consulted(id)), &m, desk)
            case .openConsultation(let r): try run(update(&m, .consulted(try desk.openConsultation(r))), &m, desk)
            case .loadConsultations: _ = update(&m, .consultationsLoaded(try desk.consultations()))
            case .loadConsultation(let id): _ = update(&m, .consultationLoaded(id, try desk.consultation(id)))
            case .loadOrganizations: _ = update(&m, .organizationsLoaded(try desk.organizations()))
            default: Issue.record("unexpected \(c)")
            }
        }
    }

    @Test("o opens a new consultation; a, c, d, L and x note, open and complete care, link with consent and close it",
          arguments: [Language.ja, .en])
    func everything(_ lang: Language) throws {
        let demo = try DemoDesk()
        let desk = try demo.desk(.counsellor)
        var m = try demo.model(Size(width: 100, height: 30), lang, role: .counsellor)
        try Self.run(openForRole(&m), &m, desk)
        // New: organization, who, anonymous (Enter is No), what happened, wants (empty), health, no secondary harassment.
        try Self.run(update(&m, .keyPressed(.char("o"))), &m, desk)
        guard case .consult(let c)? = m.prompt, c.step == .newOrganization, !c.organizations.isEmpty else {
            Issue.record("no organization list: \(String(describing: m.prompt))"); return
        }
        if let diff = Golden.check(view(m), "consult-new-\(lang.rawValue)-100x30") { Issue.record(Comment(rawValue: diff)) }
        for key in [Key.enter, .enter, .enter] { _ = update(&m, .keyPressed(key)) }
        Self.type(&m, "客に怒鳴られ眠れない")
        _ = update(&m, .keyPressed(.enter))
        _ = update(&m, .keyPressed(.enter))
        _ = update(&m, .keyPressed(.char("y")))
        let open = update(&m, .keyPressed(.enter))
        #expect(open == [.openConsultation(ConsultationRequest(organization: c.organizations[0].id, anonymous: true, harm: "客に怒鳴られ眠れない",
                                                               mentalHealth: true))])
        try Self.run(open, &m, desk)
        guard case .consultation(let id, _, _)? = m.prompt else { Issue.record("the new consultation is not shown"); return }
        // A note.
        _ = update(&m, .keyPressed(.char("a")))
        Self.type(&m, "面談を設定")
        let note = update(&m, .keyPressed(.enter))
        #expect(note == [.consult(id, .addNote("面談を設定"))])
        try Self.run(note, &m, desk)
        // Care: the kind, then the due date (a week ahead by default).
        _ = update(&m, .keyPressed(.char("c")))
        if let diff = Golden.check(view(m), "consult-care-\(lang.rawValue)-100x30") { Issue.record(Comment(rawValue: diff)) }
        _ = update(&m, .keyPressed(.enter))
        let care = update(&m, .keyPressed(.enter))
        #expect(care == [.consult(id, .openCareTask(.counselling, due: LocalDate(2026, 12, 2)))])
        try Self.run(care, &m, desk)
        let done = { () -> [Command] in
            _ = update(&m, .keyPressed(.char("d")))
            return update(&m, .keyPressed(.enter))
        }()
        #expect(done == [.consult(id, .completeCareTask(.counselling))])
        try Self.run(done, &m, desk)
        // Link: a case number, then the employee's consent; without it nothing is linked.
        _ = update(&m, .keyPressed(.char("L")))
        Self.type(&m, "C-000003")
        _ = update(&m, .keyPressed(.enter))
        if let diff = Golden.check(view(m), "consult-consent-\(lang.rawValue)-100x30") { Issue.record(Comment(rawValue: diff)) }
        #expect(update(&m, .keyPressed(.char("n"))) == [])
        _ = update(&m, .keyPressed(.char("L")))
        Self.type(&m, "C-000003")
        _ = update(&m, .keyPressed(.enter))
        let link = update(&m, .keyPressed(.char("y")))
        #expect(link == [.consult(id, .link(CaseID(number: 3), consent: true))])
        try Self.run(link, &m, desk)
        // Close, with the reason.
        _ = update(&m, .keyPressed(.char("x")))
        Self.type(&m, "ケア完了")
        let close = update(&m, .keyPressed(.enter))
        #expect(close == [.consult(id, .close(reason: "ケア完了"))])
        try Self.run(close, &m, desk)
        let types = try desk.consultation(id).map(\.event.type)
        #expect(types == ["consultationOpened", "consultationNoted", "careTaskOpened", "careTaskDone", "consultationLinked", "consultationClosed"])
        // What the counsellor sees of it is in words, not stored names.
        if let diff = Golden.check(view(m), "consult-closed-\(lang.rawValue)-100x30") { Issue.record(Comment(rawValue: diff)) }
    }

    @Test("a new consultation takes all that mado consult open does: who, name and contact, wants, secondary harassment")
    func named() throws {
        let demo = try DemoDesk()
        let desk = try demo.desk(.counsellor)
        var m = try demo.model(Size(width: 100, height: 30), .ja, role: .counsellor)
        try Self.run(openForRole(&m), &m, desk)
        try Self.run(update(&m, .keyPressed(.char("o"))), &m, desk)
        guard case .consult(let c)? = m.prompt else { Issue.record("no form"); return }
        _ = update(&m, .keyPressed(.enter))
        _ = update(&m, .keyPressed(.char("j")))
        _ = update(&m, .keyPressed(.enter))
        _ = update(&m, .keyPressed(.char("y")))
        Self.type(&m, "山田 太郎")
        _ = update(&m, .keyPressed(.enter))
        Self.type(&m, "090-0000-0000")
        _ = update(&m, .keyPressed(.enter))
        Self.type(&m, "上司に相談したら叱責された")
        _ = update(&m, .keyPressed(.enter))
        Self.type(&m, "担当替え")
        _ = update(&m, .keyPressed(.enter))
        _ = update(&m, .keyPressed(.char("n")))
        _ = update(&m, .keyPressed(.char("j")))
        if let diff = Golden.check(view(m), "consult-secondary-ja-100x30") { Issue.record(Comment(rawValue: diff)) }
        let open = update(&m, .keyPressed(.enter))
        #expect(open == [.openConsultation(ConsultationRequest(organization: c.organizations[0].id, anonymous: false, name: "山田 太郎",
                                                               contact: "090-0000-0000", openedBy: .colleague, harm: "上司に相談したら叱責された",
                                                               wants: "担当替え", mentalHealth: false, secondary: .superior))])
        try Self.run(open, &m, desk)
        guard case .consultation(let id, _, _)? = m.prompt else { Issue.record("the new consultation is not shown"); return }
        guard case .consultationOpened(let p)? = try desk.consultation(id).first?.event else { Issue.record("not recorded"); return }
        #expect(p.openedBy == .colleague && !p.anonymous && p.secondary == .superior && !p.mentalHealth)
        #expect(view(m).textLines.contains { $0.contains("山田 太郎") && $0.contains("上司による二次被害") })
    }

    @Test("Ctrl-C on a half-typed consultation note asks; No goes back to the note, which Enter then records",
          arguments: [Language.ja, .en])
    func discardNote(_ lang: Language) throws {
        let demo = try DemoDesk()
        let desk = try demo.desk(.counsellor)
        let id = try desk.openConsultation(ConsultationRequest(organization: "demo-hotel", anonymous: true, harm: "客に怒鳴られ眠れない"))
        var m = try demo.model(Size(width: 100, height: 30), lang, role: .counsellor)
        m.prompt = .consultation(id, try desk.consultation(id), scroll: 0)
        _ = update(&m, .keyPressed(.char("a")))
        Self.type(&m, "面談は来週、上司の同席なし")
        #expect(update(&m, .keyPressed(.ctrl("c"))) == [])
        guard case .discard(.consult)? = m.prompt else { Issue.record("Ctrl-C did not ask: \(String(describing: m.prompt))"); return }
        if let diff = Golden.check(view(m), "discard-consult-note-\(lang.rawValue)-100x30") { Issue.record(Comment(rawValue: diff)) }
        #expect(update(&m, .keyPressed(.char("n"))) == [])
        #expect(update(&m, .keyPressed(.enter)) == [.consult(id, .addNote("面談は来週、上司の同席なし"))])
    }

    @Test("a supervisor sees the list but may not open one; Esc goes back without recording")
    func refusals() throws {
        let demo = try DemoDesk()
        var m = try demo.model(Size(width: 100, height: 30), .en, role: .supervisor)
        m.prompt = .consultations(selected: 0)
        #expect(update(&m, .keyPressed(.char("o"))) == [] && m.message?.isError == true)
        var c = try demo.model(Size(width: 100, height: 30), .en, role: .counsellor)
        c.prompt = .consultation(ConsultationID(number: 1), [], scroll: 0)
        _ = update(&c, .keyPressed(.char("x")))
        Self.type(&c, "途中")
        #expect(update(&c, .keyPressed(.escape)) == [])
        #expect(update(&c, .keyPressed(.char("y"))) == [])
        #expect(c.prompt == .consultation(ConsultationID(number: 1), [], scroll: 0))
    }
}
