import DeskApp
import DeskDomain
@testable import DeskStore
import Foundation
import Testing

@Suite("employee consultations")
struct ConsultationTests {
    static let t0 = TemporaryDatabase.t0
    static let harm = "上司から「客に謝れないのか」と責められ、眠れない"
    static let request = ConsultationRequest(organization: "demo-hotel", anonymous: false, name: "井上 真理", contact: "inoue@example.jp",
                                             harm: harm, wants: "担当替え", mentalHealth: true, secondary: .superior)

    static func open(_ db: TemporaryDatabase, role: Role = .counsellor) throws -> (ConsultationID, SubjectID) {
        let id = try db.desk(role == .counsellor ? "kato" : "u-\(role.rawValue)", role).openConsultation(request)
        guard case .consultationOpened(let p)? = try db.store.load(id.streamID, after: 0, visibility: .none).first?.event else {
            throw DeskError.noSuchConsultation(id.description)
        }
        return (id, p.employee)
    }

    @Test("every role against every consultation action: only counsellors handle them; each attempt to open one is logged")
    func roleMatrix() throws {
        let db = try TemporaryDatabase()
        try db.registerOrganization()
        for role in Role.allCases where role != .counsellor {
            #expect(throws: DeskError.notAllowed(.openConsultation, role: role)) { _ = try Self.open(db, role: role) }
        }
        let (id, _) = try Self.open(db)
        for role in Role.allCases {
            let desk = try db.desk("u-\(role.rawValue)", role)
            let canList = [.counsellor, .supervisor, .auditor].contains(role)
            #expect(((try? desk.consultations()) != nil) == canList, "list as \(role)")
            let read = try? desk.consultation(id)
            #expect((read != nil) == (role == .counsellor), "open as \(role)")
            let changed = (try? desk.consult(.addNote("面談予定"), on: id)) != nil
            #expect(changed == (role == .counsellor), "change as \(role)")
        }
        // One access record per attempt (the reading and the note), on each user's own stream, refused ones too; allowed only
        // for the counsellor.
        for role in Role.allCases {
            let log = try db.store.load(StreamID("access-u-\(role.rawValue)")).map(\.event)
            let one = DeskEvent.restrictedAccess(RestrictedAccess(record: id.description, user: "u-\(role.rawValue)", role: role,
                                                                  allowed: role == .counsellor))
            #expect(log == [one, one], "\(role)")
        }
    }

    @Test("an employee's data is disclosed or erased by a counsellor only, every attempt logged; others don't see the employee exists")
    func employeeSubject() throws {
        let db = try TemporaryDatabase()
        try db.registerOrganization()
        let (id, e) = try Self.open(db)
        let (_, applicant) = try db.intake()
        for role in Role.allCases {
            let desk = try db.desk("u-\(role.rawValue)", role)
            let ok = (try? desk.disclose(e, reason: "開示請求")) != nil
            #expect(ok == (role == .counsellor), "\(role)")
            #expect(try db.store.load(StreamID("access-u-\(role.rawValue)")).count == 1)
            let applicantOK = (try? desk.disclose(applicant, reason: "開示請求")) != nil
            #expect(applicantOK == (role == .supervisor), "\(role)")
            let listed = try desk.subjects().contains { $0.id == e }
            #expect(listed == (role == .counsellor), "\(role)")
        }
        let impact = try db.desk("kato", .counsellor).erasureImpact(e)
        #expect(impact.map(\.record) == [id.description] && impact[0].fields.contains("consultationOpened.harm"))
    }

    @Test("an employee falls due for erasure once every consultation of theirs closed longer ago than the period")
    func retention() throws {
        let db = try TemporaryDatabase()
        try db.registerOrganization()
        let (id, e) = try Self.open(db)
        #expect(try !db.store.retentionDue(at: Self.t0.addingTimeInterval(10 * 365 * 86400)).contains { $0.subject == e })   // still open
        try db.desk("kato", .counsellor).consult(.close(reason: "復職"), on: id)
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
        let kato = try db.desk("kato", .counsellor)
        func run(_ a: ConsultationAction) throws { try kato.consult(a, on: id) }
        #expect(throws: DeskError.decided(.invalid(field: "due", reason: "a due date from today on"))) {
            try run(.openCareTask(.counselling, due: LocalDate(2026, 9, 1)))
        }
        try run(.openCareTask(.counselling, due: LocalDate(2026, 9, 25)))
        try run(.openCareTask(.workersCompensation, due: LocalDate(2026, 10, 30)))
        #expect(try db.desk().consultations().first?.careDue.map(\.kind) == [.counselling, .workersCompensation])
        #expect(throws: DeskError.decided(.invalid(field: "consultation", reason: "care tasks are still open: counselling, workersCompensation"))) {
            try run(.close(reason: "終了"))
        }
        #expect(throws: DeskError.decided(.invalid(field: "consent", reason: "the employee's consent is needed to link a customer case"))) {
            try run(.link(caseID, consent: false))
        }
        try run(.link(caseID, consent: true))
        try run(.completeCareTask(.counselling))
        try run(.completeCareTask(.workersCompensation))
        try run(.close(reason: "職場復帰"))
        #expect(try db.desk("ito", .auditor).consultations().first?.state == "closed")
        // The customer case knows nothing of it: not its events, not its detail, not its search, not its people.
        let detail = try db.desk().caseDetail(caseID)
        #expect(!detail.events.contains { $0.event.type.hasPrefix("consultation") || $0.event.type.hasPrefix("care") })
        #expect(try db.store.search("客に謝れない").isEmpty)
        #expect(!(try db.desk().subjects(of: caseID)).contains { $0.id == e })
        // Nor what the desk discloses to the case's applicant.
        let applicant = try #require(try db.desk().subjects(of: caseID).first { $0.kind == .applicant }).id
        let disclosed = try db.desk().disclose(applicant, reason: "開示請求")
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
        for suffix in ["", "-wal", "-journal"] {
            guard let bytes = FileManager.default.contents(atPath: db.path + suffix) else { continue }
            #expect(bytes.range(of: Data(Self.harm.utf8)) == nil && bytes.range(of: Data("inoue@example.jp".utf8)) == nil, "\(suffix)")
        }
        let kato = try db.desk("kato", .counsellor)
        let shown = try kato.disclose(e, reason: "開示請求")
        #expect(shown.fields.contains { $0.path.hasSuffix("harm") && $0.value.text == Self.harm })
        _ = try kato.erase(e, reason: "本人の請求")
        let after = try kato.consultation(id)
        guard case .consultationOpened(let p)? = after.first?.event else { Issue.record("no opening event"); return }
        #expect(p.harm.text == nil && p.name?.text == nil)
    }
}
