import DeskDomain
@testable import DeskStore
@testable import DeskTUI
import Foundation
import Testing

/// The runtime loop on a real demo database, headless.
@Suite("program")
struct ProgramTests {
    @Test("the first frame is the top of the queue; the whole queue and the case follow before any key is read")
    func firstFrame() throws {
        let desk = try DemoDesk()
        let backend = TestBackend(size: Size(width: 120, height: 30))
        let model = Model(size: backend.size, now: DemoDesk.now, me: DemoDesk.me, language: .en)
        let program = Program(store: desk.store, backend: backend, model: model, notifier: nil)
        program.run()
        let first = try #require(backend.firstScreen).textLines.joined(separator: "\n")
        #expect(first.contains("Queue 48  DANGER 7  overdue 22  (Loading…)"))
        #expect(first.contains("> C-000005"))
        #expect(program.model.loaded && program.model.rows.count == 48 && program.model.detail?.row.id == CaseID(number: 5))
        #expect(backend.isShutDown)
    }

    @Test("Ctrl-Z suspends through the backend, then the whole screen is drawn again")
    func suspend() throws {
        let desk = try DemoDesk()
        let backend = TestBackend(size: Size(width: 120, height: 30))
        backend.input = [.key(.char("j")), .key(.ctrl("z")), .key(.char("j"))]
        let model = Model(size: backend.size, now: DemoDesk.now, me: DemoDesk.me, language: .en)
        let program = Program(store: desk.store, backend: backend, model: model, notifier: nil)
        program.run()
        #expect(backend.suspensions == 1)
        #expect(backend.fullFrames == 2)          // the first frame and the one after fg
        #expect(program.model.selectedIndex == 2)
    }
}
