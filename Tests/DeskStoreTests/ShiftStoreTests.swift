import DeskApp
import DeskDomain
@testable import DeskStore
import Foundation
import Testing

@Suite("shifts in the store")
struct ShiftStoreTests {
    static let t0 = TemporaryDatabase.t0

    static func staff(_ db: TemporaryDatabase, _ user: String, _ role: Role) throws { try db.staff(user, role) }

    /// The desk for `user` (on the staff) at `at`.
    static func desk(_ db: TemporaryDatabase, _ user: String, at: Date = t0) throws -> Desk {
        try db.desk(user, .operator, at: at)
    }

    @Test("a handover written during my shift is shown at my next start; counsellors' and the desk line's stay apart")
    func overlapAndSeparation() throws {
        let db = try TemporaryDatabase()
        try db.registerOrganization()
        try Self.staff(db, "suzuki", .operator)
        try Self.staff(db, "sato", .supervisor)
        try Self.staff(db, "kato", .counsellor)
        let t = { (m: Double) in Self.t0.addingTimeInterval(m * 60) }
        try Self.desk(db, "suzuki", at: t(0)).startShift()
        try Self.desk(db, "sato", at: t(1)).startShift()
        try Self.desk(db, "sato", at: t(2)).endShift(note: "夜間の電話は C-000001 のみ")          // while suzuki is on
        try Self.desk(db, "kato", at: t(3)).startShift()
        try Self.desk(db, "kato", at: t(4)).endShift(note: "K-000001 面談は明日")
        try Self.desk(db, "suzuki", at: t(5)).endShift(note: nil)
        let next = try Self.desk(db, "suzuki", at: t(6)).startShift()
        #expect(next.map(\.user) == ["sato"])
        #expect(try Self.desk(db, "kato", at: t(7)).startShift().isEmpty)          // their own; and never the desk line's
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
        try Self.desk(db, "suzuki").act(.assign(to: "suzuki"), on: held)
        #expect(try Self.desk(db, "suzuki").startShift().isEmpty)
        #expect(throws: DeskError.decided(.invalid(field: "shift", reason: "your shift has already started"))) {
            try Self.desk(db, "suzuki").startShift()
        }
        let later = Self.t0.addingTimeInterval(8 * 3600)
        let ended = try Self.desk(db, "suzuki", at: later).endShift(note: "C-000002 の申出人から再度電話あり。折り返し不要。")
        // 21 September 2026 is a holiday and so are the 22nd and 23rd: the held case is due on the 28th, not near.
        #expect(ended.held == [held] && ended.nearDeadline == [other] && ended.danger.isEmpty)
        #expect(try db.store.isOnShift("suzuki") == false)
        // The next operator reads it when they start; the author does not see their own.
        let unseen = try Self.desk(db, "tanaka", at: later.addingTimeInterval(60)).startShift()
        #expect(unseen.count == 1 && unseen[0].user == "suzuki" && unseen[0].handover.note?.text?.hasPrefix("C-000002") == true)
        #expect(try Self.desk(db, "suzuki", at: later.addingTimeInterval(120)).startShift().isEmpty)
        let board = try db.desk().shiftBoard(everyone: true)
        #expect(board.filter(\.onShift).map(\.member.user) == ["suzuki", "tanaka"])
        #expect(board.first { $0.member.user == "suzuki" }?.held == [held])
        // The note has a subject of its own: erasing it leaves the rest of the handover and the chain.
        let note = try #require(unseen[0].handover.note?.subject)
        _ = try db.desk(at: later).erase(note, reason: "retention")
        let after = try db.store.handovers(counsellors: false)
        #expect(after.count == 1 && after[0].handover.note?.text == nil && after[0].handover.held == [held])
        #expect(try db.store.verify().firstBad == nil)
        let before = try db.store.projectionSnapshot()
        _ = try db.store.rebuild()
        #expect(try db.store.projectionSnapshot() == before)
    }
}
