import DeskDomain
@testable import DeskStore
import Foundation
import Testing

@Suite("shifts in the store")
struct ShiftStoreTests {
    static let t0 = TemporaryDatabase.t0

    static func staff(_ db: TemporaryDatabase, _ user: String, _ role: Role) throws {
        try db.store.append([.staffAdded(StaffAdded(user: user, displayName: user, role: role))], to: StreamID("staff-\(user)"),
                            expected: .noStream, actor: "tester", at: t0)
    }

    @Test("a handover written during my shift is shown at my next start; counsellors' and the desk line's stay apart")
    func overlapAndSeparation() throws {
        let db = try TemporaryDatabase()
        try db.registerOrganization()
        try Self.staff(db, "suzuki", .operator)
        try Self.staff(db, "sato", .supervisor)
        try Self.staff(db, "kato", .counsellor)
        let t = { (m: Double) in Self.t0.addingTimeInterval(m * 60) }
        try db.store.startShift("suzuki", at: t(0))
        try db.store.startShift("sato", at: t(1))
        try db.store.endShift("sato", note: "夜間の電話は C-000001 のみ", at: t(2))          // while suzuki is on
        try db.store.startShift("kato", at: t(3))
        try db.store.endShift("kato", note: "K-000001 面談は明日", at: t(4))
        try db.store.endShift("suzuki", note: nil, at: t(5))
        let next = try db.store.startShift("suzuki", at: t(6))
        #expect(next.map(\.user) == ["sato"])
        #expect(try db.store.startShift("kato", at: t(7)).isEmpty)          // their own; and never the desk line's
        #expect(try db.store.handovers(counsellors: true).map(\.user) == ["kato"])
        let kato = try #require(try db.store.handovers(counsellors: true).first)
        #expect(kato.handover.consultations == [] && kato.handover.held.isEmpty)
    }

    @Test("a handover is kept in the log, shown to the next operator at their start, and its note erased on its own")
    func handover() throws {
        let db = try TemporaryDatabase()
        try db.registerOrganization()
        try Self.staff(db, "suzuki", .operator)
        try Self.staff(db, "tanaka", .operator)
        let (held, _) = try db.intake()
        let (other, _) = try db.intake(at: Self.t0.addingTimeInterval(-10 * 86400))     // overdue by now
        try db.store.execute(.assign("suzuki"), on: held, context: DecisionContext(actor: "suzuki", role: .operator), at: Self.t0)
        #expect(try db.store.startShift("suzuki", at: Self.t0).isEmpty)
        #expect(throws: DecideError.invalid(field: "shift", reason: "your shift has already started")) {
            try db.store.startShift("suzuki", at: Self.t0)
        }
        let later = Self.t0.addingTimeInterval(8 * 3600)
        let ended = try db.store.endShift("suzuki", note: "C-000002 の申出人から再度電話あり。折り返し不要。", at: later)
        // 21 September 2026 is a holiday and so are the 22nd and 23rd: the held case is due on the 28th, not near.
        #expect(ended.held == [held] && ended.nearDeadline == [other] && ended.danger.isEmpty)
        #expect(try db.store.isOnShift("suzuki") == false)
        // The next operator reads it when they start; the author does not see their own.
        let unseen = try db.store.startShift("tanaka", at: later.addingTimeInterval(60))
        #expect(unseen.count == 1 && unseen[0].user == "suzuki" && unseen[0].handover.note?.text?.hasPrefix("C-000002") == true)
        #expect(try db.store.startShift("suzuki", at: later.addingTimeInterval(120)).isEmpty)
        let board = try db.store.shiftBoard()
        #expect(board.filter(\.onShift).map(\.member.user) == ["suzuki", "tanaka"])
        #expect(board.first { $0.member.user == "suzuki" }?.held == [held])
        // The note has a subject of its own: erasing it leaves the rest of the handover and the chain.
        let note = try #require(unseen[0].handover.note?.subject)
        _ = try db.store.eraseSubject(note, reason: "retention", actor: "tester", at: later)
        let after = try db.store.handovers(counsellors: false)
        #expect(after.count == 1 && after[0].handover.note?.text == nil && after[0].handover.held == [held])
        #expect(try db.store.verify().firstBad == nil)
        let before = try db.store.projectionSnapshot()
        _ = try db.store.rebuild()
        #expect(try db.store.projectionSnapshot() == before)
    }
}
