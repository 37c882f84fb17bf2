import DeskApp
import DeskDomain
@testable import DeskStore
import Foundation
import Testing

@Suite("legal hold, retention and disclosure", .serialized)
struct RetentionTests {
    static func years(_ n: Double) -> TimeInterval { n * 365.25 * 86400 }

    /// Takes a case through review, report and closing at `at`.
    static func closeCase(_ db: TemporaryDatabase, _ id: CaseID, at: Date) throws {
        for c: CaseAction in [.startReview, .assess(validity: .valid, means: .acceptable, behaviours: [], reason: "穏当な指摘", opinion: nil),
                              .classify(.legitimateComplaint, reason: "正当"),
                              .draftReport(opinion: "案内の改善を勧める", includeName: false, includeContact: false),
                              .approveReport, .report(sentTo: "総務部"), .close(outcome: "resolved")] {
            try db.act(c, on: id, at: at)
        }
    }

    @Test("a hold refuses erasure and names the hold; lifting it allows erasure again")
    func hold() throws {
        let db = try TemporaryDatabase()
        try db.registerOrganization()
        let (id, a) = try db.intake()
        try db.act(.placeHold(.policeReport, reason: "被害届 第123号"), on: id)
        #expect(try db.store.caseSummary(id)?.hold == .policeReport)
        let events = try db.store.eventCount()
        #expect(throws: StoreError.onHold(subject: a.rawValue, case: id.description, kind: "policeReport")) {
            try db.desk().erase(a, reason: "請求")
        }
        #expect(try db.store.eventCount() == events)
        #expect(try db.desk().subjects(of: id).first { $0.id == a }?.name?.text == "榊原楓花")
        #expect(throws: DeskError.notAllowed(.liftHold, role: .operator)) {
            try db.desk("op", .operator).act(.liftHold(reason: "終結"), on: id)
        }
        try db.act(.liftHold(reason: "捜査終結"), on: id)
        #expect(try db.desk().erase(a, reason: "請求") == .complete)
    }

    @Test("retention lists exactly the subjects whose every case closed longer ago than the period, not held")
    func retentionDue() throws {
        let db = try TemporaryDatabase()
        try db.registerOrganization()
        let now = TemporaryDatabase.t0
        let old = now.addingTimeInterval(-Self.years(4))
        let (c1, a1) = try db.intake(at: old)                  // closed 4 years ago: due
        try Self.closeCase(db, c1, at: old)
        let (c2, _) = try db.intake(at: old)                   // closed 4 years ago but held: not due
        try Self.closeCase(db, c2, at: old)
        try db.act(.placeHold(.lawsuit, reason: "令和8年(ワ)第100号"), on: c2, at: now)
        let (c3, _) = try db.intake(at: old)                   // closed 2 years ago: not due
        try Self.closeCase(db, c3, at: now.addingTimeInterval(-Self.years(2)))
        try db.intake(at: old)                                 // still open: not due
        let due = try db.store.retentionDue(at: now)
        #expect(Set(due.map(\.subject)) == Set([a1] + clerks(db, c1)) && clerks(db, c1).count == 1)
        #expect(due.allSatisfy { $0.cases == [c1] })
        // A shorter period makes the 2-year-old case due too.
        try db.desk(at: now).setRetention("demo-hotel", years: 1)
        #expect(Set(try db.store.retentionDue(at: now).flatMap(\.cases)) == [c1, c3])
    }

    func clerks(_ db: TemporaryDatabase, _ c: CaseID) -> [SubjectID] {
        ((try? db.store.subjects(of: c)) ?? []).filter { $0.kind == .staffMember }.map(\.id)
    }

    @Test("a disclosure holds every field of that subject and nothing of any other, and is logged")
    func disclosure() throws {
        let db = try TemporaryDatabase()
        try db.registerOrganization()
        let original = Data(#"{"complaint":"原文"}"#.utf8)
        let (id, a) = try db.intake(original: original)
        try db.act(.addNote("二度目の電話"), on: id)
        try db.intake(name: "別の人", phone: "03-0000-0000", email: nil, complaint: "他人の苦情")
        let d = try db.desk().disclose(a, reason: "開示請求")
        try db.desk().recordDisclosure(a, reason: "開示請求")
        let byPath = Dictionary(uniqueKeysWithValues: d.fields.map { ("\($0.eventType).\($0.path)", $0.value.text ?? "") })
        #expect(byPath == [
            "intakeRecorded.applicant.name": "榊原楓花", "intakeRecorded.applicant.phone": "090-7346-2281",
            "intakeRecorded.applicant.email": "kaede@example.jp",
            "intakeRecorded.complaint": "フロントで二時間怒鳴られた。鍵盤楽器の検証用文言を三回叫んだ",
            "intakeRecorded.requests": "謝罪してほしい", "noteAdded.text": "二度目の電話",
        ])
        #expect(d.originals.map(\.bytes) == [original])
        let logged = try db.store.load(a.streamID)
        #expect(logged.map(\.event) == [.subjectExported(SubjectExported(subject: a, reason: "開示請求"))])
        // Erasure after a disclosure still works (the subject's stream already exists).
        #expect(try db.desk().erase(a, reason: "請求") == .complete)
    }

    @Test("a case whose applicant was erased can still be put on hold; a note about them is refused clearly")
    func holdAfterErasure() throws {
        let db = try TemporaryDatabase()
        try db.registerOrganization()
        let (id, a) = try db.intake()
        _ = try db.desk().erase(a, reason: "請求")
        try db.act(.placeHold(.lawsuit, reason: "令和8年(ワ)第100号"), on: id)
        #expect(try db.store.caseSummary(id)?.hold == .lawsuit)
        #expect(throws: StoreError.subjectWasErased(a.rawValue)) { try db.act(.addNote("追記"), on: id) }
    }

    @Test("escalating a reported case keeps it reported; a rejected submission stays rejected")
    func escalationIsASideTrack() throws {
        let db = try TemporaryDatabase()
        try db.registerOrganization()
        let (id, _) = try db.intake()
        for c: CaseAction in [.startReview, .assess(validity: .invalid, means: .unacceptable, behaviours: [], reason: "不相当", opinion: nil),
                              .classify(.harassment, reason: "不相当"),
                              .draftReport(opinion: "打切りを勧める", includeName: false, includeContact: false),
                              .approveReport, .report(sentTo: "総務部"), .escalate(.lawyer, reason: "弁護士に相談")] {
            try db.act(c, on: id)
        }
        #expect(try db.store.caseSummary(id)?.status == .reported)
        let (r, _) = try db.intake()
        try db.act(.rejectAsThreat(reason: "脅迫"), on: r)
        try db.act(.escalate(.police, reason: "通報"), on: r)
        #expect(try db.store.caseSummary(r)?.status == .rejectedThreat)
        #expect(try db.store.caseSummary(r)?.closedAt != nil)
        let live = try db.store.projectionSnapshot()
        _ = try db.store.rebuild()
        #expect(try db.store.projectionSnapshot() == live)
    }
}
