import DeskDomain
import Testing

/// Every role against every action: the desk's line is cumulative (staff < operator < supervisor); the counsellor
/// works only on consultations and the auditor changes nothing.
@Suite("role matrix")
struct RoleMatrixTests {
    typealias S = Sample

    /// One instance of every case command.
    static let commands: [CaseCommand] = [
        .recordIntake(S.intake), .recordFacts(S.apologyFacts), .recordStatement(S.statement), .linkCounterparty(S.link), .handOver,
        .startReview, .assess(S.assessment), .classify(S.harassment), .overrideLane(.danger, reason: S.personal("r")),
        .escalate(S.escalation), .report(S.report), .close(S.closing), .rejectAsThreat(S.text("脅迫")), .logEnquiry(.phone),
        .addNote(S.text("メモ")), .assign("tanaka"), .placeHold(S.hold), .liftHold(S.liftReason), .takeLadderStep(.endResponse),
        .draftReport(S.draft), .approveReport, .recordDecision(OrganizationDecided(decision: S.personal("d"), feedback: false)),
        .giveFeedback(FeedbackGiven(channel: .phone, text: S.personal("f"))), .completeTask(TaskDone(kind: .policeReport, reference: "r")),
        .openTask(.policeReport),
    ]

    /// What each role may do, by command name: the table the README gives.
    static let allowed: [Role: Set<String>] = {
        let staff: Set<String> = ["record intake", "record facts", "record statement", "link counterparty", "hand over", "log enquiry",
                                  "add note", "take a police-ladder step"]
        let op = staff.union(["start review", "assess", "reject as threat", "assign", "draft the report", "report",
                              "record the organization's decision", "give feedback to the applicant", "complete a task", "open a task"])
        let sup = op.union(["classify", "override the lane", "escalate", "close", "place a legal hold", "lift the legal hold",
                            "approve the report"])
        return [.staff: staff, .operator: op, .supervisor: sup, .counsellor: [], .auditor: []]
    }()

    /// Every case of `CaseCommand`, numbered: a new command does not compile here until it is added, and `complete`
    /// then fails until `commands` holds one.
    static func index(_ c: CaseCommand) -> Int {
        switch c {
        case .recordIntake: 0
        case .recordFacts: 1
        case .recordStatement: 2
        case .linkCounterparty: 3
        case .handOver: 4
        case .startReview: 5
        case .assess: 6
        case .classify: 7
        case .overrideLane: 8
        case .escalate: 9
        case .report: 10
        case .close: 11
        case .rejectAsThreat: 12
        case .logEnquiry: 13
        case .addNote: 14
        case .assign: 15
        case .placeHold: 16
        case .liftHold: 17
        case .takeLadderStep: 18
        case .draftReport: 19
        case .approveReport: 20
        case .recordDecision: 21
        case .giveFeedback: 22
        case .completeTask: 23
        case .openTask: 24
        }
    }
    static let commandCount = 25

    @Test("the commands listed here are every case command")
    func complete() {
        #expect(Set(Self.commands.map(Self.index)) == Set(0..<Self.commandCount))
        #expect(Set(Self.commands.map(\.name)) == Self.allowed[.supervisor])
        #expect(Self.commands.count == Self.allowed[.supervisor]!.count)
    }

    @Test("each role is let through exactly the commands of its row, whatever the case's state", arguments: Role.allCases)
    func caseCommands(_ role: Role) {
        let states: [[DeskEvent]] = [[], S.atIntake, S.underReview, S.approved, S.reported, S.rejected]
        for c in Self.commands {
            let expected = Self.allowed[role]!.contains(c.name)
            for given in states {
                let state = given.reduce(CaseState.initial, CaseState.evolve)
                var refusedForRole = false
                do { _ = try CaseDecider.decide(c, state, DecisionContext(actor: "tanaka", role: role)) } catch {
                    if case .roleNotAllowed = error { refusedForRole = true }
                }
                #expect(refusedForRole == !expected, "\(role) \(c.name)")
            }
        }
    }

    @Test("assigning a case to someone else is a supervisor's; taking it is an operator's")
    func assignment() throws {
        let state = S.underReview.reduce(CaseState.initial, CaseState.evolve)
        #expect(throws: DecideError.roleNotAllowed(command: "assign a case to someone else", role: .operator, needs: .supervisor)) {
            try CaseDecider.decide(.assign("sato"), state, DecisionContext(actor: "tanaka", role: .operator))
        }
        #expect(try CaseDecider.decide(.assign("tanaka"), state, DecisionContext(actor: "tanaka", role: .operator)).count == 1)
        #expect(try CaseDecider.decide(.assign("tanaka"), state, DecisionContext(actor: "sato", role: .supervisor)).count == 1)
    }

    @Test("consultations and shifts: counsellors alone handle consultations; staff and auditors keep no shift", arguments: Role.allCases)
    func consultationsAndShifts(_ role: Role) {
        let e = SubjectID("s-00000000000000e1")
        let open = ConsultationOpened(organization: "demo-hotel", employee: e, anonymous: true, harm: Personal("h", owner: e))
        let consult = (try? ConsultationDecider.decide(.open(open), ConsultationState(), role: role, today: LocalDate(2026, 11, 25))) != nil
        #expect(consult == (role == .counsellor))
        let shift = (try? ShiftDecider.decide(.start, ShiftState(), role: role)) != nil
        #expect(shift == [.operator, .supervisor, .counsellor].contains(role))
        #expect(role.seesContactDetails == [.operator, .supervisor].contains(role))
    }
}
