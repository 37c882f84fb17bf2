import DeskApp
import DeskDomain
import Foundation
import Testing

/// The role matrix, run through `Desk` for every use case: a role is refused exactly where the matrix says, and the
/// permission function the console greys out with says the same.
@Suite("role matrix through the desk")
struct RoleMatrixTests {
    /// What each role may do, written out as the README's table says: a second statement of the matrix to hold it to.
    static let readme: [Role: Set<DeskAction>] = {
        let counter: Set<DeskAction> = [.recordIntake, .recordFacts, .recordStatement, .linkCounterparty, .handOver, .logEnquiry, .addNote,
                                        .takeLadderStep, .recordCounterAction, .listCounterparties, .listOrganizations, .readCaseText]
        let everyone: Set<DeskAction> = [.readQueue, .listSubjects, .listStaff, .verifyLog, .seePresence]
        let op = counter.union([.startReview, .assess, .rejectAsThreat, .takeCase, .draftReport, .report, .recordDecision, .giveFeedback,
                                .completeTask, .openTask, .readContactDetails, .readEvidence, .readReport, .listTasks, .workShift,
                                .readHandovers])
        let sup = op.union([.classify, .overrideLane, .escalate, .approveReport, .close, .placeHold, .liftHold, .assignCase, .setStanding,
                            .eraseSubject, .exportSubject, .runRetention, .setRetention, .registerOrganization, .adoptPolicy,
                            .manageStaff, .rebuild, .fillDemo, .readMonthlyTotals, .readAccessLog, .listConsultations,
                            .seeWholeShiftBoard, .anchorLog, .backUp, .restore])
        let counsellor: Set<DeskAction> = [.eraseEmployee, .exportEmployee, .openConsultation, .readConsultation, .handleConsultation,
                                           .seeConsultationFlags, .listConsultations, .runRetention, .workShift, .readHandovers,
                                           .listOrganizations]
        let auditor: Set<DeskAction> = [.listTasks, .readMonthlyTotals, .readAccessLog, .listConsultations]
        return [.staff: counter.union(everyone), .operator: op.union(everyone), .supervisor: sup.union(everyone),
                .counsellor: counsellor.union(everyone), .auditor: auditor.union(everyone)]
    }()

    @Test("the matrix is the README's table", arguments: Role.allCases)
    func table(_ role: Role) {
        #expect(Set(DeskAction.allCases.filter { RoleMatrix.allows(role, $0) }) == Self.readme[role]!)
    }

    @Test("every use case refuses a role exactly where the matrix does, and the console's permission says the same",
          arguments: Role.allCases)
    func throughTheDesk(_ role: Role) throws {
        for action in DeskAction.allCases {
            let w = try World()
            var refused = false
            do { try Self.invoke(action, w.desk(role), w, role) } catch DeskError.notAllowed(let a, let r) {
                #expect(a == action && r == role, "\(role) \(action) refused as \(a)")
                refused = true
            } catch {
                // Refused for another reason (the case's state, a duplicate): the role was let through.
            }
            #expect(refused == !RoleMatrix.allows(role, action), "\(role) \(action)")
            #expect((Desk.refusal(action, role: role) == nil) == !refused, "\(role) \(action): console and desk disagree")
        }
    }

