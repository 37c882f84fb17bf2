import DeskApp
import DeskDomain
@testable import DeskStore
@testable import DeskTUI
import Foundation
import Testing

/// The console greys out by the same role matrix the desk refuses by: for every role, every menu item and every key the
/// console grey out what the desk refuses, and what it greys out for a role the desk refuses when asked anyway.
@Suite("the console and the desk agree", .serialized)
struct ConsoleAgreementTests {
    @Test("every role × every menu item: greyed for the role exactly where the desk refuses it", arguments: Role.allCases)
    func menu(_ role: Role) throws {
        let desk = try DemoDesk()
        // A clerk sees only the cases they handed over: give them one.
        let size = Size(width: 120, height: 30)
        let m = role == .staff ? try RoleConsoleTests.staffModel(desk, .en, size) : try desk.model(size, .en, role: role)
        let id = try #require(m.detail?.summary.id)
        let actor = try desk.desk(role)
        for item in MenuAction.allCases {
            let action = item.intent.action(by: Actor(m.me.user))
            let refusedForRole = DeskError.notAllowed(action, role: role).description
            #expect((m.refusal(item) == refusedForRole) == !RoleMatrix.allows(role, action), "\(role) \(item)")
            guard m.refusal(item) == refusedForRole, let typed = item.action(text: "理由") else { continue }
            // Asked anyway (as the command line would), the desk refuses for the same reason and records nothing.
            let before = try desk.store.version(of: id.streamID)
            #expect(throws: DeskError.notAllowed(action, role: role)) { try actor.act(typed, on: id) }
            #expect(try desk.store.version(of: id.streamID) == before)
        }
    }

    @Test("every role × the console's own keys: refused exactly where the role matrix says", arguments: Role.allCases)
    func keys(_ role: Role) {
        let m = UpdateTests.model(role: role)
        let rows: [(KeyAction, DeskAction)] = [(.handOver, .recordIntake), (.eraseSubject, .eraseSubject), (.showRetention, .runRetention),
                                               (.showMonthly, .readMonthlyTotals), (.shift, .workShift),
                                               (.consultations, .listConsultations), (.addNote, .addNote), (.take, .takeCase),
                                               (.assign, .assignCase)]
        for (key, action) in rows {
            #expect((m.keyRefusal(key) == nil) == RoleMatrix.allows(role, action), "\(role) \(key)")
        }
    }

    @Test("the console's erasure refuses a supervisor's erasure of an employee's data, records the attempt and erases nothing")
    func employeeErasure() throws {
        let desk = try DemoDesk()
        let kato = desk.desk.acting(as: "demo.kato")
        let k = try kato.openConsultation(ConsultationRequest(organization: "demo-hotel", anonymous: true, harm: "眠れない"))
        let employee = try #require(try kato.subjects().first { $0.kind == .employee })
        // A supervisor's console with the erasure dialog on the employee (as if it had been listed) and Erase chosen.
        let backend = TestBackend(size: Size(width: 120, height: 30))
        backend.input = [.key(.tab), .key(.enter)]
        var model = Model(size: backend.size, now: DemoDesk.now, me: DemoDesk.me, language: .en)
        model.prompt = .confirmErase(employee, reason: "retention 2026-11", [ErasureImpact(record: k.description, fields: [])],
                                     eraseFocused: false)
        let p = Program(desk: desk.desk, backend: backend, model: model, watcher: nil)
        p.run()
        #expect(p.model.message?.isError == true
                && p.model.message?.text.contains("may not erase an employee's data; it needs a counsellor") == true,
                "\(String(describing: p.model.message))")
        #expect(try desk.store.subject(employee.id)?.erasedAt == nil)
        let log = try desk.store.load(StreamID("access-tester")).map(\.event)
        #expect(log == [.restrictedAccess(RestrictedAccess(record: employee.id.rawValue, user: "tester", role: .supervisor, allowed: false))])
    }
}
