import DeskDomain
import Testing

/// "Open", "overdue" and queue order, defined once on the typed read model.
@Suite("case summary")
struct CaseSummaryTests {
    static func row(_ n: Int, _ status: CaseStatus, lane: Lane? = .handover, due: String = "2026-11-30") -> CaseSummary {
        CaseSummary(id: CaseID(number: n), organization: "demo-hotel", channel: .webForm, language: .ja, lane: lane, status: status,
                    openedAt: "2026-11-20T01:00:00.000Z", reportDueOn: LocalDate(iso: due)!, lastActivity: "2026-11-20T01:00:00.000Z",
                    summary: "-", version: 1)
    }

    @Test("a case is overdue only while its report is owed and its day has passed")
    func overdue() {
        let dayAfter = LocalDate(2026, 12, 1), dueDay = LocalDate(2026, 11, 30)
        let owed: Set<CaseStatus> = [.intake, .handedOver, .underReview, .escalated]
        for s in CaseStatus.allCases {
            #expect(Self.row(1, s).isOverdue(on: dayAfter) == owed.contains(s), "\(s)")
            #expect(!Self.row(1, s).isOverdue(on: dueDay), "\(s) on its due day")
        }
        #expect(CaseStatus.allCases.filter(\.isOpen) == [.intake, .handedOver, .underReview, .reported, .escalated])
    }

    @Test("queue order: open before closed, danger first, then the due day, then the number")
    func order() {
        let rows = [Self.row(1, .closed, lane: .danger, due: "2026-11-01"), Self.row(2, .underReview, due: "2026-11-28"),
                    Self.row(3, .reported, lane: .danger, due: "2026-12-05"), Self.row(4, .intake, lane: nil, due: "2026-11-28"),
                    Self.row(5, .rejectedThreat, lane: nil, due: "2026-10-01"), Self.row(6, .escalated, lane: .complaint, due: "2026-11-02")]
        #expect(rows.sorted(by: CaseSummary.queueOrder).map(\.id.number) == [3, 6, 2, 4, 1, 5])
    }

    @Test("an escalation moves every state to escalated but a reported or rejected case, which stay as they are")
    func escalation() {
        let e = DeskEvent.escalated(Escalated(target: .police, reason: Personal("r", owner: SubjectID("s-00000000000000a1"))))
        for s in CaseStatus.allCases {
            #expect(CaseStatus.after(e, from: s) == ([.reported, .rejectedThreat].contains(s) ? s : .escalated))
        }
        #expect(CaseStatus.after(e, from: nil) == nil)
    }
}
