import DeskApp
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
        let program = Program(desk: desk.desk, backend: backend, model: model, watcher: nil)
        program.run()
        let first = try #require(backend.firstScreen).textLines.joined(separator: "\n")
        let h = try desk.store.queueHead(limit: 1, today: LocalDate(japanTime: DemoDesk.now))
        #expect(h.total == 48 && h.danger > 0 && h.overdue > 0)
        #expect(first.contains("Queue 48  DANGER \(h.danger)  overdue \(h.overdue)  (Loading…)"))
        #expect(first.contains("> C-000005"))
        #expect(program.model.loaded && program.model.rows.count == 48 && program.model.detail?.summary.id == CaseID(number: 5))
        #expect(backend.isShutDown)
    }

    @Test("Ctrl-Z suspends through the backend, then the whole screen is drawn again")
    func suspend() throws {
        let desk = try DemoDesk()
        let backend = TestBackend(size: Size(width: 120, height: 30))
        backend.input = [.key(.char("j")), .key(.ctrl("z")), .key(.char("j"))]
        let model = Model(size: backend.size, now: DemoDesk.now, me: DemoDesk.me, language: .en)
        let program = Program(desk: desk.desk, backend: backend, model: model, watcher: nil)
        program.run()
        #expect(backend.suspensions == 1)
        #expect(backend.fullFrames == 2)          // the first frame and the one after fg
        #expect(program.model.selectedIndex == 2)
    }

    @Test("a hang-up or a lost terminal ends the run with that ending, and removes this console's presence (issue 17)",
          arguments: [(BackendEvent.hangUp, Program.Ending.hangUp), (.terminalLost, .terminalLost), (.terminate, .quit)])
    func terminalGone(_ event: BackendEvent, _ ending: Program.Ending) throws {
        let desk = try DemoDesk()
        let backend = TestBackend(size: Size(width: 120, height: 30))
        backend.input = [.key(.char("j")), .key(.char("j")), event, .key(.char("a"))]
        var seen: [[Viewer]] = []
        backend.onDraw = { _ in seen.append((try? desk.desk.viewers(excludingMe: false)) ?? []) }
        let model = Model(size: backend.size, now: DemoDesk.now, me: DemoDesk.me, language: .en)
        let program = Program(desk: desk.desk, backend: backend, model: model, watcher: nil)
        #expect(program.run() == ending)
        #expect(seen.contains { !$0.isEmpty }, "the console announced itself while it ran")
        #expect(try desk.desk.viewers(excludingMe: false).isEmpty)
        #expect(backend.input == [.key(.char("a"))], "nothing read after the end")
        #expect(program.model.prompt == nil)
        #expect(backend.isShutDown)
    }
}

/// Another terminal appends: the queue takes in only the changed cases, and ends up as a full reload would.
@Suite("incremental refresh", .serialized)
struct IncrementalRefreshTests {
    @Test("notes, a new case, a closed case and an erasure merge into the same queue a full reload gives")
    func mergeEqualsReload() throws {
        let desk = try DemoDesk()
        var m = Model(size: Size(width: 120, height: 30), now: DemoDesk.now, me: DemoDesk.me, language: .en)
        let first = try desk.store.queueSnapshot()
        _ = update(&m, .queueLoaded(first.rows, through: first.through))
        m.selectedID = CaseID(number: 12)
        // Changes from "another terminal".
        try desk.desk.act(.addNote("確認"), on: CaseID(number: 7))
        let closing = try #require(try desk.store.allCases().first { $0.status == .reported })
        try desk.desk.act(.close(outcome: "done"), on: closing.id)
        let newID = try desk.desk.handOver(CounterReport(organization: "demo-rail", complaint: "二時間の抗議",
                                                         facts: { var f = FactSheet(); f.refusesToLeave = true; return f }())).id
        let victim = try #require(try desk.desk.subjects(of: CaseID(number: 3)).first { $0.kind == .applicant })
        _ = try desk.desk.erase(victim.id, reason: "APPI 12")

        #expect(update(&m, .logAdvanced) == [.loadChanges(since: first.through), .loadViewers])
        let changes = try desk.store.casesChanged(after: first.through)
        #expect(Set(changes.rows.map(\.id)).isSuperset(of: [CaseID(number: 7), closing.id, newID, CaseID(number: 3)]))
        #expect(changes.rows.count < 10)        // not the whole queue
        _ = update(&m, .queueChanged(changes.rows, through: changes.through))
        #expect(m.rows == (try desk.store.allCases()))
        #expect(m.newCount == 1 && m.selectedID == CaseID(number: 12) && m.seenPosition == changes.through)
        // An answer that is not newer than what was seen changes nothing.
        #expect(update(&m, .queueChanged([], through: first.through)) == [])
    }
}
