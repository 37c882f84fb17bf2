import DeskDomain
@testable import DeskStore
import Foundation
import Testing

@Suite("legal hold, retention and disclosure", .serialized)
struct RetentionTests {
    static let sup = TemporaryDatabase.supervisor
    static func years(_ n: Double) -> TimeInterval { n * 365.25 * 86400 }

    /// Takes a case through review, report and closing at `at`.
    static func closeCase(_ db: TemporaryDatabase, _ id: CaseID, at: Date) throws {
        let applicant = try db.store.subjects(case: id, role: .supervisor).first { $0.kind == .applicant }!.id
        for c: CaseCommand in [.startReview,
                               .assess(Assessed(validity: .valid, means: .acceptable, behaviours: [],
                                                reason: Personal("穏当な指摘", owner: applicant))),
                               .classify(Classified(classification: .legitimateComplaint, reason: Personal("正当", owner: applicant))),
                               .draftReport(ReportDrafted(includeName: false, includeContact: false,
                                                          opinion: Personal("案内の改善を勧める", owner: applicant))),
                               .approveReport, .report(Reported(sentTo: "総務部")), .close(Closed(outcome: "resolved"))] {
            try db.store.execute(c, on: id, context: TemporaryDatabase.by(c), at: at)
        }
    }

    @Test("a hold refuses erasure and names the hold; lifting it allows erasure again")
    func hold() throws {
        let db = try TemporaryDatabase()
        try db.registerOrganization()
        let (id, a) = try db.intake()
        try db.store.execute(.placeHold(LegalHoldPlaced(kind: .policeReport, reason: "被害届 第123号")),
                             on: id, context: Self.sup, at: TemporaryDatabase.t0)
        #expect(try db.store.caseSummary(id)?.hold == .policeReport)
        let events = try db.store.eventCount()
        #expect(throws: StoreError.onHold(subject: a.rawValue, case: id.description, kind: "policeReport")) {
            try db.store.eraseSubject(a, reason: "請求", actor: "tester", at: TemporaryDatabase.t0)
        }
        #expect(try db.store.eventCount() == events)
        #expect(try db.store.subjects(case: id, role: .supervisor).first { $0.id == a }?.name?.text == "榊原楓花")
        #expect(throws: DecideError.roleNotAllowed(command: "lift the legal hold", role: .operator, needs: .supervisor)) {
            try db.store.execute(.liftHold(LegalHoldLifted(reason: "終結")), on: id,
                                 context: DecisionContext(actor: "op", role: .operator), at: TemporaryDatabase.t0)
        }
        try db.store.execute(.liftHold(LegalHoldLifted(reason: "捜査終結")), on: id, context: Self.sup, at: TemporaryDatabase.t0)
        #expect(try db.store.eraseSubject(a, reason: "請求", actor: "tester", at: TemporaryDatabase.t0) == .complete)
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
        try db.store.execute(.placeHold(LegalHoldPlaced(kind: .lawsuit, reason: "令和8年(ワ)第100号")),
                             on: c2, context: Self.sup, at: now)
        let (c3, _) = try db.intake(at: old)                   // closed 2 years ago: not due
        try Self.closeCase(db, c3, at: now.addingTimeInterval(-Self.years(2)))
        try db.intake(at: old)                                 // still open: not due
        let due = try db.store.retentionDue(at: now)
        #expect(Set(due.map(\.subject)) == Set([a1] + clerks(db, c1)) && clerks(db, c1).count == 1)
        #expect(due.allSatisfy { $0.cases == [c1] })
        // A shorter period makes the 2-year-old case due too.
        try db.store.append([.retentionSet(RetentionSet(years: 1))], to: OrganizationID("demo-hotel").streamID,
                            expected: .exact(StreamVersion(1)), actor: "tester", at: now)
        #expect(Set(try db.store.retentionDue(at: now).flatMap(\.cases)) == [c1, c3])
    }

    func clerks(_ db: TemporaryDatabase, _ c: CaseID) -> [SubjectID] {
        ((try? db.store.subjects(case: c, role: .supervisor)) ?? []).filter { $0.kind == .staffMember }.map(\.id)
    }

    @Test("a disclosure holds every field of that subject and nothing of any other, and is logged")
    func disclosure() throws {
        let db = try TemporaryDatabase()
        try db.registerOrganization()
        let original = Data(#"{"complaint":"原文"}"#.utf8)
        let (id, a) = try db.intake(original: original)
        try db.store.execute(.addNote(CaseText(text: Personal("二度目の電話", owner: a))), on: id, context: Self.sup,
                             at: TemporaryDatabase.t0)
        try db.intake(name: "別の人", phone: "03-0000-0000", email: nil, complaint: "他人の苦情")
        let d = try db.store.disclose(a)
        try db.store.recordDisclosure(a, reason: "開示請求", actor: "tester", at: TemporaryDatabase.t0)
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
        #expect(try db.store.eraseSubject(a, reason: "請求", actor: "tester", at: TemporaryDatabase.t0) == .complete)
    }

    @Test("a case whose applicant was erased can still be put on hold; a note about them is refused clearly")
    func holdAfterErasure() throws {
        let db = try TemporaryDatabase()
        try db.registerOrganization()
        let (id, a) = try db.intake()
        _ = try db.store.eraseSubject(a, reason: "請求", actor: "tester", at: TemporaryDatabase.t0)
        try db.store.execute(.placeHold(LegalHoldPlaced(kind: .lawsuit, reason: "令和8年(ワ)第100号")), on: id,
                             context: Self.sup, at: TemporaryDatabase.t0)
        #expect(try db.store.caseSummary(id)?.hold == .lawsuit)
        #expect(throws: StoreError.subjectWasErased(a.rawValue)) {
            try db.store.execute(.addNote(CaseText(text: Personal("追記", owner: a))), on: id, context: Self.sup,
                                 at: TemporaryDatabase.t0)
        }
    }

    @Test("escalating a reported case keeps it reported; a rejected submission stays rejected")
    func escalationIsASideTrack() throws {
        let db = try TemporaryDatabase()
        try db.registerOrganization()
        let (id, a) = try db.intake()
        for c: CaseCommand in [.startReview,
                               .assess(Assessed(validity: .invalid, means: .unacceptable, behaviours: [], reason: Personal("不相当", owner: a))),
                               .classify(Classified(classification: .harassment, reason: Personal("不相当", owner: a))),
                               .draftReport(ReportDrafted(includeName: false, includeContact: false, opinion: Personal("打切りを勧める", owner: a))),
                               .approveReport, .report(Reported(sentTo: "総務部")),
                               .escalate(Escalated(target: .lawyer, reason: Personal("弁護士に相談", owner: a)))] {
            try db.store.execute(c, on: id, context: TemporaryDatabase.by(c), at: TemporaryDatabase.t0)
        }
        #expect(try db.store.caseSummary(id)?.status == .reported)
        let (r, b) = try db.intake()
        try db.store.execute(.rejectAsThreat(CaseText(text: Personal("脅迫", owner: b))), on: r, context: Self.sup, at: TemporaryDatabase.t0)
        try db.store.execute(.escalate(Escalated(target: .police, reason: Personal("通報", owner: b))), on: r, context: Self.sup,
                             at: TemporaryDatabase.t0)
        #expect(try db.store.caseSummary(r)?.status == .rejectedThreat)
        #expect(try db.store.caseSummary(r)?.closedAt != nil)
        let live = try db.store.projectionSnapshot()
        _ = try db.store.rebuild()
        #expect(try db.store.projectionSnapshot() == live)
    }
}