    @Test("an auditor changes nothing: a review-only console refuses whatever writes")
    func auditor() {
        #expect(RoleMatrix.changesNothing(.auditor) && !RoleMatrix.changesNothing(.staff) && !RoleMatrix.changesNothing(.counsellor))
        for a in DeskAction.allCases where a.writes { #expect(Desk.refusal(a, role: .supervisor, readOnly: true) == .readOnly) }
    }

    @Test("refusals name the role in words and what it needs")
    func messages() {
        #expect(DeskError.notAllowed(.escalate, role: .operator).description == "an operator may not escalate; it needs a supervisor")
        #expect(DeskError.notAllowed(.recordIntake, role: .auditor).description == "an auditor may not record intake; it needs staff")
        #expect(DeskError.notAllowed(.eraseEmployee, role: .supervisor).description
            == "a supervisor may not erase an employee's data; it needs a counsellor")
        #expect(DeskError.notAllowed(.readMonthlyTotals, role: .staff).description
            == "staff may not count the monthly totals; it needs a supervisor or an auditor")
        #expect(RoleMatrix.describe([.operator, .supervisor, .counsellor]) == "an operator or a counsellor")
    }

    @Test("the desk's line reads what happened, not who: names, contacts and any field not yet named stay hidden")
    func fieldsByRole() {
        let staff = RoleMatrix.visibility(for: .staff)
        for path in ["complaint", "requests", "text", "reason", "opinion", "decision", "note", "staff.0.name", "staff.12.characteristics"] {
            #expect(staff.allows("intakeRecorded", path), "\(path)")
        }
        for path in ["applicant.name", "applicant.phone", "applicant.email", "label", "attachments.0.name", "staff.0.phone",
                     "a field added later"] {
            #expect(!staff.allows("intakeRecorded", path), "\(path)")
        }
        #expect(RoleMatrix.visibility(for: .operator).isAll)
        #expect(!RoleMatrix.visibility(for: .auditor).allows("intakeRecorded", "complaint"))
    }

    /// Calls the use case behind `action` as the desk's user; the visibility rows check what the user got to read.
    static func invoke(_ action: DeskAction, _ desk: Desk, _ w: World, _ role: Role) throws {
        let c = w.webCase
        func act(_ a: CaseAction, on id: CaseID? = nil) throws { try desk.act(a, on: id ?? c) }
        func hidden() -> DeskError { .notAllowed(action, role: role) }
        switch action {
        case .recordIntake: _ = try desk.takeIn(World.submission)
        case .recordFacts: try act(.recordFacts(FactSheet()))
        case .recordStatement: try act(.recordStatement(speaker: .applicant, text: "返せ", verbatim: true))
        case .linkCounterparty: try act(.linkCounterparty(label: "常連", existing: nil))
        case .handOver: _ = try desk.handOver(CounterReport(organization: "demo-hotel", complaint: "長時間の苦情"))
        case .startReview: try act(.startReview)
        case .assess: try act(.assess(validity: .valid, means: .acceptable, behaviours: [], reason: "穏当", opinion: nil))
        case .classify: try act(.classify(.legitimateComplaint, reason: "正当"))
        case .overrideLane: try act(.overrideLane(.danger, reason: "刃物"), on: w.counterCase)
        case .escalate: try act(.escalate(.lawyer, reason: "執拗"), on: w.counterCase)
        case .report: try act(.report(sentTo: nil))
        case .close: try act(.close(outcome: "resolved"))
        case .rejectAsThreat: try act(.rejectAsThreat(reason: "脅迫"))
        case .logEnquiry: try act(.logEnquiry(.phone))
        case .addNote: try act(.addNote("メモ"))
        case .takeCase: try act(.assign(to: desk.user))
        case .assignCase: try act(.assign(to: World.user(.operator) + (desk.user == World.user(.operator) ? "x" : "")))
        case .placeHold: try act(.placeHold(.lawsuit, reason: "訴訟"))
        case .liftHold: try act(.liftHold(reason: "終結"))
        case .takeLadderStep: try act(.takeLadderStep(.endResponse), on: w.counterCase)
        case .recordCounterAction: try act(.recordCounterActions([.secondStaff]), on: w.counterCase)
        case .draftReport: try act(.draftReport(opinion: "勧める", includeName: false, includeContact: false))
        case .approveReport: try act(.approveReport)
        case .recordDecision: try act(.recordDecision("打切り", feedback: false))
        case .giveFeedback: try act(.giveFeedback(.phone, text: "伝えた"))
        case .completeTask: try act(.completeTask(.policeReport, reference: "R8-1"))
        case .openTask: try act(.openTask(.policeReport))
        case .readQueue: _ = try desk.queue()
        case .readCaseText:
            guard case .intakeRecorded(let p)? = try desk.caseDetail(c).events.first?.event, p.complaint.text != nil else { throw hidden() }
        case .readContactDetails:
            guard case .intakeRecorded(let p)? = try desk.caseDetail(c).events.first?.event, p.applicant.name?.text != nil else { throw hidden() }
        case .readEvidence: _ = try desk.evidence(of: c)
        case .readReport: _ = try desk.caseReport(c)
        case .listTasks: _ = try desk.tasks(openOnly: false)
        case .readMonthlyTotals: _ = try desk.monthlyTotals("demo-hotel", month: Month("2026-09")!)
        case .listCounterparties: _ = try desk.counterparties()
        case .listSubjects: _ = try desk.subjects()
        case .seePresence: _ = try desk.viewers()
        case .readAccessLog: _ = try desk.accessLog()
        case .listOrganizations: _ = try desk.organizations()
        case .listStaff: _ = try desk.staffList()
        case .verifyLog: _ = try desk.verify()
        case .setStanding:
            let party = try #require(try w.desk(.operator).act(.linkCounterparty(label: "常連", existing: nil), on: c).compactMap {
                if case .counterpartyLinked(let p) = $0 { p.counterparty } else { nil }
            }.first)
            try desk.setStanding(party, .warned, until: LocalDate(2026, 12, 31), reason: "退去に応じない")
        case .eraseSubject: _ = try desk.erase(w.applicant, reason: "本人の請求")
        case .eraseEmployee: _ = try desk.erase(w.employee, reason: "本人の請求")
        case .exportSubject: _ = try desk.disclose(w.applicant, reason: "開示請求")
        case .exportEmployee: _ = try desk.disclose(w.employee, reason: "開示請求")
        case .runRetention: _ = try desk.runRetention()
        case .setRetention: try desk.setRetention("demo-hotel", years: 5)
        case .registerOrganization:
            try desk.registerOrganization(OrganizationRegistered(id: "demo-rail", name: "鉄道", branches: [], reportTo: "本社", language: .ja))
        case .adoptPolicy: try desk.adoptPolicy(.standard, at: "demo-hotel")
        case .manageStaff: try desk.addStaff("new.clerk", role: .staff, displayName: "新人")
        case .rebuild: _ = try desk.rebuild()
        case .backUp: _ = try desk.backup(to: "/nonexistent/backup.sqlite") { _ in }
        case .restore: _ = try desk.restore(over: "/nonexistent/desk.sqlite", copy: "backup.sqlite")
        case .fillDemo: _ = try DemoData(seed: 1, now: World.t0).fill(desk)
        case .anchorLog: _ = try desk.anchor()
        case .listConsultations: _ = try desk.consultations()
        case .openConsultation: _ = try desk.openConsultation(ConsultationRequest(organization: "demo-hotel", anonymous: true, harm: "眠れない"))
        case .readConsultation: _ = try desk.consultation(w.consultation)
        case .handleConsultation: try desk.consult(.addNote("面談"), on: w.consultation)
        case .seeConsultationFlags:
            guard (try? desk.consultations().first?.mentalHealth) == true else { throw hidden() }
        case .workShift: try desk.startShift()
        case .readHandovers: _ = try desk.handovers(last: 3)
        case .seeWholeShiftBoard: _ = try desk.shiftBoard(everyone: true)
        }
    }
}
