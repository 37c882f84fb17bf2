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
