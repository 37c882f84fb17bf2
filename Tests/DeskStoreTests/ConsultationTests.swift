import DeskDomain
@testable import DeskStore
import Foundation
import Testing

@Suite("employee consultations")
struct ConsultationTests {
    static let t0 = TemporaryDatabase.t0
    static let harm = "上司から「客に謝れないのか」と責められ、眠れない"

    static func open(_ db: TemporaryDatabase, role: Role = .counsellor) throws -> (ConsultationID, SubjectID) {
        let e = db.store.keyring.newSubject(.employee)
        let id = try db.store.openConsultation(ConsultationOpened(
            organization: "demo-hotel", employee: e, anonymous: false, name: Personal("井上 真理", owner: e),
            contact: Personal("inoue@example.jp", owner: e), harm: Personal(harm, owner: e), wants: Personal("担当替え", owner: e),
            mentalHealth: true, secondary: .superior), actor: "kato", role: role, at: t0)
        return (id, e)
    }

    @Test("every role against every consultation action: only counsellors handle them; each attempt to open one is logged")
    func roleMatrix() throws {
        let db = try TemporaryDatabase()
        try db.registerOrganization()
        for role in Role.allCases where role != .counsellor {
            #expect(throws: DecideError.roleNotAllowed(command: "handle an employee consultation", role: role, needs: .counsellor)) {
                _ = try Self.open(db, role: role)
            }
        }
        db.store.keyring.discardAllPending()
        let (id, e) = try Self.open(db)
        for role in Role.allCases {
            let canList = [.counsellor, .supervisor, .auditor].contains(role)
            #expect(((try? db.store.consultations(role: role)) != nil) == canList, "list as \(role)")
            let read = try? db.store.consultation(id, user: "u-\(role.rawValue)", role: role, at: Self.t0)
            #expect((read != nil) == (role == .counsellor), "open as \(role)")
            let note = ConsultationDecider.Command.addNote(ConsultationText(text: Personal("面談予定", owner: e)))
            let changed = (try? db.store.execute(note, on: id, actor: Actor("u-\(role.rawValue)"), role: role, at: Self.t0)) != nil
            #expect(changed == (role == .counsellor), "change as \(role)")
        }
        // One access record per attempt, on each user's own stream, allowed only for the counsellor.
        for role in Role.allCases {
            let log = try db.store.load(StreamID("access-u-\(role.rawValue)")).map(\.event)
            #expect(log == [.restrictedAccess(RestrictedAccess(record: id.description, user: "u-\(role.rawValue)", role: role,
                                                                allowed: role == .counsellor))], "\(role)")
        }
    }

    @Test("an employee's data is disclosed or erased by a counsellor only, every attempt logged; others don't see the employee exists")
    func employeeSubject() throws {
        let db = try TemporaryDatabase()
        try db.registerOrganization()
        let (id, e) = try Self.open(db)
        let (_, applicant) = try db.intake()
        for role in Role.allCases {
            let ok = (try? db.store.checkSubjectAccess(e, user: "u-\(role.rawValue)", role: role, action: "export", at: Self.t0)) != nil
            #expect(ok == (role == .counsellor), "\(role)")
            #expect(try db.store.load(StreamID("access-u-\(role.rawValue)")).count == 1)
            let applicantOK = (try? db.store.checkSubjectAccess(applicant, user: "x", role: role, action: "export", at: Self.t0)) != nil
            #expect(applicantOK == (role == .supervisor), "\(role)")
            let listed = try db.store.subjects(role: role).contains { $0.id == e }
            #expect(listed == (role == .counsellor), "\(role)")
        }
        let impact = try db.store.erasureImpact(e)
        #expect(impact.map(\.record) == [id.description] && impact[0].fields.contains("consultationOpened.harm"))
    }

    @Test("an employee falls due for erasure once every consultation of theirs closed longer ago than the period")
    func retention() throws {
        let db = try TemporaryDatabase()
        try db.registerOrganization()
        let (id, e) = try Self.open(db)
        #expect(try !db.store.retentionDue(at: Self.t0.addingTimeInterval(10 * 365 * 86400)).contains { $0.subject == e })   // still open
        try db.store.execute(.close(ConsultationText(text: Personal("復職", owner: e))), on: id, actor: "kato", role: .counsellor, at: Self.t0)
        #expect(try !db.store.retentionDue(at: Self.t0.addingTimeInterval(2 * 365 * 86400)).contains { $0.subject == e })
        let due = try db.store.retentionDue(at: Self.t0.addingTimeInterval(4 * 365 * 86400))
        #expect(due.first { $0.subject == e }?.kind == .employee)
        let before = try db.store.projectionSnapshot()
        _ = try db.store.rebuild()
        #expect(try db.store.projectionSnapshot() == before)
    }

    @Test("care tasks have due dates; a consultation closes only when they are done; a link needs the employee's consent")
    func careTasks() throws {
        let db = try TemporaryDatabase()
        try db.registerOrganization()
        let (id, e) = try Self.open(db)
        let (caseID, _) = try db.intake()
        func run(_ c: ConsultationDecider.Command) throws { try db.store.execute(c, on: id, actor: "kato", role: .counsellor, at: Self.t0) }
        #expect(throws: DecideError.invalid(field: "due", reason: "a due date from today on")) {
            try run(.openCareTask(CareTaskOpened(kind: .counselling, due: LocalDate(2026, 9, 1))))
        }
        try run(.openCareTask(CareTaskOpened(kind: .counselling, due: LocalDate(2026, 9, 25))))
        try run(.openCareTask(CareTaskOpened(kind: .workersCompensation, due: LocalDate(2026, 10, 30))))
        #expect(try db.store.consultations(role: .supervisor).first?.careDue.map(\.kind) == [.counselling, .workersCompensation])
        #expect(throws: DecideError.invalid(field: "consultation", reason: "care tasks are still open: counselling, workersCompensation")) {
            try run(.close(ConsultationText(text: Personal("終了", owner: e))))
        }
        #expect(throws: DecideError.invalid(field: "consent", reason: "the employee's consent is needed to link a customer case")) {
            try run(.link(ConsultationLinked(caseID: caseID, consent: false)))
        }
        try run(.link(ConsultationLinked(caseID: caseID, consent: true)))
        try run(.completeCareTask(.counselling))
        try run(.completeCareTask(.workersCompensation))
        try run(.close(ConsultationText(text: Personal("職場復帰", owner: e))))
        #expect(try db.store.consultations(role: .auditor).first?.state == "closed")
        // The customer case knows nothing of it: not its events, not its detail, not its search, not its people.
        let detail = try db.store.caseDetail(caseID, role: .supervisor)
        #expect(!detail.events.contains { $0.event.type.hasPrefix("consultation") || $0.event.type.hasPrefix("care") })
        #expect(try db.store.search("客に謝れない").isEmpty)
        #expect(!(try db.store.subjects(case: caseID, role: .supervisor)).contains { $0.id == e })
        // Nor what the desk discloses to the case's applicant.
        let applicant = try #require(try db.store.subjects(case: caseID, role: .supervisor).first { $0.kind == .applicant }).id
        let disclosed = try db.store.disclose(applicant)
        #expect(!disclosed.fields.contains { ($0.value.text ?? "").contains("客に謝れない") || $0.path.hasPrefix("K-") })
        let before = try db.store.projectionSnapshot()
        _ = try db.store.rebuild()
        #expect(try db.store.projectionSnapshot() == before)
    }

    @Test("the employee's words are sealed: not a byte of them in the database file, and erasing the employee makes them unreadable")
    func sealed() throws {
        let db = try TemporaryDatabase()
        try db.registerOrganization()
        let (id, e) = try Self.open(db)
        _ = id
        for suffix in ["", "-wal", "-journal"] {
            guard let bytes = FileManager.default.contents(atPath: db.path + suffix) else { continue }
            #expect(bytes.range(of: Data(Self.harm.utf8)) == nil && bytes.range(of: Data("inoue@example.jp".utf8)) == nil, "\(suffix)")
        }
        let shown = try db.store.disclose(e)
        #expect(shown.fields.contains { $0.path.hasSuffix("harm") && $0.value.text == Self.harm })
        _ = try db.store.eraseSubject(e, reason: "本人の請求", actor: "kato", at: Self.t0)
        let after = try db.store.consultation(id, user: "kato", role: .counsellor, at: Self.t0)
        guard case .consultationOpened(let p)? = after.first?.event else { Issue.record("no opening event"); return }
        #expect(p.harm.text == nil && p.name?.text == nil)
    }
}
