import DeskDomain
import DeskStore
import Foundation
import Testing

@Suite("desk work: due dates, tasks, monthly totals")
struct DeskWorkTests {
    static let sup = TemporaryDatabase.supervisor
    static func jst(_ s: String) -> Date { ISO8601DateFormatter().date(from: s)! }

    @Test("an intake at 23:50 on a Friday is due as a Friday's; ten minutes later it is a Saturday's, which is the same day")
    func lateFriday() throws {
        let db = try TemporaryDatabase()
        try db.registerOrganization()
        let (fri, _) = try db.intake(at: Self.jst("2026-11-20T23:50:00+09:00"))
        let (sat, _) = try db.intake(at: Self.jst("2026-11-21T00:10:00+09:00"))
        let (thu, _) = try db.intake(at: Self.jst("2026-11-19T23:50:00+09:00"))
        // Friday 20 → Tue 24, Wed 25, Thu 26 (Monday 23 is Labour Thanksgiving Day).
        #expect(try db.store.caseSummary(fri)?.reportDueOn.description == "2026-11-26")
        #expect(try db.store.caseSummary(sat)?.reportDueOn.description == "2026-11-26")
        #expect(try db.store.caseSummary(thu)?.reportDueOn.description == "2026-11-25")
    }

    @Test("a rejected threat leaves the queue's open cases, keeps its evidence and opens two tasks until they are done")
    func rejection() throws {
        let db = try TemporaryDatabase()
        try db.registerOrganization()
        let original = Data("店に火をつけてやる".utf8)
        let (id, a) = try db.intake(complaint: "店に火をつけてやる", original: original)
        let op = DecisionContext(actor: "op", role: .operator)
        try db.store.execute(.rejectAsThreat(CaseText(text: Personal("放火の予告", owner: a))), on: id, context: op, at: TemporaryDatabase.t0)
        #expect(try db.store.caseSummary(id)?.status == .rejectedThreat)
        #expect(try db.store.tasks(openOnly: true).map(\.kind) == [.notifyOrganization, .policeReport])
        #expect(try db.store.disclose(a).originals.first?.1 == original)
        try db.store.execute(.completeTask(TaskDone(kind: .policeReport, reference: "新宿署 受理 R8-123")), on: id, context: op,
                             at: TemporaryDatabase.t0.addingTimeInterval(60))
        #expect(try db.store.tasks(openOnly: true).map(\.kind) == [.notifyOrganization])
        let done = try #require(try db.store.tasks(openOnly: false).first { $0.kind == .policeReport })
        #expect(done.doneBy == "op" && done.reference == "新宿署 受理 R8-123")
        #expect(throws: DecideError.invalid(field: "task", reason: "the case has no open policeReport task")) {
            try db.store.execute(.completeTask(TaskDone(kind: .policeReport, reference: "again")), on: id, context: op, at: TemporaryDatabase.t0)
        }
    }

    @Test("the monthly totals from the log equal those from the projections and from a full replay, before and after rebuild")
    func totalsAgree() throws {
        let db = try TemporaryDatabase()
        let now = Self.jst("2026-11-25T09:00:00+09:00")
        _ = try DemoData(seed: 1, now: now).fill(db.store)
        let today = LocalDate(japanTime: now)
        var checked = 0
        for org in try db.store.organizationIDs() {
            for month in [Month("2026-10")!, Month("2026-11")!] {
                let fromLog = try db.store.monthlyTotalsFromLog(organization: org, month: month, asOf: today)
                var tally = MonthlyTally(organization: org, month: month)
                _ = try db.store.replay { e in
                    tally.add(stream: e.stream.rawValue, at: Self.utc(e.recordedAt), event: e.event)
                }
                #expect(fromLog == tally.totals(asOf: today))
                #expect(fromLog == (try db.store.monthlyTotals(organization: org, month: month, asOf: today)), "\(org) \(month)")
                #expect(fromLog.byChannel.values.reduce(0, +) == fromLog.cases)
                #expect(fromLog.byState.values.reduce(0, +) == fromLog.cases)
                #expect(fromLog.byLane.values.reduce(0, +) == fromLog.cases)
                checked += fromLog.cases
            }
        }
        #expect(checked == 48)
        let before = try db.store.monthlyTotals(organization: "demo-hotel", month: Month("2026-11")!, asOf: today)
        #expect(before.rejectedThreats + before.reportsLate > 0 && before.byBehaviour.values.reduce(0, +) > 0)
        _ = try db.store.rebuild()
        #expect(try db.store.monthlyTotals(organization: "demo-hotel", month: Month("2026-11")!, asOf: today) == before)
    }

    @Test("a case belongs to the month of its intake in Japan time; a report is late only after its due day")
    func boundaries() throws {
        let db = try TemporaryDatabase()
        try db.registerOrganization()
        let (oct, a) = try db.intake(at: Self.jst("2026-10-30T23:30:00+09:00"))   // Friday: Mon 2, Wed 4, Thu 5 Nov (3 Nov is a holiday)
        try db.intake(at: Self.jst("2026-11-01T00:10:00+09:00"))
        let octTotals = { (day: LocalDate) in
            try db.store.monthlyTotalsFromLog(organization: "demo-hotel", month: Month("2026-10")!, asOf: day)
        }
        #expect(try db.store.caseSummary(oct)?.reportDueOn.description == "2026-11-05")
        #expect(try octTotals(LocalDate(2026, 11, 5)).cases == 1)
        #expect(try octTotals(LocalDate(2026, 11, 5)).reportsLate == 0)
        #expect(try octTotals(LocalDate(2026, 11, 6)).reportsLate == 1)
        #expect(try db.store.monthlyTotalsFromLog(organization: "demo-hotel", month: Month("2026-11")!, asOf: LocalDate(2026, 11, 5)).cases == 1)
        // Reported on the due day: on time, however late the totals are counted.
        for c: CaseCommand in [.startReview,
                               .assess(Assessed(validity: .valid, means: .acceptable, behaviours: [.repeatContact], reason: Personal("穏当", owner: a))),
                               .classify(Classified(classification: .legitimateComplaint, reason: Personal("正当", owner: a))),
                               .draftReport(ReportDrafted(includeName: false, includeContact: false, opinion: Personal("改善を勧める", owner: a))),
                               .approveReport, .report(Reported(sentTo: "総務部"))] {
            try db.store.execute(c, on: oct, context: TemporaryDatabase.by(c), at: Self.jst("2026-11-05T18:00:00+09:00"))
        }
        let later = try octTotals(LocalDate(2026, 12, 1))
        #expect(later.reportsLate == 0 && later.byState["reported"] == 1 && later.byBehaviour["repeatContact"] == 1)
        #expect(later.byClassification["legitimateComplaint"] == 1)
        #expect(later == (try db.store.monthlyTotals(organization: "demo-hotel", month: Month("2026-10")!, asOf: LocalDate(2026, 12, 1))))
    }

    @Test("contact details in a report open only for the desk's line, even when the draft includes them")
    func contactVisibility() throws {
        let db = try TemporaryDatabase()
        try db.registerOrganization()
        let (id, a) = try db.intake()
        for c: CaseCommand in [.startReview,
                               .assess(Assessed(validity: .valid, means: .acceptable, behaviours: [], reason: Personal("穏当", owner: a))),
                               .draftReport(ReportDrafted(includeName: true, includeContact: true, opinion: Personal("改善を勧める", owner: a)))] {
            try db.store.execute(c, on: id, context: Self.sup, at: TemporaryDatabase.t0)
        }
        for role in Role.allCases {
            let r = try db.store.caseReport(id, role: role)
            let text = r.text() + r.json()
            #expect(text.contains("榊原楓花") == role.seesContactDetails, "\(role)")
            #expect(text.contains("090-7346-2281") == role.seesContactDetails, "\(role)")
            #expect(text.contains("kaede@example.jp") == role.seesContactDetails, "\(role)")
            #expect(text.contains("改善を勧める"))
        }
    }

    @Test("an attachment's file name is shown only to the roles that see the applicant's name")
    func attachmentNames() throws {
        let db = try TemporaryDatabase()
        try db.registerOrganization()
        let a = db.store.keyring.newSubject(.applicant)
        let file = try db.store.sealEvidence(Data("%PDF-1.4".utf8), subject: a)
        let intake = IntakeRecorded(organization: "demo-hotel", channel: .email, language: .ja,
                                    applicant: Applicant(subject: a, anonymous: false, name: Personal("山田花子", owner: a)),
                                    complaint: Personal("見積が違う", owner: a),
                                    attachments: [AttachmentRef(evidence: file.hash, name: Personal("山田花子_見積.pdf", owner: a),
                                                                mediaType: "application/pdf", bytes: 8)])
        let id = try db.store.appendNewCase([.intakeRecorded(intake)], actor: "tester", at: Self.t0, attachments: [file])
        for role in Role.allCases {
            let items = try db.store.evidence(of: id, role: role)
            #expect(items.count == 1 && (items[0].label == "山田花子_見積.pdf") == role.seesContactDetails, "\(role)")
            #expect(items[0].content == Data("%PDF-1.4".utf8))
        }
    }

    static let t0 = TemporaryDatabase.t0

    static func utc(_ s: String) -> Date {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.date(from: s)!
    }
}
