import DeskApp
import DeskDomain
import DeskStore
import Foundation
import Testing

@Suite("desk work: due dates, tasks, monthly totals")
struct DeskWorkTests {
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
        let op = try db.desk("op", .operator)
        try op.act(.rejectAsThreat(reason: "放火の予告"), on: id)
        #expect(try db.store.caseSummary(id)?.status == .rejectedThreat)
        #expect(try db.store.tasks(openOnly: true).map(\.kind) == [.notifyOrganization, .policeReport])
        #expect(try db.desk().disclose(a, reason: "開示請求").originals.first?.1 == original)
        try db.desk("op", .operator, at: TemporaryDatabase.t0.addingTimeInterval(60))
            .act(.completeTask(.policeReport, reference: "新宿署 受理 R8-123"), on: id)
        #expect(try db.store.tasks(openOnly: true).map(\.kind) == [.notifyOrganization])
        let done = try #require(try db.store.tasks(openOnly: false).first { $0.kind == .policeReport })
        #expect(done.doneBy == "op" && done.reference == "新宿署 受理 R8-123")
        #expect(throws: DeskError.decided(.invalid(field: "task", reason: "the case has no open policeReport task"))) {
            try op.act(.completeTask(.policeReport, reference: "again"), on: id)
        }
    }

    @Test("the monthly totals from the log equal those from the projections and from a full replay, before and after rebuild")
    func totalsAgree() throws {
        let db = try TemporaryDatabase()
        let now = Self.jst("2026-11-25T09:00:00+09:00")
        _ = try DemoData(seed: 1, now: now).fill(db.desk())
        let today = LocalDate(japanTime: now)
        let desk = try db.desk(at: now)
        var checked = 0
        for org in try db.store.organizations().map(\.id) {
            for month in [Month("2026-10")!, Month("2026-11")!] {
                let fromLog = try desk.monthlyTotals(org, month: month).totals
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
        func totals(_ month: String, _ day: LocalDate) throws -> MonthlyTotals {
            try db.desk(at: Self.jst("\(day)T12:00:00+09:00")).monthlyTotals("demo-hotel", month: Month(month)!).totals
        }
        let octTotals = { (day: LocalDate) in try totals("2026-10", day) }
        #expect(try db.store.caseSummary(oct)?.reportDueOn.description == "2026-11-05")
        #expect(try octTotals(LocalDate(2026, 11, 5)).cases == 1)
        #expect(try octTotals(LocalDate(2026, 11, 5)).reportsLate == 0)
        #expect(try octTotals(LocalDate(2026, 11, 6)).reportsLate == 1)
        #expect(try totals("2026-11", LocalDate(2026, 11, 5)).cases == 1)
        _ = a
        // Reported on the due day: on time, however late the totals are counted.
        for c: CaseAction in [.startReview,
                              .assess(validity: .valid, means: .acceptable, behaviours: [.repeatContact], reason: "穏当", opinion: nil),
                              .classify(.legitimateComplaint, reason: "正当"),
                              .draftReport(opinion: "改善を勧める", includeName: false, includeContact: false),
                              .approveReport, .report(sentTo: "総務部")] {
            try db.act(c, on: oct, at: Self.jst("2026-11-05T18:00:00+09:00"))
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
        let (id, _) = try db.intake()
        for c: CaseAction in [.startReview, .assess(validity: .valid, means: .acceptable, behaviours: [], reason: "穏当", opinion: nil),
                              .draftReport(opinion: "改善を勧める", includeName: true, includeContact: true)] {
            try db.act(c, on: id)
        }
        // Only the desk's line prints a report, and it opens the contact details the draft includes.
        for role in Role.allCases {
            guard let r = try? db.desk("u-\(role.rawValue)", role).caseReport(id) else {
                #expect(![.operator, .supervisor].contains(role), "\(role)")
                continue
            }
            let text = r.text() + r.json()
            #expect(text.contains("榊原楓花") && text.contains("090-7346-2281") && text.contains("kaede@example.jp"), "\(role)")
            #expect(text.contains("改善を勧める"))
        }
    }

    @Test("an attachment's file name is shown only to the roles that see the applicant's name")
    func attachmentNames() throws {
        let db = try TemporaryDatabase()
        try db.registerOrganization()
        let outcome = try db.desk().takeIn(Submission(
            organization: "demo-hotel", channel: .email, language: .ja, applicant: .init(anonymous: false, name: "山田花子"),
            complaint: "見積が違う", attachments: [.init(name: "山田花子_見積.pdf", mediaType: "application/pdf", bytes: Data("%PDF-1.4".utf8))]))
        guard case .new(let id, _, _) = outcome else { Issue.record("not taken in"); return }
        // The evidence is the desk's line's; the file's name says who sent it, so it is shown to those who see names.
        for role in Role.allCases {
            guard let items = try? db.desk("u-\(role.rawValue)", role).evidence(of: id) else {
                #expect(![.operator, .supervisor].contains(role), "\(role)")
                continue
            }
            #expect(items.count == 1 && items[0].label == "山田花子_見積.pdf", "\(role)")
            #expect(items[0].content == Data("%PDF-1.4".utf8))
        }
        let withheld = FieldVisibility { _, path in !path.hasSuffix(".name") }
        guard case .intakeRecorded(let p)? = try db.store.load(id.streamID, after: 0, visibility: withheld).first?.event else { return }
        #expect(p.attachments?.first?.name?.text == nil)
    }

    static let t0 = TemporaryDatabase.t0

    static func utc(_ s: String) -> Date {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.date(from: s)!
    }
}
